"""Austrian BFA (Staatendokumentation) style: ``■`` source lists under "Quellen", in-text keys.

::

    Quellen
    ■ ÖB Moskau - Österreichische Botschaft Moskau [Österreich] (1.7.2024): Asylländerbericht zur Russi
    schen Föderation 2024, https://www.ecoi.net/en/file/local/2116897/RUSS_ÖB-Bericht_2024_07.pdf,
    Zugriff 8.11.2024 [Login erforderlich]
    ■ Verfassung RUSS - Verfassung [Russland] (6.10.2022): Конституция РФ с изменениями 2022
    года [Verfassung der RF mit Änderungen des Jahres 2022], http://duma.gov.ru/news/55446, Zugriff
    27.2.2024

An entry is ``■ KEY - Publisher [Country] (date): Title [German translation], URL, Zugriff date``, wrapped
over lines by the PDF; a URL broken by the wrap is rejoined. The body cites sources by key and date,
``(KR 6.11.2023; vgl. MoD@DefenceHQ 29.9.2023)``; with ``references=True`` those are yielded too
(kind ``footnote``), resolved through the document's own key: the entries of its source lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from glossary.citations.dates import find_dates
from glossary.citations.euaa import Text, bracket_tail
from glossary.citations.model import Citation, Outlet

_BULLET = re.compile(r"^\s*■\s*")
_HEADING = re.compile(r"^\s*(?:Quellen|Quellenverzeichnis|Literaturverzeichnis)\s*:?\s*$", re.IGNORECASE)
_CHAPTER = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?\s+\S|Letzte Änderung\b)")
_DATE = r"o\.\s?D\.|\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}\.\d{4}|\d{4}"
_HEAD = re.compile(r"^(?P<key>.+?)\s+[-–]\s+(?P<rest>.*)$", re.DOTALL)
_PUB_DATE = re.compile(rf"\s*\((?P<date>{_DATE})\):\s*")
_ACCESSED = re.compile(r",?\s*Zugriff\s+(?P<acc>\d{1,2}\.\s?\d{1,2}\.\s?\d{4})(?P<after>[^,]*)$")
_DONE = re.compile(r"(?:Zugriff\s+\d{1,2}\.\s?\d{1,2}\.\s?\d{4}(?:\s*\[[^\]]*\])?|per\s+E-?Mail|per\s+Telefon)\s*$")
_URL_START = re.compile(r"(?:https?|ftp)://|(?<![\w@/])www\.")
_MEDIUM = re.compile(r",?\s*per\s+(?P<m>E-?Mail|Telefon)\s*$", re.IGNORECASE)
_REF_GROUP = re.compile(r"\(([^()]*\d[^()]*|[^()]*o\.\s?D\.[^()]*)\)")
_REF_ITEM = re.compile(rf"^(?:vgl\.\s*|siehe\s+|s\.\s+)?(?P<key>\S(?:.*\S)?)\s+(?P<date>{_DATE})$")


@dataclass(slots=True)
class _Entry:
    lines: list[tuple[int, str]]

    @property
    def text(self) -> str:
        return " ".join(t.strip() for _, t in self.lines)


def looks_like_bfa(head: str) -> bool:
    """Whether a document's first lines read as a BFA source list (``■`` entries with ``Zugriff``)."""
    bullets = sum(1 for line in head.splitlines() if _BULLET.match(line))
    return bullets >= 1 and re.search(r"\bZugriff\s+\d", head) is not None


def parse_entry(text: str, *, lines: list[int] | None = None) -> Citation:
    """One ``■`` entry (already joined from its lines) as a Citation."""
    c = Citation(text=text, lines=lines or [], kind="entry", format="bfa")
    body = _BULLET.sub("", text).strip()
    head = _HEAD.match(body)
    if head is None:
        c.issues.append("no 'KEY - Publisher' at the start")
        c.title = body or None
        return c
    key, rest = head.group("key").strip(), head.group("rest")
    pub = _PUB_DATE.search(rest)
    if pub is None:
        publisher, tail = rest, ""
        c.issues.append("no '(date):' after the publisher")
    else:
        publisher, tail = rest[: pub.start()], rest[pub.end() :]
        c.date = pub.group("date")
        c.date_iso = [iso for _, _, d in find_dates(c.date) for iso in d.isos()]
    publisher = publisher.strip()
    country = None
    m = re.search(r"\s*\[([^\[\]]+)\]\s*$", publisher)
    if m:
        country, publisher = m.group(1).strip(), publisher[: m.start()].strip()
    c.organisation = country
    c.outlet = Outlet(text=key, expansion=publisher or None)
    acc = _ACCESSED.search(tail)
    if acc:
        c.accessed = re.sub(r"\s+", "", acc.group("acc"))
        found = find_dates(c.accessed)
        c.accessed_iso = found[0][2].isos()[0] if found and found[0][2].isos() else None
        after = acc.group("after").strip()
        c.note = after or None
        tail = tail[: acc.start()]
    else:
        med = _MEDIUM.search(tail)
        if med:
            c.medium = "email" if "mail" in med.group("m").lower() else "telephone"
            tail = tail[: med.start()]
    url = _URL_START.search(tail)
    if url:
        raw = tail[url.start() :].strip().rstrip(",").strip()
        c.url = re.sub(r"\s+", "", raw)
        if c.url != raw:
            c.issues.append("URL broken by line-wrap spaces: rejoined")
            c.text = c.text.replace(raw, c.url)  # written back whole by normalize (a reported change)
        tail = tail[: url.start()]
    title, translation = bracket_tail(tail.strip().rstrip(",").strip())
    c.title = title.strip() or None
    c.translation = translation
    return c


