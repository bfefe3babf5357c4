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
import operator
import re
import unicodedata
from collections.abc import Mapping
from itertools import accumulate, count
from typing import Any, NamedTuple

from glossary.index import Hit, Index
from glossary.lookup import _KIND_RANK, SCORES
from glossary.model import Concept
from glossary.normalize import repair_homoglyphs

_APOSTROPHES = "'’ʼ`´ʹ"
_KEEP = set(_APOSTROPHES)


#: Punctuation, symbols and white space that separate words; each becomes one space.
_SEPARATORS = (
    "\t\n\v\f\r !\"#$%&()*+,-./:;<=>?@[\\]^_{|}~\u00a0\u00ab\u00bb\u00b7\u00a7\u00b0\u00b6"
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2018\u201a\u201c\u201d\u201e\u201f\u2039\u203a"
    "\u2026\u2022\u2009\u200a\u202f\u2028\u2029\u2116\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076"
    "\u2077\u2078\u2079\u3000"
)


# Regular-expression substitution touches only the few characters that change; str.translate with
# a dict table looks up every character of a Cyrillic text and is several times slower.
_SEPARATOR_RE = re.compile("[" + re.escape(_SEPARATORS.replace(" ", "")) + "]")
_APOSTROPHE_RE = re.compile("[" + re.escape(_APOSTROPHES.replace("'", "")) + "]")
_LAT = "a-zA-Z"
_CYR = "а-яА-ЯёЁіІїЇєЄґҐ"


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
# Every keyword of _ARTICLES starts with "art" or "ст" in one of its case forms (the re module's own
# IGNORECASE equivalents, a test checks them), at a word start and before a number. This search is
# led by literal first letters, so re skips ahead in C; _ARTICLES itself (\b, IGNORECASE) has no
# prefix to skip by and is tried at every position of the text, which cost more than the matching.
_ARTICLE_HINT = re.compile("|".join(
    first + rest + r"(?<![^\W\d_]" + first + rest + r")[^\W\d_]*\.?\s*\d"
    for firsts, rest in (("aA", "[rR][tT]"), ("сСᲃ", "[тТᲄᲅ]"))
    for first in firsts
))


def _article_matches(text: str) -> list[re.Match[str]]:
    """``_ARTICLES.finditer(text)``, trying the pattern only where a hint says a reference may start."""
    found: list[re.Match[str]] = []
    end = 0
    for hint in _ARTICLE_HINT.finditer(text):
        start = hint.start()
        if start >= end and (m := _ARTICLES.match(text, start)):
            found.append(m)
            end = m.end()
    return found


def surface(text: str) -> str:
    """The surface shape of *text*: same length as the input, for offset-exact matching.

    Separators are a fixed set of punctuation, symbols and spaces; each becomes a space (a rare
    symbol outside the set simply stays part of its word).
    """
    return _SEPARATOR_RE.sub(" ", _shape(text))


def _shape(text: str) -> str:
    """Lower case, one apostrophe, е for ё, possessive 's dropped: every step keeps the length."""
    if "İ" in text:
        text = text.replace("İ", "i")  # the one letter whose lowercase is two characters
    text = text.lower()
    # each check below is a C search for one character, far cheaper than a pass that changes nothing
    if any(ch in text for ch in _APOSTROPHES[1:]):
        text = _APOSTROPHE_RE.sub("'", text)
    if "ё" in text:
        text = text.replace("ё", "е")
    if "'s" in text:
        text = _POSSESSIVE.sub("  ", text)  # RFE/RL's → rfe rl
    return text


def _fold(text: str) -> tuple[str, list[int], list[int]]:
    """`` surface(text) `` padded with a space each side, space runs squeezed, and the offset map back.

    ``cuts[i]`` is the squeezed offset of the space kept from run *i*; offsets after it are
    ``shift[i]`` characters further on in the padded text.
    """
    shaped = _surface_cp1251(text)
    folded = " " + (surface(text) if shaped is None else shaped) + " "
    if "  " not in folded:
        return folded, [], []
    pieces = _RUNS.split(folded)  # words, then the space runs between them
    parts = pieces[0::2]
    cuts = list(map(operator.add, accumulate(map(len, parts[:-1])), count()))
    shift = list(map(operator.sub, accumulate(map(len, pieces[1::2])), count(1)))  # each run keeps one space
    return " ".join(parts), cuts, shift


def _surface_cp1251(text: str) -> str | None:
    """``surface(text)`` through bytes, if Windows-1251 can write the text (most Russian and Ukrainian can).

    Encoding, ``bytes.translate`` with a 256-byte table and decoding each run in C at a few
    nanoseconds a character, against a lower-casing pass plus a regex pass over the text as a str.
    None when a character is outside the code page (``ʼ``, ``é``, an emoji): the caller takes the
    general path.
    """
    try:
        data = text.encode("cp1251")
    except UnicodeEncodeError:
        return None
    shaped = data.translate(_CP1251_SURFACE).decode("cp1251")
    if "'s" in shaped:
        shaped = _POSSESSIVE.sub("  ", shaped)  # as in _shape: separators are spaces here, equally not letters
    return shaped


