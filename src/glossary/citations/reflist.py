"""A few citations with no heading: one per line, as a user pastes them (format ``list``).

::

    BBC, "They are there." How Russian conscripts ended up fighting in Kursk, 9 August 2024. Accessed: 23 April 2026
    Meduza, ‘В России фактически...’, 25 March 2022, https://meduza.io/news/2022/03/25/...

The other text styles wait for a bibliography heading or footnote numbers before they read a line as
a citation, so one copied reference gave nothing. The style is chosen only when *every* non-blank line
of the input looks like a citation (:func:`looks_like_list`): prose with a date in it never is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from glossary.citations.dates import find_dates
from glossary.citations.euaa import ORAL_RE, URL_RE, Text, parse_citation, split_top
from glossary.citations.model import Citation

if TYPE_CHECKING:
    from glossary.citations.outlets import OutletLinker

#: "Accessed:" / "Last accessed:" after the date: the UK Home Office's way
_ACCESSED = re.compile(r"(?:^|[.,]\s+)(?:last\s+)?accessed\s*:", re.IGNORECASE)
_FOOTNOTE_MARK = re.compile(r"^\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\^\d+\]:)")
_MAX_LINE = 800  # a citation is one line, not a paragraph of prose (its URLs not counted)
_WORD = re.compile(r"[^\W\d_]+")
#: words that go with a date or link in a citation's last fields
_DATE_WORDS = {"accessed", "last", "retrieved", "updated", "published", "posted", "on", "at", "available", "from",
               "url", "online", "viewed", "consulted", "abgerufen", "zugriff", "am", "n", "d", "nd"}


def is_citation_line(text: str) -> bool:
    """A line that reads as one whole citation: a source's name first, its date or link in a field of its own.

    Prose has dates too (``On 21 September 2022, Putin announced…``): a citation's first field holds no
    date, and the field with the date or URL holds little else (``9 August 2024. Accessed: 23 April 2026``).
    """
    text = text.strip()
    if not text or len(URL_RE.sub("", text)) > _MAX_LINE or _FOOTNOTE_MARK.match(text):
        return False
    oral = ORAL_RE.match(text)
    if oral and len(oral.group("who")) <= 80 and oral.group("who").count(",") <= 1:
        return True  # "Oliker, O., email with EUAA, 22 March 2022. Dr. Olga Oliker is …"
    fields = [text[a:b] for a, b in split_top(text)]
    if len(fields) < 2:
        return False
    head = fields[0].strip()
    if not head or len(head) > 120 or head.endswith((".", ":", ";")) or find_dates(head):
        return False
    return any(_is_date_or_link_field(f) for f in fields[1:])


def _is_date_or_link_field(field: str) -> bool:
    rest = URL_RE.sub(" ", field)
    linked = rest != field
    dated = False
    for start, end, date in reversed(find_dates(rest)):
        if date.year or date.nd:
            dated = True
        rest = rest[:start] + " " + rest[end:]
    if not (linked or dated):
        return False
    words = [w for w in _WORD.findall(rest) if w.lower() not in _DATE_WORDS]
    return len(words) <= 3


def looks_like_list(lines: Iterable[str]) -> bool:
    """True when there is at least one line and every non-blank line is a citation."""
    seen = False
    for line in lines:
        if not line.strip():
            continue
        if not is_citation_line(line):
            return False
        seen = True
    return seen


def _unquote_title(c: Citation) -> None:
    if c.title and len(c.title) > 2 and c.title[0] in "‘'“\"" and c.title[-1] in "’'”\"":
        c.title = c.title[1:-1]


def scan(lines: Iterable[str], linker: OutletLinker | None = None) -> Iterator[Citation | Text]:
    """Each citation line is one bibliography entry; any other line is kept as text. *linker* as for
    :func:`glossary.citations.euaa.scan`."""
    for n, line in enumerate(lines, start=1):
        text = line.strip()
        if not is_citation_line(text):
            if text:
                yield Text(n, line, "prose")
            continue
        c = parse_citation(text, lines=[n], kind="entry", section="cited", linker=linker)
        if _ACCESSED.search(text):
            c.format = "cpin"
            _unquote_title(c)
        else:
            c.format = "list"
        yield c
