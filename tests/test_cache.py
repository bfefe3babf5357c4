"""The built-glossary cache: what makes it stale, and that a failed write leaves nothing behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from glossary import cache, load
from glossary.resources import terms_dirs

DATA = Path(__file__).parent / "data"


def test_stamp_names_the_morphology_dependencies() -> None:
    text = cache.stamp(terms_dirs(None))
    assert "pymorphy3-" in text  # an analyser upgrade changes inflected forms, so it must change the stamp
    assert any(line.startswith("pymorphy3_dicts_ru-") for line in text.splitlines())


def test_dependency_upgrade_changes_the_stamp(monkeypatch: pytest.MonkeyPatch) -> None:
    dirs = terms_dirs(None)
    before = cache.stamp(dirs)
    monkeypatch.setattr(cache, "dependency_versions", lambda: ["pymorphy3_dicts_ru-9.9.9.dist-info"])
    assert cache.stamp(dirs) != before


def test_only_index_shaping_code_is_stamped() -> None:
    package = Path(cache.__file__).resolve().parent
    stamped = {p.relative_to(package).as_posix() for p in cache.index_code_files()}
    assert "match/index.py" in stamped
    assert "text/fold.py" in stamped
    assert "store.py" in stamped
    assert any(p.startswith("translit/") and p.endswith(".yaml") for p in stamped)  # the scheme tables
    # editing the CLI, the citations wing or lookup's scoring does not force a rebuild
    assert not any(p.startswith(("citations/", "commands/", "exchange/")) for p in stamped)
    assert "cli.py" not in stamped
    assert "match/lookup.py" not in stamped


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "g.marshal"
    assert cache.write(path, "stamp-1", {"a": 1}, {"b": 2})
    found = cache.read(path, "stamp-1")
    assert found is not None
    core, extended = found
    assert core == {"a": 1}
    assert extended() == {"b": 2}
    assert cache.read(path, "stamp-2") is None  # stale


def test_corrupt_cache_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "g.marshal"
    path.write_bytes(b"\x05\x00\x00\x00\x00\x00\x00\x00garbage")
    assert cache.read(path, "anything") is None


def test_failed_write_leaves_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(src: str, dst: str) -> None:
        msg = "disk full"
        raise OSError(msg)

    monkeypatch.setattr(os, "replace", refuse)
    assert not cache.write(tmp_path / "g.marshal", "s", {}, {})
    assert list(tmp_path.iterdir()) == []


def test_unwritable_cache_still_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))
    glossary = load(DATA / "mini")
    assert len(glossary) > 0


def test_cache_from_another_layout_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    dirs = terms_dirs(DATA / "mini")
    cache.write(cache.cache_file(dirs), cache.stamp(dirs), {"unexpected": True}, {})
    assert len(load(DATA / "mini")) > 0
