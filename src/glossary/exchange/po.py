"""The glossary as gettext catalogs for other applications: PO, POT and MO.

One entry per concept with an English preferred term: ``msgctxt`` = concept id (so homonyms stay
apart), ``msgid`` = English preferred term, ``msgstr`` = the target language's preferred term.
Extracted comments (``#.``) carry the type, definition, variants and sources. A rendering whose
source is marked with a reliability note (e.g. "working translation") is flagged in a comment, never
as ``fuzzy``: fuzzy entries are left out of compiled ``.mo`` files, and the term would vanish.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from glossary.model.concept import Concept

if TYPE_CHECKING:
    import polib  # type: ignore[import-untyped]

#: gettext Plural-Forms of the target languages (as in GNU gettext's and CLDR's tables).
_EAST_SLAVIC = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
)
PLURAL_FORMS = {"ru": _EAST_SLAVIC, "uk": _EAST_SLAVIC, "en": "nplurals=2; plural=(n != 1);"}


@dataclass
class PoExport:
    catalog: polib.POFile
    #: concepts left out because they have no English preferred term (no msgid)
    skipped: list[str] = field(default_factory=list)
    untranslated: int = 0


def _comments(concept: Concept, lang: str | None) -> list[str]:
    lines = [f"type: {concept.type}; jurisdiction: {', '.join(concept.jurisdiction)}"]
    en = concept.terms.get("en")
    if en and en.definition:
        lines.append(f"definition: {en.definition}")
    for code in ("en", lang) if lang and lang != "en" else ("en",):
        block = concept.terms.get(code)
        if not block:
            continue
        if block.full and block.full != block.preferred:
            lines.append(f"full name ({code}): {block.full}")
        if block.admitted:
            lines.append(f"admitted ({code}): {'; '.join(block.admitted)}")
        if block.abbreviations:
            lines.append(f"abbreviations ({code}): {'; '.join(a.form for a in block.abbreviations)}")
        if block.deprecated:
            lines.append(f"deprecated, do not use ({code}): {'; '.join(block.deprecated)}")
    for src in concept.sources:
        if lang is None or not src.supports or any(s.startswith((f"{lang}.", "en.")) for s in src.supports):
            note = f" [{src.reliability}]" if src.reliability else ""
            lines.append(f"source: {src.ref}{note}")
    unverified = [
        s.reliability
        for s in concept.sources
        if s.reliability and lang and any(x.startswith(f"{lang}.") for x in s.supports)
    ]
    if unverified:
        lines.append(f"UNVERIFIED rendering ({'; '.join(unverified)}): check before use")
    # a PO comment is one line: fold any line breaks of the data
    return [" ".join(line.split()) for line in lines]


def build_catalog(concepts: Iterable[Concept], lang: str | None, *, version: str = "") -> PoExport:
    """A catalog from English to *lang* (``ru``/``uk``), or a template (``lang=None``)."""
    import polib

    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": f"glossary {version}".strip(),
        "Report-Msgid-Bugs-To": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": "glossary export",
    }
    if lang:
        po.metadata["Language"] = lang
        po.metadata["Plural-Forms"] = PLURAL_FORMS[lang]
        po.metadata["Language-Team"] = lang
        po.metadata["Last-Translator"] = "glossary export"
        po.metadata["PO-Revision-Date"] = "2000-01-01 00:00+0000"  # deterministic; the data have no date
    result = PoExport(po)
    for concept in concepts:
        msgid = concept.preferred("en")
        if not msgid:
            result.skipped.append(concept.id)
            continue
        msgstr = (concept.preferred(lang) or "") if lang else ""
        if lang and not msgstr:
            result.untranslated += 1
        po.append(
            polib.POEntry(
                msgctxt=concept.id, msgid=msgid, msgstr=msgstr, comment="\n".join(_comments(concept, lang))
            )
        )
    return result
