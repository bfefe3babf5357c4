"""Write a document's citations back, fixed where fixing is safe, without ever losing an entry.

Changes, each recorded with before and after: page-break splits joined; homoglyphs repaired in mixed-script
tokens (``МК.ru`` → ``MK.ru``); outlet names the glossary knows as misspellings replaced by its form; one
Cyrillic word romanized one way throughout (the glossary's spelling or the chosen scheme's); optionally a
romanized title added before the bracketed translation of a Cyrillic title (``--add-romanized``); bibliography
sections sorted (entries of one author keep their order). Text outside citations is copied as is.

The result is parsed again and its number of citations compared with the input's; a difference is an error
and nothing is written. Normalizing a normalized document changes nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from glossary.citations.check import Checker, _outlet_name, _scheme_form, _sort_key, mixed_tokens
from glossary.citations.euaa import Text, has_cyrillic, scan
from glossary.citations.model import Citation
from glossary.errors import GlossaryError
from glossary.normalize import fold, repair_homoglyphs

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
        name = _outlet_name(c)
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
        before = text
        for step, kind in (
            (self._homoglyphs, "homoglyph"),
            (lambda t: self._comma(c, t), "style"),
            (lambda t: self._outlet(c, t), "outlet-name"),
            (self._romanization, "romanization"),
            (lambda t: self._romanized_title(c, t), "romanized-title"),
        ):
            after = step(text)
            if after != text:
                self.changes.append(Change(list(c.lines), kind, text, after))
                text = after
        del before
        return text

    # -- the document ----------------------------------------------------------------------------------
    def plan_romanization(self, records: list[Citation], texts: list[Text]) -> None:
        """Which romanized spellings become which (groups of spellings of one word)."""
        checker = Checker(self.glossary)
        for c in records:
            checker.collect_romanized(c)
        for t in texts:
            if t.kind == "body":
                checker.add(t)
        for spellings in checker.romanized.values():
            words = sorted(spellings)
            target = _scheme_form(words, self.glossary) if len({w.casefold() for w in words}) > 1 else None
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
        from glossary.names import _morph
        from glossary.translit import transliterate, untransliterate

        for w in words:
            for cyr in untransliterate(w, lang="ru")[:3]:
                if all(ch.isalpha() and has_cyrillic(ch) for ch in cyr) and _morph("ru").word_is_known(
                    cyr.lower()
                ):
                    form = transliterate(cyr, lang="ru", scheme=self.scheme)
                    return form.capitalize() if w[:1].isupper() else form
        return None


def normalize_text(
    lines: list[str],
    glossary: Glossary | None,
    *,
    scheme: str | None = None,
    add_romanized: bool = False,
    sort: bool = True,
) -> Result:
    """The normalized document (EUAA style), the changes made, and the citation counts in and out."""
    from glossary.citations import euaa, link_outlets, linker_for

    linker = linker_for(glossary)
    euaa.set_linker(linker)
    try:
        items = list(scan(lines))
    finally:
        euaa.set_linker(None)
    records = [link_outlets(i, linker) for i in items if isinstance(i, Citation)]
    texts = [i for i in items if isinstance(i, Text)]
    norm = Normalizer(glossary, scheme=scheme, add_romanized=add_romanized, sort=sort)
    norm.plan_romanization(records, texts)
    out = list(lines)
    drop: set[int] = set()
    # footnotes: fix each citation inside its line
    for c in records:
        if c.kind != "footnote":
            continue
        n = c.lines[0] - 1
        fixed = norm.fix(c, c.text)
        if fixed != c.text and c.text in out[n]:
            out[n] = out[n].replace(c.text, fixed, 1)
    # bibliography: one line per entry, sections sorted
    sections: dict[str | None, list[Citation]] = defaultdict(list)
    for c in records:
        if c.kind == "entry":
            sections[c.section].append(c)
    inserts: dict[int, list[str]] = {}
    for entries in sections.values():
        first = entries[0].lines[0]
        last = entries[-1].lines[-1]
        span = set(range(first, last + 1))
        entry_lines = {n for e in entries for n in e.lines}
        foreign = [n for n in span - entry_lines if lines[n - 1].strip()]
        rendered: list[tuple[str, int, str]] = []
        for i, e in enumerate(entries):
            fixed = norm.fix(e, e.text)
            raw = "\n".join(lines[n - 1] for n in e.lines)
            if len(e.lines) > 1 and raw != e.text:
                norm.changes.append(
                    Change(list(e.lines), "page-break", "\n".join(lines[n - 1] for n in e.lines), e.text)
                )
            rendered.append((_sort_key(fixed), i, fixed))
        ordered = sorted(rendered) if norm.sort and not foreign else rendered
        if [i for _, i, _ in ordered] != list(range(len(entries))):
            norm.changes.append(
                Change(
                    [first, last],
                    "order",
                    "\n".join(r[2][:60] for r in rendered),
                    "\n".join(r[2][:60] for r in ordered),
                )
            )
        if foreign:  # prose inside a section: edit entries in place, never move them
            for _, i, fixed in rendered:
                e = entries[i]
                out[e.lines[0] - 1] = fixed
                drop.update(n for n in range(e.lines[0] + 1, e.lines[-1] + 1))
            continue
        drop.update(span)
        inserts[first] = ["\n\n".join(r[2] for r in ordered)]
    result: list[str] = []
    for n, line in enumerate(out, start=1):
        if n in inserts:
            result.extend(inserts[n])
        if n not in drop:
            result.append(line)
    text = "\n".join(result) + ("\n" if lines else "")
    count_in = len(records)
    euaa.set_linker(linker)
    try:
        count_out = sum(1 for i in scan(text.splitlines()) if isinstance(i, Citation))
    finally:
        euaa.set_linker(None)
    if count_out != count_in:
        msg = (
            f"normalizing would change the number of citations from {count_in} to {count_out}; "
            "nothing written"
        )
        raise GlossaryError(msg)
    return Result(text, norm.changes, count_in, count_out, records)
