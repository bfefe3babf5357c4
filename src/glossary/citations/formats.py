"""BibTeX (bibtexparser 1.x), CSL-JSON and RIS (rispy) in and out; Markdown and EUAA text out.

Field mapping (the record's field → the format's):

============== ===================== ============================ =====================
record         BibTeX (biblatex)     CSL-JSON                     RIS
============== ===================== ============================ =====================
authors        author (" and ")      author [{literal}|{family,   AU
                                     given}]
organisation   organization          publisher                    PB
outlet.text    journaltitle          container-title              T2
title          title                 title                        T1 (TI on input)
title_romanized romanizedtitle       custom.title_romanized       C1
translation    titleaddon            custom.translation           TT
date           date (EDTF), year,    issued {date-parts, raw}     PY (year), DA
               month; printeddate                                 (YYYY/MM/DD/); C2
accessed       urldate               accessed {date-parts, raw}   Y2 (YYYY/MM/DD/)
url            url                   URL                          UR
medium         howpublished          medium                       M3
pages          pages                 page                         SP
note           note                  note                         N1
key            entry key             id                           ID
============== ===================== ============================ =====================

Dates are written in each format's own syntax (:mod:`glossary.citations.datesyntax`): biblatex ``date =
{2022-03-23/2022-03-26}`` with BibTeX's ``year``/``month``, RIS ``PY 2022`` and ``DA 2022/03/23/``, CSL-JSON
``date-parts`` (two parts for a range, ``{"literal": "n.d."}`` undated). Where the syntax cannot say all the
printed text does (several days that are not a range, a date with no year), the printed date is kept too:
BibTeX ``printeddate``, RIS ``C2``, CSL-JSON ``raw``. Writing then reading gives back the same records, with
the same ISO dates (a round-trip test checks it).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from glossary.citations import datesyntax
from glossary.citations.dates import find_dates, month_names
from glossary.citations.model import Citation, Outlet
from glossary.errors import GlossaryError, UsageError


def _isos(text: str | None) -> list[str]:
    syntax = datesyntax.syntax_isos(text)
    if syntax is not None:
        return syntax
    out: list[str] = []
    for _, _, d in find_dates(text or ""):
        out.extend(d.isos())
    return out


def _key(c: Citation, n: int) -> str:
    if c.key:
        return c.key
    base = (c.authors[0] if c.authors else c.outlet.text if c.outlet else "ref").split(",")[0]
    base = re.sub(r"[^A-Za-z0-9]+", "", base)[:20] or "ref"
    year = next((d[:4] for d in c.date_iso), "nd")
    return f"{base}{year}-{n}"


# -- BibTeX --------------------------------------------------------------------------------------------
def read_bibtex(text: str) -> Iterator[Citation]:
    import bibtexparser  # type: ignore[import-untyped]
    from bibtexparser.bparser import BibTexParser  # type: ignore[import-untyped]

    parser = BibTexParser(common_strings=True, ignore_nonstandard_types=False, interpolate_strings=True)
    try:
        db = bibtexparser.loads(text, parser=parser)
    except Exception as exc:  # bibtexparser raises plain pyparsing errors
        msg = f"BibTeX: cannot parse: {exc}"
        raise GlossaryError(msg) from None
    for e in db.entries:
        outlet = (
            e.get("journaltitle") or e.get("journal") or e.get("publisher")
            if "journaltitle" in e or ("journal" in e)
            else None
        )
        authors = [a.strip() for a in e.get("author", "").split(" and ") if a.strip()]
        c = Citation(
            text="",
            lines=[],
            format="bibtex",
            key=e.get("ID"),
            authors=authors,
            organisation=e.get("organization") or e.get("institution"),
            outlet=Outlet(text=outlet) if outlet else None,
            title=_unbrace(e.get("title")),
            title_romanized=_unbrace(e.get("romanizedtitle")),
            translation=_unbrace(e.get("titleaddon")),
            date=e.get("printeddate") or e.get("date") or _bibtex_year_month(e),
            accessed=e.get("urldate"),
            url=e.get("url"),
            medium=e.get("howpublished"),
            pages=e.get("pages"),
            note=e.get("note"),
        )
        if c.outlet is None and e.get("publisher") and not c.organisation:
            c.organisation = e.get("publisher")
        _finish(c)
        yield c


def _bibtex_year_month(e: dict[str, str]) -> str | None:
    """``year`` and ``month`` (``3``, ``mar``, ``March``: common_strings expands the macros) as ``2022-03``."""
    year, month = e.get("year", "").strip(), e.get("month", "").strip().lower().rstrip(".")
    if not year:
        return None
    number = int(month) if month.isdigit() else month_names().get(month)
    return f"{year}-{number:02d}" if re.fullmatch(r"\d{4}", year) and number and 1 <= number <= 12 else year


def _printed_if_lossy(text: str | None) -> tuple[datesyntax.Span | None, str | None]:
    """The span of a date, and the printed text when the format's syntax cannot carry all of it."""
    found = datesyntax.span(text)
    keep = text if text and (found is None or found.lossy) and not (found and found.nd) else None
    return found, keep


