"""Write a document's citations back, fixed where fixing is safe, without ever losing an entry.

Changes, each recorded with before and after: page-break splits joined; homoglyphs repaired in mixed-script
tokens (``МК.ru`` → ``MK.ru``); outlet names the glossary knows as misspellings replaced by its form; one
Cyrillic word romanized one way throughout (the glossary's spelling or the chosen scheme's); optionally a
romanized title added before the bracketed translation of a Cyrillic title (``--add-romanized``); bibliography
sections sorted (entries of one author keep their order). Text outside citations is copied as is.

The document streams through twice (``normalize_stream``): the first pass parses it, plans the romanization
and keeps each record's fixed text on disk (``spill``); the second copies the input, putting the fixed
citations in place and the sorted sections out of a disk-backed sort, and counts the citations it writes
against the input's (a difference is an error). Memory stays flat as the input grows. Normalizing a
normalized document changes nothing.
"""

from __future__ import annotations

import io
import marshal
import re
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from glossary.citations.euaa import Text
from glossary.citations.keys import (
    LATIN_WORD,
    glossary_romanization_keys,
    mixed_tokens,
    outlet_name,
    romanized_words,
    scheme_form,
    sort_key,
)
from glossary.citations.model import Citation
from glossary.citations.persons import romanization_key
from glossary.errors import GlossaryError
from glossary.text.fold import fold, repair_homoglyphs
from glossary.text.scripts import has_cyrillic

if TYPE_CHECKING:
    from glossary import Glossary

_URL = re.compile(r"<?(?:https?|ftp)://[^\s>]*>?|\[url\]\(#\)")


@dataclass(slots=True)
class Change:
    lines: list[int]
    kind: str
    before: str
    after: str

    def to_json(self) -> dict[str, Any]:
        return {"lines": self.lines, "kind": self.kind, "before": self.before, "after": self.after}


@dataclass(slots=True)
class Result:
    text: str
    changes: list[Change]
    count_in: int
    count_out: int
    records: list[Citation]


def _outside_urls(text: str, fn: Any) -> str:
    """Apply *fn* to the parts of *text* that are not URLs."""
    out: list[str] = []
    pos = 0
    for m in _URL.finditer(text):
        out.append(fn(text[pos : m.start()]))
        out.append(m.group())
        pos = m.end()
    out.append(fn(text[pos:]))
    return "".join(out)


