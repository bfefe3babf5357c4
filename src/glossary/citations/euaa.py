"""EUAA/EASO-style citations in text, including text extracted from PDFs.

Style (EASO Writing and Referencing Guide): ``Author or publisher (expansion), Title [English translation],
date, url, accessed date``; oral sources ``Name, email with EUAA, 19, 25, 26 March 2022``; ``[Telegram]``,
``posted on:``, ``available at:``, ``n.d.``. Footnotes hold several citations separated by ``;``, with pages
and commentary. PDF extraction adds superscript footnote numbers, ``[url](#)`` placeholders, and page breaks
(runs of blank lines) that cut entries and URLs in two; ``scan`` joins those pieces and records that it did.

``scan(lines)`` streams ``Citation`` and ``Text`` items, so memory does not grow with the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from glossary.citations.dates import find_dates
from glossary.citations.model import Citation, Outlet
from glossary.text.scripts import has_cyrillic

if TYPE_CHECKING:
    from glossary.citations.outlets import OutletLinker

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP = str.maketrans(SUPERSCRIPTS, "0123456789")
_FOOTNOTE = re.compile(rf"^\s*(?:(?P<sup>[{SUPERSCRIPTS}]+)|\[\^(?P<md>\d+)\]:)\s*(?P<rest>.*)$")
#: a bibliography heading line ("Bibliography", "Sources consulted:", "## References")
BIB_HEAD = re.compile(
    r"^\s*#*\s*(?P<h>sources used|sources consulted|sources cited|bibliography|references|works cited|"
    r"list of sources|sources)\s*:?\s*$",
    re.IGNORECASE,
)
#: a URL as reports print it (bare, <bracketed>, www., or the [url](#) placeholder of an extraction)
URL_RE = re.compile(
    r"<(?:https?|ftp)://[^>\s]*>?|(?:https?|ftp)://\S+|\[url\]\(#\)|(?<![\w@/])www\.[\w-]+\.\S+"
)
_MEDIA = {
    "telegram",
    "facebook",
    "twitter",
    "x",
    "youtube",
    "vk",
    "vkontakte",
    "instagram",
    "factiva",
    "tiktok",
    "email",
    "e-mail",
    "website",
    "lexisnexis",
    "pdf",
}
#: an oral source: "Oliker, O., email with EUAA, 22 March 2022. Dr. Olga Oliker is …"
ORAL_RE = re.compile(
    r"^(?P<who>.+?),\s*(?P<medium>e-?mail|interview|phone interview|telephone interview|telephone|phone|"
    r"skype|whatsapp|signal|meeting|online meeting|correspondence|video call|teams|zoom)"
    r"(?:\s+with\s+(?P<with>[^,]+))?"
    r"(?:,\s*(?P<dates>.*?))?(?:\.\s+(?P<note>.*))?\.?$",
    re.IGNORECASE,
)
_ACCESSED = re.compile(
    r"^(?:last\s+)?(?:accessed|retrieved|consulted)(?:\s+on)?\s*:?\s*(?P<d>.*)$", re.IGNORECASE
)
_BRACKET_ACCESSED = re.compile(r"\s*\[(?:last\s+)?accessed\s*:?\s*(?P<d>[^\[\]]*\d{4})\]\.?$", re.IGNORECASE)
#: "Canada: Immigration and Refugee Board of Canada": Refworld names a state's body after the state
_STATE_BODY = re.compile(
    r"^(?P<k>Canada|Austria|Germany|Switzerland|Sweden|Norway|Denmark|Finland|Netherlands|Belgium|France|"
    r"Australia|United Kingdom|United States|Russian Federation|Russia|Ukraine|Belarus):\s+(?P<b>[A-Z].{3,})$"
)
_POSTED = re.compile(r"^(?:posted|published|updated)(?:\s+on)?\s*:\s*", re.IGNORECASE)
_AVAILABLE = re.compile(r"\b(?:available\s+(?:at|from|on)|url)\s*:\s*$", re.IGNORECASE)
_PAGES = re.compile(r"^(?:pp?|para|paras|paragraph|section|slide)\.?\s*[\dIVXivx][\w.,–\- ]*$", re.IGNORECASE)
COUNTRIES = (
    "Russian Federation",
    "Russia",
    "Ukraine",
    "Belarus",
    "Moldova",
    "Georgia",
    "Kazakhstan",
    "United Kingdom",
    "UK",
    "USA",
    "US",
    "European Union",
    "EU",
)
_ENGLISH = {
    "the",
    "of",
    "and",
    "in",
    "on",
    "for",
    "to",
    "a",
    "with",
    "by",
    "from",
    "as",
    "at",
    "is",
    "are",
    "what",
    "how",
    "why",
    "over",
    "against",
    "under",
    "about",
    "after",
    "be",
    "us",
    "we",
    "new",
}
_OPEN = {"[": "]", "(": ")", "{": "}", "«": "»", "“": "”", "„": "“"}


@dataclass(slots=True)
class Text:
    """A non-citation line: body text, heading or prose (kept for checks and for writing back)."""

    line: int
    text: str
    kind: str  # body | heading | prose | blank


@dataclass(slots=True)
class _Block:
    lines: list[tuple[int, str]] = field(default_factory=list)
    blanks_before: int = 0
    joined: str | None = None  # the text after page-break repairs, when they changed it

    @property
    def text(self) -> str:
        return self.joined if self.joined is not None else " ".join(t.strip() for _, t in self.lines)


def iter_blocks(lines: Iterable[str]) -> Iterator[_Block]:
    """Paragraphs (runs of non-blank lines) with the number of blank lines before each."""
    block = _Block()
    blanks = 0
    for n, raw in enumerate(lines, start=1):
        if not raw.strip():
            if block.lines:
                yield block
                block = _Block()
                blanks = 0
            blanks += 1
            continue
        if not block.lines:
            block.blanks_before = blanks
        block.lines.append((n, raw))
    if block.lines:
        yield block


_TOKENS = re.compile(r'[\[\](){}«»“”„"]|, |; |\. ')


def split_top(text: str, seps: tuple[str, ...] = (", ",)) -> list[tuple[int, int]]:
    """Spans of *text* between top-level separators (not inside brackets, parentheses or quotes)."""
    spans: list[tuple[int, int]] = []
    stack: list[str] = []
    straight = False
    start = 0
    for m in _TOKENS.finditer(text):
        ch = m.group()
        i = m.start()
        if ch == '"':
            straight = not straight
        elif ch in _OPEN and not (ch == "“" and stack and stack[-1] == "“"):
            stack.append(_OPEN[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
        elif len(ch) == 2 and not stack and not straight and ch in seps and i >= start:
            spans.append((start, i))
            start = i + 2
    spans.append((start, len(text)))
    return spans


def looks_english(text: str) -> bool:
    """Whether *text* has an English function word (so it is an English name or title, not a romanization)."""
    words = re.findall(r"[A-Za-z]+", text.lower())
    return any(w in _ENGLISH for w in words)


def bracket_tail(text: str) -> tuple[str, str | None]:
    """``Title [translation]`` → (``Title``, ``translation``) when the text ends with a bracket group."""
    text = text.rstrip()
    if not text.endswith("]"):
        return text, None
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        if text[i] == "]":
            depth += 1
        elif text[i] == "[":
            depth -= 1
            if depth == 0:
                return text[:i].rstrip(), text[i + 1 : -1]
    return text, None


def _title_fields(c: Citation, text: str) -> None:
    text = text.strip().strip(",").strip()
    if not text:
        return
    title, bracket = bracket_tail(text)
    if bracket is not None:
        inner = re.sub(r"^(?:informal\s+)?translation\s*:\s*", "", bracket, flags=re.IGNORECASE)
        clarification = re.match(r"^(?:as of|as at|in [A-Z]\w+|updated|see|\d)", inner)
        if has_cyrillic(title) or (title and not looks_english(title) and not clarification):
            c.translation = inner
        else:  # "Ukraine Refugee Situation [as of 2 April 2022]": a clarification, part of the title
            title = text
    if title and has_cyrillic(title):
        m = re.match(r"^(?P<t>.*\S)\s*\((?P<r>[^()]*)\)$", title)
        if m and not has_cyrillic(m.group("r")) and re.search("[A-Za-z]", m.group("r")):
            title, c.title_romanized = m.group("t"), m.group("r")
    elif title and c.translation:
        c.title_romanized = title
    c.title = unemphasize(title) if title else None


def _outlet_fields(c: Citation, segs: list[str], linker: OutletLinker | None) -> tuple[int, str | None]:
    """Set organisation / medium from the leading segments; return (segments used, outlet text). The
    glossary's names (through *linker*) tell a body's name from a title; without one, shape alone decides."""
    if not segs:
        return 0, None
    first = segs[0]
    m = re.match(r"^(?P<n>.*?)\s*\[(?P<m>[^\[\]]+)\]$", first)
    if m and m.group("m").strip().lower() in _MEDIA:
        first, c.medium = m.group("n"), m.group("m").strip()
    used = 1
    state = _STATE_BODY.match(first)
    if state:
        c.organisation = state.group("k")
        return 1, state.group("b")
    country = next((k for k in COUNTRIES if first == k), None)
    glued = next((k for k in COUNTRIES if first.startswith(k + " ") and len(first) > len(k) + 3), None)
    if country and len(segs) >= 2:
        c.organisation = country
        second = segs[1]
        mm = re.match(r"^(?P<n>.*?)\s*\[(?P<m>[^\[\]]+)\]$", second)
        if mm and mm.group("m").strip().lower() in _MEDIA:
            second, c.medium = mm.group("n"), mm.group("m").strip()
        rest = len(segs) - 2
        if (
            _is_body_name(second, linker)
            or ("[" in second and rest >= 1)
            or (
                rest >= 1
                and len(second.split()) <= 8
                and not has_cyrillic(second)
                and segs[2].strip().lower() in _MEDIA
            )
        ):
            return 2, second
        return 1, country
    if glued and _is_body_name(first[len(glued) + 1 :], linker):
        c.organisation = glued
        c.issues.append(f"missing comma after '{glued}' in '{first}'")
        return 1, first[len(glued) + 1 :]
    if len(segs) >= 3 and _is_sub_outlet(first, segs[1], linker):
        c.organisation = first
        return 2, segs[1]
    return used, first


#: concept types that publish what reports cite (not places, terms, ranks, articles or events)
_PUBLISHERS = {
    "state-body", "ministry", "security-service", "security-formation", "military-formation", "military-unit",
    "law-enforcement", "court", "prosecution", "legislature", "media-outlet", "news-agency", "website", "ngo",
    "international-organisation",
}


def is_publisher_name(text: str, linker: OutletLinker | None) -> bool:
    """Is *text* the name of a glossary concept that publishes (an outlet, body or organisation)?"""
    if linker is None:
        return False
    cid, _, _ = linker.name(text.strip())
    concept = linker.concept(cid) if cid else None
    return bool(concept and concept.type in _PUBLISHERS)


def _is_body_name(text: str, linker: OutletLinker | None) -> bool:
    if linker is None:
        return False
    cid, _, _ = linker.name(text.strip())
    return cid is not None


def _is_sub_outlet(parent: str, child: str, linker: OutletLinker | None) -> bool:
    if linker is None:
        return False
    pid, _, _ = linker.name(parent.strip())
    cid, _, _ = linker.name(child.strip())
    if not pid or not cid or pid == cid:
        return False
    concept = linker.concept(cid)
    return bool(concept and (pid in concept.part_of or pid in concept.broader))


def _make_outlet(text: str, c: Citation) -> Outlet:
    """The outlet as printed; ``ISW (Institute for the Study of War)`` keeps its expansion apart."""
    text = text.strip()
    plain = unemphasize(text)
    _, bracket = bracket_tail(plain)
    if bracket is not None:  # "Oficialny internet-portal pravovoy informacii [Official Internet Portal ...]"
        return Outlet(text=text, expansion=bracket.strip())
    m = re.match(r"^(?P<n>.*\S)\s*\((?P<x>[^()]+)\)$", plain)
    if m and m.group("x").strip() not in ("The", "the"):
        return Outlet(text=text, expansion=m.group("x").strip())
    return Outlet(text=text)


def unemphasize(text: str) -> str:
    """Markdown emphasis is formatting, not part of a name or title: ``*Nastoyashee vremya*``."""
    return re.sub(r"(?<![\w*])[*_]{1,2}(?=\S)(.+?)(?<=\S)[*_]{1,2}(?![\w*])", r"\1", text)


def _date_isos(text: str) -> list[str]:
    out: list[str] = []
    for _, _, d in find_dates(text):
        out.extend(d.isos())
    return out


def parse_citation(
    text: str,
    *,
    lines: list[int] | None = None,
    kind: str = "entry",
    section: str | None = None,
    footnote: int | None = None,
    linker: OutletLinker | None = None,
) -> Citation:
    """One citation string → a record (never raises: what cannot be read stays in ``text``/``title``);
    *linker* recognises the glossary's body names (``Ukraine General Staff``, ``RFE/RL, Kavkaz.Realii``)."""
    text = text.strip()
    c = Citation(text=text, lines=list(lines or []), kind=kind, section=section, footnote=footnote)
    bracketed = _BRACKET_ACCESSED.search(text)
    if bracketed:  # Refworld's "Cite as": "..., available at: https://... [accessed 3 November 2019]"
        c.accessed = bracketed.group("d").strip().rstrip(".") or None
        c.accessed_iso = next(iter(_date_isos(c.accessed or "")), None)
        text = text[: bracketed.start()].rstrip()
    oral = ORAL_RE.match(text)
    if oral and len(oral.group("who")) <= 80 and oral.group("who").count(",") <= 1:
        c.authors = [oral.group("who").strip()]
        c.medium = oral.group("medium")
        if oral.group("with"):
            c.medium += f" with {oral.group('with').strip()}"
        c.date = (oral.group("dates") or "").strip().rstrip(".") or None
        if c.date:
            c.date_iso = _date_isos(c.date)
        c.note = oral.group("note")
        return c
    # URLs first (they contain commas and dots), masked so offsets stay true
    masked = list(text)
    urls: list[tuple[int, int]] = []
    for m in URL_RE.finditer(text):
        s, e = m.span()
        while e > s and text[e - 1] in ".,;)" and not text[s:e].startswith(("<", "[url]")):
            e -= 1
        urls.append((s, e))
        masked[s:e] = "\x00" * (e - s)
    mtext = "".join(masked)
    spans = []
    for s, e in split_top(mtext, (", ", "; ", ". ")):
        # a URL glued to its neighbour ("1996 (amended ...) <http://...>") is its own segment
        pieces = re.split(r"(\x00+)", mtext[s:e])
        pos = s
        for piece in pieces:
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                spans.append((pos + lead, pos + len(piece.rstrip())))
            pos += len(piece)
    segs = [(s, e, text[s:e]) for s, e in spans]
    # ". " split only matters for commentary after a date or URL; rejoin it elsewhere
    segs = _rejoin_sentences(text, segs)
    roles: list[str] = []
    date_at = -1
    for i, (s, e, seg) in enumerate(segs):
        low = seg.lower()
        if "\x00" in mtext[s:e]:
            roles.append("url")
        elif _ACCESSED.match(seg):
            roles.append("accessed")
        elif _PAGES.match(seg):
            roles.append("pages")
        elif low.strip(" .") in _MEDIA and i > 0:
            roles.append("medium")
        elif _AVAILABLE.search(seg) and seg.strip().lower().startswith(("available", "url")):
            roles.append("skip")
        else:
            roles.append("text")
    for i in range(len(segs) - 1, 0, -1):
        if roles[i] == "text":
            seg = segs[i][2]
            found = [d for d in find_dates(seg) if d[2].nd or d[2].year or d[2].month]
            if found and (roles[:i].count("text") >= 1):
                date_at = i
                break
    head_end = date_at if date_at >= 0 else len(segs)
    head = [i for i in range(head_end) if roles[i] in ("text", "medium")]
    # trailing medium words before the date belong to the medium, not the title
    while head and roles[head[-1]] == "medium" and len(head) > 1:
        c.medium = segs[head.pop()][2].strip()
    head = [i for i in head if roles[i] == "text" or i == 0]
    head_strs = [segs[i][2] for i in head]
    used, outlet_text = _outlet_fields(c, head_strs, linker)
    if outlet_text:
        c.outlet = _make_outlet(outlet_text, c)
    if used < len(head):
        a = segs[head[used]][0]
        b = segs[head[-1]][1]
        title_text = text[a:b]
        if title_text.strip().lower() in _MEDIA:
            c.medium = title_text.strip()
        else:
            _title_fields(c, title_text)
    if date_at >= 0:
        seg = segs[date_at][2]
        posted = _POSTED.match(seg)
        if posted:
            seg = seg[posted.end() :]
            c.medium = c.medium or "post"
        found = find_dates(seg)
        first_start = found[0][0]
        before = seg[:first_start].strip()
        if len(before.split()) >= 3 and not re.match(
            r"^(?:amended|updated|published|posted|as of)\b", before, re.I
        ):
            # "Russia expands laws criminalizing ‘fake news,’ 22 March 2022": the comma sits inside the quotes
            if c.title is None and c.translation is None:
                _title_fields(c, before)
            seg = seg[first_start:]
            found = find_dates(seg)
        last_end = found[-1][1]
        tail = seg[last_end:].strip()
        if tail.startswith("."):
            tail = tail[1:].strip()
        # "1996 (amended on 9 March 2022)": keep a closing parenthesis with the date
        if tail.startswith(")"):
            last_end += seg[last_end:].index(")") + 1
            tail = seg[last_end:].strip()
        c.date = seg[:last_end].strip() if seg[:last_end].strip() else seg.strip()
        c.date_iso = _date_isos(c.date)
        if tail:
            c.note = tail
    notes: list[str] = [c.note] if c.note else []
    for i, (s, e, seg) in enumerate(segs):
        role = roles[i]
        if role == "url":
            raw = text[s:e].strip()
            if raw == "[url](#)":
                c.url_placeholder = True
            elif c.url is None:
                c.url = raw.strip("<>")
        elif role == "accessed":
            acc = _ACCESSED.match(seg)
            assert acc is not None
            c.accessed = acc.group("d").strip().rstrip(".") or None
            c.accessed_iso = next(iter(_date_isos(c.accessed or "")), None)
        elif role == "pages":
            c.pages = seg.strip()
        elif role == "medium" and i > date_at >= 0:
            c.medium = c.medium or seg.strip()
        elif role == "text" and i > date_at >= 0 and date_at >= 0:
            notes.append(seg.strip())
    c.note = "; ".join(n for n in notes if n) or None
    if date_at < 0 and kind == "entry" and c.medium is None and c.url is None:
        pass
    return c


