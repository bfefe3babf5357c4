"""The installed wheel carries the compiled catalogs and speaks Russian and Ukrainian from them."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
NOT_FOUND = (
    "No concept matches '{query}'. Try another spelling, the Cyrillic form, an abbreviation, "
    "or a shorter query."
)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("i18n-dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(out.glob("glossary-*.whl"))
    env_dir = tmp_path_factory.mktemp("i18n-venv")
    venv.create(env_dir, with_pip=True)
    subprocess.run(
        [str(env_dir / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    return wheel, env_dir


def test_wheel_contains_compiled_catalogs(installed: tuple[Path, Path]) -> None:
    names = zipfile.ZipFile(installed[0]).namelist()
    for lang in ("ru", "uk"):
        assert f"glossary/locales/{lang}/LC_MESSAGES/glossary.mo" in names


def _expected(lang: str, query: str) -> str:
    po = polib.pofile(str(ROOT / "locales" / lang / "LC_MESSAGES" / "glossary.po"))
    entry = po.find(NOT_FOUND)
    assert entry is not None
    assert entry.msgstr
    return entry.msgstr.format(query=query)


@pytest.mark.parametrize(
    ("env", "args", "lang"),
    [
        ({"LANGUAGE": "ru"}, [], "ru"),
        ({"LANGUAGE": "uk"}, [], "uk"),
        ({"LANG": "ru_RU.UTF-8"}, [], "ru"),
        ({"LANG": "uk_UA.UTF-8"}, [], "uk"),
        ({"LANGUAGE": "uk"}, ["--ui-lang", "ru"], "ru"),
        ({}, [], "en"),
    ],
)
def test_installed_command_speaks_the_language(
    installed: tuple[Path, Path], tmp_path: Path, env: dict[str, str], args: list[str], lang: str
) -> None:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "GLOSSARY_TERMS", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
    }
    clean.update(env, GLOSSARY_CACHE=str(tmp_path / "cache"))
    done = subprocess.run(
        [str(installed[1] / "bin" / "glossary"), "lookup", "nosuchterm", *args],
        cwd=tmp_path,
        env=clean,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    want = NOT_FOUND.format(query="nosuchterm") if lang == "en" else _expected(lang, "nosuchterm")
    assert done.stderr.strip() == want
