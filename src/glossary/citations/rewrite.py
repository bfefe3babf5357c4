"""How ``normalize`` streams a document: two passes over the input, with memory flat as the input grows.

What to change is decided in :mod:`glossary.citations.fixes`; this module only moves text. The first pass
parses the document, applies the local fixes and keeps each record's fixed text on disk (``spill``) along with
the romanized words for the plan; then the plan is made and applied, and each section's sorted order is worked
out on disk. The second pass copies the input, putting the fixed citations in place and the sorted sections
out of the disk-backed sort, and counts the citations it writes against the input's (a difference is an
error). Text outside citations is copied as is. Normalizing a normalized document changes nothing.
"""

from __future__ import annotations

import io
import marshal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from glossary.citations.euaa import Text
from glossary.citations.fixes import Change, Plan, RomanizedWords, local_fixes, plan_romanization, planned_fixes
from glossary.citations.keys import sort_key
from glossary.citations.model import Citation
from glossary.errors import GlossaryError

if TYPE_CHECKING:
    from glossary import Glossary

__all__ = ["Change", "OrderChange", "Result", "Summary", "normalize_stream", "normalize_text"]


@dataclass(slots=True)
class Result:
    text: str
    changes: list[Change]
    count_in: int
    count_out: int
    records: list[Citation]


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


