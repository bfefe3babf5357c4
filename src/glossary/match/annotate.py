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
import codecs
import heapq
import operator
import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from itertools import accumulate
from typing import Any, AnyStr, overload

from glossary.match import results
from glossary.match.index import Hit, Index
from glossary.match.results import Mention
from glossary.model.concept import Concept
from glossary.text.fold import repair_homoglyphs
from glossary.text.scripts import APOSTROPHES

_APOSTROPHES = APOSTROPHES + "´ʹ"  # in running text acute and prime stand for the apostrophe too


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


_POSSESSIVE = re.compile(r"(?<=[a-z])'s(?![a-z])")
_PLURAL_POSSESSIVE = re.compile(r"(?<=[a-z]s)'(?![a-z])")  # the deserters' families


def surface(text: str) -> str:
    """The surface shape of *text*: same length as the input, for offset-exact matching.

    Separators are a fixed set of punctuation, symbols and spaces; each becomes a space (a rare
    symbol outside the set simply stays part of its word).
    """
    return _SEPARATOR_RE.sub(" ", _shape(text))


def _shape(text: str) -> str:
    """Lower case, one apostrophe, е for ё, possessive 's and plural s' dropped: every step keeps the length."""
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
    if "s'" in text:
        text = _PLURAL_POSSESSIVE.sub(" ", text)  # deserters' → deserters
    return text


def _encode(text: str) -> tuple[str, bytes]:
    """*text* in NFC, and its Windows-1251 bytes, one a character: a character outside the code page is
    written as the byte of its surface shape (a space for a separator, ``'`` for ``ʼ``), else as 0x98,
    a byte the code page leaves unassigned, so no other character gives it.

    Text the code page can write is NFC already (a test checks the code page), so only other text
    pays for normalization.
    """
    try:
        return text, text.encode("cp1251")
    except UnicodeEncodeError:
        text = unicodedata.normalize("NFC", text)
        return text, text.encode("cp1251", _SURFACE_ERRORS)


@lru_cache(maxsize=4096)
def _surface_byte(char: str) -> bytes:
    try:
        return surface(char).encode("cp1251")
    except UnicodeEncodeError:
        return _OUTSIDE


def _surface_bytes(error: UnicodeError) -> tuple[bytes, int]:
    """The encoding error handler of ``_encode``."""
    assert isinstance(error, UnicodeEncodeError)
    return b"".join(map(_surface_byte, error.object[error.start:error.end])), error.end


_OUTSIDE = b"\x98"
_UNKNOWN: Any = object()  # not yet in a cache (None is a cached answer there)
_UNSURE = "\x00"  # leads the key of a pattern with _OUTSIDE in it (an index key never starts so)
_SURFACE_ERRORS = "glossary.surface"
codecs.register_error(_SURFACE_ERRORS, _surface_bytes)


def _fold(raw: bytes) -> tuple[bytes, list[int], list[int]]:
    """The surface shape of *raw* (``_encode``'s bytes) padded with a space each side, space runs squeezed;
    and the offset map back.

    One byte per character, so byte offsets are character offsets. The map: the squeezed text is
    stretches joined by the one space kept from each run; stretch *k* starts at squeezed offset
    ``starts[k]``, and its offsets are ``removed[k]`` characters further on in the padded text.
    """
    shaped = raw.translate(_CP1251_SURFACE)
    if b"'" in shaped:  # a rare byte first: a far faster search than for the pair
        if b"'s" in shaped:
            shaped = _POSSESSIVE_BYTES.sub(b"  ", shaped)  # as in _shape; separators are spaces here
        if b"s'" in shaped:
            shaped = _PLURAL_POSSESSIVE_BYTES.sub(b" ", shaped)
    return _squeeze(b" " + shaped + b" ")


def _exact_surface(text: str) -> str:
    """The padded, squeezed surface of *text* as a str: what the bytes of a form outside the code page
    stand for, to check a match of it."""
    return _squeeze(" " + surface(unicodedata.normalize("NFC", text)) + " ")[0]


def _fold_text(text: str) -> bytes:
    """``_fold`` of a str: the bytes the automaton holds for a form."""
    return _fold(_encode(text)[1])[0]


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
# the same rule with its literal first, so that re skips ahead in C instead of trying every position
_POSSESSIVE_BYTES = re.compile(rb"'s(?![a-z])(?<=[a-z]'s)")
_PLURAL_POSSESSIVE_BYTES = re.compile(rb"'(?<=[a-z]s')(?![a-z])")


