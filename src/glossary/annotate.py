"""Find every glossary mention in running text, with offsets, in one Aho-Corasick pass.

The text and every indexed form (attested, generated romanizations, inflected forms) are put in
the same *surface* shape — lowercase, ``ё``→``е``, apostrophes unified, every other punctuation
mark a space, space runs squeezed — and each form is searched as `` form `` between spaces, so
only whole words match. Mixed-script tokens (``МК.ru``) are repaired in place first. Offsets are
mapped back to the original text, so a mention's ``start``/``end`` slice exactly what was written.

Short all-capital forms (acronyms such as ``ОМОН``, ``NR``, ``AP``) only match where the text
writes them in capitals too, so ``ap`` in ordinary words never becomes the Associated Press; an
English name written capitalised in the glossary (``Major``, ``Russia``, ``Current Time``) needs
its capital too, so neither ``a major outlet``, ``at the current time`` nor a URL's
``/russia-expands-…`` is a mention. Titles of laws and articles are exempt.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator, Mapping
from itertools import accumulate
from typing import Any, AnyStr, NamedTuple, overload

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


def _fold(text: str, raw: bytes | None = None) -> tuple[bytes, list[int], list[int], str | None]:
    """`` surface(text) `` padded with a space each side, space runs squeezed, as Windows-1251 bytes; and
    the offset map back.

    One byte per character, so byte offsets are character offsets: a character the code page lacks
    becomes ``?``, which ``surface`` never leaves (it is a separator). The fourth item is the same
    squeezed text as a str when such a character was replaced (else None), to tell apart the forms
    those bytes stand for. *raw* is ``text.encode("cp1251")`` if the caller has it.

    The map: the squeezed text is stretches joined by the one space kept from each run; stretch *k*
    starts at squeezed offset ``starts[k]``, and its offsets are ``removed[k]`` characters further on
    in the padded text.
    """
    if raw is None:
        try:
            raw = text.encode("cp1251")
        except UnicodeEncodeError:
            pass
    if raw is not None:
        shaped = raw.translate(_CP1251_SURFACE)
        if b"'" in shaped and b"'s" in shaped:  # a rare byte first: a far faster search than for the pair
            shaped = _POSSESSIVE_BYTES.sub(b"  ", shaped)  # as in _shape; separators are spaces here
        data, starts, removed = _squeeze(b" " + shaped + b" ")
        return data, starts, removed, None
    folded, starts, removed = _squeeze(" " + surface(text) + " ")
    data = folded.encode("cp1251", "replace")
    return data, starts, removed, folded if b"?" in data else None


@overload
def _squeeze(padded: bytes) -> tuple[bytes, list[int], list[int]]: ...
@overload
def _squeeze(padded: str) -> tuple[str, list[int], list[int]]: ...
def _squeeze(padded: AnyStr) -> tuple[AnyStr, list[int], list[int]]:
    """Each run of spaces as one space, with the offset map of ``_fold``."""
    if padded[:1] * 2 not in padded:  # a C search, far cheaper than the split
        return padded, [0], [0]
    runs = _RUNS_BYTES if isinstance(padded, bytes) else _RUNS
    pieces = runs.split(padded)  # stretches, then the extra spaces of the run between them
    stretches = pieces[0::2]
    starts = list(accumulate(map(_plus_one, map(len, stretches[:-1])), initial=0))  # + the space kept
    removed = list(accumulate(map(len, pieces[1::2]), initial=0))
    return padded[:1].join(stretches), starts, removed


_plus_one = (1).__add__  # a C callable: map() with it stays out of the interpreter loop


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
# a run of two or more spaces: the first is dropped and the rest captured, so that a split gives
# the stretches between runs and each run's extra spaces; the space prefix makes the search fast
_RUNS = re.compile(" ( +)")
_RUNS_BYTES = re.compile(b" ( +)")
_POSSESSIVE_BYTES = re.compile(_POSSESSIVE.pattern.encode())


_LATIN_RUN = re.compile(f"[{_LAT}]+")
_CYRILLIC_RUN = re.compile(f"[{_CYR}]+")
_NOT_ASCII_LETTER = bytes(b for b in range(256) if not chr(b).isascii() or not chr(b).isalpha())


def _cp1251_class(letters: str) -> bytes:
    """The Windows-1251 bytes of the characters a str character class *letters* accepts."""
    accepts = re.compile(f"[{letters}]").fullmatch
    return bytes(b for b in range(256) if accepts(bytes([b]).decode("cp1251", "replace")))


# the same runs in Windows-1251 bytes: one byte a character, same offsets, a faster scan
_LATIN_RUN_BYTES = re.compile(b"[" + re.escape(_cp1251_class(_LAT)) + b"]+")
_CYRILLIC_RUN_BYTES = re.compile(b"[" + re.escape(_cp1251_class(_CYR)) + b"]+")


def _mixed_spans(text: str, raw: bytes | None = None) -> list[tuple[int, int]]:
    """The runs of the rarer script that meet a letter of the other (directly or across one dot).

    Scans the runs of whichever script is rarer in the text (a charset-led pattern is fast), and
    looks at each run's neighbours. *raw* is ``text.encode("cp1251")`` if the caller has it, to scan
    that instead.
    """
    probe = text.encode("ascii", "ignore") if raw is None else raw
    if not probe.translate(None, _NOT_ASCII_LETTER):
        return []  # no Latin letter at all (one C pass): nothing can be mixed
    sample = text[:20000]
    cyrillic_text = len(_CYRILLIC_RUN.findall(sample)) >= len(_LATIN_RUN.findall(sample))
    found: Iterator[re.Match[str]] | Iterator[re.Match[bytes]]
    if raw is None:
        found = (_LATIN_RUN if cyrillic_text else _CYRILLIC_RUN).finditer(text)
    else:
        found = (_LATIN_RUN_BYTES if cyrillic_text else _CYRILLIC_RUN_BYTES).finditer(raw)
    other_re = re.compile(f"[{_CYR if cyrillic_text else _LAT}]")
    spans = []
    for m in found:
        s, e = m.span()
        before = text[s - 2:s] if s >= 2 else text[:s]
        after = text[e:e + 2]
        if (before and (other_re.match(before[-1]) or (before[-1] == "." and len(before) == 2
                                                          and other_re.match(before[0])))) or (
                after and (other_re.match(after[0]) or (after[0] == "." and len(after) == 2
                                                        and other_re.match(after[1])))):
            spans.append((s, e))
    return spans


def _repair(text: str, raw: bytes | None = None) -> tuple[str, list[tuple[int, int]]]:
    """Homoglyphs inside mixed-script tokens repaired without changing the text's length, and the
    (start, end) of each such token, without the punctuation around it."""
    spans = _mixed_spans(text, raw)
    if not spans:
        return text, []
    chars = list(text)
    tokens: list[tuple[int, int]] = []
    for s, e in spans:
        start = s
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        if tokens and tokens[-1][0] <= start < tokens[-1][1]:
            continue  # another run of the same token
        end = e
        while end < len(text) and not text[end].isspace():
            end += 1
        fixed = repair_homoglyphs(text[start:end])
        if len(fixed) == end - start:
            chars[start:end] = fixed
        word = text[start:end]
        lead, trail = len(word) - len(word.lstrip(_EDGE_PUNCTUATION)), len(word) - len(word.rstrip(_EDGE_PUNCTUATION))
        tokens.append((start + lead, end - trail))
    return "".join(chars), [(s, e) for s, e in tokens if s < e]


_EDGE_PUNCTUATION = ".,;:!?()[]{}«»\"“”„'’"


class Annotator:
    """An automaton over every indexed form of a glossary, built once and reused."""

    def __init__(self, index: Index, concepts: Mapping[str, Concept], *, inflection: bool = True) -> None:
        import ahocorasick_rs

        self.index = index
        self.concepts = concepts
        self._ranked: dict[str, tuple[list[tuple[Hit, int]], _Verdict | None]] = {}
        # folded form → index key; forms with a character outside Windows-1251 (as "?" in the bytes)
        # keep their folded str beside the key, since the same bytes may stand for several of them
        sure: dict[bytes, str] = {}
        unsure: dict[bytes, list[tuple[str, str]]] = {}
        for key, hits in sorted(index.all_forms()):
            kinds = {h.kind for h in hits}
            if not inflection and kinds == {"inflected"}:
                continue
            for text in sorted({h.text for h in hits}):
                norm, _, _, as_str = _fold(unicodedata.normalize("NFC", text))
                if len(norm.strip()) < 2:
                    continue
                if as_str is None:
                    sure.setdefault(norm, key)
                else:
                    unsure.setdefault(norm, []).append((as_str, key))
        patterns = [*sure, *unsure]
        #: pattern number → index key ("" for the unsure patterns, which self._unsure resolves)
        self._keys = [*sure.values(), *[""] * len(unsure)]
        self._unsure = {len(sure) + i: forms for i, forms in enumerate(unsure.values())}
        self.automaton: Any = ahocorasick_rs.BytesAhoCorasick(patterns) if patterns else None

    def annotate(self, text: str) -> list[Mention]:
        """Mentions in *text*, in order; overlapping candidates resolve to the longest."""
        if self.automaton is None or not text:
            return []
        original = text
        try:
            raw: bytes | None = text.encode("cp1251")  # such text is already NFC (a test checks the code page)
            repaired, mixed = _repair(text, raw)
        except UnicodeEncodeError:
            raw = None
            repaired, mixed = _repair(unicodedata.normalize("NFC", text))
            if len(repaired) != len(original):  # NFC changed the length: offsets then refer to NFC text
                original = unicodedata.normalize("NFC", original)
        data, starts, removed, as_str = _fold(repaired, raw if repaired is text else None)
        found = self.automaton.find_matches_as_indexes(data, overlapping=True)
        keys = self._keys
        if self._unsure and as_str is not None:
            found, keys = self._resolve(found, as_str)

        # (start, -length, end, key): a plain tuple sort puts the longest of overlapping candidates first.
        # A match spans the key's leading and trailing space, which are not part of the mention.
        candidates: list[tuple[int, int, int, str]]
        if len(starts) > 1:
            find = bisect.bisect_right
            stretches = len(starts)
            candidates = []
            for pattern, start, end in found:
                # first and last letter, squeezed; each moves on by what was removed before its stretch,
                # and the -1 undoes the leading pad (so the last letter's position is the end)
                first, last = start + 1, end - 2
                k = find(starts, first) - 1
                begin = first - 1 + removed[k]
                if k + 1 < stretches and starts[k + 1] <= last:  # a run inside the mention (multi-word)
                    k = find(starts, last) - 1
                candidates.append((begin, begin - last - removed[k], last + removed[k], keys[pattern]))
        else:  # no space runs: squeezed offsets are the padded text's, one past the original's
            candidates = [(start, start + 2 - end, end - 2, keys[pattern]) for pattern, start, end in found]
        candidates.sort()
        legal = self._legal_references(original)
        mentions: list[Mention] = []
        last_end = -1
        damaged = repaired is not original and repaired != original
        known = self._ranked
        new = tuple.__new__  # a NamedTuple's own __new__ is a Python function: this is the C one
        line, counted = 1, 0  # mentions come in order, so lines are counted on from the last one
        multiline = "\n" in original
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
            if multiline:
                line += original.count("\n", counted, start)
                counted = start
            mentions.append(new(Mention, (start, end, line, written, concept, score, how, matched, ambiguous)))
            last_end = end
        extra = sorted([*legal, *self._mixed_token_mentions(original, mixed, mentions)], key=lambda m: m.start)
        if extra:
            begins = [m.start for m in mentions]
            ends = [m.end for m in mentions]
            taken = -1

            def free(m: Mention) -> bool:
                """Overlaps neither a mention of the automaton nor an extra one kept before it."""
                i = bisect.bisect_left(begins, m.end)  # mentions starting before this one ends
                return m.start >= taken and (i == 0 or ends[i - 1] <= m.start)

            kept = []
            for m in extra:
                if free(m):
                    kept.append(m)
                    taken = m.end
            mentions = sorted([*mentions, *kept], key=lambda m: m.start)
            line, counted = 1, 0
            for k, m in enumerate(mentions):
                line += original.count("\n", counted, m.start)
                counted = m.start
                mentions[k] = m._replace(line=line)
        return mentions

    def _mixed_token_mentions(self, text: str, tokens: list[tuple[int, int]],
                              mentions: list[Mention]) -> list[Mention]:
        """Mixed-script tokens the automaton did not find (``Подмоскowie``: no homoglyph reading is a
        form), looked up one by one with the full matcher, which also reads them across schemes.
        Only close readings count (score ≥ the cross-scheme score), not fuzzy or partial ones."""
        if not tokens:
            return []
        from glossary.lookup import lookup

        begins = [m.start for m in mentions]
        ends = [m.end for m in mentions]
        out = []
        for start, end in tokens:
            i = bisect.bisect_left(begins, end)
            if i and ends[i - 1] > start:
                continue  # the automaton found it (or a mention over it)
            written = text[start:end]
            best = next(iter(lookup(written, self.index, self.concepts, top=1, fuzzy=False)), None)
            if best is not None and best.score >= SCORES["cross-scheme"]:
                out.append(Mention(start, end, 0, written, best.concept, best.score, best.how, best.matched,
                                   best.ambiguous))
        return out

    def _resolve(self, found: list[tuple[int, int, int]], as_str: str) -> tuple[list[tuple[int, int, int]], list[str]]:
        """Matches of the patterns with a "?" kept only where the text has one of their forms, and a key
        list in which each kept one's pattern number names the key of that form."""
        keys, unsure = list(self._keys), self._unsure
        out = []
        for pattern, start, end in found:
            if pattern in unsure:
                written = as_str[start:end]
                key = next((key for form, key in unsure[pattern] if form == written), None)
                if key is None:
                    continue
                keys.append(key)
                pattern = len(keys) - 1
            out.append((pattern, start, end))
        return out, keys

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
    """How many leading characters of a mention must be capitals: a short all-capital form's length; 1 for
    an English name the glossary writes capitalised (the rank Major, not "a major outlet"; Current Time,
    not "at the current time"), though not a title, which running text may paraphrase in lower case
    ("the unauthorized abandonment of a military unit"); else 0."""
    base = hit.of if hit.kind == "inflected" and hit.of else hit.text
    if hit.lang == "en" and hit.kind != "title" and base[:1].isupper() and not base.isupper():
        return 1
    if len(base) > 12 or not base.isupper() or sum(ch.isalpha() for ch in base) > 5:
        return 0
    return len(base)


def _capitals(head: str) -> bool:
    return all(ch.isupper() for ch in head if ch.isalpha())