def _unbrace(text: str | None) -> str | None:
    if text is None:
        return None
    return re.sub(r"(?<!\\)[{}]", "", text).strip() or None


def write_bibtex(records: Iterable[Citation]) -> str:
    from bibtexparser.bibdatabase import BibDatabase, BibDataString  # type: ignore[import-untyped]
    from bibtexparser.bwriter import BibTexWriter  # type: ignore[import-untyped]

    db = BibDatabase()
    for n, c in enumerate(records, start=1):
        e: dict[str, Any] = {"ENTRYTYPE": "misc" if not c.outlet else "article", "ID": _key(c, n)}
        when, printed = _printed_if_lossy(c.date)
        year, month = datesyntax.bibtex_year_month(when) if when else (None, None)
        accessed = datesyntax.span(c.accessed)
        fields: dict[str, Any] = {
            "author": " and ".join(c.authors) if c.authors else None,
            "organization": c.organisation,
            "journaltitle": c.outlet.text if c.outlet else None,
            "title": c.title,
            "romanizedtitle": c.title_romanized,
            "titleaddon": c.translation,
            "date": datesyntax.edtf(when) if when else None,
            "year": year,
            "month": BibDataString(db, month) if month else None,
            "printeddate": printed,
            "urldate": (datesyntax.edtf(accessed) if accessed and not accessed.lossy else None) or c.accessed,
            "url": c.url,
            "howpublished": c.medium,
            "pages": c.pages,
            "note": c.note,
        }
        e.update({k: v for k, v in fields.items() if v})
        db.entries.append(e)
    writer = BibTexWriter()
    writer.order_entries_by = None
    writer.indent = "  "
    return str(writer.write(db))


# -- CSL-JSON ------------------------------------------------------------------------------------------
def _csl_date(value: Any) -> str | None:
    if not value:
        return None
    if isinstance(value, str):
        return value
    if value.get("raw"):
        return str(value["raw"])
    if value.get("literal"):
        return str(value["literal"])
    dates = [
        "-".join(f"{int(p):02d}" if i else str(p) for i, p in enumerate(parts))
        for parts in (value.get("date-parts") or [])[:2]
        if isinstance(parts, list) and parts
    ]
    return "/".join(dates) or None


def _csl_name(a: dict[str, Any]) -> str:
    if a.get("literal"):
        return str(a["literal"])
    return ", ".join(p for p in (a.get("family"), a.get("given")) if p)