def _cp1251_class(letters: str) -> bytes:
    """The Windows-1251 bytes of the characters a str character class *letters* accepts."""
    accepts = re.compile(f"[{letters}]").fullmatch
    return bytes(b for b in range(256) if accepts(bytes([b]).decode("cp1251", "replace")))


# each byte as its script: L(atin), C(yrillic), the dot, or a space for anything else
def _script_classes() -> bytes:
    latin, cyrillic = _cp1251_class(_LAT), _cp1251_class(_CYR)
    return bytes(ord("L") if b in latin else ord("C") if b in cyrillic else b if b == ord(".") else ord(" ")
                 for b in range(256))


_SCRIPT_CLASSES = _script_classes()
_RUNS_OF = {b"L": re.compile(b"L+"), b"C": re.compile(b"C+")}  # literal-led: re skips ahead in C


def _mixed_spans(raw: bytes) -> list[tuple[int, int]]:
    """Runs of the rarer script's letters that meet a letter of the other, directly or across one dot, in
    ``_encode``'s bytes.

    One ``bytes.translate`` to script classes; then the runs of the rarer class, found by a search that
    skips ahead in C, are the only places a Python step looks at.
    """
    classes = raw.translate(_SCRIPT_CLASSES)
    if b"L" not in classes or b"C" not in classes:
        return []  # one script only: nothing can be mixed
    sample = classes[:20000]
    rare, other = (b"L", b"C") if sample.count(b"C") >= sample.count(b"L") else (b"C", b"L")
    across = b"." + other
    spans = []
    for m in _RUNS_OF[rare].finditer(classes):
        s, e = m.span()
        if (classes[s - 1:s] == other or (s >= 2 and classes[s - 2:s] == other + b".")
                or classes[e:e + 1] == other or classes[e:e + 2] == across):
            spans.append((s, e))
    return spans