def _cp1251_surface_table() -> bytes:
    """Each Windows-1251 byte mapped to the byte of its character's surface shape (lower case, separators
    as spaces, one apostrophe, е for ё): the character-by-character part of ``surface``."""
    table = bytearray(range(256))
    for byte in range(256):
        try:
            char = bytes([byte]).decode("cp1251")
        except UnicodeDecodeError:  # 0x98: unassigned, so no encoded text contains it
            continue
        shaped = surface(char).encode("cp1251")
        if len(shaped) != 1:
            msg = f"surface({char!r}) is not one Windows-1251 character"
            raise ValueError(msg)
        table[byte] = shaped[0]
    return bytes(table)


_CP1251_SURFACE = _cp1251_surface_table()
_RUNS = re.compile("(   *)")  # runs of two or more spaces, captured; the two-space prefix makes the search fast


_LATIN_RUN = re.compile(f"[{_LAT}]+")
_NOT_ASCII_LETTER = bytes(b for b in range(128) if not chr(b).isalpha())
_CYRILLIC_RUN = re.compile(f"[{_CYR}]+")


def _mixed_spans(text: str) -> list[tuple[int, int]]:
    """Spans where a Latin and a Cyrillic letter meet (directly or across one dot).

    Scans the runs of whichever script is rarer in the text (a charset-led pattern is fast), and
    looks at each run's neighbours.
    """
    if not text.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTER):
        return []  # no Latin letter at all (one C pass): nothing can be mixed
    sample = text[:20000]
    cyrillic_text = len(_CYRILLIC_RUN.findall(sample)) >= len(_LATIN_RUN.findall(sample))
    runs, other = (_LATIN_RUN, _CYR) if cyrillic_text else (_CYRILLIC_RUN, _LAT)
    other_re = re.compile(f"[{other}]")
    spans = []
    n = len(text)
    for m in runs.finditer(text):
        s, e = m.span()
        before = text[s - 2:s] if s >= 2 else text[:s]
        after = text[e:e + 2]
        if (before and (other_re.match(before[-1]) or (before[-1] == "." and len(before) == 2
                                                          and other_re.match(before[0])))) or (
                after and (other_re.match(after[0]) or (after[0] == "." and len(after) == 2
                                                        and other_re.match(after[1])))):
            spans.append((max(0, s - 2), min(n, e + 2)))
    return spans


def _repair(text: str) -> str:
    """Repair homoglyphs inside mixed-script tokens without changing the text's length."""
    spans = _mixed_spans(text)
    if not spans:
        return text
    chars = list(text)
    done: set[int] = set()
    for s, e in spans:
        start = s
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        if start in done:
            continue
        done.add(start)
        end = e
        while end < len(text) and not text[end].isspace():
            end += 1
        fixed = repair_homoglyphs(text[start:end])
        if len(fixed) == end - start:
            chars[start:end] = fixed
    return "".join(chars)


