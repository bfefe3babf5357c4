"""TBX: write TBX-Basic (ISO 30042:2019, DCA style); read it and TBX 2008 ``martif`` files safely.

Writing maps each concept to a ``conceptEntry``: subject fields, cross-references, sources and the
English definition as TBX-Basic data categories; each form as a ``termSec`` with its term type and
administrative status; romanized forms in a ``ru-Latn`` / ``uk-Latn`` / ``und-Latn`` language
section. Facts TBX-Basic has no category for (concept type, jurisdiction, dates, the form's exact
role) ride in ``<note>glossary.FIELD: value</note>`` so that glossary → TBX → glossary is lossless;
other tools show them as ordinary notes.

Reading parses untrusted XML with defusedxml: entity declarations (billion laughs), external
entities and a DOCTYPE that names a remote or absolute DTD are refused before any expansion or
fetch; problems are reported with the line they are on.
"""

from __future__ import annotations

import json
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from glossary.errors import DataError, Problem
from glossary.exchange.records import (
    ITEM_FIELDS,
    LATIN_SUFFIX,
    TermRecord,
    add_term,
    concept_items,
    normalise_entry,
    romanized_tag,
    set_item,
    term_records,
)
from glossary.model.concept import LANGS, Concept

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RNG = (
    "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/"
    "TBXcoreStructV03_TBX-Basic_integrated.rng"
)
PREFIX = "glossary."
#: Our kind → (TBX-Basic termType or None, administrativeStatus).
TERM_TYPE = {
    "full": "fullForm",
    "abbreviation": "abbreviation",
    "derived": "variant",
    "romanized": "variant",
    "misspelling": "variant",
}
STATUS = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "deprecated": "deprecatedTerm-admn-sts",
}
ABBREVIATION_TYPES = frozenset({"abbreviation", "acronym", "shortForm", "initialism", "clippedTerm"})
RELATION_FIELDS = ("related", "broader", "part_of", "successor_of")


# --- writing ---------------------------------------------------------------------------------------


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    elem = ET.SubElement(parent, tag, {k.replace("_", ""): v for k, v in attrs.items()})
    elem.text = text
    return elem


def _note(parent: ET.Element, fld: str, text: str) -> None:
    _sub(parent, "note", f"{PREFIX}{fld}: {text}")


def _term_sec(lang_sec: ET.Element, rec: TermRecord) -> None:
    sec = _sub(lang_sec, "termSec")
    _sub(sec, "term", rec.text)
    if rec.kind in TERM_TYPE:
        _sub(sec, "termNote", TERM_TYPE[rec.kind], type="termType")
    _sub(sec, "termNote", STATUS[rec.status], type="administrativeStatus")
    _note(sec, "kind", rec.kind)
    for fld in ("expansion", "scheme", "note"):
        value = getattr(rec, fld)
        if value:
            _note(sec, fld, value)


def concept_element(concept: Concept) -> ET.Element:
    entry = concept.to_dict()
    elem = ET.Element("conceptEntry", {"id": concept.id})
    definition = None
    for fld, text in concept_items(entry):
        if fld == "domains":
            _sub(elem, "descrip", text, type="subjectField")
        elif fld in RELATION_FIELDS:
            _sub(elem, "ref", fld, type="crossReference", target=text)
        elif fld == "web":
            target = text if "://" in text else f"https://{text}"
            _sub(elem, "xref", text, type="externalCrossReference", target=target)
        elif fld == "sources":
            # the reference for any TBX tool, then the whole record (url, supports, reliability) for us
            _sub(elem, "admin", json.loads(text)["ref"], type="source")
            _note(elem, fld, text)
        elif fld == "notes":
            _sub(elem, "note", text)
        elif fld == "definition":
            definition = text
        else:
            _note(elem, fld, text)
    section: ET.Element | None = None
    for rec in term_records(entry):
        if section is None or section.get(XML_LANG) != rec.lang:
            section = ET.SubElement(elem, "langSec", {XML_LANG: rec.lang})
            if rec.lang == "en" and definition:
                _sub(section, "descrip", definition, type="definition")
                definition = None
        _term_sec(section, rec)
    if definition:  # a definition with no English term
        section = ET.SubElement(elem, "langSec", {XML_LANG: "en"})
        _sub(section, "descrip", definition, type="definition")
    return elem