def _repair(text: str, raw: bytes) -> tuple[str, list[tuple[int, int]]]:
    """Homoglyphs inside mixed-script tokens repaired without changing the text's length, and the
    (start, end) of each such token, without the punctuation around it. *raw* is ``_encode``'s bytes."""
    spans = _mixed_spans(raw)
    if not spans:
        return text, []
    chars = list(text)
    tokens: list[tuple[int, int]] = []
    token_end = -1
    for s, e in spans:
        if s < token_end:
            continue  # another run of the token just repaired
        start = s
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        end = e
        while end < len(text) and not text[end].isspace():
            end += 1
        fixed = repair_homoglyphs(text[start:end])
        if len(fixed) == end - start:
            chars[start:end] = fixed
        token_end = end
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
        #: index key → (its hits, best first, each with the capitals it needs; the verdict if no hit needs
        #: any; the most capitals any hit needs; the language of an adjective used as a noun)
        self._ranked: dict[str, tuple[list[tuple[Hit, int]], _Verdict | None, int, str | None]] = {}
        #: (index key, the head of a mention as written) → the verdict, for keys with capital-only forms
        self._by_head: dict[tuple[str, str], _Verdict | None] = {}
        # folded form → index key; a form with a character outside Windows-1251 (0x98 in the bytes) keeps
        # its exact surface beside the key, since the same bytes may stand for several forms
        sure: dict[bytes, str] = {}
        unsure: dict[bytes, list[tuple[str, str]]] = {}
        for key, hits in sorted(index.all_forms()):
            kinds = {h.kind for h in hits}
            if not inflection and kinds == {"inflected"}:
                continue
            for text in sorted({h.text for h in hits}):
                norm = _fold_text(text)
                if len(norm.strip()) < 2:
                    continue
                if _OUTSIDE in norm:
                    unsure.setdefault(norm, []).append((_exact_surface(text), key))
                else:
                    sure.setdefault(norm, key)
        patterns = [*sure, *unsure]
        #: pattern number → index key; for an unsure pattern, _UNSURE and its number, which _resolve reads
        self._keys = [*sure.values(), *(f"{_UNSURE}{len(sure) + i}" for i in range(len(unsure)))]
        self._unsure = {len(sure) + i: forms for i, forms in enumerate(unsure.values())}
        self.automaton: Any = ahocorasick_rs.BytesAhoCorasick(patterns) if patterns else None

    def annotate(self, text: str) -> list[Mention]:
        """Mentions in *text*, in order; overlapping candidates resolve to the longest."""
        if self.automaton is None or not text:
            return []
        nfc, raw = _encode(text)
        original = text if len(nfc) == len(text) else nfc  # NFC changed the length: offsets refer to NFC text
        repaired, mixed = _repair(nfc, raw)
        data, starts, removed = _fold(raw if repaired is nfc else _encode(repaired)[1])
        found = self.automaton.find_matches_as_indexes(data, overlapping=True)
        keys = self._keys

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
        if self._unsure and _OUTSIDE in data:
            candidates = self._resolve(candidates, repaired)
        candidates.sort()
        legal = self._legal_references(original)
        mentions: list[Mention] = []
        last_end = -1
        damaged = repaired is not original and repaired != original
        known = self._ranked
        by_head = self._by_head
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
            if verdict is None:  # some forms need capitals: the verdict depends on how the head is written
                head = (key, written[:info[2]])
                verdict = by_head.get(head, _UNKNOWN)
                if verdict is _UNKNOWN:
                    hits = [h for h, n in info[0] if not n or _capitals(written[:n])]
                    verdict = by_head[head] = self._verdict(hits) if hits else None
                if verdict is None:
                    continue  # a capital-only form written in lower case
            if info[3] and _attributive(original, end, written, info[3]):
                continue  # an adjective used as a noun, here used as an adjective (военных действий)
            concept, score, how, matched, ambiguous = verdict
            if damaged and repaired[start:end] != written:
                how, score = "homoglyph", results.score("homoglyph")
            if multiline:
                line += original.count("\n", counted, start)
                counted = start
            mentions.append(new(Mention, (start, end, line, written, concept, score, how, matched, ambiguous)))
            last_end = end
        if legal:
            mentions, legal = _legal_over(mentions, legal)
        extra = sorted([*legal, *self._mixed_token_mentions(original, mixed, mentions)], key=lambda m: m.start)
        if extra:
            mentions = _merged(mentions, extra, original)
        return mentions

    def _mixed_token_mentions(self, text: str, tokens: list[tuple[int, int]],
                              mentions: list[Mention]) -> list[Mention]:
        """Mixed-script tokens the automaton did not find (``Подмоскowie``: no homoglyph reading is a
        form), looked up one by one with the full matcher, which also reads them across schemes.
        Only close readings count (score ≥ the cross-scheme score), not fuzzy or partial ones."""
        if not tokens:
            return []
        from glossary.match.lookup import lookup

        begins = [m.start for m in mentions]
        ends = [m.end for m in mentions]
        out = []
        for start, end in tokens:
            i = bisect.bisect_left(begins, end)
            if i and ends[i - 1] > start:
                continue  # the automaton found it (or a mention over it)
            written = text[start:end]
            best = next(iter(lookup(written, self.index, self.concepts, top=1, fuzzy=False)), None)
            if best is not None and best.score >= results.score("cross-scheme"):
                out.append(Mention(start, end, 0, written, best.concept, best.score, best.how, best.matched,
                                   best.ambiguous))
        return out

    def _resolve(self, candidates: list[tuple[int, int, int, str]], text: str) -> list[tuple[int, int, int, str]]:
        """The candidates, each unsure one kept only where the text has one of its pattern's forms exactly,
        under that form's key."""
        out = []
        for candidate in candidates:
            begin, negative, end, key = candidate
            if key.startswith(_UNSURE):
                written = _exact_surface(text[begin:end])
                key = next((k for form, k in self._unsure[int(key[1:])] if form == written), "")
                if not key:
                    continue
                candidate = (begin, negative, end, key)
            out.append(candidate)
        return out

    def _legal_references(self, text: str) -> list[Mention]:
        """``ч. 2 ст. 328 УК РФ``, ``Articles 337 and 338 of the Criminal Code``: each article cited, its span
        the whole reference (part, paragraph and act included; match.legal)."""
        from glossary.match.legal import form_in, references

        out = []
        for cited in references(text, self.index):
            concept = self.concepts[cited.concepts[0]]
            out.append(Mention(cited.start, cited.end, 0, text[cited.start:cited.end], concept, cited.score,
                               "legal-reference", form_in(concept, cited.lang), len(cited.concepts) > 1))
        return out

    def _key_info(self, key: str) -> tuple[list[tuple[Hit, int]], _Verdict | None, int, str | None]:
        """A key's hits, best first, each with its capital requirement; the verdict if none has one; the
        longest requirement; the language if every hit is an adjective used as a noun (военный: a
        serviceman), whose mentions must not be followed by a word they agree with."""
        hits = sorted(self.index.hits(key), key=lambda h: (results.rank(h.kind), h.concept))
        ranked = [(h, _capitals_needed(h)) for h in hits]
        most = max((n for _, n in ranked), default=0)
        langs = {h.lang for h in hits}
        adjectival = None
        if hits and len(langs) == 1 and langs <= {"ru", "uk"} and all(_adjectival(h) for h in hits):
            adjectival = hits[0].lang
        return ranked, self._verdict(hits) if hits and not most else None, most, adjectival

    def _verdict(self, hits: list[Hit]) -> _Verdict:
        """(concept, score, how, matched form, ambiguous) for a mention whose candidate hits are *hits*."""
        best = hits[0]
        ambiguous = len({h.concept for h in hits}) > 1 if len(hits) > 1 else False
        return self.concepts[best.concept], results.score(best.kind), best.kind, best.text, ambiguous


