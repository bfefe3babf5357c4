"""CSV/TSV for spreadsheets: one row per term, plus one row per concept-level fact.

Columns: ``concept_id, language, term, type, status, expansion, scheme, note``. A term row has a
term type (``term``, ``fullForm``, ``abbreviation``, ``title``, ``derived``, ``transliteration``)
and a status (``preferred``, ``admitted``, ``deprecated``, ``misspelling``); romanized forms have the
language ``ru-Latn``, ``uk-Latn`` or ``und-Latn``. A concept row has the type ``concept:FIELD``
(``concept:type``, ``concept:sources``, ...), no status, and its value in ``term`` (JSON for
structured values). Reading also accepts a plain sheet with just concept_id, language and term.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable
from typing import Any

from glossary.errors import DataError, Problem
from glossary.exchange.records import (
    LATIN_SUFFIX,
    TermRecord,
    add_term,
    concept_items,
    normalise_entry,
    set_item,
    term_records,
)
from glossary.exchange.tbx import ReadResult, lang_of
from glossary.model.concept import Concept

COLUMNS = ("concept_id", "language", "term", "type", "status", "expansion", "scheme", "note")
REQUIRED = ("concept_id", "language", "term")
CONCEPT_TYPE = "concept:"
#: kind ↔ (type, status)
KIND_ROW = {
    "preferred": ("term", "preferred"),
    "admitted": ("term", "admitted"),
    "deprecated": ("term", "deprecated"),
    "full": ("fullForm", "admitted"),
    "abbreviation": ("abbreviation", "admitted"),
    "title": ("title", "admitted"),
    "derived": ("derived", "admitted"),
    "romanized": ("transliteration", "admitted"),
    "misspelling": ("transliteration", "misspelling"),
}
ROW_KIND = {v: k for k, v in KIND_ROW.items()}


def write_csv(concepts: Iterable[Concept], *, delimiter: str = ",", bom: bool = False) -> bytes:
    """The concepts as CSV (or TSV with ``delimiter='\\t'``); ``bom`` adds the UTF-8 BOM Excel wants."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for concept in concepts:
        entry = concept.to_dict()
        for fld, text in concept_items(entry):
            writer.writerow(
                [concept.id, "en" if fld == "definition" else "", text, CONCEPT_TYPE + fld, "", "", "", ""]
            )
        for rec in term_records(entry):
            typ, status = KIND_ROW[rec.kind]
            writer.writerow(
                [
                    concept.id,
                    rec.lang,
                    rec.text,
                    typ,
                    status,
                    rec.expansion or "",
                    rec.scheme or "",
                    rec.note or "",
                ]
            )
    return (("\ufeff" if bom else "") + buf.getvalue()).encode("utf-8")


def read_csv(data: bytes, name: str, *, delimiter: str | None = None) -> ReadResult:
    """Entries (YAML-shaped dicts) from CSV/TSV bytes; a UTF-8 BOM is accepted and dropped."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(
            [Problem(name, line, None, None, "not UTF-8 text (save the sheet as UTF-8 CSV)")]
        ) from None
    if delimiter is None:
        first = text.split("\n", 1)[0]
        delimiter = "\t" if "\t" in first else (";" if first.count(";") > first.count(",") else ",")
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    result = ReadResult()
    header = reader.fieldnames or []
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise DataError(
            [
                Problem(
                    name,
                    1,
                    None,
                    None,
                    f"missing column(s) {', '.join(missing)} (the header needs {', '.join(COLUMNS)})",
                )
            ]
        )
    for extra in (c for c in header if c not in COLUMNS):
        result.skip(f"column {extra!r}")
    entries: dict[str, dict[str, Any]] = {}
    explicit_preferred: set[tuple[str, str]] = set()
    for row in reader:
        line = reader.line_num

        def cell(col: str, row: dict[str, Any] = row) -> str:
            return unicodedata.normalize("NFC", (row.get(col) or "").strip())

        ident, raw_lang, term, typ, status = (
            cell(c) for c in ("concept_id", "language", "term", "type", "status")
        )
        if not ident and not term:
            continue
        if not ident or not term:
            result.problems.append(
                Problem(name, line, ident or None, None, "a row needs concept_id and term")
            )
            continue
        entry = entries.setdefault(ident, {"id": ident})
        if typ.startswith(CONCEPT_TYPE):
            fld = typ[len(CONCEPT_TYPE) :]
            try:
                set_item(entry, fld, term)
            except ValueError as exc:
                result.problems.append(Problem(name, line, ident, fld, str(exc)))
            continue
        lang = lang_of(raw_lang)
        if lang is None:
            result.skip(f"terms in language {raw_lang!r}")
            continue
        if lang.endswith(LATIN_SUFFIX) and not typ:
            typ = "transliteration"
        kind = ROW_KIND.get((typ or "term", status or "admitted"))
        if kind is None:
            result.problems.append(
                Problem(
                    name,
                    line,
                    ident,
                    "type",
                    f"unknown type/status {typ!r}/{status!r} "
                    f"(types: {', '.join(sorted({t for t, _ in ROW_KIND}))}; statuses: "
                    f"preferred, admitted, deprecated, misspelling)",
                )
            )
            continue
        if kind == "preferred":
            explicit_preferred.add((ident, lang))
        elif (
            not status
            and (ident, lang) not in explicit_preferred
            and kind == "admitted"
            and not entry.get(lang, {}).get("preferred")
            and not lang.endswith(LATIN_SUFFIX)
        ):
            kind = "preferred"  # a plain sheet: the first term of a language is its preferred term
        add_term(
            entry,
            TermRecord(
                lang, term, kind, cell("expansion") or None, cell("scheme") or None, cell("note") or None
            ),
        )
    if not entries and not result.problems:
        result.problems.append(Problem(name, 1, None, None, "no rows"))
    if result.problems:
        raise DataError(result.problems)
    result.entries = [normalise_entry(e) for e in entries.values()]
    return result
