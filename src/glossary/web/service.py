"""What the web pages and the JSON API compute: the CLI's ``--json`` payloads, framework-free.

Every function takes a loaded :class:`~glossary.store.Glossary` and plain values and returns JSON-ready
data, so the pages, the API and the tests share one implementation and the API mirrors the CLI.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from glossary.errors import UsageError
from glossary.i18n import _

if TYPE_CHECKING:
    from glossary.model.concept import Concept
    from glossary.store import Glossary

#: the relation fields of a concept card, in the order shown
RELATIONS = ("broader", "part_of", "successor_of", "related", "ambiguous")
#: file kinds the "check a report" page reads; anything else is refused with a clear message
TEXT_SUFFIXES = (".txt", ".text", ".md", ".bib", ".bibtex", ".ris", ".json")
DOCUMENT_SUFFIXES = (".docx", ".pdf")


def lookup(glossary: Glossary, query: str, *, top: int = 5) -> dict[str, Any]:
    """``glossary lookup QUERY --json``: ``{"query", "matches": [...]}``, best first."""
    from glossary.commands.lookup import match_json
    from glossary.model.concept import LANGS

    query = query.strip()
    if not query:
        raise UsageError(_("nothing to look up: the query is empty"))
    if not 1 <= top <= 50:
        raise UsageError(_("top must be between 1 and 50"))
    matches = glossary.match(query, top=top)
    return {"query": query, "matches": [match_json(m, LANGS) for m in matches]}


def concept_card(glossary: Glossary, concept_id: str) -> dict[str, Any]:
    """A concept as the YAML entry has it, plus its romanizations under every scheme and linked relations."""
    from glossary import translit

    try:
        concept = glossary.get(concept_id)
    except KeyError:
        raise UsageError(_("no concept with id '{id}'").format(id=concept_id)) from None
    card = concept.to_dict()
    card["label"] = concept.label
    schemes: dict[str, dict[str, str]] = {}
    for lang in ("ru", "uk"):
        form = concept.preferred(lang)
        if form:
            schemes[lang] = translit.romanizations(form, lang=lang)
    card["schemes"] = schemes
    card["relations"] = {
        name: [_related(glossary, other) for other in getattr(concept, name)]
        for name in RELATIONS
        if getattr(concept, name)
    }
    return card


def _related(glossary: Glossary, concept_id: str) -> dict[str, Any]:
    """A linked concept's id and label (``known`` is false for an id outside this glossary)."""
    if concept_id in glossary:
        return {"id": concept_id, "label": glossary.get(concept_id).label, "known": True}
    return {"id": concept_id, "label": concept_id, "known": False}


def annotate(glossary: Glossary, text: str) -> list[dict[str, Any]]:
    """``glossary annotate --json``: every mention with character offsets into *text*."""
    from glossary.commands.annotate import mention_json

    return [mention_json(m) for m in glossary.annotate(text)]


def translit_all(text: str, *, lang: str | None = None) -> dict[str, Any]:
    """``glossary translit --all --json``: the text under every scheme of its language."""
    from glossary import translit

    text = text.strip()
    if not text:
        raise UsageError(_("nothing to transliterate: the text is empty"))
    if lang not in (None, "ru", "uk"):
        raise UsageError(_("unknown language {bad} (choose from: {valid})").format(bad=lang, valid="ru, uk"))
    lang = lang or translit.detect_language(text) or translit.DEFAULT_LANG
    return {"text": text, "lang": lang, "romanizations": translit.romanizations(text, lang=lang)}


def translit_reverse(glossary: Glossary, text: str, *, lang: str, top: int = 5) -> dict[str, Any]:
    """``glossary translit --reverse --json``: scored Cyrillic candidates for a romanized text, best first."""
    from glossary.commands.translit import reverse_json

    text = text.strip()
    if not text:
        raise UsageError(_("nothing to transliterate: the text is empty"))
    if lang not in ("ru", "uk"):
        raise UsageError(_("unknown language {bad} (choose from: {valid})").format(bad=lang, valid="ru, uk"))
    return reverse_json(glossary, text, lang=lang, top=top)


