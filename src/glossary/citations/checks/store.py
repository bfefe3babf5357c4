"""The one store every check reads and writes: the glossary's answers, the records kept for the whole-document
checks, and the findings.

A long report must not grow memory with its length, so footnotes and bibliography entries go to a private
SQLite file (``spill``) with the few keys the matching looks up indexed beside them, and so do the findings
(sorted by line when they are read back). What repeats through a report (outlet forms, misspellings) is
answered once (``cached``). A finding reported once however often it occurs (one variant, one discrepancy) is
collected as a ``Group`` and written at ``flush_groups``.
"""

from __future__ import annotations

import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from glossary.citations.keys import fold_key, fold_name, glossary_romanization_keys, outlet_name
from glossary.citations.model import Citation, Finding
from glossary.citations.persons import romanization_key
from glossary.text.fold import repair_homoglyphs
from glossary.text.scripts import has_cyrillic

if TYPE_CHECKING:
    from glossary import Glossary
    from glossary.model.concept import Concept

SEVERITY = {"error": 0, "warning": 1, "info": 2}

_SCHEMA = """
CREATE TABLE finding (line INT, sev INT, kind TEXT, seq INT, data BLOB);
CREATE TABLE fn (id INTEGER PRIMARY KEY, data BLOB);
CREATE TABLE en (id INTEGER PRIMARY KEY, tkey TEXT, okey TEXT, used INT, oral INT, data BLOB);
CREATE INDEX en_t ON en (tkey);
CREATE INDEX en_o ON en (okey, id);
CREATE TABLE ed (okey TEXT, d TEXT, id INT);
CREATE INDEX ed_od ON ed (okey, d, id);
CREATE INDEX ed_d ON ed (d, id);
CREATE TABLE oral (id INT, skey TEXT, pre TEXT, a0 TEXT);
CREATE INDEX oral_s ON oral (skey, id);
CREATE INDEX oral_p ON oral (pre, id);
CREATE TABLE od (eid INT, fid INT, d TEXT);
CREATE INDEX od_e ON od (eid);
CREATE TABLE dup (key BLOB PRIMARY KEY, lines BLOB);
"""


class Group:
    """One finding being collected: its lines, distinct strings and citing footnotes so far; *message* is
    called with the group when it is written."""

    __slots__ = ("count", "footnotes", "kind", "lines", "message", "severity", "strings", "suggestion")

    def __init__(self, kind: str, severity: str, message: Callable[[Group], str], suggestion: str | None) -> None:
        self.kind, self.severity, self.message, self.suggestion = kind, severity, message, suggestion
        self.lines: array[int] = array("l")
        self.strings: list[str] = []
        self.footnotes: list[int] = []
        self.count = 0


def outlet_key(c: Citation) -> str:
    """What entries are indexed by for matching: the outlet's concept, else its folded printed name."""
    if c.outlet and c.outlet.id:
        return c.outlet.id
    name = outlet_name(c) or (c.authors[0] if c.authors else "")
    return fold_name(repair_homoglyphs(name))


def surname_key(name: str) -> str:
    """An oral source's surname as a key: romanization key for Latin, fold key for Cyrillic."""
    from glossary.citations.persons import parse_name

    surname = parse_name(name).surname or name
    return romanization_key(surname) if not has_cyrillic(surname) else fold_key(surname)


def is_oral(e: Citation) -> bool:
    """An entry for correspondence with a person (email, interview) or in an oral-sources section."""
    return bool((e.authors and e.medium and "mail" in (e.medium or "")) or (e.section or "").endswith("oral"))


