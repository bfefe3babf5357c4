"""Find every glossary mention in running text, with offsets, in one Aho-Corasick pass.

The text and every indexed form (attested, generated romanizations, inflected forms) are put in
the same *surface* shape — lowercase, ``ё``→``е``, apostrophes unified, every other punctuation
mark a space, space runs squeezed — and each form is searched as `` form `` between spaces, so
only whole words match. Mixed-script tokens (``МК.ru``) are repaired in place first. Offsets are
mapped back to the original text, so a mention's ``start``/``end`` slice exactly what was written.

Short all-capital forms (acronyms such as ``ОМОН``, ``NR``, ``AP``) only match where the text
writes them in capitals too, so ``ap`` in ordinary words never becomes the Associated Press.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Mapping
from typing import Any, NamedTuple

from glossary.index import Hit, Index
from glossary.lookup import SCORES, _KIND_RANK
from glossary.model import Concept
from glossary.normalize import repair_homoglyphs

_APOSTROPHES = "'’ʼ`´ʹ"
_KEEP = set(_APOSTROPHES)


def _surface_table() -> dict[int, str]:
    table: dict[int, str] = {ord(ch): "'" for ch in _APOSTROPHES}
    table[ord("ё")] = "е"
    table[ord("İ")] = "i"
    return table


_TABLE = _surface_table()
# every character that is neither a letter, a digit nor an apostrophe becomes a space
_NON_WORD = re.compile(r"[^\w']|_")
_SPACES = re.compile(r" {2,}")
_MIXED = re.compile(r"[a-z][а-яёіїєґ]|[а-яёіїєґ][a-z]|[a-z][.][а-яёіїєґ]|[а-яёіїєґ][.][a-z]", re.IGNORECASE)
_TOKEN_EDGE = re.compile(r"\s")


class Mention(NamedTuple):
    """One glossary concept named in the text, and how it was recognised."""

    start: int
    end: int
    line: int
    text: str
    concept: Concept
    score: int
    how: str
    matched: str
    ambiguous: bool


_POSSESSIVE = re.compile(r"(?<=[a-z])'s(?![a-z])")
_ARTICLES = re.compile(
    r"\b(?:articles?|arts?\.?|ст\.|статья|статьи|статье|статьей|статью|статей|статьям|статьями|стаття|статті|статтею|статей)"
    r"\s*(\d+(?:\.\d+)?(?:(?:\s*,\s*|\s+(?:and|и|та|і)\s+)\d+(?:\.\d+)?)*)",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def surface(text: str) -> str:
    """The surface shape of *text*: same length as the input, for offset-exact matching."""
    text = text.translate(_TABLE).lower()
    if "'s" in text:
        text = _POSSESSIVE.sub("  ", text)  # RFE/RL's → rfe rl
    return _NON_WORD.sub(" ", text)


def _repair(text: str) -> str:
    """Repair homoglyphs inside mixed-script tokens without changing the text's length."""
    if not _MIXED.search(text):
        return text
    chars = list(text)
    done: set[int] = set()
    for m in _MIXED.finditer(text):
        start = m.start()
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        if start in done:
            continue
        done.add(start)
        end = m.end()
        while end < len(text) and not text[end].isspace():
            end += 1
        fixed = repair_homoglyphs(text[start:end])
        if len(fixed) == end - start:
            chars[start:end] = fixed
    return "".join(chars)


def _squeeze(text: str) -> tuple[str, list[int], list[int]]:
    """Squeeze space runs; return the text and a map from squeezed offsets back to original ones.

    ``cuts[i]`` is the squeezed offset of the space kept from run *i*; offsets after it are
    ``shift[i]`` characters further on in the original.
    """
    cuts: list[int] = []
    shift: list[int] = []
    removed = 0
    pieces: list[str] = []
    last = 0
    for m in _SPACES.finditer(text):
        s, e = m.start(), m.end()
        pieces.append(text[last:s + 1])
        cuts.append(s - removed)
        removed += e - s - 1
        shift.append(removed)
        last = e
    pieces.append(text[last:])
    return "".join(pieces), cuts, shift


