"""The shipped catalogs agree with the code: nothing missing, stale, fuzzy or uncompiled.

Run `make catalogs` to re-extract, update and compile after changing a message; then translate the
new entries (docs/translating.md). The extraction here uses Babel exactly as `make catalogs` does.
"""

from __future__ import annotations

import gettext
import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "locales"
LANGS = ("ru", "uk")
Key = tuple[str | None, str, str | None]  # msgctxt, msgid, msgid_plural


def _extracted() -> dict[Key, list[str]]:
    with (ROOT / "babel.cfg").open(encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    keys: dict[Key, list[str]] = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
        ROOT / "src", method_map, options_map, keywords=DEFAULT_KEYWORDS
    ):
        msgid, plural = (message[0], message[1]) if isinstance(message, tuple) else (message, None)
        if msgid:
            keys.setdefault((context, msgid, plural), []).append(f"src/{filename}:{lineno}")
    return keys


EXTRACTED = _extracted()


def _key(entry: polib.POEntry) -> Key:
    return (entry.msgctxt, entry.msgid, entry.msgid_plural or None)


def _show(keys: set[Key]) -> str:
    return "\n".join(f"  {k[1]!r}" + (f" (context {k[0]!r})" if k[0] else "") for k in sorted(keys, key=str))


def test_extraction_finds_the_cli_messages() -> None:
    ids = {k[1] for k in EXTRACTED}
    assert "Error: {message}" in ids  # cli.py, through _()
    assert "usage: " in ids  # argparse's words, through N_()
    assert any(k[2] for k in EXTRACTED)  # ngettext plurals


def test_template_is_current() -> None:
    pot = {_key(e) for e in polib.pofile(str(LOCALES / "glossary.pot")) if not e.obsolete}
    missing, stale = set(EXTRACTED) - pot, pot - set(EXTRACTED)
    assert not missing, f"messages not in locales/glossary.pot (run `make catalogs`):\n{_show(missing)}"
    assert not stale, f"stale messages in locales/glossary.pot (run `make catalogs`):\n{_show(stale)}"


@pytest.mark.parametrize("lang", LANGS)
def test_catalog_translates_every_message(lang: str) -> None:
    po = polib.pofile(str(LOCALES / lang / "LC_MESSAGES" / "glossary.po"))
    assert po.metadata.get("Language") == lang
    entries = {_key(e): e for e in po}
    obsolete = {k for k, e in entries.items() if e.obsolete}
    live = {k: e for k, e in entries.items() if not e.obsolete}
    missing = set(EXTRACTED) - set(live)
    untranslated = {k for k, e in live.items() if not e.translated()}
    fuzzy = {k for k, e in live.items() if "fuzzy" in e.flags}
    stale = set(live) - set(EXTRACTED)
    where = f"locales/{lang}/LC_MESSAGES/glossary.po"
    assert not missing, f"{where}: messages missing (run `make catalogs`, then translate):\n{_show(missing)}"
    assert not fuzzy, f"{where}: fuzzy entries (review, then remove the flag):\n{_show(fuzzy)}"
    assert not untranslated, f"{where}: untranslated entries:\n{_show(untranslated)}"
    assert not stale, f"{where}: stale entries (run `make catalogs`):\n{_show(stale)}"
    assert not obsolete, f"{where}: obsolete (#~) entries:\n{_show(obsolete)}"


_BRACES = re.compile(r"\{[A-Za-z_]\w*(?:![rsa])?(?::[^{}]*)?\}")  # {name}, {found!r}, {n:,}; not JSON prose
_PERCENT = re.compile(r"%(?:\([a-z_]+\))?[srd]")


@pytest.mark.parametrize("lang", LANGS)
def test_translations_keep_the_placeholders(lang: str) -> None:
    bad = []
    for e in polib.pofile(str(LOCALES / lang / "LC_MESSAGES" / "glossary.po")):
        sources = [e.msgid, e.msgid_plural] if e.msgid_plural else [e.msgid]
        want = {p for s in sources for rx in (_BRACES, _PERCENT) for p in rx.findall(s)}
        outs = list(e.msgstr_plural.values()) if e.msgid_plural else [e.msgstr]
        for out in filter(None, outs):  # untranslated entries fail the test above
            got = {p for rx in (_BRACES, _PERCENT) for p in rx.findall(out)}
            # a plural form may leave out the number ({n}) when the word says it, never add one
            if got - want or (want - got) - {"{n}", "{count}", "%s"}:
                bad.append(f"line {e.linenum}: {e.msgid!r}: {sorted(want)} vs {out!r}")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("lang", LANGS)
def test_compiled_catalog_matches_its_source(lang: str) -> None:
    folder = LOCALES / lang / "LC_MESSAGES"
    po = polib.pofile(str(folder / "glossary.po"))
    with (folder / "glossary.mo").open("rb") as fh:
        mo = gettext.GNUTranslations(fh)
    want: dict[object, str] = {}
    for e in po.translated_entries():
        msgid = f"{e.msgctxt}\x04{e.msgid}" if e.msgctxt else e.msgid
        if e.msgid_plural:
            for i, text in e.msgstr_plural.items():
                want[(msgid, int(i))] = text
        else:
            want[msgid] = e.msgstr
    got = {k: v for k, v in mo._catalog.items() if k != ""}  # type: ignore[attr-defined]
    assert got == want, f"locales/{lang}/LC_MESSAGES/glossary.mo is out of date: run `make catalogs`"


@pytest.mark.skipif(
    shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed (apt-get install gettext)"
)
@pytest.mark.parametrize("name", ["glossary.pot", "ru/LC_MESSAGES/glossary.po", "uk/LC_MESSAGES/glossary.po"])
def test_msgfmt_accepts_shipped_catalog(name: str) -> None:
    done = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(LOCALES / name)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