class Store:
    """What the checks share (see the module docstring)."""

    def __init__(self, glossary: Glossary | None) -> None:
        from glossary.citations.spill import connect

        self.glossary = glossary
        #: romanization key → spelling → lines: the romanized words of the document (distinct words only)
        self.romanized: dict[str, dict[str, array[int]]] = defaultdict(lambda: defaultdict(lambda: array("l")))
        self.counts = {"error": 0, "warning": 0, "info": 0}
        self.n_footnotes = 0
        self.n_entries = 0
        self.oral_head: list[tuple[int, Citation]] = []  # the first 50 oral sources (a fallback for matching)
        self.previous: dict[str | None, tuple[str, str, int, str]] = {}  # per section: the previous entry
        self.cited = bytearray(1)  # per entry id: whether a footnote cites it (filled by the cross-reference)
        self._groups: dict[tuple[str, ...], Group] = {}
        self._memo: dict[tuple[str, str], Any] = {}
        self._seq = 0
        self._title_key: tuple[Citation | None, str | None] = (None, None)
        self.db = connect()
        self.db.executescript(_SCHEMA)

    def close(self) -> None:
        self.db.close()

    # -- findings -----------------------------------------------------------------------------------------
    def add(
        self,
        kind: str,
        severity: str,
        message: str,
        lines: Iterable[int],
        strings: list[str],
        suggestion: str | None = None,
    ) -> None:
        """Record one finding."""
        import marshal

        ordered = sorted(set(lines))
        self._seq += 1
        self.counts[severity] += 1
        self.db.execute(
            "INSERT INTO finding VALUES (?, ?, ?, ?, ?)",
            (
                ordered[0] if ordered else 0,
                SEVERITY[severity],
                kind,
                self._seq,
                marshal.dumps((kind, severity, message, ordered, strings, suggestion)),
            ),
        )

    def group(
        self,
        key: tuple[str, ...],
        kind: str,
        severity: str,
        message: Callable[[Group], str],
        lines: Iterable[int],
        strings: list[str],
        suggestion: str | None = None,
        footnote: int | None = None,
    ) -> None:
        """Collect one occurrence of a finding that is reported once with all its lines (at ``flush_groups``)."""
        g = self._groups.get(key)
        if g is None:
            g = self._groups[key] = Group(kind, severity, message, suggestion)
        g.lines.extend(lines)
        for text in strings:
            if text not in g.strings:
                g.strings.append(text)
        if footnote is not None and footnote not in g.footnotes:
            g.footnotes.append(footnote)
        g.count += 1

    def flush_groups(self) -> None:
        for g in self._groups.values():
            self.add(g.kind, g.severity, g.message(g), list(g.lines), g.strings, g.suggestion)
        self._groups.clear()

    def findings(self) -> Iterator[Finding]:
        """Every finding, by line, then severity, then kind (then the order they were found in)."""
        import marshal

        rows = self.db.execute("SELECT data FROM finding ORDER BY line, sev, kind, seq")
        for (data,) in rows:
            yield Finding(*marshal.loads(data))

    # -- records kept for the whole document -------------------------------------------------------------
    def keep_footnote(self, f: Citation) -> None:
        from glossary.citations.spill import pack

        self.n_footnotes += 1
        self.db.execute("INSERT INTO fn VALUES (?, ?)", (self.n_footnotes, pack(f)))

    def keep_entry(self, e: Citation) -> None:
        """Index the entry for the cross-reference: by title, outlet and date, oral sources by surname."""
        from glossary.citations.spill import pack

        self.n_entries += 1
        n = self.n_entries
        okey = outlet_key(e)
        tkey = self.title_key(e)
        oral = is_oral(e)
        used = not (e.section or "").startswith("consulted")
        self.db.execute("INSERT INTO en VALUES (?, ?, ?, ?, ?, ?)", (n, tkey, okey, used, oral, pack(e)))
        self.db.executemany("INSERT INTO ed VALUES (?, ?, ?)", [(okey, d, n) for d in e.date_iso or [""]])
        if oral:
            if e.authors:
                key = surname_key(e.authors[0])
                self.db.execute("INSERT INTO oral VALUES (?, ?, ?, ?)", (n, key, key[:3], e.authors[0]))
            if len(self.oral_head) < 50:
                self.oral_head.append((n, e))

    def title_key(self, e: Citation) -> str | None:
        """The entry's folded title (folding is costly: the last entry's is kept for the entry checks)."""
        if self._title_key[0] is not e:
            self._title_key = (e, fold_key(e.title) if e.title else None)
        return self._title_key[1]

    def footnotes(self) -> Iterator[tuple[int, Citation]]:
        """(id, footnote citation) in document order."""
        from glossary.citations.spill import unpack

        for fid, data in self.db.cursor().execute("SELECT id, data FROM fn ORDER BY id"):
            yield fid, unpack(data)

    def footnote(self, fid: int) -> Citation:
        from glossary.citations.spill import unpack

        return unpack(self.db.execute("SELECT data FROM fn WHERE id = ?", (fid,)).fetchone()[0])

    def entry(self, eid: int) -> Citation:
        from glossary.citations.spill import unpack

        return unpack(self.db.execute("SELECT data FROM en WHERE id = ?", (eid,)).fetchone()[0])

    def entry_ids(self, where: str) -> Iterator[int]:
        """The ids of the entries flagged *where* (``oral``, ``used``), in document order."""
        assert where in ("oral", "used")
        for (eid,) in self.db.cursor().execute(f"SELECT id FROM en WHERE {where} ORDER BY id"):
            yield eid

    def candidates(self, sql: str, args: tuple[Any, ...]) -> list[tuple[int, Citation, str | None]]:
        """(id, entry, title key) for a query over the entry indexes."""
        from glossary.citations.spill import unpack

        return [(eid, unpack(data), tkey) for eid, data, tkey in self.db.execute(sql, args)]

    # -- what the glossary answers (a report asks the same questions again and again) -------------------
    def cached(self, kind: str, key: str, compute: Callable[[], Any]) -> Any:
        k = (kind, key)
        if k not in self._memo:
            self._memo[k] = compute()
        return self._memo[k]

    def concept(self, concept_id: str | None) -> Concept | None:
        return self.glossary.concepts.get(concept_id or "") if self.glossary else None

    def misspelling_patterns(self) -> list[tuple[re.Pattern[str], str, str]]:
        """(pattern, right form, concept label) for every attested misspelling in the glossary."""
        found: list[tuple[re.Pattern[str], str, str]] | None = self._memo.get(("misspellings", ""))
        if found is None:
            found = self._memo[("misspellings", "")] = []
            for concept in self.glossary or ():
                for form in concept.forms():
                    if form.kind == "misspelling" and form.of:
                        pat = re.compile(
                            r"(?<![\w])" + re.escape(form.text).replace(r"\ ", r"\s+") + r"(?![\w])",
                            re.IGNORECASE,
                        )
                        found.append((pat, form.of, concept.label))
        return found

    def deprecated_english(self) -> dict[str, Concept]:
        """{deprecated English name (casefolded): concept}: 'Current Times' → Current Time."""

        def compute() -> dict[str, Concept]:
            found: dict[str, Concept] = {}
            for concept in self.glossary or ():
                for f in concept.forms():
                    if f.kind == "deprecated" and f.lang == "en":
                        found.setdefault(f.text.casefold(), concept)
            return found

        result: dict[str, Concept] = self.cached("deprecated-english", "", compute)
        return result

    def glossary_keys(self) -> set[str]:
        """The romanization keys of the glossary's one-word romanizations."""
        result: set[str] = self.cached("glossary-keys", "", lambda: glossary_romanization_keys(self.glossary))
        return result