def write_tbx(concepts: Iterable[Concept], *, description: str = "Exported by glossary") -> bytes:
    """The concepts as a TBX-Basic 2019 document (UTF-8 bytes, deterministic)."""
    root = ET.Element("tbx", {"xmlns": NS, "style": "dca", "type": "TBX-Basic", XML_LANG: "en"})
    header = _sub(root, "tbxHeader")
    _sub(_sub(_sub(header, "fileDesc"), "sourceDesc"), "p", description)
    body = _sub(_sub(root, "text"), "body")
    for concept in concepts:
        body.append(concept_element(concept))
    ET.indent(root, space="  ")
    model = (
        f'<?xml-model href="{RNG}" type="application/xml" '
        'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + model + ET.tostring(root, encoding="unicode") + "\n"
    ).encode("utf-8")


# --- reading ---------------------------------------------------------------------------------------


class _LineBuilder(ET.TreeBuilder):
    """Remembers the line each element starts on, for error messages."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[int, int] = {}
        self.parser: Any = None

    def start(self, tag: Any, attrs: Any) -> ET.Element:
        elem = super().start(tag, attrs)
        self.lines[id(elem)] = self.parser.CurrentLineNumber if self.parser is not None else 0
        return elem


def _refuse_remote_dtd(name: str, sysid: str | None, pubid: str | None, internal: bool) -> None:
    # TBX 2008 files name their DTD ("TBXcoreStructV02.dtd"); it is never loaded. A DOCTYPE that
    # points anywhere else (http:, file:, an absolute path) is refused outright.
    if sysid and ("://" in sysid or sysid.startswith(("/", "\\")) or ":" in sysid[:3]):
        msg = f"external DTD {sysid!r} refused (DTDs are never fetched)"
        raise _Refused(msg)


class _Refused(Exception):
    pass


def parse_xml(data: bytes, name: str) -> tuple[ET.Element, dict[int, int]]:
    """Parse untrusted XML; raises DataError (file:line: message) for anything hostile or malformed."""
    import defusedxml  # type: ignore[import-untyped]
    from defusedxml.ElementTree import DefusedXMLParser  # type: ignore[import-untyped]

    builder = _LineBuilder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    expat = parser.parser
    builder.parser = expat
    expat.StartDoctypeDeclHandler = _refuse_remote_dtd
    try:
        parser.feed(data)
        root = parser.close()
    except defusedxml.EntitiesForbidden as exc:
        msg = f"entity declaration {exc.name!r} refused (entities are not expanded in TBX input)"
        raise DataError([Problem(name, expat.CurrentLineNumber, None, None, msg)]) from None
    except defusedxml.ExternalReferenceForbidden as exc:
        msg = f"external entity reference {exc.sysid!r} refused"
        raise DataError([Problem(name, expat.CurrentLineNumber, None, None, msg)]) from None
    except _Refused as exc:
        raise DataError([Problem(name, expat.CurrentLineNumber, None, None, str(exc))]) from None
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else 0
        raise DataError([Problem(name, line, None, None, f"not well-formed XML: {exc}")]) from None
    return root, builder.lines


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(elem: ET.Element) -> str:
    return unicodedata.normalize("NFC", "".join(elem.itertext()).strip())


def _aux(elem: ET.Element) -> Iterator[ET.Element]:
    """The data-category elements under *elem*, looking through descripGrp/adminGrp/termNoteGrp."""
    for child in elem:
        name = _local(child.tag)
        if name.endswith("Grp") and name not in ("termGrp",):
            yield from (
                c for c in child if not _local(c.tag).endswith("Grp") or _local(c.tag) == "transacGrp"
            )
        else:
            yield child


def lang_of(tag: str | None) -> str | None:
    """``en-GB`` → en; ``ru-Latn`` → ru-Latn; a language the model lacks → None."""
    if not tag:
        return None
    parts = tag.replace("_", "-").split("-")
    base = parts[0].lower()
    if any(p.lower() == "latn" for p in parts[1:]):
        return romanized_tag(base if base in ("ru", "uk") else None)
    return base if base in LANGS else None


@dataclass
class ReadResult:
    entries: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: what the file held that the glossary model has no place for: "what (count)"
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, what: str) -> None:
        self.skipped[what] = self.skipped.get(what, 0) + 1


class _Reader:
    def __init__(self, name: str, lines: dict[int, int]) -> None:
        self.name, self.lines, self.result = name, lines, ReadResult()

    def line(self, elem: ET.Element) -> int:
        return self.lines.get(id(elem), 0)

    def problem(self, elem: ET.Element, entry: str | None, message: str) -> None:
        self.result.problems.append(Problem(self.name, self.line(elem), entry, None, message))

    def concept(self, elem: ET.Element) -> None:
        ident = elem.get("id")
        if not ident:
            self.problem(elem, None, f"<{_local(elem.tag)}> without an id")
            return
        entry: dict[str, Any] = {"id": ident}
        sources: list[str] = []
        has_full_sources = False
        for child in _aux(elem):
            name, typ, text = _local(child.tag), child.get("type"), _text(child)
            if name == "langSec" or name == "langSet":
                self.lang_section(child, entry, ident)
            elif name == "descrip" and typ == "subjectField":
                entry.setdefault("domains", []).append(text)
            elif name == "descrip" and typ == "definition":
                entry.setdefault("en", {}).setdefault("definition", text)
            elif name == "admin" and typ == "source":
                sources.append(text)
            elif name == "ref" and typ == "crossReference" and child.get("target"):
                rel = text if text in RELATION_FIELDS else "related"
                entry.setdefault(rel, []).append(child.get("target"))
            elif name == "xref" and child.get("target"):
                entry.setdefault("web", []).append(text or str(child.get("target")))
            elif name == "note":
                fld, value = self.glossary_note(child, ident, text)
                if fld == "sources":
                    has_full_sources = True
                if fld:
                    try:
                        set_item(entry, fld, value)
                    except ValueError as exc:
                        self.problem(child, ident, str(exc))
                else:
                    entry["notes"] = f"{entry['notes']}\n{text}" if entry.get("notes") else text
            else:
                self.result.skip(f"<{name}{f' type={typ!r}' if typ else ''}>")
        if not has_full_sources:
            for ref in sources:
                entry.setdefault("sources", []).append(ref)
        self.result.entries.append(entry)

    def glossary_note(self, elem: ET.Element, ident: str, text: str) -> tuple[str | None, str]:
        if not text.startswith(PREFIX) or ":" not in text:
            return None, text
        fld, value = text[len(PREFIX) :].split(":", 1)
        if fld not in ITEM_FIELDS:
            self.problem(elem, ident, f"unknown field in note {text[:40]!r}")
            return None, text
        return fld, value.strip()

    def lang_section(self, elem: ET.Element, entry: dict[str, Any], ident: str) -> None:
        raw = elem.get(XML_LANG) or elem.get("lang")
        lang = lang_of(raw)
        if lang is None:
            self.result.skip(f"terms in language {raw!r}")
            return
        records: list[tuple[TermRecord, bool]] = []
        for child in _aux(elem):
            name, typ = _local(child.tag), child.get("type")
            if name in ("termSec", "tig", "ntig"):
                found = self.term(child, lang, ident)
                if found is not None:
                    records.append(found)
            elif name == "descrip" and typ == "definition" and lang == "en":
                entry.setdefault("en", {})["definition"] = _text(child)
            else:
                self.result.skip(f"<{name}{f' type={typ!r}' if typ else ''}> in a language section")
        if not records:
            self.problem(elem, ident, f"language section {raw!r} has no terms")
            return
        # a foreign file may mark no term preferred: the first ordinary term is then the preferred one
        if not lang.endswith(LATIN_SUFFIX) and not any(r.kind == "preferred" for r, _ in records):
            order = sorted(range(len(records)), key=lambda i: (records[i][0].kind != "admitted", i))
            first = order[0]
            if records[first][0].kind in ("admitted", "full", "abbreviation") and not records[first][1]:
                records[first] = (TermRecord(lang, records[first][0].text, "preferred"), False)
        for rec, _explicit in records:
            add_term(entry, rec)

    def term(self, elem: ET.Element, lang: str, ident: str) -> tuple[TermRecord, bool] | None:
        """One term and whether its kind was stated by our own note (then it is never re-guessed)."""
        parts = list(_aux(elem))
        for grp in (c for c in elem if _local(c.tag) == "termGrp"):  # TBX 2008 ntig
            parts.extend(_aux(grp))
        term = next((p for p in parts if _local(p.tag) == "term"), None)
        if term is None or not _text(term):
            self.problem(elem, ident, f"<{_local(elem.tag)}> without a <term>")
            return None
        notes: dict[str, str] = {}
        term_type = status = None
        for p in parts:
            name, typ, text = _local(p.tag), p.get("type"), _text(p)
            if name in ("term", "termGrp"):
                continue
            if name == "termNote" and typ == "termType":
                term_type = text
            elif name == "termNote" and typ == "administrativeStatus":
                status = text.removesuffix("-admn-sts")
            elif name == "note" and text.startswith(PREFIX) and ":" in text:
                fld, value = text[len(PREFIX) :].split(":", 1)
                notes[fld] = value.strip()
            else:
                self.result.skip(f"<{name}{f' type={typ!r}' if typ else ''}> on a term")
        kind = notes.get("kind")
        explicit = kind is not None
        if kind is None:
            if lang.endswith(LATIN_SUFFIX):
                kind = "misspelling" if status in ("deprecatedTerm", "supersededTerm") else "romanized"
            elif status == "preferredTerm":
                kind = "preferred"
            elif status in ("deprecatedTerm", "supersededTerm"):
                kind = "deprecated"
            elif term_type in ABBREVIATION_TYPES:
                kind = "abbreviation"
            else:
                kind = "admitted"
        return TermRecord(
            lang, _text(term), kind, notes.get("expansion"), notes.get("scheme"), notes.get("note")
        ), explicit


def read_tbx(data: bytes, name: str) -> ReadResult:
    """Entries (YAML-shaped dicts) from a TBX v3 (``tbx``) or TBX 2008 (``martif``) document.

    Raises DataError listing every problem (file:line) when the file is hostile, malformed or has
    concepts or terms it cannot read; what is well-formed but has no place in the model is in
    ``skipped``.
    """
    root, lines = parse_xml(data, name)
    reader = _Reader(name, lines)
    if _local(root.tag) not in ("tbx", "martif"):
        reader.problem(
            root,
            None,
            f"not a TBX file: the root element is <{_local(root.tag)}>, "
            "expected <tbx> (TBX 2019) or <martif> (TBX 2008)",
        )
        raise DataError(reader.result.problems)
    concepts = [e for e in root.iter() if _local(e.tag) in ("conceptEntry", "termEntry")]
    if not concepts:
        reader.problem(root, None, "no <conceptEntry> or <termEntry> in the file")
    for elem in concepts:
        reader.concept(elem)
    if reader.result.problems:
        raise DataError(reader.result.problems)
    reader.result.entries = [normalise_entry(e) for e in reader.result.entries]
    return reader.result
