"""glossary → TBX → import → TBX and glossary → CSV → import → CSV keep every concept's data."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary import Glossary, load
from glossary.cli import main
from glossary.exchange.csv import read_csv, write_csv
from glossary.exchange.tbx import read_tbx, write_tbx
from glossary.model.schema import check_dirs

MINI = Path(__file__).resolve().parents[1] / "data" / "mini"


def _import(tmp: Path, path: Path) -> Glossary:
    into = tmp / "into"
    assert main(["import", str(path), "--into", str(into)]) == 0
    _concepts, problems, _ = check_dirs([into])  # what `glossary validate` runs
    assert problems == []
    return load(into, cache=False)


@pytest.mark.parametrize("fmt", ["tbx", "csv", "tsv"])
def test_bundled_glossary_round_trips(bundled: Glossary, tmp_path: Path, fmt: str) -> None:
    first = tmp_path / f"first.{fmt}"
    assert main(["export", "--format", fmt, "-o", str(first)]) == 0
    back = _import(tmp_path, first)
    assert [c.to_dict() for c in back] == [c.to_dict() for c in bundled]
    second = tmp_path / f"second.{fmt}"
    assert main(["export", "--terms", str(tmp_path / "into"), "--format", fmt, "-o", str(second)]) == 0
    assert second.read_bytes() == first.read_bytes()


def test_round_trip_keeps_every_kind_of_field(mini: Glossary) -> None:
    # the small test glossary has abbreviations with expansions, misspellings, schemes, titles, articles
    data = write_tbx(mini)
    entries = read_tbx(data, "mini.tbx").entries
    assert entries == [_shape(c.to_dict()) for c in mini]
    rows = read_csv(write_csv(mini, bom=True), "mini.csv").entries
    assert rows == entries


def _shape(entry: dict[str, object]) -> dict[str, object]:
    from glossary.exchange.records import normalise_entry

    return normalise_entry(entry)


def test_bundled_round_trip_covers_the_hard_fields(bundled: Glossary) -> None:
    """The data exercise what the round trip claims to keep (else the test above proves little)."""
    seen = set()
    for c in bundled:
        d = c.to_dict()
        seen.update(k for k in d if d[k])
        for lang in ("en", "ru", "uk"):
            seen.update(f"{lang}.{k}" for k in d.get(lang, {}))
        seen.update(f"romanized.{k}" for r in d.get("romanized", []) for k in r)
        seen.update(f"sources.{k}" for s in d["sources"] for k in s)
    for needed in (
        "article",
        "romanized.misspelling",
        "romanized.scheme",
        "ru.abbreviations",
        "ru.derived",
        "en.title",
        "related",
        "valid_to",
        "web",
        "notes",
        "sources.supports",
        "sources.reliability",
        "ru.deprecated",
    ):
        assert needed in seen, needed