def _entries(numbered: list[tuple[int, str]]) -> Iterator[_Entry | Text]:
    """Group the document's lines into ``■`` entries (with their wrapped lines) and other text."""
    entry: _Entry | None = None
    for n, line in numbered:
        stripped = line.strip()
        if _BULLET.match(line):
            if entry is not None:
                yield entry
            entry = _Entry([(n, line)])
            continue
        if entry is not None:
            ends = _DONE.search(entry.text) is not None
            if stripped and not ends and not _HEADING.match(line) and not _CHAPTER.match(line):
                entry.lines.append((n, line))
                continue
            yield entry
            entry = None
        if not stripped:
            yield Text(n, line, "blank")
        elif _HEADING.match(line) or _CHAPTER.match(line):
            yield Text(n, line, "heading")
        else:
            yield Text(n, line, "body")
    if entry is not None:
        yield entry


def scan(lines: Iterable[str], *, references: bool = False) -> Iterator[Citation | Text]:
    """The document's citations (and its other lines as Text), in document order.

    With *references*, in-text references follow the source list that resolves them: the whole document
    is read first, since a chapter's text comes before its "Quellen".
    """
    numbered = list(enumerate(lines, start=1))
    items = list(_entries(numbered))
    entries = [parse_entry(e.text, lines=[n for n, _ in e.lines]) if isinstance(e, _Entry) else e for e in items]
    if not references:
        yield from entries
        return
    by_key: dict[str, list[Citation]] = {}
    for c in entries:
        if isinstance(c, Citation) and c.outlet is not None:
            by_key.setdefault(c.outlet.text, []).append(c)
    paragraph: list[Text] = []
    for item in entries:
        if isinstance(item, Text) and item.kind == "body":
            paragraph.append(item)
            continue
        yield from _with_references(paragraph, by_key)
        paragraph = []
        yield item
    yield from _with_references(paragraph, by_key)


def _with_references(paragraph: list[Text], by_key: dict[str, list[Citation]]) -> Iterator[Citation | Text]:
    """The paragraph's lines, each followed by the in-text references that start on it."""
    if not paragraph:
        return
    joined, starts = "", []
    for t in paragraph:
        starts.append(len(joined))
        joined += t.text.strip() + " "
    refs: dict[int, list[Citation]] = {}
    for group in _REF_GROUP.finditer(joined):
        line_index = max(i for i, s in enumerate(starts) if s <= group.start())
        for item in re.split(r";\s*", group.group(1)):
            m = _REF_ITEM.match(item.strip())
            if m is None or m.group("key") not in by_key:
                continue
            refs.setdefault(line_index, []).append(_reference(m.group("key"), m.group("date"), item, by_key,
                                                              paragraph[line_index].line))
    for i, t in enumerate(paragraph):
        yield t
        yield from refs.get(i, [])


def _reference(key: str, date: str, printed: str, by_key: dict[str, list[Citation]], line: int) -> Citation:
    """An in-text ``KEY date`` reference, filled from the one source-list entry with that key and date."""
    c = Citation(text=printed.strip(), lines=[line], kind="footnote", format="bfa", date=date)
    c.date_iso = [iso for _, _, d in find_dates(date) for iso in d.isos()]
    same = [e for e in by_key[key] if e.date == date]
    source = same[0] if len(same) == 1 else None
    template = source or by_key[key][0]
    assert template.outlet is not None
    c.outlet = Outlet(text=key, expansion=template.outlet.expansion)
    c.organisation = template.organisation
    if source is not None:
        c.title, c.translation, c.url = source.title, source.translation, source.url
    else:
        c.issues.append(
            f"'{key} {date}': {len(same)} source-list entries with this key and date" if same
            else f"'{key} {date}': no source-list entry with this date"
        )
    return c
