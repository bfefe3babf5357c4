"""Dates in the bibliography formats' own syntax: biblatex (EDTF), RIS and CSL-JSON.

A report prints ``23 and 26 March 2022``, ``March 2022``, ``2022`` or ``n.d.``; the formats want:

- biblatex ``date`` (EDTF level 0, biblatex manual §2.3.8): ``2022-03-23``, ``2022-03``, ``2022``, a range
  ``2022-03-23/2022-03-26``; classic BibTeX ``year`` and ``month`` (the month macro ``mar``);
- RIS (2011 specification) ``PY`` four digits and ``DA`` ``YYYY/MM/DD/other info`` with every slash kept even
  when a part is missing (``2022/03//``, ``2022///``);
- CSL-JSON ``date-parts``: ``[[2022, 3, 23]]``, ``[[2022, 3]]``, ``[[2022]]``, a range as two parts
  ``[[2022, 3, 23], [2022, 3, 26]]``; an undated source is ``{"literal": "n.d."}``.

Several days of one month (``19, 25, 26 March 2022``) become the range from the first to the last: none of the
formats has a list of days. :func:`span` reads all of these syntaxes back, and printed dates through
:func:`glossary.citations.dates.find_dates`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from glossary.citations.dates import find_dates

#: YYYY, YYYY-MM or YYYY-MM-DD, optionally a range of two such dates (EDTF level 0, biblatex's ``date``).
_EDTF = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:/(\d{4})(?:-(\d\d)(?:-(\d\d))?)?)?$")
#: RIS: YYYY/MM/DD/other info, each part optional but the slashes kept.
_RIS = re.compile(r"^(\d{4})/(\d\d)?/(\d\d)?/?(.*)$")
MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

Parts = tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Span:
    """A date (year, month, day; as precise as the source) or a range of two; or "no date" (``nd``)."""

    start: Parts = ()
    end: Parts | None = None
    nd: bool = False
    #: the printed text says more than the span (several days that are not a range: 23 and 26 March)
    lossy: bool = False
    #: RIS's "other info" after the last slash (``1993///Spring``)
    other: str = ""


def _parts(*groups: str | None) -> Parts:
    out: list[int] = []
    for g in groups:
        if not g:
            break
        out.append(int(g))
    return tuple(out)


def _valid(parts: Parts) -> bool:
    return len(parts) < 2 or (1 <= parts[1] <= 12 and (len(parts) < 3 or 1 <= parts[2] <= 31))


def span(text: str | None) -> Span | None:
    """The date(s) of *text*, in EDTF, RIS or as printed; None when it names no year and is not "n.d."."""
    if not text or not text.strip():
        return None
    text = text.strip()
    m = _EDTF.match(text)
    if m:
        start, end = _parts(*m.group(1, 2, 3)), _parts(*m.group(4, 5, 6)) or None
        if _valid(start) and (end is None or _valid(end)):
            return Span(start, end if end != start else None)
    m = _RIS.match(text)
    if m and _valid(_parts(*m.group(1, 2, 3))):
        return Span(_parts(*m.group(1, 2, 3)), lossy=bool(m.group(4).strip()), other=m.group(4).strip())
    found = [d for _, _, d in find_dates(text)]
    dated = [d for d in found if d.year is not None]
    if not dated:
        return Span(nd=True) if any(d.nd for d in found) else None
    first, last = dated[0], dated[-1]
    start = _parts(*(None if v is None else str(v) for v in (first.year, first.month, first.day)))
    end_day = last.days[-1] if last.days else None
    end = _parts(*(None if v is None else str(v) for v in (last.year, last.month, end_day)))
    days = sum(max(len(d.days), 1) for d in dated)
    is_range = len(dated) == 1 and bool(re.search(r"\d\s*[-–]\s*\d", text))
    return Span(start, end if end != start else None, lossy=days > 1 and not is_range)


def _iso(parts: Parts) -> str:
    return "-".join(f"{p:04d}" if i == 0 else f"{p:02d}" for i, p in enumerate(parts))


def edtf(s: Span) -> str | None:
    """biblatex's ``date``: ``2022-03-23``, ``2022-03``, ``2022`` or ``2022-03-23/2022-03-26``."""
    if s.nd or not s.start:
        return None
    return _iso(s.start) + (f"/{_iso(s.end)}" if s.end else "")


def bibtex_year_month(s: Span) -> tuple[str | None, str | None]:
    """Classic BibTeX's ``year`` and ``month`` (a month macro, ``mar``) of the start of the span."""
    if s.nd or not s.start:
        return None, None
    return str(s.start[0]), MONTH_MACROS[s.start[1] - 1] if len(s.start) > 1 else None


def ris(s: Span) -> str | None:
    """RIS ``DA``/``Y2``: ``2022/03/23/``, ``2022/03//``, ``2022///`` (the start of a range)."""
    if s.nd or not s.start:
        return None
    y, m, d = (*s.start, None, None)[:3]
    return f"{y:04d}/{'' if m is None else f'{m:02d}'}/{'' if d is None else f'{d:02d}'}/{s.other}"


def csl(s: Span) -> dict[str, object]:
    """A CSL-JSON date: ``{"date-parts": [[2022, 3, 23], [2022, 3, 26]]}``; undated: ``{"literal": "n.d."}``."""
    if s.nd or not s.start:
        return {"literal": "n.d."}
    return {"date-parts": [list(s.start)] + ([list(s.end)] if s.end else [])}


def syntax_isos(text: str | None) -> list[str] | None:
    """The ISO dates of *text* when it is written in EDTF or RIS syntax (``2022-03``, ``2022/03//``), else None."""
    text = (text or "").strip()
    if not (_EDTF.match(text) or _RIS.match(text)):
        return None
    found = span(text)
    return isos(found) if found else None


def isos(s: Span) -> list[str]:
    """The span's ISO dates: one, or both ends of a range."""
    if s.nd or not s.start:
        return []
    return [_iso(s.start)] + ([_iso(s.end)] if s.end else [])
