"""Reference lists of academic papers: APA, MLA, Chicago/Turabian and numbered (Vancouver-like) entries.

::

    Moroz, O., Komysh, S., & Hranatyrko, B. (2022). Title in sentence case. Amazonia Investiga, 11(57), 92-99. https://doi.org/...
    Kravchuk, Mykola. “Title”. Actual Problems of Law, no. 4, Sept. 2018, pp. 34-39, https://doi.org/....
    Гурак, Ігор, і Ігор Цепенда. «Title». Journal, no. 45 (Червень 27, 2022): 57–70. дата звернення Листопад 24, 2024. https://...
    4. McKernan B. Title of the web page 2022. Available from: https://www.theguardian.com/... Accessed 13th April 2022.

The journal, newspaper or site an entry was published in is its outlet (``Amazonia Investiga``; a news
site's name in an APA web reference, ``Meduza. (2022, September 21). Title. https://meduza.io/...``, is the
author and the outlet at once). Authors are split at ``,`` + initials and ``&``/``and``/``і``/``и``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from glossary.citations.dates import find_dates
from glossary.citations.euaa import BIB_HEAD, URL_RE, Text
from glossary.citations.model import Citation, Outlet

if TYPE_CHECKING:
    from glossary.citations.outlets import OutletLinker

_NUMBER = re.compile(r"^\s*(?:\[\d{1,3}\]|\d{1,3}[.)])\s+")
#: APA: "Authors (2022)." / "(2022, September 21)." / "(n.d.)."
_APA = re.compile(
    r"^(?P<authors>.{2,400}?)\s*\((?P<date>\d{4}[a-z]?(?:,\s*[^()]{3,30})?|n\.\s?d\.?)\)\.\s+(?P<rest>.+)$"
)
#: MLA and Chicago: "Authors. “Title”. Container, ..." (the title in quotation marks)
_QUOTED_TITLE = re.compile(
    r"^(?P<authors>[^“”\"«»]{2,300}?)\.\s+(?P<q>[“\"«])(?P<title>.+?)[”\"»][.,]?\s+(?P<rest>.+)$"
)
#: Vancouver-like web references: "... Available from: URL. Accessed 13th April 2022."
_AVAILABLE = re.compile(r"\s*Available (?:from|at):\s*", re.IGNORECASE)
_ACCESSED = re.compile(
    r"(?:^|[.,]\s+)(?P<w>accessed|retrieved|viewed|дата звернення|дата обращения|zugegriffen am)\s*:?\s*"
    r"(?P<d>[^.]*\d{4})\.?",
    re.IGNORECASE,
)
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
_INITIALS = re.compile(r"^[A-ZА-ЯІЇЄҐ][\w'’-]+,\s*(?:[A-ZА-ЯІЇЄҐ]\.\s*){1,3}$|^[\w'’-]+\s+[A-Z]{1,3}$")
_DOI = re.compile(r"\bdoi:\s*\S+", re.IGNORECASE)


def looks_like_academic(head: str) -> bool:
    """Most non-blank lines (after a References heading) read as APA, MLA/Chicago or numbered web references."""
    lines = [t.strip() for t in head.splitlines() if t.strip() and not BIB_HEAD.match(t)]
    if not lines:
        return False
    shaped = sum(1 for t in lines if _shape(t))
    return shaped >= 1 and shaped * 3 >= len(lines) * 2


def _shape(text: str) -> str | None:
    body = _NUMBER.sub("", text.strip())
    if _APA.match(body):
        return "apa"
    if _QUOTED_TITLE.match(body) and ("," in body.split(".")[0] or _NUMBER.match(text)):
        return "quoted"
    if _NUMBER.match(text) and _AVAILABLE.search(body):
        return "numbered"
    return None


def _iso(text: str | None) -> list[str]:
    if not text:
        return []
    text = _ORDINAL.sub(r"\1", text)
    m = re.fullmatch(r"(\d{4}),\s*(.+)", text.strip())
    if m:  # APA "(2022, September 21)"
        text = f"{m.group(2)}, {m.group(1)}"
    return [iso for _, _, d in find_dates(text) for iso in d.isos()]


def split_authors(text: str) -> list[str]:
    """``Datsiuk, T., Kutska, O., & Golyk, M.`` → [``Datsiuk, T.``, ``Kutska, O.``, ``Golyk, M.``]."""
    text = text.strip().rstrip(",")
    if text.endswith(".") and not re.search(r"(?:^|[\s,.])[A-ZА-ЯІЇЄҐ]\.$", text):
        text = text[:-1]  # "Meduza." before "(2022)": the period ends the field
    text = re.sub(r",?\s+(?:&|and|і|и|та)\s+", ", ", text)
    pieces = [p.strip() for p in text.split(",") if p.strip()]
    out: list[str] = []
    i = 0
    while i < len(pieces):
        if i + 1 < len(pieces) and re.fullmatch(r"(?:[A-ZА-ЯІЇЄҐ]\.\s*-?){1,3}", pieces[i + 1]):
            out.append(f"{pieces[i]}, {pieces[i + 1]}")  # "Surname, I."
            i += 2
        elif i + 1 < len(pieces) and len(pieces) == 2 and " " not in pieces[i]:
            out.append(f"{pieces[i]}, {pieces[i + 1]}")  # "Kravchuk, Mykola" (MLA's first author)
            i += 2
        elif i + 1 < len(pieces) and " " not in pieces[i] and " " not in pieces[i + 1] and i == 0:
            out.append(f"{pieces[i]}, {pieces[i + 1]}")  # "Гурак, Ігор" before "і Ігор Цепенда"
            i += 2
        else:
            out.append(pieces[i])
            i += 1
    return out


def _tail(c: Citation, rest: str) -> str:
    """Take the URL / DOI and the access date off the end of *rest*; return what is left."""
    acc = _ACCESSED.search(rest)
    if acc:
        c.accessed = acc.group("d").strip()
        c.accessed_iso = next(iter(_iso(c.accessed)), None)
        rest = (rest[: acc.start()] + rest[acc.end() :]).strip()
    url = URL_RE.search(rest) or _DOI.search(rest)
    if url:
        c.url = url.group().strip("<>").rstrip(".,;")
        rest = (rest[: url.start()] + rest[url.end() :]).strip()
    avail = _AVAILABLE.search(rest)
    if avail:
        rest = (rest[: avail.start()] + rest[avail.end() :]).strip()
    return rest.strip().rstrip(".,").strip()


def _container(c: Citation, rest: str) -> None:
    """``Amazonia Investiga, 11(57), 92-99`` / ``Journal, no. 45 (Червень 27, 2022): 57–70`` → outlet, date, pages."""
    m = re.match(r"^(?P<name>.+?)(?:,\s*(?=\d|no\.|vol\.|pp?\.|[A-Z][a-z]{2,4}\.?\s+\d{4})|\s+\(|$)(?P<rest>.*)$", rest)
    if not m:
        return
    name = m.group("name").strip().rstrip(".,")
    if name:
        c.outlet = Outlet(text=name)
    more = m.group("rest")
    pages = re.search(r"(?:pp?\.\s*|\):\s*|,\s*)(?P<p>\d+\s*[-–]\s*\d+)", more)
    if pages:
        c.pages = pages.group("p")
    if c.date is None:
        found = [(s, e) for s, e, d in find_dates(more) if d.year]
        if found:
            s, e = found[0]
            c.date = more[s:e].strip()
            c.date_iso = _iso(c.date)


def parse_reference(text: str, *, lines: list[int] | None = None, section: str | None = "references") -> Citation:
    """One reference-list entry → a record (never raises: an entry of no known shape keeps its text as title)."""
    text = text.strip()
    c = Citation(text=text, lines=list(lines or []), kind="entry", section=section, format="academic")
    numbered = bool(_NUMBER.match(text))
    body = _NUMBER.sub("", text)
    apa = _APA.match(body)
    quoted = _QUOTED_TITLE.match(body) if not apa else None
    if apa:
        c.authors = split_authors(apa.group("authors"))
        c.date = apa.group("date").rstrip(".")
        c.date_iso = _iso(c.date)
        rest = _tail(c, apa.group("rest"))
        title, _, container = rest.partition(". ")
        c.title = title.strip().rstrip(".")
        if container:
            _container(c, container.strip())
        elif len(c.authors) == 1 and not _INITIALS.match(c.authors[0]):
            c.outlet = Outlet(text=c.authors[0])  # "Meduza. (2022, September 21). Title. URL": the site is the author
    elif quoted:
        c.authors = split_authors(quoted.group("authors"))
        c.title = quoted.group("title").strip().rstrip(".,")
        rest = _tail(c, quoted.group("rest"))
        _container(c, rest)
    elif numbered and _AVAILABLE.search(body):
        rest = _tail(c, body)
        author, sep, title = rest.partition(". ")
        if sep and len(author.split()) <= 12:
            c.authors = [a.strip() for a in author.split(", ") if a.strip()]
        else:
            title = rest
        year = re.search(r"\s+(?P<y>(?:1[89]|20)\d{2})$", title)
        if year:
            c.date = year.group("y")
            c.date_iso = [c.date]
            title = title[: year.start()]
        c.title = title.strip().rstrip(".")
    else:
        c.title = _tail(c, body) or None
    return c


def scan(lines: Iterable[str], linker: OutletLinker | None = None) -> Iterator[Citation | Text]:
    """Each reference-shaped line is an entry; headings and other lines are kept as text.
    *linker* is taken for the common parser signature: this style splits its fields by shape alone, and the
    outlets are linked afterwards (:func:`glossary.citations.link_outlets`)."""
    for n, raw in enumerate(lines, start=1):
        text = raw.strip()
        if not text:
            continue
        if BIB_HEAD.match(text):
            yield Text(n, raw, "heading")
        elif _shape(text):
            yield parse_reference(text, lines=[n])
        else:
            yield Text(n, raw, "prose")
