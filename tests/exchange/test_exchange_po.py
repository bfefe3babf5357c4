"""PO/POT/MO export: msgctxt = concept id, never fuzzy, accepted by msgfmt, read back by polib and gettext."""

from __future__ import annotations

import gettext
import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from glossary import Glossary
from glossary.cli import main

needs_msgfmt = pytest.mark.skipif(
    shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed (apt-get install gettext)"
)


def _export(tmp_path: Path, fmt: str, lang: str | None = None) -> Path:
    out = tmp_path / f"out.{fmt}"
    assert main(["export", "--format", fmt, *(["--lang", lang] if lang else []), "-o", str(out)]) == 0
    return out


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_po_entries(bundled: Glossary, tmp_path: Path, lang: str) -> None:
    po = polib.pofile(str(_export(tmp_path, "po", lang)))
    assert po.metadata["Language"] == lang
    assert "nplurals=3" in po.metadata["Plural-Forms"]
    by_ctx = {e.msgctxt: e for e in po}
    with_en = [c for c in bundled if c.preferred("en")]
    assert len(po) == len(with_en)
    for c in with_en:
        e = by_ctx[c.id]
        assert e.msgid == c.preferred("en")
        assert e.msgstr == (c.preferred(lang) or "")
    assert not [e for e in po if "fuzzy" in e.flags]
    assert by_ctx["rosgvardiya"].comment.startswith("type: security-formation")
    if lang == "ru":
        assert by_ctx["rosgvardiya"].msgstr == "Росгвардия"
        assert "abbreviations (ru): ФСВНГ" in by_ctx["rosgvardiya"].comment
        assert "definition: " in by_ctx["rosgvardiya"].comment


def test_homonyms_stay_apart(tmp_path: Path) -> None:
    po = polib.pofile(str(_export(tmp_path, "po", "ru")))
    ids = [e.msgid for e in po]
    dupes = {m for m in ids if ids.count(m) > 1}
    # where two concepts share an English term, msgctxt keeps both entries (and msgfmt accepts it)
    for msgid in dupes:
        assert len({e.msgctxt for e in po if e.msgid == msgid}) == ids.count(msgid)


def test_unverified_rendering_is_a_comment_and_survives_compilation(
    bundled: Glossary, tmp_path: Path
) -> None:
    po = polib.pofile(str(_export(tmp_path, "po", "ru")))
    flagged = [e for e in po if "UNVERIFIED" in e.comment]
    assert flagged, "the bundled glossary has working translations; they must be marked"
    mo = _export(tmp_path, "mo", "ru")
    with mo.open("rb") as fh:
        t = gettext.GNUTranslations(fh)
    for e in flagged:
        if e.msgstr:
            assert t.pgettext(e.msgctxt, e.msgid) == e.msgstr
    assert t.pgettext("rosgvardiya", "National Guard of Russia") == "Росгвардия"


def test_pot_is_a_template(tmp_path: Path) -> None:
    pot = polib.pofile(str(_export(tmp_path, "pot")))
    assert len(pot) > 100
    assert all(e.msgstr == "" for e in pot)


@needs_msgfmt
@pytest.mark.parametrize(("fmt", "lang"), [("po", "ru"), ("po", "uk"), ("pot", None)])
def test_msgfmt_accepts_exported_catalog(tmp_path: Path, fmt: str, lang: str | None) -> None:
    path = _export(tmp_path, fmt, lang)
    done = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "x.mo"), str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    if lang:  # GNU's compiled file and ours translate alike
        with (tmp_path / "x.mo").open("rb") as fh:
            assert gettext.GNUTranslations(fh).pgettext(
                "fsb", "Federal Security Service of the Russian Federation"
            ) == ("ФСБ России" if lang == "ru" else "Federal Security Service of the Russian Federation")


def test_po_needs_lang(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "po"]) == 2
    assert "--lang" in capsys.readouterr().err
