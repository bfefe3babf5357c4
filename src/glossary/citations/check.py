"""Find what an editor finds by eye in a report's citations, and explain it.

Kinds (``Finding.kind``), each with severity, the exact strings involved and a suggestion:

- ``mixed-script``: a token mixing Cyrillic and Latin letters (``МК.ru``, ``Подмоскowie``) — error;
- ``misspelling``: a name the glossary knows only as an attested misspelling (``Nastoyashee vremya``)
  — warning;
- ``romanization``: one Cyrillic word romanized two ways in the document (``Federacii``/``Federatsii``)
  — warning;
- ``name-translation``: a person's name in the bracketed translation that does not match the Cyrillic title,
  read through transliteration and inflection (``Альберта Сахибгареева`` ↔ ``Albert Sakhigareev``) — error;
- ``name-variant``: one person spelled two ways (``Olikier``/``Oliker``) — error;
- ``outlet-variant``: one outlet printed under two names that are not its short and long forms — warning;
- ``title-mismatch`` / ``translation-mismatch`` / ``date-mismatch``: a footnote differs from its
  bibliography entry — error / warning;
- ``missing-from-bibliography``: a footnote cites a source the bibliography lacks — error;
- ``uncited-entry``: a "sources used" entry no footnote cites — warning;
- ``oral-date``: an oral source's date in a footnote missing from the bibliography's list of dates — error;
- ``missing-date`` / ``malformed-date``: no date, or a date without a year — warning / error;
- ``order``: bibliography section out of alphabetical order — warning;
- ``duplicate-entry``: the same entry twice in the bibliography — error;
- ``page-break`` (info) and ``style`` (warning): what the parser repaired or noticed.

Different sources that look alike are kept apart: outlets are compared by glossary concept (Interfax is not
Interfax-Ukraine), and two reports of a series with one title but different dates are two entries.
"""

from __future__ import annotations

import re
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from glossary.citations.keys import (
    LATIN_WORD,
    author_key,
    fold_key,
    fold_name,
    glossary_romanization_keys,
    mixed_tokens,
    outlet_name,
    romanized_words,
    scheme_form,
    sort_key,
)
from glossary.citations.model import Citation, Finding
from glossary.citations.persons import compare as compare_names
from glossary.citations.persons import is_given_name, romanization_key
from glossary.text.fold import repair_homoglyphs
from glossary.text.scripts import has_cyrillic

if TYPE_CHECKING:
    from glossary import Glossary
    from glossary.citations.euaa import Text

_URLISH = re.compile(
    r"<?(?:https?|ftp)://\S+|\[url\]\(#\)|(?<![\w.])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
    r"\.(?:ru|ua|com|org|net|io|info|tv|eu|me)(?:/\S*)?(?![\w.])"
)
_CYR_NAME = re.compile(r"(?<![\w«“\"])([А-ЯЁІЇЄҐ][а-яёіїєґʼ'’]+)\s+([А-ЯЁІЇЄҐ][а-яёіїєґʼ'’-]+)")
_LAT_NAME = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
_BRACKETED = re.compile(r"\[([^\[\]]{2,80})\]")