class Normalizer:
    def __init__(
        self,
        glossary: Glossary | None,
        *,
        scheme: str | None = None,
        add_romanized: bool = False,
        sort: bool = True,
    ) -> None:
        self.glossary = glossary
        self.scheme = scheme
        self.add_romanized = add_romanized
        self.sort = sort
        self.changes: list[Change] = []
        self.replacements: dict[str, str] = {}

    # -- fixes on one citation's text ----------------------------------------------------------------
    def _homoglyphs(self, text: str) -> str:
        def fix(part: str) -> str:
            for tok in mixed_tokens(part):
                core = tok.strip('.,;:()[]«»"“”*')
                fixed = repair_homoglyphs(core)
                if fixed != core:
                    part = part.replace(core, fixed)
            return part

        return _outside_urls(text, fix)

    def _outlet(self, c: Citation, text: str) -> str:
        if not (self.glossary and c.outlet and c.outlet.id):
            return text
        name = outlet_name(c)
        concept = self.glossary.concepts.get(c.outlet.id)
        if not concept or not name:
            return text
        right = None
        for form in concept.forms():
            if form.kind == "misspelling" and form.text == repair_homoglyphs(name):
                en = concept.preferred("en")
                right = en if en and fold(en) == fold(form.text) else form.of
        if right and right != name:
            text = re.sub(r"(?<![\w])" + re.escape(name) + r"(?![\w])", right, text, count=1)
        return text

    def _romanization(self, text: str) -> str:
        if not self.replacements:
            return text

        def fix(part: str) -> str:
            return self._word_re.sub(lambda m: self.replacements.get(m.group(), m.group()), part)

        return _outside_urls(text, fix)

    def _romanized_title(self, c: Citation, text: str) -> str:
        if not (
            self.add_romanized
            and c.title
            and has_cyrillic(c.title)
            and not c.title_romanized
            and c.translation is not None
        ):
            return text
        from glossary.translit import transliterate

        romanized = (
            transliterate(c.title, scheme=self.scheme, by_word=True)
            if self.scheme
            else transliterate(c.title, by_word=True)
        )
        at = text.find(c.title)
        if at < 0:
            return text
        end = at + len(c.title)
        return f"{text[:end]} ({romanized}){text[end:]}"

    def _comma(self, c: Citation, text: str) -> str:
        """``Ukraine General Staff ...`` → ``Ukraine, General Staff ...`` (the state, then the body)."""
        for issue in c.issues:
            m = re.match(r"missing comma after '(?P<s>[^']+)'", issue)
            if m and text.startswith(m.group("s") + " "):
                return f"{m.group('s')}, {text[len(m.group('s')) + 1 :]}"
        return text

    def fix(self, c: Citation, text: str) -> str:
        return self.fix_planned(c, self.fix_local(c, text, self.changes), self.changes)

    def fix_local(self, c: Citation, text: str, changes: list[Change]) -> str:
        """The fixes that need only the citation itself (homoglyphs, comma, outlet name)."""
        return self._steps(
            c,
            text,
            changes,
            (
                (self._homoglyphs, "homoglyph"),
                (lambda t: self._comma(c, t), "style"),
                (lambda t: self._outlet(c, t), "outlet-name"),
            ),
        )

    def fix_planned(self, c: Citation, text: str, changes: list[Change]) -> str:
        """The fixes that need the whole document's plan (romanization), then the romanized title."""
        return self._steps(
            c,
            text,
            changes,
            ((self._romanization, "romanization"), (lambda t: self._romanized_title(c, t), "romanized-title")),
        )

    def _steps(
        self, c: Citation, text: str, changes: list[Change], steps: Iterable[tuple[Callable[[str], str], str]]
    ) -> str:
        for step, kind in steps:
            after = step(text)
            if after != text:
                changes.append(Change(list(c.lines), kind, text, after))
                text = after
        return text

    # -- the document ----------------------------------------------------------------------------------
    def plan_romanization(self, records: list[Citation], texts: list[Text]) -> None:
        """Which romanized spellings become which (groups of spellings of one word)."""
        words = _RomanizedWords(self.glossary)
        for c in records:
            words.add_record(c)
        for t in texts:
            words.add_text(t)
        self.plan(words.groups())

    def plan(self, groups: Iterable[set[str]]) -> None:
        """Replacements for each group of spellings of one word (see ``plan_romanization``)."""
        for spellings in groups:
            words = sorted(spellings)
            target = scheme_form(words, self.glossary) if len({w.casefold() for w in words}) > 1 else None
            if self.scheme and len(words) >= 1:
                target = self._scheme_spelling(words) or target
            if target:
                for w in words:
                    if w != target and w.casefold() != target.casefold():
                        self.replacements[w] = target
        words = sorted(self.replacements, key=len, reverse=True)
        self._word_re = (
            re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, words)) + r")(?![\w])")
            if words
            else re.compile(r"(?!x)x")
        )

    def _scheme_spelling(self, words: list[str]) -> str | None:
        from glossary.text.morph import analyzer as _morph
        from glossary.translit import transliterate, untransliterate

        for w in words:
            for cyr in untransliterate(w, lang="ru")[:3]:
                if all(ch.isalpha() and has_cyrillic(ch) for ch in cyr) and _morph("ru").word_is_known(
                    cyr.lower()
                ):
                    form = transliterate(cyr, lang="ru", scheme=self.scheme)
                    return form.capitalize() if w[:1].isupper() else form
        return None


class _RomanizedWords:
    """The romanized spellings of the document, grouped by the word they spell (distinct words only, so this
    grows with the vocabulary, not the document). Body text counts for words the citations or the glossary
    romanize, wherever in the document it stands."""

    def __init__(self, glossary: Glossary | None) -> None:
        self.glossary = glossary
        self.words: dict[str, set[str]] = defaultdict(set)
        self.body: dict[str, set[str]] = defaultdict(set)

    def add_record(self, c: Citation) -> None:
        for word in romanized_words(c):
            self.words[romanization_key(word)].add(word)

    def add_text(self, t: Text) -> None:
        if t.kind == "body":
            for word in LATIN_WORD.findall(t.text):
                self.body[romanization_key(word)].add(word)

    def groups(self) -> Iterator[set[str]]:
        keys = glossary_romanization_keys(self.glossary)
        for key, words in self.body.items():
            if key in self.words or key in keys:
                self.words[key] |= words
        yield from self.words.values()