def read_csl(text: str) -> Iterator[Citation]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        msg = f"CSL-JSON: line {exc.lineno}: {exc.msg}"
        raise GlossaryError(msg) from None
    if isinstance(data, dict):
        data = data.get("items", [data])
    if not isinstance(data, list):
        msg = "CSL-JSON: expected a list of items"
        raise GlossaryError(msg)
    for item in data:
        if not isinstance(item, dict):
            continue
        custom: dict[str, Any] = item["custom"] if isinstance(item.get("custom"), dict) else {}
        outlet = item.get("container-title")
        c = Citation(
            text="",
            lines=[],
            format="csl-json",
            key=str(item["id"]) if "id" in item else None,
            authors=[_csl_name(a) for a in item.get("author", []) if isinstance(a, dict)],
            organisation=item.get("publisher"),
            outlet=Outlet(text=outlet) if outlet else None,
            title=item.get("title"),
            title_romanized=custom.get("title_romanized"),
            translation=custom.get("translation"),
            date=_csl_date(item.get("issued")),
            accessed=_csl_date(item.get("accessed")),
            url=item.get("URL"),
            medium=item.get("medium"),
            pages=item.get("page"),
            note=item.get("note"),
        )
        _finish(c)
        yield c


def _csl_date_out(text: str | None) -> dict[str, Any] | None:
    """``{"date-parts": [[2022, 3, 23], [2022, 3, 26]], "raw": "23 and 26 March 2022"}``; undated: literal."""
    if not text:
        return None
    found = datesyntax.span(text)
    if found is None:
        return {"raw": text}
    if found.nd:
        return datesyntax.csl(found)
    return {**datesyntax.csl(found), "raw": text}


def write_csl(records: Iterable[Citation]) -> str:
    items = []
    for n, c in enumerate(records, start=1):
        item: dict[str, Any] = {
            "id": _key(c, n),
            "type": "personal_communication"
            if c.authors and c.medium and "mail" in c.medium
            else "article-newspaper"
            if c.outlet
            else "document",
        }
        fields = {
            "author": [{"literal": a} for a in c.authors] or None,
            "publisher": c.organisation,
            "container-title": c.outlet.text if c.outlet else None,
            "title": c.title,
            "issued": _csl_date_out(c.date),
            "accessed": _csl_date_out(c.accessed),
            "URL": c.url,
            "medium": c.medium,
            "page": c.pages,
            "note": c.note,
        }
        custom = {
            k: v for k, v in (("title_romanized", c.title_romanized), ("translation", c.translation)) if v
        }
        if custom:
            fields["custom"] = custom
        item.update({k: v for k, v in fields.items() if v})
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


# -- RIS -----------------------------------------------------------------------------------------------
def read_ris(text: str) -> Iterator[Citation]:
    import rispy  # type: ignore[import-untyped]

    try:
        entries = rispy.loads(text)
    except Exception as exc:  # rispy raises IOError/ValueError on bad input
        msg = f"RIS: cannot parse: {exc}"
        raise GlossaryError(msg) from None
    for e in entries:
        urls = e.get("urls") or []
        notes = e.get("notes") or []
        outlet = e.get("secondary_title") or e.get("journal_name")
        c = Citation(
            text="",
            lines=[],
            format="ris",
            key=e.get("id"),
            authors=list(e.get("authors") or []),
            organisation=e.get("publisher"),
            outlet=Outlet(text=outlet) if outlet else None,
            title=e.get("primary_title") or e.get("title"),
            title_romanized=e.get("custom1"),
            translation=e.get("translated_title"),
            date=e.get("custom2") or _ris_date(e.get("date")) or _ris_date(e.get("year")),
            accessed=_ris_date(e.get("access_date")),
            url=urls[0] if urls else None,
            medium=e.get("type_of_work"),
            pages=e.get("start_page"),
            note="\n".join(notes) or None,
        )
        _finish(c)
        yield c


def _ris_date(value: str | None) -> str | None:
    """A RIS date (``2022/03//``) as ISO (``2022-03``); any other text as it is."""
    if not value or not value.strip():
        return None
    found = datesyntax.span(value)
    if found and found.other:  # "1993///Spring": the season is not ISO; keep the RIS date as it is
        return value.strip()
    return (datesyntax.edtf(found) if found and not found.nd else None) or value.strip()


