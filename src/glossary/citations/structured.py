"""Normalizing records read from BibTeX, CSL-JSON or RIS: the same fixes as for text, field by field."""

from __future__ import annotations

from typing import TYPE_CHECKING

from glossary.citations.fixes import (
    Change,
    Plan,
    RomanizedWords,
    outlet_form,
    plan_romanization,
    repair_mixed,
    sorted_order,
)
from glossary.citations.model import Citation

if TYPE_CHECKING:
    from glossary import Glossary

_FIELDS = ("title", "title_romanized", "translation", "organisation", "note")


def normalize_records(
    records: list[Citation], glossary: Glossary | None, *, scheme: str | None = None, sort: bool = True
) -> tuple[list[Citation], list[Change]]:
    """Fixed records (same number, sorted unless asked not to) and the changes made."""
    from glossary.citations import link_outlets, make_linker

    linker = make_linker(glossary)
    records = [link_outlets(c, linker) for c in records]
    words = RomanizedWords(glossary)
    for c in records:
        words.add_record(c)
    plan = Plan(plan_romanization(words.groups(), glossary, scheme=scheme), scheme=scheme)
    changes: list[Change] = []
    for c in records:
        where = c.key or "?"
        for name in _FIELDS:
            value = getattr(c, name)
            if not value:
                continue
            fixed = plan.romanize(repair_mixed(value))
            if fixed != value:
                changes.append(Change([], f"{name} ({where})", value, fixed))
                setattr(c, name, fixed)
        if c.outlet:
            before = c.outlet.text
            after = outlet_form(c, repair_mixed(before), glossary)
            if after != before:
                changes.append(Change([], f"outlet ({where})", before, after))
                c.outlet.text = after
    if sort:
        order = sorted_order([c.text for c in records])
        if order != list(range(len(records))):
            changes.append(Change([], "order", "", "entries sorted by author or publisher"))
        records = [records[i] for i in order]
    return records, changes