class _Recent:
    """The input's non-blank lines not yet consumed by a parsed item (a page-break change shows them)."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.source = lines
        self.kept: deque[tuple[int, str]] = deque()

    def __iter__(self) -> Iterator[str]:
        for n, line in enumerate(self.source, start=1):
            if line.strip():
                self.kept.append((n, line))
            yield line

    def take(self, last: int) -> dict[int, str]:
        """Forget (and return) the lines up to *last*."""
        out: dict[int, str] = {}
        while self.kept and self.kept[0][0] <= last:
            n, line = self.kept.popleft()
            out[n] = line
        return out


class OrderChange:
    """A section sorted: before and after list the first 60 characters of every entry, so they are read
    from disk piece by piece (``pieces``) when a report is written, and joined only when asked for."""

    __slots__ = ("db", "kind", "lines", "sec")

    def __init__(self, db: Any, sec: int, first: int, last: int) -> None:
        self.db = db
        self.sec = sec
        self.lines = [first, last]
        self.kind = "order"

    def pieces(self, which: str) -> Iterator[str]:
        """The entries' beginnings, one per line, in the input's order (``before``) or sorted (``after``)."""
        by = "i" if which == "before" else "skey, i"
        rows = self.db.cursor().execute(f"SELECT fixed FROM sorted WHERE sec = ? ORDER BY {by}", (self.sec,))
        for n, (fixed,) in enumerate(rows):
            yield ("\n" if n else "") + fixed[:60]

    @property
    def before(self) -> str:
        return "".join(self.pieces("before"))

    @property
    def after(self) -> str:
        return "".join(self.pieces("after"))

    def to_json(self) -> dict[str, Any]:
        return {"lines": self.lines, "kind": self.kind, "before": self.before, "after": self.after}


@dataclass(slots=True)
class Summary:
    """What a streaming run reports: counts, and the changes (read back from disk, in order)."""

    count_in: int
    count_out: int
    n_changes: int
    changes: Callable[[], Iterator[Change | OrderChange]]


def _pack_changes(changes: list[Change]) -> bytes:
    return marshal.dumps([(c.lines, c.kind, c.before, c.after) for c in changes])


def _unpack_changes(data: bytes) -> list[Change]:
    return [Change(*c) for c in marshal.loads(data)]


def normalize_stream(
    open_lines: Callable[[], Iterable[str]],
    write: Callable[[str], Any],
    glossary: Glossary | None,
    *,
    scheme: str | None = None,
    add_romanized: bool = False,
    sort: bool = True,
    on_record: Callable[[Citation], Any] | None = None,
    fmt: str = "euaa",
    before_write: Callable[[int], Any] | None = None,
) -> Summary:
    """Normalize the EUAA-style document that ``open_lines()`` gives (called twice: one pass to parse and
    plan, one to write) into *write*. The changes stay readable through ``Summary.changes()`` until
    ``Summary.changes`` is dropped; records go to *on_record* as they are parsed.

    *fmt* picks the parser (``euaa``, ``cpin``, ``bfa``, ``list``); every line that is not part of a citation is
    written back verbatim. *before_write* is called with the number of citations found after the first
    pass and before anything is written: it may raise to stop (``normalize`` refuses a document with none).
    """
    from glossary.citations import link_outlets, make_linker, scanner
    from glossary.citations.spill import connect

    db = connect()
    db.executescript(
        """
        CREATE TABLE fn (seq INTEGER PRIMARY KEY, line INT, text TEXT, fixed TEXT, data BLOB, changes BLOB);
        CREATE TABLE fnfix (seq INTEGER PRIMARY KEY, line INT, text TEXT, fixed TEXT);
        CREATE INDEX fnfix_line ON fnfix (line, seq);
        CREATE TABLE en (seq INTEGER PRIMARY KEY, sec INT, first INT, last INT, data BLOB, fixed TEXT,
                         changes BLOB, raw TEXT);
        CREATE INDEX en_sec ON en (sec, seq);
        CREATE INDEX en_span ON en (first, last);
        CREATE TABLE textline (line INTEGER PRIMARY KEY);
        CREATE TABLE sorted (sec INT, skey TEXT, i INT, fixed TEXT, first INT, last INT);
        CREATE INDEX sorted_key ON sorted (sec, skey, i);
        CREATE INDEX sorted_i ON sorted (sec, i);
        CREATE INDEX sorted_first ON sorted (first);
        CREATE TABLE change (seq INTEGER PRIMARY KEY, data BLOB);
        """
    )
    from glossary.citations.spill import pack, unpack

    norm = Normalizer(glossary, scheme=scheme, add_romanized=add_romanized, sort=sort)
    words = _RomanizedWords(glossary)
    linker = make_linker(glossary)
    sections: dict[str | None, int] = {}
    count_in = 0
    first_entry = 0
    recent = _Recent(open_lines())
    # -- pass 1: parse; local fixes; what the plan and the layout need -----------------------------------
    for item in scanner(fmt, references=False)(recent, linker):
        if isinstance(item, Text):
            words.add_text(item)
            recent.take(item.line)
            if first_entry and item.line > first_entry:
                db.execute("INSERT INTO textline VALUES (?)", (item.line,))
            continue
        c = link_outlets(item, linker)
        count_in += 1
        if on_record is not None:
            on_record(c)
        words.add_record(c)
        changes: list[Change] = []
        local = norm.fix_local(c, c.text, changes)
        raw = recent.take(c.lines[-1])
        if c.kind == "footnote":
            db.execute(
                "INSERT INTO fn (line, text, fixed, data, changes) VALUES (?, ?, ?, ?, ?)",
                (c.lines[0], c.text, local, pack(c), _pack_changes(changes)),
            )
            continue
        sec = sections.setdefault(c.section, len(sections))
        first_entry = first_entry or c.lines[0]
        joined = "\n".join(raw.get(n, "") for n in c.lines) if len(c.lines) > 1 else None
        db.execute(
            "INSERT INTO en (sec, first, last, data, fixed, changes, raw) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (sec, c.lines[0], c.lines[-1], pack(c), local, _pack_changes(changes), joined),
        )
    if before_write is not None:
        before_write(count_in)
    norm.plan(words.groups())
    # -- the planned fixes and the changes, in document order: footnotes, then each section -----------
    n_changes = 0

    def record(changes: list[Change]) -> None:
        nonlocal n_changes
        for ch in changes:
            n_changes += 1
            db.execute("INSERT INTO change VALUES (?, ?)", (n_changes, _pack_changes([ch])))

    n_footnotes = 0
    for seq, data, local, packed in db.cursor().execute("SELECT seq, data, fixed, changes FROM fn ORDER BY seq"):
        c = unpack(data)
        changes = _unpack_changes(packed)
        fixed = norm.fix_planned(c, local, changes)
        record(changes)
        n_footnotes += 1
        if fixed != c.text:
            db.execute("INSERT INTO fnfix VALUES (?, ?, ?, ?)", (seq, c.lines[0], c.text, fixed))
    layout: dict[int, tuple[int, int, bool]] = {}  # section → (first line, last line, sorted as a block)
    for sec in sections.values():
        first = last = 0
        rendered = 0
        order_changed = False
        rows = db.cursor().execute(
            "SELECT data, fixed, changes, raw FROM en WHERE sec = ? ORDER BY seq", (sec,)
        )
        for i, (data, local, packed, raw) in enumerate(rows):
            c = unpack(data)
            changes = _unpack_changes(packed)
            fixed = norm.fix_planned(c, local, changes)
            if raw is not None and raw != c.text:
                changes.append(Change(list(c.lines), "page-break", raw, c.text))
            record(changes)
            db.execute(
                "INSERT INTO sorted VALUES (?, ?, ?, ?, ?, ?)",
                (sec, sort_key(fixed), i, fixed, c.lines[0], c.lines[-1]),
            )
            first = first or c.lines[0]
            last = c.lines[-1]
            rendered += 1
        foreign = db.execute(
            "SELECT 1 FROM textline WHERE line BETWEEN ? AND ? LIMIT 1", (first, last)
        ).fetchone() or db.execute(
            "SELECT 1 FROM en WHERE sec != ? AND last >= ? AND first <= ? LIMIT 1", (sec, first, last)
        ).fetchone()
        as_block = norm.sort and not foreign
        if as_block:
            rows = db.execute("SELECT i FROM sorted WHERE sec = ? ORDER BY skey, i", (sec,))
            order_changed = any(i != k for k, (i,) in enumerate(rows))
        if order_changed:  # its before and after list every entry: read from disk when reported
            n_changes += 1
            db.execute("INSERT INTO change VALUES (?, ?)", (n_changes, marshal.dumps((sec, first, last))))
        layout[sec] = (first, last, bool(as_block))
    # -- pass 2: copy the input with the fixed citations and sorted sections in place -------------------
    blocks = {first: (sec, last) for sec, (first, last, block) in layout.items() if block}
    in_place = {sec for sec, (_, _, block) in layout.items() if not block}
    count_out = 0
    wrote = False
    skip_to = 0
    fn_rows = db.cursor().execute("SELECT line, text, fixed FROM fnfix ORDER BY line, seq")
    fn_next = fn_rows.fetchone()
    marks = ",".join("?" * len(in_place))
    ip_rows = db.cursor().execute(
        f"SELECT first, last, fixed FROM sorted WHERE sec IN ({marks}) ORDER BY first", tuple(in_place)
    )
    ip_next = ip_rows.fetchone()
    had_lines = False
    for n, line in enumerate(open_lines(), start=1):
        had_lines = True
        if n in blocks:
            sec, last = blocks[n]
            rows = db.cursor().execute("SELECT fixed FROM sorted WHERE sec = ? ORDER BY skey, i", (sec,))
            gap = "\n" if fmt == "list" else "\n\n"  # a pasted list has no blank line between citations
            for k, (fixed,) in enumerate(rows):
                write((gap if k else "") + fixed)
                count_out += 1
            write("\n")
            wrote = True
            skip_to = max(skip_to, last)
        while fn_next is not None and fn_next[0] < n:
            fn_next = fn_rows.fetchone()
        while fn_next is not None and fn_next[0] == n:
            _, text, fixed = fn_next
            if text in line:
                line = line.replace(text, fixed, 1)
            fn_next = fn_rows.fetchone()
        while ip_next is not None and ip_next[0] < n:
            ip_next = ip_rows.fetchone()
        if ip_next is not None and ip_next[0] == n:
            _, last, fixed = ip_next
            line = fixed
            count_out += 1
            skip_to = max(skip_to, last)
            ip_next = ip_rows.fetchone()
            write(line + "\n")
            wrote = True
            continue
        if n <= skip_to:
            continue
        write(line + "\n")
        wrote = True
    if had_lines and not wrote:
        write("\n")
    count_out += n_footnotes  # footnote lines are copied, never dropped
    if count_out != count_in:
        db.close()
        msg = (
            f"normalizing would change the number of citations from {count_in} to {count_out}; "
            "nothing written"
        )
        raise GlossaryError(msg)

    def changes_back() -> Iterator[Change | OrderChange]:
        for (data,) in db.cursor().execute("SELECT data FROM change ORDER BY seq"):
            value = marshal.loads(data)
            if isinstance(value, tuple):
                yield OrderChange(db, *value)
            else:
                yield from (Change(*c) for c in value)

    return Summary(count_in, count_out, n_changes, changes_back)


def normalize_text(
    lines: list[str],
    glossary: Glossary | None,
    *,
    scheme: str | None = None,
    add_romanized: bool = False,
    sort: bool = True,
    fmt: str = "euaa",
) -> Result:
    """The normalized document (EUAA style), the changes made, and the citation counts in and out."""
    out = io.StringIO()
    records: list[Citation] = []
    summary = normalize_stream(
        lambda: lines,
        out.write,
        glossary,
        scheme=scheme,
        add_romanized=add_romanized,
        sort=sort,
        on_record=records.append,
        fmt=fmt,
    )
    text = out.getvalue()
    if not lines:
        text = ""
    changes = [Change(list(c.lines), c.kind, c.before, c.after) for c in summary.changes()]
    return Result(text, changes, summary.count_in, summary.count_out, records)