@dataclass
class Report:
    """A checked document: its text, the format read, the mentions in it and ``check``'s findings."""

    name: str
    text: str
    format: str
    citations: int
    findings: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    locations: dict[int, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name, "format": self.format, "citations": self.citations,
            "findings": self.findings, "mentions": self.mentions,
            "locations": {str(k): v for k, v in self.locations.items()},
        }


def decode_upload(data: bytes, name: str) -> str:
    """An uploaded text file as text; a binary or non-UTF-8 file is a clear error, not mojibake."""
    suffix = os.path.splitext(name)[1].lower()
    if suffix and suffix not in TEXT_SUFFIXES:
        raise UsageError(
            _("{name}: cannot read this kind of file (use .txt, .docx, .pdf, .bib, .ris or .json)").format(name=name)
        )
    if b"\x00" in data[:8192]:
        raise UsageError(_("{name}: a binary file, not text").format(name=name))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(_("{path}: not UTF-8 text (byte {pos})").format(path=name, pos=exc.start)) from None


def check_report(glossary: Glossary, text: str, *, name: str = "pasted.txt", fmt: str | None = None) -> Report:
    """Run ``glossary check`` and ``annotate`` over a document's text.

    The text goes through the same reader as the CLI (format guessed from name and content, or *fmt*),
    from a file in a private temporary folder that is removed afterwards.
    """
    from glossary.citations import check, read

    safe = os.path.basename(name.replace("\\", "/")).replace("\x00", "") or "pasted.txt"
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # a browser's form sends CRLF
    with tempfile.TemporaryDirectory(prefix="glossary-serve-") as folder:
        path = os.path.join(folder, safe)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        used, items = read(path, fmt=fmt, glossary=glossary, with_text=True)
        with check(items, glossary) as checked:
            citations = checked.citations
            findings: list[dict[str, Any]] = [f.to_json() for f in checked] if citations else []
    return Report(name=safe, text=text, format=used, citations=citations, findings=findings,
                  mentions=annotate(glossary, text))


def check_upload(glossary: Glossary, data: bytes, name: str, *, fmt: str | None = None) -> Report:
    """Check an uploaded file: Word and PDF through :mod:`glossary.documents`, text files as UTF-8.

    A finding's lines are lines of the document's text; for Word and PDF, ``locations`` names the
    footnote, paragraph or page each of them comes from.
    """
    from glossary.documents import read_document

    suffix = os.path.splitext(name)[1].lower()
    if suffix not in DOCUMENT_SUFFIXES:
        return check_report(glossary, decode_upload(data, name), name=name, fmt=fmt)
    doc = read_document(data, name)
    if doc.kind == "text":  # named .docx/.pdf but plain text inside
        return check_report(glossary, doc.text, name=os.path.splitext(name)[0] + ".txt", fmt=fmt)
    report = check_report(glossary, doc.text, name=os.path.splitext(name)[0] + ".txt", fmt=fmt)
    report.name = name
    lines = {n for f in report.findings for n in f["lines"]}
    report.locations = {n: doc.location(n) for n in sorted(lines)}
    return report


@dataclass
class Segment:
    """A run of one line's text, inside a mention (``mention`` is its index) or not."""

    text: str
    mention: int | None = None


def segment_lines(text: str, mentions: list[dict[str, Any]]) -> list[list[Segment]]:
    """The text as lines of segments, each mention a segment (split where it crosses a line end).

    Mentions are taken in order and an overlapping one is skipped, so every character of *text* is in
    exactly one segment: joining the segments and lines gives the text back.
    """
    spans: list[tuple[int, int, int]] = []
    last = 0
    for i, m in enumerate(mentions):
        start, end = m["start"], m["end"]
        if start >= last and end > start:
            spans.append((start, end, i))
            last = end
    lines: list[list[Segment]] = [[]]
    pos = 0

    def emit(chunk: str, index: int | None) -> None:
        parts = chunk.split("\n")
        for n, part in enumerate(parts):
            if n:
                lines.append([])
            if part:
                lines[-1].append(Segment(part, index))

    for start, end, i in spans:
        emit(text[pos:start], None)
        emit(text[start:end], i)
        pos = end
    emit(text[pos:], None)
    return lines


def concept_summary(concept: Concept) -> dict[str, Any]:
    """The few fields a hover card shows."""
    return {"id": concept.id, "label": concept.label, "type": concept.type, "en": concept.preferred("en")}
