"""IRB Canada Responses to Information Requests (RIRs): ``Outlet. Date. "Title." [Accessed date]`` references.

::

    References
    Meduza. 22 September 2022. "Title of the article." [Accessed 4 Oct. 2022]
    Ukraine. 15 May 2015. Ministry of Defence. "Title." [Accessed 1 June 2015]
    Carleton University, Ottawa. 13 September 1993. Telephone interview with Professor of History.

    Additional Sources Consulted
    Internet sites, including: ...

The fields are sentences: the publisher (a state first when a ministry published it), the date, the title in
double quotes (a report's title without them), then the author (``By ...``), the URL and the access date in
brackets. An oral source has a description (``Telephone interview with ...``) where the title would be.
Lines under "Additional Sources Consulted" list names, not citations, and are kept as text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from glossary.citations.dates import find_dates
from glossary.citations.euaa import COUNTRIES, URL_RE, Text
from glossary.citations.model import Citation, Outlet

if TYPE_CHECKING:
    from glossary.citations.outlets import OutletLinker

_HEAD = re.compile(r"^\s*#*\s*(?P<h>references|sources cited)\s*:?\s*$", re.IGNORECASE)
_CONSULTED = re.compile(r"^\s*#*\s*(?:additional\s+)?sources\s+consulted\s*:?\s*$", re.IGNORECASE)
_ACCESSED = re.compile(r"\[\s*(?:date\s+)?accessed\s*:?\s*(?P<d>[^\]]*)\]\s*\.?\s*$", re.IGNORECASE)
#: a sentence boundary: ". " (or a closing quote after the period) outside quotation marks
_BOUNDARY = re.compile(r'(?<=[.?!])["”]?\s+')
_ORAL = re.compile(
    r"^(?:telephone|phone|skype|video|in-person|personal)?\s*(?:interview|correspondence|e-?mail|"
    r"conversation|meeting)\b",
    re.IGNORECASE,
)
#: "Outlet. Date." at the start of a line: what makes a reference an IRB one
_SHAPE = re.compile(
    r"^(?P<outlet>[^\"“\[\]]{2,160}?)\.\s+(?P<date>(?:\d{1,2}\s+)?(?:[A-Z][a-z]{2,8}\.?\s+)?\d{4}|n\.\s?d)\.\s+\S"
)


_ABBREV = re.compile(
    r"(?:[A-Z]\.)+|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|Vol|St|Dr|Mr|Ms|Mrs|Prof|Art|"
    r"para|Jr|Inc|Ltd|Co|Corp|ed|eds|trans)\."
)


def looks_like_irb(head: str) -> bool:
    """At least two lines shaped ``Outlet. Date. ...``, most of them with ``[Accessed ...]`` or a quoted title."""
    lines = [t.strip() for t in head.splitlines() if t.strip()]
    shaped = [t for t in lines if _SHAPE.match(_strip_number(t))]
    if len(shaped) < 2 and not (len(shaped) == 1 and len(lines) == 1):
        return False
    marked = [t for t in shaped if _ACCESSED.search(t) or re.search(r"\.\s+[\"“]", t) or _is_oral(t)]
    return len(marked) * 2 >= len(shaped)


def _is_oral(text: str) -> bool:
    m = _SHAPE.match(text)
    return bool(m and _ORAL.match(text[m.end() - 1 :]))


def _strip_number(text: str) -> str:
    return re.sub(r"^\s*\d{1,3}[.)]\s+", "", text)


def _sentences(text: str) -> list[str]:
    """Split at sentence ends outside quotation marks; an abbreviation (``U.S.``, ``Oct.``) is no end."""
    out: list[str] = []
    start = 0
    depth = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "“«":
            depth += 1
        elif ch in "”»" and depth:
            depth -= 1
        elif ch == '"':
            depth = 0 if depth else 1
            if depth == 0 and i > 0 and text[i - 1] in ".?!" and text[i + 1 : i + 2] == " ":
                out.append(text[start : i + 1].strip())
                start = i + 2
        elif ch in ".?!" and depth == 0 and text[i + 1 : i + 2] == " ":
            word = re.search(r"(\S+)$", text[start : i + 1])
            token = word.group(1) if word else ""
            abbrev = _ABBREV.fullmatch(token)
            if not abbrev or re.fullmatch(r"\d{4}\.", token):
                out.append(text[start : i + 1].strip())
                start = i + 2
        i += 1
    if text[start:].strip():
        out.append(text[start:].strip())
    return [s for s in out if s]


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) > 2 and text[0] in "\"“«" and text[-1] in "\"”»":
        text = text[1:-1].strip()
    return text.rstrip(".").strip() if not text.endswith("..") else text


def parse_entry(text: str, *, lines: list[int] | None = None, section: str | None = "references") -> Citation:
    """One IRB reference → a record (never raises: what cannot be placed stays in ``note``)."""
    text = text.strip()
    c = Citation(text=text, lines=list(lines or []), kind="entry", section=section, format="irb")
    body = _strip_number(text)
    acc = _ACCESSED.search(body)
    if acc:
        c.accessed = acc.group("d").strip().rstrip(".") or None
        c.accessed_iso = _first_iso(c.accessed)
        body = body[: acc.start()].rstrip()
    urls = list(URL_RE.finditer(body))
    if urls:
        c.url = urls[0].group().strip("<>").rstrip(".,;")
        body = (body[: urls[0].start()] + body[urls[0].end() :]).strip()
    parts = _sentences(body)
    if not parts:
        return c
    outlet = parts.pop(0).rstrip(".")
    if parts and _is_date(parts[0]):
        c.date = parts.pop(0).rstrip(".")
        c.date_iso = [iso for _, _, d in find_dates(c.date) for iso in d.isos()]
    if outlet in COUNTRIES and parts and not _quoted(parts[0]) and len(parts) >= 2:
        c.organisation, outlet = outlet, parts.pop(0).rstrip(".")  # "Ukraine. 2015. Ministry of Defence."
    c.outlet = _outlet(outlet)
    notes: list[str] = []
    for i, part in enumerate(parts):
        following = parts[i + 1] if i + 1 < len(parts) else ""
        if c.title is None and not c.authors and not _quoted(part) and _quoted(following) and len(part.split()) <= 8:
            c.authors = [part.rstrip(".")]  # "Outlet. Date. Claire Bigg. "Title.""
        elif c.title is None and c.medium is None and _ORAL.match(part):
            c.medium = part.rstrip(".")
        elif c.title is None and c.medium is None:
            c.title = _unquote(part)
        elif re.match(r"^(?:by|written by)\s+", part, re.IGNORECASE) and not c.authors:
            c.authors = [re.sub(r"^(?:by|written by)\s+", "", part, flags=re.IGNORECASE).rstrip(".")]
        else:
            notes.append(part.rstrip("."))
    c.note = "; ".join(notes) or None
    return c


def _quoted(text: str) -> bool:
    return bool(text) and text[0] in "\"“«"


def _is_date(text: str) -> bool:
    text = text.strip().rstrip(".")
    if re.fullmatch(r"n\.\s?d", text):
        return True
    found = find_dates(text)
    return bool(found) and found[0][0] == 0 and len(text) - (found[-1][1] - found[0][0]) <= 2


def _first_iso(text: str | None) -> str | None:
    for _, _, d in find_dates(text or ""):
        iso = d.iso()
        if iso:
            return iso
    return None


def _outlet(text: str) -> Outlet:
    m = re.match(r"^(?P<n>.*\S)\s*\((?P<x>[^()]+)\)$", text)
    if m:  # "Radio Free Europe/Radio Liberty (RFE/RL)": the abbreviation apart
        return Outlet(text=text, expansion=m.group("x").strip())
    return Outlet(text=text)


def scan(lines: Iterable[str], linker: OutletLinker | None = None) -> Iterator[Citation | Text]:
    """References after a "References" heading (or every IRB-shaped line when there is none).
    *linker* is taken for the common parser signature: this style splits its fields by shape alone, and the
    outlets are linked afterwards (:func:`glossary.citations.link_outlets`)."""
    section: str | None = None
    for n, raw in enumerate(lines, start=1):
        text = raw.strip()
        if not text:
            continue
        if _HEAD.match(text):
            section = "references"
            yield Text(n, raw, "heading")
            continue
        if _CONSULTED.match(text):
            section = "consulted"
            yield Text(n, raw, "heading")
            continue
        if section != "consulted" and _SHAPE.match(_strip_number(text)):
            yield parse_entry(text, lines=[n], section=section or "references")
        else:
            yield Text(n, raw, "body" if section is None else "prose")
