"""Normalizing records read from BibTeX, CSL-JSON or RIS: the same fixes as for text, field by field."""

from __future__ import annotations

from typing import TYPE_CHECKING

from glossary.citations.keys import sort_key
from glossary.citations.model import Citation
from glossary.citations.normalize import Change, Normalizer

if TYPE_CHECKING:
    from glossary import Glossary

_FIELDS = ("title", "title_romanized", "translation", "organisation", "note")


def normalize_records(
    records: list[Citation], glossary: Glossary | None, *, scheme: str | None = None, sort: bool = True
) -> tuple[list[Citation], list[Change]]:
    """Fixed records (same number, sorted unless asked not to) and the changes made."""
    from glossary.citations import link_outlets, make_linker

    linker = make_linker(glossary)
    norm = Normalizer(glossary, scheme=scheme, sort=sort)
    records = [link_outlets(c, linker) for c in records]
    norm.plan_romanization(records, [])
    for c in records:
        where = [c.key or "?"]
        for name in _FIELDS:
            value = getattr(c, name)
            if not value:
                continue
            fixed = norm._romanization(norm._homoglyphs(value))
            if fixed != value:
                norm.changes.append(Change([], f"{name} ({where[0]})", value, fixed))
                setattr(c, name, fixed)
        if c.outlet:
            before = c.outlet.text
            after = norm._outlet(c, norm._homoglyphs(before))
            if after != before:
                norm.changes.append(Change([], f"outlet ({where[0]})", before, after))
                c.outlet.text = after
    if sort:
        ordered = sorted(records, key=lambda c: (sort_key(c.text), records.index(c)))
        if ordered != records:
            norm.changes.append(Change([], "order", "", "entries sorted by author or publisher"))
        records = ordered
    return records, norm.changes
