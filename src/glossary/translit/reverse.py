"""Latin → Cyrillic: the exact inverse for reversible schemes, ranked candidates for lossy ones.

A k-best search over the Latin string tries every Latin output of the scheme (letters, rule
outputs, the file's extra ``reverse`` readings); candidates are then checked by running them
forward again, and those that reproduce the input come first; within a tier the search cost is
added to a letter-bigram plausibility (``plausible.py``), so Київ beats Кийв for ``Kyiv``. Lossy
schemes also match without diacritics, tie bars or apostrophe distinctions (``Rosgvardiia`` for
ALA-LC ``Rosgvardii͡a``).
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from functools import cache

from glossary.translit.engine import Compiled, compiled
from glossary.translit.plausible import bigrams
from glossary.translit.schemes import ALPHABETS, APOSTROPHE, CONSONANTS, VOWELS

#: How many partial readings the search keeps per position, and how many candidates it returns.
BEAM = 24
MAX_CANDIDATES = 8
#: weight of the bigram model's cost (nats) against the search cost (about 1 per letter read)
PLAUSIBILITY_WEIGHT = 1.0
_APOSTROPHE_LIKE = {c: "'" for c in "'’ʼ`ʹ′‘"} | {c: '"' for c in 'ʺ”“″"'}
_UNMATCHED_COST = 4.0
_IMPOSSIBLE = 8.0


def loose(text: str) -> str:
    """Lower-case, no combining marks, one apostrophe and one double-prime: how people type it."""
    out = []
    for ch in text:
        for d in unicodedata.normalize("NFD", ch.lower()):
            if unicodedata.combining(d):
                continue
            out.append(_APOSTROPHE_LIKE.get(d, d))
    return "".join(out)


def _units(text: str, strict: bool) -> list[tuple[str, bool]]:
    """The text as (lower-case unit, was upper) pairs, in strict or loose form."""
    units: list[tuple[str, bool]] = []
    for ch in text:
        up = ch != ch.lower()
        if strict:
            units.extend((c, up) for c in ch.lower())
        else:
            units.extend((c, up) for c in loose(ch))
    return units


class Reverser:
    """Reverse tables of one scheme."""

    def __init__(self, fwd: Compiled) -> None:
        self.fwd = fwd
        scheme = fwd.scheme
        self.lang = scheme.lang
        self.strict = scheme.reversible
        key = (lambda s: s) if self.strict else loose
        options: dict[str, dict[str, float]] = {}

        def add(latin: str, cyr: str, cost: float) -> None:
            k = key(latin.lower())
            if not k:
                return
            slot = options.setdefault(k, {})
            slot[cyr] = min(cost, slot.get(cyr, cost))

        for cyr, latin in scheme.letters.items():
            add(latin, cyr, 1.0)
        for rule in scheme.rules:
            add(rule.out, rule.match, 1.05)
        for entry in scheme.reverse:
            for rank, cyr in enumerate(entry.cyrillic):
                add(entry.latin, cyr, 0.9 + 0.15 * rank)
        self.options = {k: sorted(v.items(), key=lambda kv: kv[1]) for k, v in options.items()}
        self.maxlen = max((len(k) for k in self.options), default=1)
        self.vowels = set(VOWELS[self.lang])
        self.consonants = set(CONSONANTS[self.lang])
        self.letters = set(ALPHABETS[self.lang])

    def _penalty(self, prev: str, cyr: str) -> float:
        """Cheap phonotactics: what no Russian or Ukrainian word does costs extra."""
        first = cyr[0]
        word_start = not prev or (prev not in self.letters and prev != APOSTROPHE)
        if first in "ьъ" and (word_start or prev in self.vowels):
            return _IMPOSSIBLE  # no word of either language does this; outweighs any bigram cost
        if first == "ы" and word_start:
            return 2.0
        if first == "й" and prev in self.consonants:
            return 1.0
        return 0.0

    def candidates(self, text: str) -> list[str]:
        """Cyrillic readings of *text*, best first."""
        text = unicodedata.normalize("NFC", text)
        units = _units(text, self.strict)
        n = len(units)
        low = "".join(u for u, _ in units)
        beams: list[list[tuple[float, str]]] = [[] for _ in range(n + 1)]
        beams[0] = [(0.0, "")]
        for i in range(n):
            beam = beams[i]
            if not beam:
                continue
            beam.sort()
            del beam[BEAM:]
            matched = False
            for length in range(min(self.maxlen, n - i), 0, -1):
                opts = self.options.get(low[i : i + length])
                if not opts:
                    continue
                matched = True
                span = units[i : i + length]
                all_up = all(up for _, up in span) and (length > 1 or self._caps_context(units, i))
                first_up = span[0][1]
                for cyr, cost in opts:
                    cased = cyr.upper() if all_up else (cyr[0].upper() + cyr[1:] if first_up else cyr)
                    for total, partial in beam:
                        prev = partial[-1].lower() if partial else ""
                        beams[i + length].append((total + cost + self._penalty(prev, cyr), partial + cased))
            ch = text_char(units, i)
            if matched and ch.isalpha():
                continue  # a Latin letter the scheme can read is never left as Latin
            if ch.isalpha():
                extra = _UNMATCHED_COST
            elif matched or unicodedata.combining(ch):
                extra = 1.5  # a mark the scheme itself writes (' ` ʺ, a diacritic) is better read
            else:
                extra = 0.0
            for total, partial in beam:
                beams[i + 1].append((total + extra, partial + ch))
        found = sorted(set(beams[n]))
        seen: set[str] = set()
        ranked: list[tuple[int, float, str]] = []
        target_strict = text.casefold()
        target_loose = loose(text)
        model = bigrams(self.lang)
        for cost, cand in heapq.nsmallest(BEAM * 2, found):
            if cand in seen:
                continue
            seen.add(cand)
            cand = _WORD.sub(_caps_caseless, cand)
            forward = self.fwd(cand)
            if forward.casefold() == target_strict:
                tier = 0
            elif loose(forward) == target_loose:
                tier = 1
            else:
                tier = 2
            ranked.append((tier, cost + PLAUSIBILITY_WEIGHT * model.cost(cand), cand))
        ranked.sort()
        if not ranked:
            return [text]
        best_tier = ranked[0][0]
        if self.strict and best_tier == 0:
            return [ranked[0][2]]
        return [c for t, _, c in ranked if t == best_tier][:MAX_CANDIDATES]

    @staticmethod
    def _caps_context(units: list[tuple[str, bool]], i: int) -> bool:
        """A one-letter upper span is all-caps when a neighbouring letter is upper too."""
        for j in (i - 1, i + 1):
            if 0 <= j < len(units) and units[j][0].isalpha():
                return units[j][1]
        return False


_WORD = re.compile("[\u0400-\u04ff]+")


def _caps_caseless(m: re.Match[str]) -> str:
    """ъ ь romanize to caseless primes: inside an all-caps word they are capitals too."""
    word = m.group()
    cased = [c for c in word if c.lower() not in "ъь"]
    if cased and all(c.isupper() for c in cased) and (len(cased) > 1 or len(word) > 1):
        return word.upper()
    return word


def text_char(units: list[tuple[str, bool]], i: int) -> str:
    """The unit at *i* with its original case restored (for pass-through characters)."""
    ch, up = units[i]
    return ch.upper() if up else ch


@cache
def reverser(lang: str, scheme_id: str) -> Reverser:
    """The reverse tables of a scheme, built once per process."""
    return Reverser(compiled(lang, scheme_id))
