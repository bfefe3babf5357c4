"""What ``normalize`` changes in a citation, as functions of the citation and the plan (no I/O, no streaming):
``normalize.py`` runs them over a document in two passes, ``structured.py`` over BibTeX/CSL-JSON/RIS records,
and tests over plain lists.

Local fixes need only the citation (``local_fixes``): homoglyphs repaired in mixed-script tokens (``МК.ru`` →
``MK.ru``), the comma after a state (``Ukraine General Staff`` → ``Ukraine, General Staff``), an outlet name the
glossary knows as a misspelling replaced by its form. Planned fixes need the whole document's romanized words
first (``RomanizedWords`` → ``plan_romanization``): one Cyrillic word romanized one way throughout (the
glossary's spelling or the chosen scheme's), then, if asked, a romanized title added before the bracketed
translation of a Cyrillic title (``planned_fixes``). A section is sorted by ``sort_key`` (``sorted_order``).
Every fix is recorded as a ``Change`` with before and after; applying the fixes to fixed text changes nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from glossary.citations.keys import (
    LATIN_WORD,
    glossary_romanization_keys,
    mixed_tokens,
    outlet_name,
    romanized_words,
    russian_readings,
    scheme_form,
    sort_key,
)
from glossary.citations.model import Citation
from glossary.citations.persons import romanization_key
from glossary.text.fold import fold, repair_homoglyphs
from glossary.text.scripts import has_cyrillic

if TYPE_CHECKING:
    from glossary import Glossary
    from glossary.citations.euaa import Text

_URL = re.compile(r"<?(?:https?|ftp)://[^\s>]*>?|\[url\]\(#\)")
_NEVER = re.compile(r"(?!x)x")


@dataclass(slots=True)
class Change:
    """One fix: the input lines it is on, its kind, the text before and after."""

    lines: list[int]
    kind: str
    before: str
    after: str

    def to_json(self) -> dict[str, Any]:
        return {"lines": self.lines, "kind": self.kind, "before": self.before, "after": self.after}


def outside_urls(text: str, fn: Callable[[str], str]) -> str:
    """Apply *fn* to the parts of *text* that are not URLs (a URL is never rewritten)."""
    out: list[str] = []
    pos = 0
    for m in _URL.finditer(text):
        out.append(fn(text[pos : m.start()]))
        out.append(m.group())
        pos = m.end()
    out.append(fn(text[pos:]))
    return "".join(out)


# -- local fixes --------------------------------------------------------------------------------------------
def repair_mixed(text: str) -> str:
    """Homoglyphs repaired in the tokens that mix Cyrillic and Latin letters, outside URLs."""

    def fix(part: str) -> str:
        for tok in mixed_tokens(part):
            core = tok.strip('.,;:()[]«»"“”*')
            fixed = repair_homoglyphs(core)
            if fixed != core:
                part = part.replace(core, fixed)
        return part

    return outside_urls(text, fix)


def add_comma(c: Citation, text: str) -> str:
    """``Ukraine General Staff ...`` → ``Ukraine, General Staff ...`` (the state, then the body)."""
    for issue in c.issues:
        m = re.match(r"missing comma after '(?P<s>[^']+)'", issue)
        if m and text.startswith(m.group("s") + " "):
            return f"{m.group('s')}, {text[len(m.group('s')) + 1 :]}"
    return text


def outlet_form(c: Citation, text: str, glossary: Glossary | None) -> str:
    """The outlet's printed name, when the glossary lists it as a misspelling, replaced by the right form."""
    if not (glossary and c.outlet and c.outlet.id):
        return text
    name = outlet_name(c)
    concept = glossary.concepts.get(c.outlet.id)
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


def local_fixes(c: Citation, text: str, glossary: Glossary | None, changes: list[Change]) -> str:
    """*text* (the citation's, or a fixed version of it) with the local fixes, each appended to *changes*."""
    return _steps(
        c,
        text,
        changes,
        (
            (repair_mixed, "homoglyph"),
            (lambda t: add_comma(c, t), "style"),
            (lambda t: outlet_form(c, t, glossary), "outlet-name"),
        ),
    )


# -- the plan and the planned fixes -------------------------------------------------------------------------
class RomanizedWords:
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


def scheme_spelling(words: list[str], scheme: str) -> str | None:
    """The spelling under *scheme* of the known Russian word the variants read as."""
    from glossary.text.morph import analyzer
    from glossary.translit import transliterate

    for w in words:
        for cyr in russian_readings(w):
            if all(ch.isalpha() and has_cyrillic(ch) for ch in cyr) and analyzer("ru").word_is_known(cyr.lower()):
                form = transliterate(cyr, lang="ru", scheme=scheme)
                return form.capitalize() if w[:1].isupper() else form
    return None


def plan_romanization(
    groups: Iterable[set[str]], glossary: Glossary | None, *, scheme: str | None = None
) -> dict[str, str]:
    """{spelling: the spelling it becomes} for groups of spellings of one word: the glossary's or the
    default scheme's spelling when a word is spelt two ways, and every word under *scheme* when one is given."""
    replacements: dict[str, str] = {}
    for spellings in groups:
        words = sorted(spellings)
        target = scheme_form(words, glossary) if len({w.casefold() for w in words}) > 1 else None
        if scheme and len(words) >= 1:
            target = scheme_spelling(words, scheme) or target
        if target:
            for w in words:
                if w != target and w.casefold() != target.casefold():
                    replacements[w] = target
    return replacements


@dataclass
class Plan:
    """What the planned fixes do: the romanization replacements, the scheme, whether to add romanized titles."""

    replacements: dict[str, str] = field(default_factory=dict)
    scheme: str | None = None
    add_romanized: bool = False
    _words: re.Pattern[str] = field(default=_NEVER, init=False, repr=False)

    def __post_init__(self) -> None:
        words = sorted(self.replacements, key=len, reverse=True)
        if words:
            self._words = re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, words)) + r")(?![\w])")

    def romanize(self, text: str) -> str:
        """Every planned spelling replaced, outside URLs."""
        if not self.replacements:
            return text
        return outside_urls(
            text, lambda part: self._words.sub(lambda m: self.replacements.get(m.group(), m.group()), part)
        )

    def romanized_title(self, c: Citation, text: str) -> str:
        """A Cyrillic title without a romanization gets one before its bracketed translation (if asked)."""
        if not (self.add_romanized and c.title and has_cyrillic(c.title) and not c.title_romanized):
            return text
        if c.translation is None:
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


def planned_fixes(c: Citation, text: str, plan: Plan, changes: list[Change]) -> str:
    """*text* with the fixes that need the document's plan (romanization, then the romanized title)."""
    return _steps(
        c,
        text,
        changes,
        ((plan.romanize, "romanization"), (lambda t: plan.romanized_title(c, t), "romanized-title")),
    )


def sorted_order(texts: list[str]) -> list[int]:
    """The positions of a section's entries in sorted order (by ``sort_key``; equal keys keep their order)."""
    keys = [sort_key(t) for t in texts]
    return sorted(range(len(texts)), key=lambda i: (keys[i], i))


def _steps(c: Citation, text: str, changes: list[Change], steps: Iterable[tuple[Callable[[str], str], str]]) -> str:
    for step, kind in steps:
        after = step(text)
        if after != text:
            changes.append(Change(list(c.lines), kind, text, after))
            text = after
    return text