def _rejoin_sentences(text: str, segs: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Undo ". " splits that fall inside a title ("Dr. Huseyn", "No. 63", "St. Petersburg")."""
    out: list[tuple[int, int, str]] = []
    for s, e, seg in segs:
        if out:
            ps, pe, prev = out[-1]
            between = text[pe:s]
            nd = re.search(r"\bn\.\s?d$", prev)
            if nd:
                out[-1] = (ps, pe + 1, text[ps : pe + 1])
            elif (
                between.strip() == "."
                and "\x00" not in seg
                and not seg.startswith(("<", "http", "[url]"))
                and (re.search(r"(?:\b\w{1,3}|\b[A-ZА-Я])$", prev) or not find_dates(prev))
            ):
                out[-1] = (ps, e, text[ps:e])
                continue
        out.append((s, e, seg))
    return out


def split_footnote(text: str) -> list[tuple[str, str | None]]:
    """A footnote's citations: [(citation text, commentary or None)], split on top-level ``;``."""
    spans = split_top(text, ("; ",))
    pieces = [text[s:e].strip() for s, e in spans if text[s:e].strip()]
    merged: list[str] = []
    for piece in pieces:
        if merged and (piece[:1].islower() or _ACCESSED.match(piece)):
            merged[-1] = f"{merged[-1]}; {piece}"
        else:
            merged.append(piece)
    out: list[tuple[str, str | None]] = []
    for piece in merged:
        first = text_first_segment(piece)
        if len(first.split()) > 14:
            m = re.search(r"\((?P<c>[^()]*(?:\([^()]*\)[^()]*)*)\)\s*\.?$", piece)
            if m and (find_dates(m.group("c")) or URL_RE.search(m.group("c"))):
                out.append((m.group("c"), piece[: m.start()].strip()))
                continue
            out.append((piece, None))
            continue
        out.append((piece, None))
    return out


def text_first_segment(text: str) -> str:
    s, e = split_top(text)[0]
    return text[s:e]


_CONTINUES_URL = re.compile(r"^[^\s,<>]+(?:,(?!\s)[^\s,<>]+)*(?=,\s|\s|>|,?$)")


def _is_continuation(prev: _Block, block: _Block) -> bool:
    """Does *block* continue the bibliography entry *prev* after a page break?"""
    first = block.text.lstrip()
    last = prev.text.rstrip()
    if not first:
        return False
    if first[0].islower() or first.startswith(("<http", "http", "available at", "[url]", "accessed")):
        return True
    if last.endswith(("-", "->")):
        # a URL or word broken at a hyphen goes on in lower case or with a URL piece; a capital starts the
        # next entry (``Meduza, ...`` after ``<https://fakty.com.ua/ukraine/2022->``)
        return not first[0].isupper()
    if last.endswith((",", "–", ":", "(", "[")):
        return True
    if not (URL_RE.search(last) or find_dates(last) or "accessed" in last.lower()):
        return True  # an entry with neither date nor link is unfinished
    return False


def _join(prev: _Block, block: _Block) -> tuple[str, str | None]:
    """Join two pieces of one entry; returns (joined text, note on what was repaired)."""
    a, b = prev.text.rstrip(), block.text.lstrip()
    url_end = re.search(r"<?(?:https?|ftp)://\S*$", a)
    frag = _CONTINUES_URL.match(b)
    if url_end and frag:
        tail = frag.group()
        base = a[:-1] if a.endswith(">") else a
        if base.endswith(tail):  # the break repeated the URL's end: drop the repeat
            rest = b[len(tail) :]
            return base + (
                ">" if a.endswith(">") else ""
            ) + rest, "URL end repeated after a page break (dropped)"
        if a.endswith(">") or a.endswith("-") or a.endswith("/") or a.endswith("="):
            closer = ">" if a.endswith(">") or url_end.group().startswith("<") else ""
            rest = b[len(tail) :]
            if rest.startswith(">"):
                rest = rest[1:]
            return base + tail + closer + rest, "URL split by a page break (joined)"
    return f"{a} {b}", "entry split by a page break (joined)"


def heading_section(text: str, top: str | None) -> str:
    """The section name of a sub-heading (``oral``, ``written``, …), under the top heading *top*."""
    low = text.lower()
    sub = "oral" if "oral" in low else "written" if "written" in low else re.sub(r"\W+", "-", low).strip("-")
    return f"{top}/{sub}" if top else sub


def scan(lines: Iterable[str], linker: OutletLinker | None = None) -> Iterator[Citation | Text]:
    """Citations (footnotes and bibliography entries) and the other text of an EUAA-style document; *linker*
    (the glossary's outlet names) helps split an issuing body from its sub-outlet or title."""
    in_bib = False
    top: str | None = None
    section: str | None = None
    pending: _Block | None = None
    repairs: list[str] = []

    def flush() -> Iterator[Citation | Text]:
        nonlocal pending, repairs
        if pending is None:
            return
        block, pending = pending, None
        nums = [n for n, _ in block.lines]
        text = block.text
        if _entry_like(text):
            c = parse_citation(text, lines=nums, kind="entry", section=section, linker=linker)
            c.issues.extend(repairs)
            yield c
        else:
            for n, t in block.lines:
                yield Text(n, t, "prose")
        repairs = []

    for block in iter_blocks(lines):
        text = block.text
        head = BIB_HEAD.match(text) if len(block.lines) == 1 else None
        if head:
            yield from flush()
            in_bib = True
            top = re.sub(r"\W+", "-", head.group("h").lower().replace("sources ", "")).strip("-")
            section = top
            yield Text(block.lines[0][0], block.lines[0][1], "heading")
            continue
        fn = _FOOTNOTE.match(block.lines[0][1])
        if not in_bib:
            if fn:
                number = int((fn.group("sup") or "").translate(_SUP) or fn.group("md") or 0)
                body = " ".join([fn.group("rest").strip(), *(t.strip() for _, t in block.lines[1:])]).strip()
                nums = [n for n, _ in block.lines]
                for piece, comment in split_footnote(body):
                    c = parse_citation(piece, lines=nums, kind="footnote", footnote=number, linker=linker)
                    if comment:
                        c.note = f"{comment} {c.note}".strip() if c.note else comment
                    yield c
            else:
                for n, t in block.lines:
                    yield Text(n, t, "body")
            continue
        if _is_heading(block):
            yield from flush()
            section = heading_section(text, top)
            yield Text(block.lines[0][0], block.lines[0][1], "heading")
            continue
        if pending is not None and _is_continuation(pending, block):
            joined, note = _join(pending, block)
            # keep the joined text (it may drop a repeated URL fragment)
            pending = _Block(pending.lines + block.lines, pending.blanks_before, joined)
            if note:
                repairs.append(note)
            continue
        yield from flush()
        pending = block
    yield from flush()


def _entry_like(text: str) -> bool:
    return bool(URL_RE.search(text) or find_dates(text) or re.search(r"\baccessed\b|\be-?mail\b", text, re.I))


def _is_heading(block: _Block) -> bool:
    if len(block.lines) != 1:
        return False
    text = block.text.strip()
    if len(text) > 90 or URL_RE.search(text) or any(d[2].year or d[2].nd for d in find_dates(text)):
        return False
    return text.endswith(":") or "," not in text