_SCHEMA = """
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


class _TwoPass:
    """One document on its way through: ``read`` (pass 1), ``plan``, ``write`` (pass 2), ``changes``."""

    def __init__(
        self, glossary: Glossary | None, *, scheme: str | None, add_romanized: bool, sort: bool, fmt: str
    ) -> None:
        from glossary.citations.spill import connect

        self.glossary, self.scheme, self.add_romanized, self.sort, self.fmt = (
            glossary,
            scheme,
            add_romanized,
            sort,
            fmt,
        )
        self.db = connect()
        self.db.executescript(_SCHEMA)
        self.words = RomanizedWords(glossary)
        self.sections: dict[str | None, int] = {}
        self.layout: dict[int, tuple[int, int, bool]] = {}  # section → (first line, last line, sorted as a block)
        self.n_footnotes = 0
        self.n_changes = 0

    def read(self, lines: Iterable[str], on_record: Callable[[Citation], Any] | None) -> int:
        """Pass 1: parse; local fixes; what the plan and the layout need. Returns the number of citations."""
        from glossary.citations import link_outlets, make_linker, scanner
        from glossary.citations.spill import pack

        db = self.db
        linker = make_linker(self.glossary)
        recent = _Recent(lines)
        count = 0
        first_entry = 0
        for item in scanner(self.fmt, references=False)(recent, linker):
            if isinstance(item, Text):
                self.words.add_text(item)
                recent.take(item.line)
                if first_entry and item.line > first_entry:
                    db.execute("INSERT INTO textline VALUES (?)", (item.line,))
                continue
            c = link_outlets(item, linker)
            count += 1
            if on_record is not None:
                on_record(c)
            self.words.add_record(c)
            changes: list[Change] = []
            local = local_fixes(c, c.text, self.glossary, changes)
            raw = recent.take(c.lines[-1])
            if c.kind == "footnote":
                db.execute(
                    "INSERT INTO fn (line, text, fixed, data, changes) VALUES (?, ?, ?, ?, ?)",
                    (c.lines[0], c.text, local, pack(c), _pack_changes(changes)),
                )
                continue
            sec = self.sections.setdefault(c.section, len(self.sections))
            first_entry = first_entry or c.lines[0]
            joined = "\n".join(raw.get(n, "") for n in c.lines) if len(c.lines) > 1 else None
            db.execute(
                "INSERT INTO en (sec, first, last, data, fixed, changes, raw) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (sec, c.lines[0], c.lines[-1], pack(c), local, _pack_changes(changes), joined),
            )
        return count

    def _record(self, changes: list[Change]) -> None:
        for ch in changes:
            self.n_changes += 1
            self.db.execute("INSERT INTO change VALUES (?, ?)", (self.n_changes, _pack_changes([ch])))

    def plan(self) -> None:
        """The romanization plan, the planned fixes and the changes, in document order (footnotes, then each
        section), and each section's layout: sorted as a block, or fixed in place."""
        from glossary.citations.spill import unpack

        db = self.db
        plan = Plan(
            plan_romanization(self.words.groups(), self.glossary, scheme=self.scheme),
            scheme=self.scheme,
            add_romanized=self.add_romanized,
        )
        for seq, data, local, packed in db.cursor().execute("SELECT seq, data, fixed, changes FROM fn ORDER BY seq"):
            c = unpack(data)
            changes = _unpack_changes(packed)
            fixed = planned_fixes(c, local, plan, changes)
            self._record(changes)
            self.n_footnotes += 1
            if fixed != c.text:
                db.execute("INSERT INTO fnfix VALUES (?, ?, ?, ?)", (seq, c.lines[0], c.text, fixed))
        for sec in self.sections.values():
            first = last = 0
            rows = db.cursor().execute("SELECT data, fixed, changes, raw FROM en WHERE sec = ? ORDER BY seq", (sec,))
            for i, (data, local, packed, raw) in enumerate(rows):
                c = unpack(data)
                changes = _unpack_changes(packed)
                fixed = planned_fixes(c, local, plan, changes)
                if raw is not None and raw != c.text:
                    changes.append(Change(list(c.lines), "page-break", raw, c.text))
                self._record(changes)
                db.execute(
                    "INSERT INTO sorted VALUES (?, ?, ?, ?, ?, ?)",
                    (sec, sort_key(fixed), i, fixed, c.lines[0], c.lines[-1]),
                )
                first = first or c.lines[0]
                last = c.lines[-1]
            foreign = (
                db.execute("SELECT 1 FROM textline WHERE line BETWEEN ? AND ? LIMIT 1", (first, last)).fetchone()
                or db.execute(
                    "SELECT 1 FROM en WHERE sec != ? AND last >= ? AND first <= ? LIMIT 1", (sec, first, last)
                ).fetchone()
            )
            as_block = self.sort and not foreign
            order_changed = False
            if as_block:
                rows = db.execute("SELECT i FROM sorted WHERE sec = ? ORDER BY skey, i", (sec,))
                order_changed = any(i != k for k, (i,) in enumerate(rows))
            if order_changed:  # its before and after list every entry: read from disk when reported
                self.n_changes += 1
                db.execute("INSERT INTO change VALUES (?, ?)", (self.n_changes, marshal.dumps((sec, first, last))))
            self.layout[sec] = (first, last, bool(as_block))

    def write(self, lines: Iterable[str], write: Callable[[str], Any]) -> int:
        """Pass 2: copy the input with the fixed citations and sorted sections in place. Returns the number of
        citations written."""
        db = self.db
        blocks = {first: (sec, last) for sec, (first, last, block) in self.layout.items() if block}
        in_place = {sec for sec, (_, _, block) in self.layout.items() if not block}
        count = 0
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
        gap = "\n" if self.fmt == "list" else "\n\n"  # a pasted list has no blank line between citations
        for n, line in enumerate(lines, start=1):
            had_lines = True
            if n in blocks:
                sec, last = blocks[n]
                rows = db.cursor().execute("SELECT fixed FROM sorted WHERE sec = ? ORDER BY skey, i", (sec,))
                for k, (fixed,) in enumerate(rows):
                    write((gap if k else "") + fixed)
                    count += 1
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
                count += 1
                skip_to = max(skip_to, last)
                ip_next = ip_rows.fetchone()
                write(fixed + "\n")
                wrote = True
                continue
            if n <= skip_to:
                continue
            write(line + "\n")
            wrote = True
        if had_lines and not wrote:
            write("\n")
        return count + self.n_footnotes  # footnote lines are copied, never dropped

    def changes(self) -> Iterator[Change | OrderChange]:
        """The changes, read back from disk in order."""
        for (data,) in self.db.cursor().execute("SELECT data FROM change ORDER BY seq"):
            value = marshal.loads(data)
            if isinstance(value, tuple):
                yield OrderChange(self.db, *value)
            else:
                yield from (Change(*c) for c in value)


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
    """Normalize the document that ``open_lines()`` gives (called twice: one pass to parse and plan, one to
    write) into *write*. The changes stay readable through ``Summary.changes()`` until ``Summary.changes`` is
    dropped; records go to *on_record* as they are parsed.

    *fmt* picks the parser (``euaa``, ``cpin``, ``bfa``, ``list``); every line that is not part of a citation is
    written back verbatim. *before_write* is called with the number of citations found after the first
    pass and before anything is written: it may raise to stop (``normalize`` refuses a document with none).
    """
    run = _TwoPass(glossary, scheme=scheme, add_romanized=add_romanized, sort=sort, fmt=fmt)
    count_in = run.read(open_lines(), on_record)
    if before_write is not None:
        before_write(count_in)
    run.plan()
    count_out = run.write(open_lines(), write)
    if count_out != count_in:
        run.db.close()
        msg = f"normalizing would change the number of citations from {count_in} to {count_out}; nothing written"
        raise GlossaryError(msg)
    return Summary(count_in, count_out, run.n_changes, run.changes)


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
