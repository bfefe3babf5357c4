"""One concept as flat records: its terms (one per form) and its concept-level items.

TBX and CSV both carry a concept as a list of terms plus a few concept-level facts; this module is
the one mapping between those and the YAML entry dict, so that the two formats agree and an export
followed by an import gives back the same entry.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from glossary.model.concept import LANGS

#: How a form belongs to its concept in the YAML, in the order entries list them.
TERM_KINDS = (
    "preferred",
    "full",
    "admitted",
    "abbreviation",
    "title",
    "derived",
    "deprecated",
    "romanized",
    "misspelling",
)
#: Concept-level items, in the order they are written; "definition" belongs to the en block.
ITEM_FIELDS = (
    "type",
    "jurisdiction",
    "domains",
    "definition",
    "web",
    "related",
    "broader",
    "part_of",
    "successor_of",
    "ambiguous",
    "valid_from",
    "valid_to",
    "article",
    "offices",
    "context_renderings",
    "notes",
    "sources",
)
LIST_FIELDS = frozenset(
    {
        "jurisdiction",
        "domains",
        "web",
        "related",
        "broader",
        "part_of",
        "successor_of",
        "ambiguous",
        "offices",
        "context_renderings",
        "sources",
    }
)
JSON_FIELDS = frozenset({"article", "offices", "context_renderings", "sources"})
LATIN_SUFFIX = "-Latn"
#: The language tag of a romanized form whose source language is not recorded.
UNKNOWN_LATIN = "und-Latn"


@dataclass(frozen=True, slots=True)
class TermRecord:
    """One form of a concept: ``lang`` is en/ru/uk, or ru-Latn/uk-Latn/und-Latn for romanized forms."""

    lang: str
    text: str
    kind: str
    expansion: str | None = None
    scheme: str | None = None
    note: str | None = None

    @property
    def status(self) -> str:
        """Administrative status: preferred, admitted, deprecated (misspellings are deprecated forms)."""
        if self.kind == "preferred":
            return "preferred"
        return "deprecated" if self.kind in ("deprecated", "misspelling") else "admitted"


def romanized_tag(lang: str | None) -> str:
    return f"{lang}{LATIN_SUFFIX}" if lang else UNKNOWN_LATIN


def term_records(entry: dict[str, Any]) -> list[TermRecord]:
    """Every form of *entry* (a ``Concept.to_dict()``) in the order of the YAML."""
    out: list[TermRecord] = []
    for lang in LANGS:
        block = entry.get(lang)
        if not block:
            continue
        for kind in ("preferred", "full"):
            if block.get(kind):
                out.append(TermRecord(lang, block[kind], kind))
        out.extend(TermRecord(lang, t, "admitted") for t in block.get("admitted", ()))
        for abbr in block.get("abbreviations", ()):
            if isinstance(abbr, dict):
                out.append(TermRecord(lang, abbr["form"], "abbreviation", expansion=abbr.get("expansion")))
            else:
                out.append(TermRecord(lang, abbr, "abbreviation"))
        if block.get("title"):
            out.append(TermRecord(lang, block["title"], "title"))
        out.extend(TermRecord(lang, t, "derived") for t in block.get("derived", ()))
        out.extend(TermRecord(lang, t, "deprecated") for t in block.get("deprecated", ()))
    for rom in entry.get("romanized", ()):
        out.append(
            TermRecord(
                romanized_tag(rom.get("lang")),
                rom["form"],
                "misspelling" if rom.get("misspelling") else "romanized",
                scheme=rom.get("scheme"),
                note=rom.get("note"),
            )
        )
    return out


def add_term(entry: dict[str, Any], rec: TermRecord) -> None:
    """Put one form back into *entry* (the inverse of ``term_records``, record by record)."""
    if rec.kind in ("romanized", "misspelling"):
        lang = rec.lang.removesuffix(LATIN_SUFFIX)
        rom: dict[str, Any] = {"form": rec.text}
        if lang in LANGS and lang != "en":
            rom["lang"] = lang
        if rec.scheme:
            rom["scheme"] = rec.scheme
        if rec.kind == "misspelling":
            rom["misspelling"] = True
        if rec.note:
            rom["note"] = rec.note
        entry.setdefault("romanized", []).append(rom)
        return
    block = entry.setdefault(rec.lang, {})
    if rec.kind in ("preferred", "full", "title"):
        if block.get(rec.kind):  # a second preferred/full name: keep it, as an admitted term
            block.setdefault("admitted", []).append(rec.text)
        else:
            block[rec.kind] = rec.text
    elif rec.kind == "abbreviation":
        block.setdefault("abbreviations", []).append(
            {"form": rec.text, "expansion": rec.expansion} if rec.expansion else rec.text
        )
    else:
        block.setdefault(rec.kind, []).append(rec.text)


def concept_items(entry: dict[str, Any]) -> list[tuple[str, str]]:
    """The concept-level facts of *entry* as (field, text) pairs; mappings are written as JSON."""
    out: list[tuple[str, str]] = []
    for fld in ITEM_FIELDS:
        value = entry.get("en", {}).get("definition") if fld == "definition" else entry.get(fld)
        if not value:
            continue
        for v in value if fld in LIST_FIELDS else [value]:
            out.append((fld, json.dumps(v, ensure_ascii=False) if fld in JSON_FIELDS else str(v)))
    return out


def set_item(entry: dict[str, Any], fld: str, text: str) -> None:
    """Put one concept-level fact back (the inverse of ``concept_items``); raises ValueError if malformed."""
    if fld not in ITEM_FIELDS:
        msg = f"unknown concept field {fld!r}"
        raise ValueError(msg)
    value: Any = text
    if fld in JSON_FIELDS:
        value = json.loads(text) if text.lstrip().startswith("{") else {"ref": text}
        if not isinstance(value, dict):
            msg = f"{fld}: expected a JSON object, got {text!r}"
            raise ValueError(msg)
    if fld == "definition":
        entry.setdefault("en", {})["definition"] = value
    elif fld in LIST_FIELDS:
        entry.setdefault(fld, []).append(value)
    else:
        entry[fld] = value


def normalise_entry(entry: dict[str, Any]) -> dict[str, Any]:
    """Order keys as ``Concept.to_dict()`` does, so written YAML reads like hand-made entries."""
    order = [
        "id",
        "type",
        "jurisdiction",
        "domains",
        *LANGS,
        "romanized",
        "web",
        "ambiguous",
        "related",
        "broader",
        "part_of",
        "successor_of",
        "valid_from",
        "valid_to",
        "notes",
        "article",
        "offices",
        "context_renderings",
        "sources",
    ]
    lang_order = [
        "preferred",
        "full",
        "title",
        "definition",
        "admitted",
        "deprecated",
        "derived",
        "abbreviations",
    ]
    out = {k: entry[k] for k in order if k in entry}
    for lang in LANGS:
        if lang in out:
            out[lang] = {k: out[lang][k] for k in lang_order if k in out[lang]}
    return out


RELATION_FIELDS_ALL = ("related", "broader", "part_of", "successor_of")