class Annotator:
    """An automaton over every indexed form of a glossary, built once and reused."""

    def __init__(self, index: Index, concepts: Mapping[str, Concept], *, inflection: bool = True) -> None:
        import ahocorasick

        self.index = index
        self.concepts = concepts
        self.automaton: Any = ahocorasick.Automaton()
        for key, hits in index.forms.items():
            kinds = {h[2] for h in hits}
            if not inflection and kinds == {"inflected"}:
                continue
            for text in {h[1] for h in hits}:
                norm = " " + _SPACES.sub(" ", surface(unicodedata.normalize("NFC", text))).strip() + " "
                if len(norm.strip()) < 2:
                    continue
                self.automaton.add_word(norm, (key, len(norm)))
        if len(self.automaton):
            self.automaton.make_automaton()

    def annotate(self, text: str) -> list[Mention]:
        """Mentions in *text*, in order; overlapping candidates resolve to the longest."""
        if not len(self.automaton) or not text:
            return []
        original = text
        repaired = _repair(unicodedata.normalize("NFC", text)) if not text.isascii() else text
        if len(repaired) != len(original):  # NFC changed the length: offsets then refer to NFC text
            original = unicodedata.normalize("NFC", original)
        norm = " " + surface(repaired) + " "
        squeezed, cuts, shift = _squeeze(norm)
        newlines = [i for i, ch in enumerate(original) if ch == "\n"] if "\n" in original else []

        def back(pos: int) -> int:
            i = bisect.bisect_left(cuts, pos) - 1
            return pos + (shift[i] if i >= 0 else 0) - 1  # -1: the leading pad

        candidates: list[tuple[int, int, str]] = []
        for end, (key, length) in self.automaton.iter(squeezed):
            s_start = end - length + 2  # skip the leading space of the key
            s_end = end  # exclusive end: the trailing space
            candidates.append((back(s_start), back(s_end - 1) + 1, key))
        candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        legal = self._legal_references(original)
        mentions: list[Mention] = []
        last_end = -1
        for start, end, key in candidates:
            if start < last_end:
                continue
            mention = self._mention(original, repaired, start, end, key, newlines)
            if mention is not None:
                mentions.append(mention)
                last_end = end
        if legal:
            taken = [(m.start, m.end) for m in mentions]
            mentions += [m for m in legal if not any(s < m.end and m.start < e for s, e in taken)]
            mentions = sorted((m._replace(line=bisect.bisect_left(newlines, m.start) + 1) for m in mentions),
                              key=lambda m: m.start)
        return mentions

    def _legal_references(self, text: str) -> list[Mention]:
        """``Article 338``, ``Articles 337 and 338 of the Criminal Code``, ``ст. 338 УК РФ``."""
        from glossary.normalize import fold

        if not self.index.articles:
            return []
        out: list[Mention] = []
        for m in _ARTICLES.finditer(text):
            after = fold(text[m.end():m.end() + 60])
            for num in _NUMBER.finditer(m.group(1)):
                number = num.group()
                owners = self.index.articles.get(number) or self.index.articles.get(number.split(".")[0], [])
                if not owners:
                    continue
                named = [cid for cid, act in owners if _names_act(after, act, self.index)]
                chosen = named or [cid for cid, _ in owners]
                start = m.start() if num.start() == 0 else m.start(1) + num.start()
                end = m.start(1) + num.end()
                concept = self.concepts[chosen[0]]
                out.append(Mention(start, end, 0, text[start:end], concept, 100 if named else 90,
                                   "legal-reference", concept.preferred("ru") or concept.label, len(chosen) > 1))
        return out

    def _mention(self, original: str, repaired: str, start: int, end: int, key: str,
                 newlines: list[int]) -> Mention | None:
        written = original[start:end]
        hits = [h for h in self.index.hits(key) if _case_ok(h, written)]
        if not hits:
            return None
        hits.sort(key=lambda h: (_KIND_RANK.get(h.kind, 99), h.concept))
        best = hits[0]
        how = best.kind
        score = SCORES.get(how, 100)
        if repaired[start:end] != written:
            how, score = "homoglyph", SCORES["homoglyph"]
        owners = {h.concept for h in hits}
        line = bisect.bisect_left(newlines, start) + 1
        return Mention(start, end, line, written, self.concepts[best.concept], score, how, best.text, len(owners) > 1)


def _names_act(following: str, act_id: str, index: Index) -> bool:
    """Whether the folded text after an article number names the act *act_id* (by any of its forms)."""
    for key, hits in index.forms.items():
        if len(key) > 3 and any(h[0] == act_id and h[2] != "inflected" for h in hits) and key in following:
            return True
    return False


def _case_ok(hit: Hit, written: str) -> bool:
    """Short all-capital forms match only where the text writes them in capitals."""
    base = hit.of if hit.kind == "inflected" and hit.of else hit.text
    letters = [ch for ch in base if ch.isalpha()]
    if not letters or len(letters) > 5 or not all(ch.isupper() for ch in letters):
        return True
    head = written[: len(base)]
    return all(ch.isupper() for ch in head if ch.isalpha())