_SEVERITY = {"error": 0, "warning": 1, "info": 2}
#: a token with a Cyrillic letter and a letter of another script (a quick test before the exact one)
_MIXED_TOKEN = re.compile(r"[\u0400-\u04ff]\S*?[^\W\d_\u0400-\u04ff]|[^\W\d_\u0400-\u04ff]\S*?[\u0400-\u04ff]")
class Checker:
    """Checks records as they stream in; keeps on disk (``spill``) only what the whole-document checks need,
    then reports the findings sorted by line (``findings``; ``run`` returns them as a list)."""

    def __init__(self, glossary: Glossary | None) -> None:
        from glossary.citations.spill import connect

        self.glossary = glossary
        self.romanized: dict[str, dict[str, array[int]]] = defaultdict(lambda: defaultdict(lambda: array("l")))
        self._misspellings: list[tuple[re.Pattern[str], str, str]] | None = None
        self._memo: dict[tuple[str, str], Any] = {}
        self._seq = 0
        self.counts = {"error": 0, "warning": 0, "info": 0}
        self.n_footnotes = 0
        self.n_entries = 0
        self._oral_head: list[tuple[int, Citation]] = []  # the first 50 oral sources (a fallback for matching)
        self._last: dict[str | None, tuple[str, str, int, str]] = {}  # per section: the previous entry
        #: findings reported once however often they occur (one variant, one discrepancy): key → _Group
        self._groups: dict[tuple[str, ...], _Group] = {}
        self.db = connect()
        self.db.executescript(
            """
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
        )

    def close(self) -> None:
        self.db.close()

    # -- per record --------------------------------------------------------------------------------------
    def add(self, item: Citation | Text) -> None:
        if isinstance(item, Citation):
            self._record_checks(item)
            if item.kind == "footnote":
                self._keep_footnote(item)
            else:
                self._keep_entry(item)
        elif item.kind == "body":
            self._text_checks(item.line, item.text)

    def _add(
        self,
        kind: str,
        severity: str,
        message: str,
        lines: list[int],
        strings: list[str],
        suggestion: str | None = None,
    ) -> None:
        import marshal

        lines = sorted(set(lines))
        self._seq += 1
        self.counts[severity] += 1
        self.db.execute(
            "INSERT INTO finding VALUES (?, ?, ?, ?, ?)",
            (
                lines[0] if lines else 0,
                _SEVERITY[severity],
                kind,
                self._seq,
                marshal.dumps((kind, severity, message, lines, strings, suggestion)),
            ),
        )

    def _group(
        self,
        key: tuple[str, ...],
        kind: str,
        severity: str,
        message: Any,
        lines: Iterable[int],
        strings: list[str],
        suggestion: str | None = None,
        footnote: int | None = None,
    ) -> None:
        """Collect one occurrence of a finding that is reported once with all its lines (at ``finish``):
        *message* is called with the citing footnotes and the distinct strings, as printed."""
        g = self._groups.get(key)
        if g is None:
            g = self._groups[key] = _Group(kind, severity, message, suggestion)
        g.lines.extend(lines)
        for text in strings:
            if text not in g.strings:
                g.strings.append(text)
        if footnote is not None and footnote not in g.footnotes:
            g.footnotes.append(footnote)
        g.count += 1

    def _flush_groups(self) -> None:
        for g in self._groups.values():
            self._add(g.kind, g.severity, g.message(g), list(g.lines), g.strings, g.suggestion)
        self._groups.clear()

    def _keep_footnote(self, f: Citation) -> None:
        from glossary.citations.spill import pack

        self.n_footnotes += 1
        self.db.execute("INSERT INTO fn VALUES (?, ?)", (self.n_footnotes, pack(f)))

    def _keep_entry(self, e: Citation) -> None:
        """Index the entry for the cross-reference, and check order and duplicates against earlier entries."""
        import hashlib
        import marshal

        from glossary.citations.spill import pack

        self.n_entries += 1
        n = self.n_entries
        okey = _outlet_key(e)
        tkey = fold_key(e.title) if e.title else None
        is_oral = bool((e.authors and e.medium and "mail" in (e.medium or "")) or (e.section or "").endswith("oral"))
        used = not (e.section or "").startswith("consulted")
        self.db.execute(
            "INSERT INTO en VALUES (?, ?, ?, ?, ?, ?)",
            (n, tkey, okey, used, is_oral, pack(e)),
        )
        self.db.executemany("INSERT INTO ed VALUES (?, ?, ?)", [(okey, d, n) for d in e.date_iso or [""]])
        if is_oral:
            if e.authors:
                key = _surname_key(e.authors[0])
                self.db.execute("INSERT INTO oral VALUES (?, ?, ?, ?)", (n, key, key[:3], e.authors[0]))
            if len(self._oral_head) < 50:
                self._oral_head.append((n, e))
        # order: each entry against the previous one of its section
        ak, sk = author_key(e), sort_key(e.text)
        prev = self._last.get(e.section)
        if prev is not None and prev[0] != ak and prev[1] > sk:
            self._add(
                "order",
                "warning",
                "bibliography entries out of alphabetical order",
                [prev[2], e.lines[0]],
                [prev[3], e.text],
                f"put '{_short(e.text)}' before '{_short(prev[3])}'",
            )
        self._last[e.section] = (ak, sk, e.lines[0], e.text)
        # duplicates: the same outlet, title (or text) and dates as an earlier entry
        what = tkey if tkey is not None else fold_key(e.text)
        key = "\x1f".join((okey, what, "|".join(e.date_iso) or fold_name(e.date or "")))
        digest = hashlib.blake2b(key.encode(), digest_size=16).digest()
        added = self.db.execute("INSERT OR IGNORE INTO dup VALUES (?, ?)", (digest, marshal.dumps(e.lines)))
        if not added.rowcount:
            row = self.db.execute("SELECT lines FROM dup WHERE key = ?", (digest,)).fetchone()
            self._add(
                "duplicate-entry",
                "error",
                "the same entry appears twice in the bibliography",
                [*marshal.loads(row[0]), *e.lines],
                [e.text],
                "remove one of them",
            )

    def _cached(self, kind: str, key: str, compute: Any) -> Any:
        """Per-name answers (outlet forms, misspellings): a report names the same outlets again and again."""
        k = (kind, key)
        if k not in self._memo:
            self._memo[k] = compute()
        return self._memo[k]
    def _record_checks(self, c: Citation) -> None:
        # removing URLs only splits tokens, so a text without a mixed token needs no URL removal
        text = _URLISH.sub(" ", c.text) if _MIXED_TOKEN.search(c.text) else ""
        for tok in mixed_tokens(text):
            tok = tok.strip('.,;:()[]«»"“”')
            fixed = repair_homoglyphs(tok)
            self._add(
                "mixed-script",
                "error",
                f"'{tok}' mixes Cyrillic and Latin letters",
                c.lines,
                [tok],
                fixed if fixed != tok else None,
            )
        if (
            c.outlet
            and c.outlet.how
            and self.glossary
            and (c.outlet.how.startswith("misspelling") or self._printed_misspelling(c))
        ):
            concept = self.glossary.concepts.get(c.outlet.id or "")
            name = outlet_name(c)
            self._misspelling(name, self._right_form(name), concept.label if concept else c.outlet.en or "", c.lines)
        self._outlet_form(c)
        if c.outlet and c.outlet.id and self.glossary and c.outlet.text.rstrip().endswith("]"):
            m = _BRACKETED.search(c.outlet.text)
            concept = self.glossary.concepts.get(c.outlet.id)
            if m and concept and self._is_wrong_english(m.group(1).strip(), concept):
                self._wrong_english(m.group(1).strip(), concept, c.lines)
        for issue in c.issues:
            kind = "style" if issue.startswith("missing comma") else "page-break"
            self._add(kind, "warning" if kind == "style" else "info", issue, c.lines, [c.text])
        self.collect_romanized(c)
        if c.kind == "entry":
            if not c.date and not (c.medium and "mail" in c.medium):
                self._add(
                    "missing-date",
                    "warning",
                    "entry has no date (write n.d. if the source has none)",
                    c.lines,
                    [c.text],
                )
            elif c.date and not c.date_iso and "n.d" not in c.date:
                self._add("malformed-date", "error", f"date '{c.date}' has no year", c.lines, [c.date])
        if c.title and c.translation and has_cyrillic(c.title):
            self._name_translation(c)

    def _misspelling(self, printed: str, right: str | None, label: str, lines: Iterable[int]) -> None:
        """One finding per misspelt name (its printings differing only in case together), with every line."""
        self._group(
            ("misspelling", printed.casefold(), right or "", label),
            "misspelling",
            "warning",
            lambda g: f"{_quoted(g.strings)} is an attested misspelling of {label}" + _times(g.count),
            lines,
            [printed],
            right,
        )

    def collect_romanized(self, c: Citation) -> None:
        """Remember the romanized words of a citation (title, outlet) for the consistency check."""
        for word in romanized_words(c):
            self.romanized[romanization_key(word)][word].extend(c.lines)

    def _outlet_form(self, c: Citation) -> None:
        """A name linked by its match key but printed unlike every attested form (``ZN,UA`` for ZN.UA)."""
        if not (self.glossary and c.outlet and c.outlet.id and c.outlet.how):
            return
        if c.outlet.how.split("+")[0] not in ("preferred", "full", "admitted", "abbreviation", "romanized"):
            return
        name = outlet_name(c)
        concept = self.glossary.concepts.get(c.outlet.id)
        if not concept or not name or has_cyrillic(name):
            return
        forms = self._cached(
            "forms", concept.id, lambda: {_without_article(f.text) for f in concept.forms()}
        )
        if _without_article(name) not in forms and not mixed_tokens(name):  # "The Moscow Times" is fine
            right = concept.preferred("en") or concept.label
            self._group(
                ("outlet-form", concept.id, name),
                "outlet-variant",
                "warning",
                lambda g: f"'{name}' is printed unlike any attested name of {right}" + _times(g.count),
                c.lines,
                [name],
                right,
            )

    def _deprecated_english(self) -> dict[str, Any]:
        """{deprecated English name (casefolded): concept}: 'Current Times' → Current Time."""
        if not hasattr(self, "_deprecated_en"):
            found: dict[str, Any] = {}
            for concept in self.glossary or ():
                for f in concept.forms():
                    if f.kind == "deprecated" and f.lang == "en":
                        found.setdefault(f.text.casefold(), concept)
            self._deprecated_en = found
        return self._deprecated_en

    def _named_before(self, concept: Any, before: str) -> bool:
        """Whether *before* (the text before a bracket) ends with a name of *concept*, however printed."""
        names = self._cached(
            "names",
            concept.id,
            lambda: sorted(
                {f.text.casefold() for f in concept.forms() if f.kind not in ("deprecated", "web")}, key=len
            ),
        )
        tail = re.sub(r"[*_]", "", before).rstrip(" ,").casefold()
        return any(tail.endswith(name) for name in names)

    def _is_wrong_english(self, printed: str, concept: Any) -> bool:
        """A bracketed English name of a linked outlet that is deprecated, or close to but not an English form."""
        from rapidfuzz import fuzz

        english = self._cached(
            "english",
            concept.id,
            lambda: [f for f in concept.forms() if f.lang == "en" and f.kind not in ("web", "title", "derived")],
        )
        if any(f.text == printed for f in english if f.kind != "deprecated"):
            return False
        return any(
            f.text.casefold() == printed.casefold() if f.kind == "deprecated" else fuzz.ratio(f.text, printed) >= 85
            for f in english
        )

    def _wrong_english(self, printed: str, concept: Any, lines: Iterable[int]) -> None:
        right = concept.preferred("en") or concept.label
        native = concept.preferred("ru") or concept.preferred("uk")
        of = f"{right} ({native})" if native else right
        self._group(
            ("wrong-english", concept.id, printed),
            "outlet-variant",
            "warning",
            lambda g: f"'{printed}' is not the English name of {of}: the glossary's is '{right}'" + _times(g.count),
            lines,
            [printed],
            right,
        )

    def _printed_misspelling(self, c: Citation) -> bool:
        concept = self.glossary.concepts.get(c.outlet.id or "") if self.glossary and c.outlet else None
        name = outlet_name(c)
        return bool(
            concept
            and self._cached(
                "printed-misspelling",
                f"{concept.id}\x1f{name}",
                lambda: any(f.kind == "misspelling" and f.text == name for f in concept.forms()),
            )
        )

    def _right_form(self, printed: str) -> str | None:
        result: str | None = self._cached("right-form", printed, lambda: self._find_right_form(printed))
        return result

    def _find_right_form(self, printed: str) -> str | None:
        if not self.glossary:
            return None
        for concept in self.glossary:
            for f in concept.forms():
                if f.kind == "misspelling" and f.text == printed:
                    return f.of
        for m in self.glossary.lookup(printed, top=3, min_score=90):
            if m.how == "misspelling":
                return m.of
        return None

    def _name_translation(self, c: Citation) -> None:
        assert c.title is not None
        assert c.translation is not None
        latin = [f"{a} {b}" for a, b in _LAT_NAME.findall(c.translation)]
        if not latin:
            return
        for given, surname in _CYR_NAME.findall(c.title):
            if not is_given_name(given):
                continue
            cyr = f"{given} {surname}"
            verdicts = [(lat, compare_names(cyr, lat)) for lat in latin]
            if any(v.verdict in ("same", "equivalent") for _, v in verdicts):
                continue
            close = [(lat, v) for lat, v in verdicts if v.verdict == "variant"]
            if close:
                lat, v = close[0]
                self._add(
                    "name-translation",
                    "error",
                    f"the translation names '{lat}' but the title names '{cyr}' ({v.reason})",
                    c.lines,
                    [cyr, lat],
                    romanized_name(cyr, lat),
                )

    def _text_checks(self, line: int, text: str) -> None:
        for tok in mixed_tokens(_URLISH.sub(" ", text)):
            tok = tok.strip('.,;:()[]«»"“”*')
            fixed = repair_homoglyphs(tok)
            self._add(
                "mixed-script",
                "error",
                f"'{tok}' mixes Cyrillic and Latin letters",
                [line],
                [tok],
                fixed if fixed != tok else None,
            )
        seen: set[tuple[int, int]] = set()
        for pattern, right, label in self._misspelling_patterns():
            for m in pattern.finditer(text):
                if m.span() in seen:
                    continue
                seen.add(m.span())
                self._misspelling(m.group(), right, label, [line])
        for word in LATIN_WORD.findall(text):
            key = romanization_key(word)
            if key in self.romanized or key in self._glossary_keys():
                self.romanized[key][word].append(line)
        if "[" in text:
            for m in _BRACKETED.finditer(text):
                concept = self._deprecated_english().get(m.group(1).strip().casefold())
                if concept is not None and self._named_before(concept, text[max(0, m.start() - 100) : m.start()]):
                    self._wrong_english(m.group(1).strip(), concept, [line])

    def _misspelling_patterns(self) -> list[tuple[re.Pattern[str], str, str]]:
        if self._misspellings is None:
            self._misspellings = []
            for concept in self.glossary or ():
                for form in concept.forms():
                    if form.kind == "misspelling" and form.of:
                        pat = re.compile(
                            r"(?<![\w])" + re.escape(form.text).replace(r"\ ", r"\s+") + r"(?![\w])",
                            re.IGNORECASE,
                        )
                        self._misspellings.append((pat, form.of, concept.label))
        return self._misspellings

    def _glossary_keys(self) -> set[str]:
        if not hasattr(self, "_gkeys"):
            self._gkeys = glossary_romanization_keys(self.glossary)
        return self._gkeys

    # -- whole document --------------------------------------------------------------------------------
    def finish(self) -> None:
        """The checks that need the whole document (romanization, footnote ↔ bibliography)."""
        self._romanization()
        self._cross_reference()
        self._flush_groups()

    def findings(self) -> Iterator[Finding]:
        """Every finding, by line, then severity, then kind (then the order they were found in)."""
        import marshal

        rows = self.db.execute("SELECT data FROM finding ORDER BY line, sev, kind, seq")
        for (data,) in rows:
            yield Finding(*marshal.loads(data))

    def run(self) -> list[Finding]:
        self.finish()
        return list(self.findings())

    def _romanization(self) -> None:
        for spellings in self.romanized.values():
            distinct: dict[str, list[int]] = {}
            for word, lines in spellings.items():
                distinct.setdefault(word.casefold(), []).extend(lines)
            if len(distinct) < 2:
                continue
            words = sorted(spellings)
            self._add(
                "romanization",
                "warning",
                "one word romanized two ways: " + ", ".join(f"'{w}'" for w in words),
                [n for ls in spellings.values() for n in ls],
                words,
                scheme_form(words, self.glossary),
            )

    def _compare(self, f: Citation, e: Citation) -> None:
        """A footnote against its bibliography entry; a discrepancy several footnotes share is one finding."""
        lines = [*f.lines, *e.lines]
        fn = f.footnote
        if f.title and e.title and f.title != e.title and fold_key(f.title) != fold_key(e.title):
            if _looks_like_name(f.title) and _looks_like_name(e.title):
                v = compare_names(f.title, e.title)
                if v.verdict == "variant":
                    reason = v.reason
                    self._group(
                        ("name-variant", f.title, e.title),
                        "name-variant",
                        "error",
                        lambda g: f"one person spelled two ways: {reason}",
                        lines,
                        [f.title, e.title],
                    )
                    return
            diff = _diff(f.title, e.title)
            self._group(
                ("title-mismatch", f.title, e.title),
                "title-mismatch",
                "error",
                lambda g: f"{_footnotes(g.footnotes)} and {_their(g.footnotes)} bibliography entry print the title "
                f"differently ({diff})",
                lines,
                [f.title, e.title],
                footnote=fn,
            )
        if (
            f.translation
            and e.translation
            and f.translation != e.translation
            and fold_key(f.translation) != fold_key(e.translation)
        ):
            diff = _diff(f.translation, e.translation)
            self._group(
                ("translation-mismatch", f.translation, e.translation),
                "translation-mismatch",
                "warning",
                lambda g: f"{_footnotes(g.footnotes)} and {_their(g.footnotes)} bibliography entry translate the "
                f"title differently ({diff})",
                lines,
                [f.translation, e.translation],
                footnote=fn,
            )
        if f.date_iso and e.date_iso and not set(f.date_iso) & set(e.date_iso) and not _amended(f, e):
            fd, ed = f.date or "", e.date or ""
            self._group(
                ("date-mismatch", fd, ed),
                "date-mismatch",
                "warning",
                lambda g: f"{_footnotes(g.footnotes)} {_verb(g.footnotes, 'dates', 'date')} the source '{fd}', "
                f"the bibliography '{ed}'",
                lines,
                [fd, ed],
                footnote=fn,
            )
        fo, eo = outlet_name(f), outlet_name(e)
        if fo and eo and fold_name(fo) != fold_name(eo) and not _linked_names(f, e):
            self._group(
                ("outlet-variant", fo, eo),
                "outlet-variant",
                "warning",
                lambda g: f"{_footnotes(g.footnotes)} {_verb(g.footnotes, 'names', 'name')} the outlet '{fo}', "
                f"the bibliography '{eo}'",
                lines,
                [fo, eo],
                eo,
                footnote=fn,
            )

    def _compare_people(self, f: Citation, e: Citation) -> None:
        v = compare_names(f.authors[0], e.authors[0])
        if v.verdict == "variant":
            reason = v.reason
            self._group(
                ("name-variant", f.authors[0], e.authors[0]),
                "name-variant",
                "error",
                lambda g: f"one person spelled two ways: {reason}",
                [*f.lines, *e.lines],
                [f.authors[0], e.authors[0]],
            )

    def _cross_reference(self) -> None:
        from glossary.citations.spill import unpack

        cited = bytearray(self.n_entries + 1)
        db = self.db
        for fid, data in db.cursor().execute("SELECT id, data FROM fn ORDER BY id"):
            f = unpack(data)
            if f.authors and f.medium:
                oral = self._match_oral(f)
                if oral is not None:
                    eid, match = oral
                    cited[eid] = 1
                    db.executemany("INSERT INTO od VALUES (?, ?, ?)", [(eid, fid, d) for d in f.date_iso or []])
                    self._compare_people(f, match)
                    continue
            elif f.title or f.outlet:
                found = self._match(f)
                if found is not None:
                    eid, match = found
                    cited[eid] = 1
                    self._compare(f, match)
                    continue
            else:
                continue
            if not self.n_entries:
                continue
            self._add(
                "missing-from-bibliography",
                "error",
                f"footnote {f.footnote} cites a source that is not in the bibliography",
                f.lines,
                [f.text],
                None,
            )
        from glossary.citations.dates import find_dates

        for eid, data in db.cursor().execute("SELECT id, data FROM en WHERE oral ORDER BY id"):
            pairs = db.execute("SELECT fid, d FROM od WHERE eid = ? ORDER BY rowid", (eid,)).fetchall()
            if not pairs:
                continue
            e = unpack(data)
            listed = set(e.date_iso)
            for _, _, pd in find_dates(e.date or ""):  # "22 March" (no year) still lists the day
                listed |= {f"{pd.month:02d}-{d:02d}" for d in pd.days if pd.month}
            missing = sorted({d for _, d in pairs if d not in listed and d[5:] not in listed})
            for d in missing:
                fid = next(fid for fid, dd in pairs if dd == d)
                first = unpack(db.execute("SELECT data FROM fn WHERE id = ?", (fid,)).fetchone()[0])
                self._add(
                    "oral-date",
                    "error",
                    f"footnote {first.footnote} dates the correspondence with '{e.authors[0]}' "
                    f"{first.date}, "
                    f"which the bibliography's dates ({e.date}) do not list",
                    [*first.lines, *e.lines],
                    [first.date or "", e.date or ""],
                    None,
                )
        if self.n_footnotes:
            for eid, data in db.cursor().execute("SELECT id, data FROM en WHERE used ORDER BY id"):
                if not cited[eid]:
                    e = unpack(data)
                    self._add(
                        "uncited-entry",
                        "warning",
                        "no footnote cites this bibliography entry",
                        e.lines,
                        [e.text],
                    )

    def _entries(self, sql: str, args: tuple[Any, ...]) -> list[tuple[int, Citation, str | None]]:
        from glossary.citations.spill import unpack

        return [(eid, unpack(data), tkey) for eid, data, tkey in self.db.execute(sql, args)]

    def _match_oral(self, f: Citation) -> tuple[int, Citation] | None:
        """The oral-source entry for a footnote: same surname key first, then similar surnames."""
        from glossary.citations.spill import unpack

        key = _surname_key(f.authors[0])
        name = fold_key(f.authors[0])
        exact = self.db.execute("SELECT id, a0 FROM oral WHERE skey = ? ORDER BY id", (key,))
        prefix = self.db.execute("SELECT id, a0 FROM oral WHERE pre = ? ORDER BY id LIMIT 200", (key[:3],))
        head = ((eid, e.authors[0] if e.authors else "") for eid, e in self._oral_head)
        for candidates in (exact, prefix, head):
            for eid, author in candidates:
                if author and (fold_key(author) == name or compare_names(f.authors[0], author).same_person):
                    row = self.db.execute("SELECT data FROM en WHERE id = ?", (eid,)).fetchone()
                    return eid, unpack(row[0])
        return None

    def _match(self, f: Citation) -> tuple[int, Citation] | None:
        """The bibliography entry a footnote citation cites: same title (exactly, else closely) and outlet,
        preferring the same date; candidates come from indexes, so a long bibliography stays fast."""
        from rapidfuzz import fuzz

        cols = "SELECT en.id, en.data, en.tkey FROM "
        dates = set(f.date_iso)
        fkey = fold_key(f.title) if f.title else None
        candidates = self._entries(cols + "en WHERE tkey = ? ORDER BY id", (fkey,)) if fkey is not None else []
        if not candidates:
            okey = _outlet_key(f)
            for d in sorted(dates) or [""]:
                candidates += self._entries(
                    cols + "ed JOIN en ON en.id = ed.id WHERE ed.okey = ? AND ed.d = ? ORDER BY ed.id", (okey, d)
                )
            if not candidates:
                candidates = self._entries(cols + "en WHERE okey = ? ORDER BY id LIMIT 200", (okey,))
            if not candidates and f.title:  # an outlet printed another way: entries of the same date
                for d in sorted(dates):
                    candidates += self._entries(
                        cols + "ed JOIN en ON en.id = ed.id WHERE ed.d = ? ORDER BY ed.id LIMIT 200", (d,)
                    )
                candidates = candidates[:200]
        best: tuple[float, int, Citation] | None = None
        for eid, e, ekey in candidates:
            same_title = bool(fkey and ekey and fkey == ekey)
            if fkey and ekey:
                sim = 100.0 if same_title else fuzz.ratio(fkey, ekey)
            elif not f.title and not e.title:
                sim = 100.0 if (f.medium or "").lower() == (e.medium or "").lower() else 60.0
            else:
                sim = 0.0
            shared = bool(set(e.date_iso) & dates) or (not dates and not e.date_iso)
            if not _same_outlet(f, e) and not same_title and not (sim >= 90 and shared):
                continue
            if sim < 75:
                continue
            if dates and e.date_iso and not shared and (not f.title or _series(f, e)):
                continue  # untitled posts on other days, or another report of a series
            score = sim + (20 if shared else 0)
            if best is None or score > best[0]:
                best = (score, eid, e)
        return (best[1], best[2]) if best else None


class _Group:
    """One finding being collected: its lines, distinct strings and citing footnotes so far."""

    __slots__ = ("count", "footnotes", "kind", "lines", "message", "severity", "strings", "suggestion")

    def __init__(self, kind: str, severity: str, message: Any, suggestion: str | None) -> None:
        self.kind, self.severity, self.message, self.suggestion = kind, severity, message, suggestion
        self.lines: array[int] = array("l")
        self.strings: list[str] = []
        self.footnotes: list[int] = []
        self.count = 0


def _quoted(strings: list[str]) -> str:
    return " / ".join(f"'{s}'" for s in strings)


def _times(n: int) -> str:
    return f" (printed {n} times)" if n > 1 else ""


def _footnotes(numbers: list[int]) -> str:
    """'footnote 8', 'footnotes 8 and 9', 'footnotes 8, 9 and 12'."""
    ns = [str(n) for n in numbers] or ["?"]
    if len(ns) == 1:
        return f"footnote {ns[0]}"
    return f"footnotes {', '.join(ns[:-1])} and {ns[-1]}"


def _their(numbers: list[int]) -> str:
    return "their" if len(numbers) > 1 else "its"


def _verb(numbers: list[int], one: str, many: str) -> str:
    return many if len(numbers) > 1 else one


def _without_article(name: str) -> str:
    """A name without its leading English article: 'The Criminal Code …' is 'Criminal Code …' printed as prose."""
    return re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE)


_AMENDED = re.compile(r"\bamend|\bas of\b|\bin the version\b|\bредакц|\bзмін", re.IGNORECASE)


def _amended(f: Citation, e: Citation) -> bool:
    """One side dates a law by an amendment ('amended 1 March 2012'), the other by its adoption ('1996') — the
    same act, not a discrepancy."""
    for a, b in ((f, e), (e, f)):
        if a.date and _AMENDED.search(a.date) and not (b.date and _AMENDED.search(b.date)):
            return min(d[:4] for d in b.date_iso) <= max(d[:4] for d in a.date_iso)
    return False


def _surname_key(name: str) -> str:
    from glossary.citations.persons import parse_name

    parsed = parse_name(name)
    return (
        romanization_key(parsed.surname or name)
        if not has_cyrillic(parsed.surname or name)
        else fold_key(parsed.surname or name)
    )


def _outlet_key(c: Citation) -> str:
    if c.outlet and c.outlet.id:
        return c.outlet.id
    name = outlet_name(c) or (c.authors[0] if c.authors else "")
    return fold_name(repair_homoglyphs(name))


def _same_outlet(a: Citation, b: Citation) -> bool:
    if a.outlet and b.outlet and a.outlet.id and b.outlet.id:
        return a.outlet.id == b.outlet.id
    na, nb = fold_name(outlet_name(a)), fold_name(outlet_name(b))
    return bool(na and nb and (na == nb or na.startswith(nb + " ") or nb.startswith(na + " ")))


def _linked_names(a: Citation, b: Citation) -> bool:
    """Short and long names of one outlet (ISW / ISW (Institute ...); Kavkaz.Realii / RFE/RL, Kavkaz.Realii)
    are linked, not variants."""
    if a.outlet and b.outlet and a.outlet.id and a.outlet.id == b.outlet.id:
        return True
    if (a.organisation and fold_name(outlet_name(a)) == fold_name(a.organisation)) or (
        b.organisation and fold_name(outlet_name(b)) == fold_name(b.organisation)
    ):
        return True  # "Russia, <title>" against "Russia, <issuing body>, <title>": the same state
    ea = fold_name(a.outlet.expansion or "") if a.outlet else ""
    eb = fold_name(b.outlet.expansion or "") if b.outlet else ""
    na, nb = fold_name(outlet_name(a)), fold_name(outlet_name(b))
    return bool((ea and ea == nb) or (eb and eb == na))


def _series(a: Citation, b: Citation) -> bool:
    """Same title, both dated to the day: reports of one series (ISW's daily assessments)."""
    daily = all(any(len(d) == 10 for d in c.date_iso) for c in (a, b))
    return bool(daily and a.title and b.title and fold_key(a.title) == fold_key(b.title))


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def romanized_name(cyr: str, printed: str) -> str | None:
    """The printed Latin name with only what is wrong changed: each part (given name, surname) the Cyrillic
    part romanizes to is kept as printed; another part becomes the romanization of the Cyrillic (nominative)
    closest to it, so the spelling scheme the report uses is kept ('Albert Sakhigareev' → 'Albert
    Sakhibgareev', not 'Al’bert Sakhibgareyev')."""
    from rapidfuzz import fuzz

    from glossary.citations.persons import nominative
    from glossary.translit import romanizations

    given, surname = cyr.split(" ", 1)
    g, s = nominative(given, surname)
    parts = printed.split(" ", 1)
    if not g or not s or len(parts) != 2:
        return None
    fixed = []
    for cyr_part, lat_part in ((g, parts[0]), (s, parts[1])):
        candidates = [r for r in romanizations(cyr_part, lang="ru").values() if r.isascii()]
        key = romanization_key(lat_part)
        if lat_part in candidates or any(romanization_key(c) == key for c in candidates):
            fixed.append(lat_part)
        elif candidates:
            fixed.append(max(candidates, key=lambda c: fuzz.ratio(c, lat_part)))  # first of the best
        else:
            return None
    result = " ".join(fixed)
    return result if result != printed else None


def _diff(a: str, b: str) -> str:
    """What differs between the footnote's text *a* and the bibliography's *b*, in words: the differing words
    of each side, or what one side adds when the other has nothing there."""
    wa, wb = a.split(), b.split()
    i = 0
    while i < min(len(wa), len(wb)) and wa[i] == wb[i]:
        i += 1
    j = 0
    while j < min(len(wa), len(wb)) - i and wa[-1 - j] == wb[-1 - j]:
        j += 1
    da = " ".join(wa[i : len(wa) - j])
    db = " ".join(wb[i : len(wb) - j])
    tail = re.match(r".*?([,.;:]+)$", da)
    if tail and db.endswith(tail.group(1)) and len(tail.group(1)) < min(len(da), len(db)):
        da, db = da[: -len(tail.group(1))], db[: -len(tail.group(1))]  # "Sakhibgareev," / "Sakhigareev,"
    if not da:
        return f"the bibliography adds '{db}'"
    if not db:
        return f"the footnote adds '{da}'"
    return f"'{da}' in the footnote, '{db}' in the bibliography"


def _short(text: str, limit: int = 60) -> str:
    """*text* shortened at a word boundary, with an ellipsis when it is cut (never mid-word)."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,;:") + "…"


def check(items: Iterable[Citation | Text], glossary: Glossary | None) -> list[Finding]:
    """Every finding for a stream of records (see the module docstring for the kinds)."""
    checker = Checker(glossary)
    try:
        for item in items:
            checker.add(item)
        return checker.run()
    finally:
        checker.close()