def write_ris(records: Iterable[Citation]) -> str:
    import rispy

    entries = []
    for n, c in enumerate(records, start=1):
        e: dict[str, Any] = {
            "type_of_reference": "PCOMM"
            if c.authors and c.medium and "mail" in c.medium
            else "NEWS"
            if c.outlet
            else "GEN",
            "id": _key(c, n),
        }
        when, printed = _printed_if_lossy(c.date)
        if when and when.end and not printed:  # RIS has no ranges: DA gives the first day, C2 the range
            printed = c.date
        accessed = datesyntax.span(c.accessed)
        fields: dict[str, Any] = {
            "authors": c.authors or None,
            "publisher": c.organisation,
            "secondary_title": c.outlet.text if c.outlet else None,
            "primary_title": c.title,
            "custom1": c.title_romanized,
            "translated_title": c.translation,
            "year": f"{when.start[0]:04d}" if when and when.start else None,
            "date": datesyntax.ris(when) if when else None,
            "custom2": printed,
            "access_date": (datesyntax.ris(accessed) if accessed and not accessed.lossy else None) or c.accessed,
            "urls": [c.url] if c.url else None,
            "type_of_work": c.medium,
            "start_page": c.pages,
            "notes": [c.note] if c.note else None,
        }
        e.update({k: v for k, v in fields.items() if v})
        entries.append(e)
    return str(rispy.dumps(entries))


# -- text out ------------------------------------------------------------------------------------------
def render_euaa(c: Citation) -> str:
    """One record in EUAA style: ``Publisher, Title (romanized) [translation], date, <url>, accessed D``."""
    parts: list[str] = []
    if c.authors:
        parts.append(", ".join(c.authors))
    if c.organisation and not (c.outlet and c.outlet.text == c.organisation):
        parts.append(c.organisation)
    if c.outlet and c.outlet.text:
        parts.append(c.outlet.text)
    title = c.title or ""
    if c.title_romanized and c.title and c.title_romanized != c.title:
        title += f" ({c.title_romanized})"
    elif c.title_romanized and not c.title:
        title = c.title_romanized
    if c.translation:
        title += f" [{c.translation}]"
    if title:
        parts.append(title.strip())
    if c.medium and not (c.authors and "mail" in c.medium):
        parts.append(c.medium)
    elif c.medium:
        parts.insert(1, c.medium)
    parts.append(c.date or "n.d.")
    if c.url:
        parts.append(f"<{c.url}>")
    if c.pages:
        parts.append(c.pages)
    if c.accessed:
        parts.append(f"accessed {c.accessed}")
    text = ", ".join(p for p in parts if p)
    return f"{text}. {c.note}" if c.note else text


def write_md(records: Iterable[Citation]) -> str:
    return "".join(f"- {render_euaa(c)}\n" for c in records)


def write_euaa(records: Iterable[Citation]) -> str:
    return "\n\n".join(render_euaa(c) for c in records) + "\n"


def _finish(c: Citation) -> None:
    c.date_iso = _isos(c.date)
    c.accessed_iso = next(iter(_isos(c.accessed)), None)
    c.text = render_euaa(c)


_READERS = {"bibtex": read_bibtex, "csl-json": read_csl, "ris": read_ris}
_WRITERS = {
    "bibtex": write_bibtex,
    "csl-json": write_csl,
    "ris": write_ris,
    "md": write_md,
    "euaa": write_euaa,
    "cpin": write_euaa,
}


def read(text: str, fmt: str) -> Iterator[Citation]:
    if fmt not in _READERS:
        msg = f"cannot read format '{fmt}' here (expected one of: {', '.join(_READERS)})"
        raise UsageError(msg)
    return _READERS[fmt](text)


def write(records: Iterable[Citation], fmt: str) -> str:
    if fmt not in _WRITERS:
        msg = f"unknown output format '{fmt}' (expected one of: {', '.join(_WRITERS)})"
        raise UsageError(msg)
    return _WRITERS[fmt](records)
