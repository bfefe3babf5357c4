"""UK Home Office CPIN style: an outlet heading line followed by its entries, "Accessed:" dates.

::

    Bibliography
    Sources cited
    Meduza,
    ‘«Никто не понимал...»’ [“No one understood...”], 23 March 2022. Last accessed: 25 March 2022
    ‘В России фактически...’, 25 March 2022. Accessed: 30 March 2022
    Amnesty International, ‘Russia: Kremlin’s crackdown ...’, 10 March 2022. Last accessed: 24 March 2022

The PDF prints titles in quotation marks; the gov.uk HTML page, copied and pasted, prints them as links,
with no quotation marks::

    Novaya Gazeta Europe,
    How Russians dodge the draft, using darknet, 14 October 2022. Accessed: 1 May 2024

Under an outlet heading, a line belongs to that outlet unless it names its own: a name followed by a quoted
title (``BBC, "They are there." ...``) or a first field that names another publisher in the glossary
(``Amnesty International, Russia: ...``; a place or a term is no publisher: ``Moscow, Kyiv trade ...``).
Everything before the bibliography heading (footnotes, body) is read as in EUAA documents.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from glossary.citations.dates import find_dates
from glossary.citations.euaa import (
    BIB_HEAD,
    URL_RE,
    Text,
    heading_section,
    is_publisher_name,
    parse_citation,
    split_top,
)
from glossary.citations.euaa import scan as euaa_scan
from glossary.citations.model import Citation

if TYPE_CHECKING:
    from glossary.citations.outlets import OutletLinker

_QUOTED = re.compile(r"^\s*[‘'“\"«]")
#: "BBC, \"They are there.\" ...": an entry that names its outlet before a quoted title
_OWN_OUTLET = re.compile(r"^[^,‘'“\"«»]{1,80}, [‘'“\"«]")
_SUB_HEAD = re.compile(
    r"^\s*(?:sources cited|sources consulted|sources consulted but not cited|"
    r"oral sources|written sources)\s*:?\s*$",
    re.IGNORECASE,
)


def _unquote_title(c: Citation) -> None:
    if c.title and len(c.title) > 2 and c.title[0] in "‘'“\"" and c.title[-1] in "’'”\"":
        c.title = c.title[1:-1]


def scan(lines: Iterable[str], linker: OutletLinker | None = None) -> Iterator[Citation | Text]:
    """The citations and other text of a CPIN; *linker* as for :func:`glossary.citations.euaa.scan`."""
    before: list[str] = []
    it = iter(enumerate(lines, start=1))
    head_line = None
    for n, line in it:
        if BIB_HEAD.match(line) and line.strip():
            head_line = (n, line)
            break
        before.append(line)
    yield from euaa_scan(before, linker)
    if head_line is None:
        return
    yield Text(head_line[0], head_line[1], "heading")
    outlet: str | None = None
    section = "cited"
    for n, line in it:
        text = line.strip()
        if not text:
            continue
        if _SUB_HEAD.match(text):
            section = heading_section(text, None)
            outlet = None
            yield Text(n, line, "heading")
            continue
        if _QUOTED.match(text) and outlet:
            c = parse_citation(f"{outlet}, {text}", lines=[n], section=section, linker=linker)
            c.text = text
        elif not URL_RE.search(text) and not any(d[2].year or d[2].nd for d in find_dates(text)):
            outlet = text.rstrip(",:").strip()
            yield Text(n, line, "heading")
            continue
        elif outlet and not _names_own_outlet(text, outlet, linker):  # the HTML form: a title with no quotes
            c = parse_citation(f"{outlet}, {text}", lines=[n], section=section, linker=linker)
            c.text = text
        else:
            outlet = None
            c = parse_citation(text, lines=[n], section=section, linker=linker)
        c.format = "cpin"
        _unquote_title(c)
        yield c


def _names_own_outlet(text: str, heading: str, linker: OutletLinker | None) -> bool:
    """Does an entry line under the outlet heading *heading* start with an outlet of its own?"""
    if _OWN_OUTLET.match(text):
        return True
    s, e = split_top(text)[0]
    first = text[s:e].strip()
    return first != heading and len(split_top(text)) > 2 and is_publisher_name(first, linker)