class Annotator:
    """An automaton over every indexed form of a glossary, built once and reused."""

    def __init__(self, index: Index, concepts: Mapping[str, Concept], *, inflection: bool = True) -> None:
        import ahocorasick  # type: ignore[import-not-found]

        self.index = index
        self.concepts = concepts
        self._ranked: dict[str, tuple[list[tuple[Hit, int]], _Verdict | None]] = {}
        self.automaton: Any = ahocorasick.Automaton()
        for key, hits in index.all_forms():
            kinds = {h.kind for h in hits}
            if not inflection and kinds == {"inflected"}:
                continue
            for text in {h.text for h in hits}:
                norm = _fold(unicodedata.normalize("NFC", text))[0]
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
        squeezed, cuts, shift = _fold(repaired)

        # (start, -length, end, key): a plain tuple sort puts the longest of overlapping candidates first
        candidates: list[tuple[int, int, int, str]]
        if cuts:
            find = bisect.bisect_left
            runs = len(cuts)
            candidates = []
            for last, (key, length) in self.automaton.iter(squeezed):
                # last is the key's trailing space; the key's leading space is not part of the mention.
                # A squeezed offset moves on by the shift of the last run cut before it, and the -1
                # undoes the leading pad.
                first = last - length + 2
                i = find(cuts, first) - 1
                begin = first + (shift[i] if i >= 0 else 0) - 1
                if i + 1 < runs and cuts[i + 1] < last - 1:  # a run inside the mention (multi-word)
                    i = find(cuts, last - 1) - 1
                finish = last - 1 + (shift[i] if i >= 0 else 0)
                candidates.append((begin, begin - finish, finish, key))
        else:  # no space runs: squeezed offsets are the padded text's, one past the original's
            candidates = [(last - length + 1, 2 - length, last - 1, key)
                          for last, (key, length) in self.automaton.iter(squeezed)]
        candidates.sort()
        legal = self._legal_references(original)
        mentions: list[Mention] = []
        last_end = -1
        damaged = repaired is not original and repaired != original
        known = self._ranked
        new = tuple.__new__  # a NamedTuple's own __new__ is a Python function: this is the C one
        line, counted = 1, 0  # mentions come in order, so lines are counted on from the last one
        for start, _, end, key in candidates:
            if start < last_end:
                continue
            written = original[start:end]
            info = known.get(key)
            if info is None:
                info = known[key] = self._key_info(key)
            verdict = info[1]
            if verdict is None:
                hits = [h for h, n in info[0] if not n or _capitals(written[:n])]
                if not hits:
                    continue  # a capital-only form written in lower case
                verdict = self._verdict(hits)
            concept, score, how, matched, ambiguous = verdict
            if damaged and repaired[start:end] != written:
                how, score = "homoglyph", SCORES["homoglyph"]
            line += original.count("\n", counted, start)
            counted = start
            mentions.append(new(Mention, (start, end, line, written, concept, score, how, matched, ambiguous)))
            last_end = end
        if legal:
            starts = [m.start for m in mentions]
            ends = [m.end for m in mentions]

            def free(m: Mention) -> bool:
                i = bisect.bisect_left(starts, m.end)  # mentions starting before this one ends
                return i == 0 or ends[i - 1] <= m.start  # mentions do not overlap each other

            mentions = sorted([*mentions, *(m for m in legal if free(m))], key=lambda m: m.start)
            line, counted = 1, 0
            for k, m in enumerate(mentions):
                line += original.count("\n", counted, m.start)
                counted = m.start
                mentions[k] = m._replace(line=line)
        return mentions

    def _act_keys(self, act_id: str) -> list[str]:
        """The folded forms (longer than three characters) of a legal act, to spot it after a number."""
        cache: dict[str, list[str]] = self.__dict__.setdefault("_acts", {})
        if act_id not in cache:
            cache[act_id] = [key for key, hits in self.index.forms.items()
                             if len(key) > 3 and any(h[0] == act_id for h in hits)]
        return cache[act_id]

    def _legal_references(self, text: str) -> list[Mention]:
        """``Article 338``, ``Articles 337 and 338 of the Criminal Code``, ``ст. 338 УК РФ``."""
        from glossary.normalize import fold

        if not self.index.articles:
            return []
        out: list[Mention] = []
        for m in _article_matches(text):
            after = fold(text[m.end():m.end() + 60])
            for num in _NUMBER.finditer(m.group(1)):
                number = num.group()
                owners = self.index.articles.get(number) or self.index.articles.get(number.split(".")[0], [])
                if not owners:
                    continue
                named = [cid for cid, act in owners if any(k in after for k in self._act_keys(act))]
                chosen = named or [cid for cid, _ in owners]
                start = m.start() if num.start() == 0 else m.start(1) + num.start()
                end = m.start(1) + num.end()
                concept = self.concepts[chosen[0]]
                out.append(Mention(start, end, 0, text[start:end], concept, 100 if named else 90,
                                   "legal-reference", concept.preferred("ru") or concept.label, len(chosen) > 1))
        return out

    def _key_info(self, key: str) -> tuple[list[tuple[Hit, int]], _Verdict | None]:
        """A key's hits, best first, each with its capital requirement; the verdict if none has one."""
        hits = sorted(self.index.hits(key), key=lambda h: (_KIND_RANK.get(h.kind, 99), h.concept))
        ranked = [(h, _capitals_needed(h)) for h in hits]
        fixed = self._verdict(hits) if hits and not any(n for _, n in ranked) else None
        return ranked, fixed

    def _verdict(self, hits: list[Hit]) -> _Verdict:
        """(concept, score, how, matched form, ambiguous) for a mention whose candidate hits are *hits*."""
        best = hits[0]
        ambiguous = len({h.concept for h in hits}) > 1 if len(hits) > 1 else False
        return self.concepts[best.concept], SCORES.get(best.kind, 100), best.kind, best.text, ambiguous


_Verdict = tuple[Concept, int, str, str, bool]


def _capitals_needed(hit: Hit) -> int:
    """How many leading characters of a mention must be capitals: a short all-capital form's length, else 0."""
    base = hit.of if hit.kind == "inflected" and hit.of else hit.text
    if len(base) > 12 or not base.isupper() or sum(ch.isalpha() for ch in base) > 5:
        return 0
    return len(base)


def _capitals(head: str) -> bool:
    return all(ch.isupper() for ch in head if ch.isalpha())
