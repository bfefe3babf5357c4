"""Latin → Cyrillic readings of one whitespace-free token: a k-best search over a scheme's Latin outputs.

The search tries every Latin output of the scheme (letters, rule outputs, the optional variants'
rules such as BGN/PCGN's middle dots, the file's extra ``reverse`` readings) and, where the scheme
writes a letter as nothing (ь in Wikipedia's and ICAO's Russian, ь and ʼ in KMU 2010), puts that
letter back after a consonant. Two beams run side by side: one ranked by cost alone, and one that
keeps only readings a dictionary word or a listed name can start with, so a real word that costs
more than the cheapest spellings is not lost (Харьков for ``Kharkov``). Each reading is then run
forward again under the schemes searched: ``tier`` 0 reproduces the input exactly, 1 up to
diacritics, tie bars and apostrophe shapes, 2 not at all.

One reverser serves one scheme, or (``union``) every scheme of a language at once, for text whose
scheme nobody knows: its letters match with their diacritics, or without them at a small extra
cost (ALA-LC's ĭ typed as i), so ``Sergei`` reaches Сергей and ``Shoigu`` Шойгу. No reading is
returned that leaves a Latin letter among Cyrillic ones: a token whose letters the scheme cannot all
read gets no reading at all (the caller keeps it in Latin).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from glossary.text.scripts import is_latin
from glossary.translit.engine import Compiled, compiled
from glossary.translit.schemes import ALPHABETS, APOSTROPHE, CONSONANTS, VOWELS, scheme_ids

#: How many partial readings each beam keeps per position, and how many readings a search returns.
BEAM = 24
MAX_READINGS = 48
#: cost of putting back a letter the scheme writes as nothing (ь after a consonant)
SILENT_COST = 2.0
#: extra cost of a letter matched without its diacritic in a union search (ĭ typed as i)
BARE_COST = 1.5
_APOSTROPHE_LIKE = {c: "'" for c in "'’ʼ`ʹ′‘"} | {c: '"' for c in 'ʺ”“″"'}
_ASCII_QUOTES = str.maketrans({"`": "'"})
_TIES = {"\u0361", "\u0360", "\u035c", "\ufe20", "\ufe21"}
_IMPOSSIBLE = 8.0
#: Ukrainian writes the apostrophe after a labial or р before я ю є ї (обʼєднання, мʼясо, подвірʼя)
_APOSTROPHE_AFTER = frozenset("бпвмфр")
#: marks only a scheme writes (BGN/PCGN's middle dot): read with the letter, never left in a reading
_SCHEME_MARKS = frozenset("·")


def loose(text: str) -> str:
    """Lower-case, no combining marks, one apostrophe and one double-prime: how people type it."""
    if text.isascii():  # the common case: nothing to decompose
        return text.lower().translate(_ASCII_QUOTES)
    out = []
    for ch in text:
        for d in unicodedata.normalize("NFD", ch.lower()):
            if unicodedata.combining(d):
                continue
            out.append(_APOSTROPHE_LIKE.get(d, d))
    return "".join(out)


def untied(text: str) -> str:
    """Lower-case, NFC, without tie bars, one apostrophe and one double-prime; other diacritics kept."""
    out = []
    for ch in text:
        for d in unicodedata.normalize("NFD", ch.lower()):
            if d not in _TIES:
                out.append(_APOSTROPHE_LIKE.get(d, d))
    return unicodedata.normalize("NFC", "".join(out))


def _units(text: str, key: Callable[[str], str]) -> list[tuple[str, bool]]:
    """The text as (lower-case unit, was upper) pairs, each character read through *key*."""
    units: list[tuple[str, bool]] = []
    for ch in text:
        up = ch != ch.lower()
        units.extend((c, up) for c in key(ch))
    return units


@dataclass(frozen=True)
class Reading:
    """One Cyrillic reading of a token: search cost, round-trip tier and the schemes that reproduce it."""

    text: str
    cost: float
    tier: int
    schemes: tuple[str, ...]


class Reverser:
    """Reverse tables of one scheme, or of every scheme of a language (``union``)."""

    def __init__(self, fwds: Sequence[Compiled], *, union: bool = False) -> None:
        self.fwds = list(fwds)
        #: what a reading is run forward with to check it: each scheme, and each with its variants (dots)
        self.checks = [(f.scheme.id, f) for f in self.fwds] + [
            (f.scheme.id, compiled(f.scheme.lang, f.scheme.id, v)) for f in self.fwds for v in f.scheme.variants
        ]
        first = self.fwds[0].scheme
        self.lang = first.lang
        self.union = union
        self.strict = first.reversible and not union
        self.key: Callable[[str], str] = (lambda s: s.lower()) if self.strict else (untied if union else loose)
        options: dict[str, dict[str, float]] = {}
        silent: set[str] = set()

        def add(latin: str, cyr: str, cost: float) -> None:
            k = self.key(latin)
            if not k:
                return
            slot = options.setdefault(k, {})
            slot[cyr] = min(cost, slot.get(cyr, cost))
            if union:
                bare = loose(latin)
                if bare and bare != k:
                    slot = options.setdefault(bare, {})
                    slot[cyr] = min(cost + BARE_COST, slot.get(cyr, cost + BARE_COST))

        for fwd in self.fwds:
            scheme = fwd.scheme
            for cyr, latin in scheme.letters.items():
                if latin:
                    add(latin, cyr, 1.0)
                elif cyr in "ьъ" or cyr == APOSTROPHE:
                    silent.add(cyr)
            rules = [*scheme.rules, *(r for v in scheme.variants.values() for r in v.rules)]
            for rule in rules:
                add(rule.out, rule.match, 1.05)
            for entry in scheme.reverse:
                for rank, cyr in enumerate(entry.cyrillic):
                    add(entry.latin, cyr, 0.9 + 0.15 * rank)
        self.options = {k: sorted(v.items(), key=lambda kv: kv[1]) for k, v in options.items()}
        self.maxlen = max((len(k) for k in self.options), default=1)
        self.silent = sorted(silent)
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
        if prev == "й" and first in "аеуэ":
            return 1.5  # both languages write я е/є ю there: йа йу occur in foreign names only (Кайафа)
        return 0.0

    def readings(self, token: str, is_prefix: Callable[[str], bool] | None = None) -> list[Reading]:
        """Cyrillic readings of *token* (no whitespace), cheapest first; [] if a letter cannot be read.

        *is_prefix* (a lower-case Cyrillic word start → can a real word begin so?) feeds the second beam.
        """
        token = unicodedata.normalize("NFC", token)
        units = _units(token, self.key)
        n = len(units)
        low = "".join(u for u, _ in units)
        beams: list[dict[str, float]] = [{} for _ in range(n + 1)]
        lexical: list[dict[str, float]] = [{} for _ in range(n + 1)]
        beams[0][""] = 0.0
        if is_prefix is not None:
            lexical[0][""] = 0.0

        def push(target: dict[str, float], text: str, cost: float) -> None:
            if cost < target.get(text, float("inf")):
                target[text] = cost

        def word_start(text: str) -> str:
            i = len(text)
            while i and (text[i - 1].lower() in self.letters or text[i - 1] == APOSTROPHE):
                i -= 1
            return text[i:].lower()

        for i in range(n):
            pools = []
            for pool, lex in ((beams[i], False), (lexical[i], True)):
                if pool:
                    best = sorted(pool.items(), key=lambda kv: kv[1])[:BEAM]
                    pools.append((best, lex))
            if not pools:
                continue
            matched = False
            for length in range(min(self.maxlen, n - i), 0, -1):
                opts = self.options.get(low[i : i + length])
                if not opts:
                    continue
                matched = True
                span = units[i : i + length]
                all_up = all(up for _, up in span) and (length > 1 or self._caps_context(units, i))
                first_up = span[0][1]
                nxt = low[i + length : i + length + 1]
                for cyr, cost in opts:
                    cased = cyr.upper() if all_up else (cyr[0].upper() + cyr[1:] if first_up else cyr)
                    extra = [("", 0.0)]
                    if self.silent and cyr[-1] in self.consonants:
                        extra += [(s, SILENT_COST / 2 if s == APOSTROPHE and cyr[-1] in _APOSTROPHE_AFTER
                                   else SILENT_COST) for s in self.silent
                                  if s == "ь" or (nxt in ("y", "i", "j") and i + length < n)]
                    for best, lex in pools:
                        for partial, total in best:
                            prev = partial[-1].lower() if partial else ""
                            base = total + cost + self._penalty(prev, cyr)
                            for sil, sil_cost in extra:
                                text = partial + cased + (sil.upper() if all_up and sil != APOSTROPHE else sil)
                                c = base + sil_cost
                                push(beams[i + length], text, c)
                                if lex and is_prefix is not None:
                                    stem = word_start(text)
                                    if not stem or is_prefix(stem):
                                        push(lexical[i + length], text, c)
            ch = _text_char(units, i)
            if ch.isalpha() and (matched or is_latin(ch)):
                continue  # a Latin letter is read by the scheme or not at all: never left among Cyrillic
            kept = "" if ch in _SCHEME_MARKS else ch  # a separating dot is dropped, never left in a reading
            extra_cost = 0.5 if not kept else (1.5 if (matched or unicodedata.combining(ch)) else 0.0)
            for best, lex in pools:
                for partial, total in best:
                    push(beams[i + 1], partial + kept, total + extra_cost)
                    if lex:
                        push(lexical[i + 1], partial + kept, total + extra_cost)
        found = dict(sorted(beams[n].items(), key=lambda kv: kv[1])[:MAX_READINGS])
        for text, cost in sorted(lexical[n].items(), key=lambda kv: kv[1])[:BEAM]:
            push(found, text, cost)  # the readings a real word can be, however they cost
        ranked = sorted(found.items(), key=lambda kv: kv[1])
        return [self.check(_caps_caseless(cand), token, cost) for cand, cost in ranked]

    def check(self, cand: str, token: str, cost: float) -> Reading:
        """*cand* as a reading of *token*: run forward under each scheme, to see which give *token* back."""
        target = token.casefold()
        forwards = [(sid, fwd(cand)) for sid, fwd in self.checks]
        exact = tuple(dict.fromkeys(sid for sid, forward in forwards if forward.casefold() == target))
        if exact:
            return Reading(cand, cost, 0, exact)
        target_loose = loose(token)
        near = any(loose(forward) == target_loose for _, forward in forwards)
        return Reading(cand, cost, 1 if near else 2, ())

    @staticmethod
    def _caps_context(units: list[tuple[str, bool]], i: int) -> bool:
        """A one-letter upper span is all-caps when a neighbouring letter is upper too."""
        for j in (i - 1, i + 1):
            if 0 <= j < len(units) and units[j][0].isalpha():
                return units[j][1]
        return False


def _caps_caseless(word: str) -> str:
    """ъ ь romanize to caseless primes: inside an all-caps word they are capitals too."""
    cased = [c for c in word if c.isalpha() and c.lower() not in "ъь"]
    if cased and all(c.isupper() for c in cased) and (len(cased) > 1 or len(word) > 1):
        return word.upper()
    return word


def _text_char(units: list[tuple[str, bool]], i: int) -> str:
    """The unit at *i* with its original case restored (for pass-through characters)."""
    ch, up = units[i]
    return ch.upper() if up else ch


@cache
def reverser(lang: str, scheme_id: str | None) -> Reverser:
    """The reverse tables of a scheme, or of every scheme of *lang* (``scheme_id`` None), built once."""
    if scheme_id is not None:
        return Reverser([compiled(lang, scheme_id)])
    return Reverser([compiled(lg, sid) for lg, sid in scheme_ids(lang)], union=True)