_Verdict = tuple[Concept, int, str, str, bool]


def _merged(mentions: list[Mention], extra: list[Mention], text: str) -> list[Mention]:
    """*mentions* (the automaton's, in order, with lines) and those of *extra* (in order, line 0) that overlap
    neither them nor an extra one kept before; each kept one's line counted on from the mention before it."""
    begins = [m.start for m in mentions]
    ends = [m.end for m in mentions]
    kept = []
    taken = -1
    for m in extra:
        i = bisect.bisect_left(begins, m.end)  # mentions starting before this one ends
        if m.start < taken or (i and ends[i - 1] > m.start):
            continue
        before = mentions[i - 1] if i else None
        line = before.line + text.count("\n", before.start, m.start) if before else text.count("\n", 0, m.start) + 1
        kept.append(m._replace(line=line))
        taken = m.end
    return list(heapq.merge(mentions, kept, key=_START))


_START = operator.attrgetter("start")


def _legal_over(mentions: list[Mention], legal: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """*mentions* without those a legal reference spans more of the text than (``УК РФ`` and ``Article 328``
    inside ``part 2 of Article 328 of the Criminal Code``), and the legal references kept: those no mention
    is as long as. A reference keeps the score of a form of its own article it replaces (``Article 328``,
    attested: 100 though the act is not named)."""
    begins = [m.start for m in mentions]
    ends = [m.end for m in mentions]
    dropped: set[int] = set()
    kept = []
    for ref in legal:
        first, last = bisect.bisect_right(ends, ref.start), bisect.bisect_left(begins, ref.end)
        inside = range(first, last)  # the mentions overlapping the reference
        if any(ends[i] - begins[i] >= ref.end - ref.start for i in inside):
            continue
        dropped.update(inside)
        own = [mentions[i].score for i in inside if mentions[i].concept.id == ref.concept.id]
        kept.append(ref._replace(score=max([ref.score, *own])))
    if dropped:
        mentions = [m for i, m in enumerate(mentions) if i not in dropped]
    return mentions, kept


def _adjectival(hit: Hit) -> bool:
    """Whether a one-word Russian or Ukrainian form is an adjective or participle (военный, військовий)."""
    base = hit.of if hit.kind == "inflected" and hit.of else hit.text
    endings = _ADJECTIVE_ENDINGS.get(hit.lang or "")
    if not endings or " " in base or not _CYRILLIC_WORD.fullmatch(base) or not base.lower().endswith(endings):
        return False  # no need to load the analyser
    from glossary.text.morph import analyzer

    known = [p for p in analyzer(hit.lang).parse(base) if p.is_known]
    return bool(known) and known[0].tag.POS in ("ADJF", "PRTF")


_CYRILLIC_WORD = re.compile(f"[{_CYR}]+")
#: the endings of adjectives and participles in the nominative (a form's base is one)
_ADJECTIVE_ENDINGS = {"ru": ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие"),
                      "uk": ("ий", "ій", "а", "я", "е", "є", "і")}
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([^\W\d_]+)")


@lru_cache(maxsize=8192)
def _agrees(word: str, following: str, lang: str) -> bool:
    """Whether *word*, read as an adjective, can agree with *following* as a noun or adjective: the same
    case, number and (in the singular) gender."""
    from glossary.text.morph import analyzer

    morph = analyzer(lang)
    mine = [p.tag for p in morph.parse(word) if p.tag.POS in ("ADJF", "PRTF")]
    theirs = [p.tag for p in morph.parse(following) if p.tag.POS in ("NOUN", "ADJF", "PRTF")]
    return any(a.case == b.case and a.number == b.number and (a.number == "plur" or a.gender == b.gender)
               for a in mine for b in theirs)


def _attributive(text: str, end: int, written: str, lang: str) -> bool:
    """Whether the mention *written* ending at *end* modifies the next word (военных действий), rather than
    standing for a noun (сотни военных заявили; мать российского военного.)."""
    following = _NEXT_WORD.match(text, end)
    if following is None:
        return False
    return _agrees(written.lower(), following.group(1).lower(), lang)


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
