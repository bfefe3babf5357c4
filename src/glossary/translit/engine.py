"""Compile a scheme into one ``str.translate`` table plus one regex, so the bulk runs in C.

The regex matches only the positions where the table alone would be wrong: all-caps words (their
multi-letter outputs must be upper too), context rules, and apostrophes between Cyrillic letters.
It is a single pass: one alternative per rule and case of its first letter, each starting with that
letter (so ``re`` both scans for the set of first letters in C and skips a non-matching
alternative with one comparison) and ending in an empty group whose number picks the output from a
list. Context is checked with look-arounds on the original text, which a single pass never changes
under them. The substituted output is Latin, which the table then leaves alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache

from glossary.text.fallback import latin_fallback, title
from glossary.text.scripts import APOSTROPHES
from glossary.translit.schemes import (
    ALPHABETS,
    APOSTROPHE,
    CONSONANTS,
    VOWELS,
    Rule,
    Scheme,
    get_scheme,
)

_CYR_RANGES = ((0x0400, 0x0530), (0x1C80, 0x1C90), (0x2DE0, 0x2E00), (0xA640, 0xA6A0))
LETTER = "[^\\W\\d_\u02bc]"  # ʼ (U+02BC) is a modifier letter to Unicode, an apostrophe or a quote to us
_APOS = "[" + re.escape(APOSTROPHES) + "]"


_CYR = "[\u0400-\u04ff]"
_NOT_LETTER_BEFORE = f"(?<!{LETTER}.)"
_NOT_LETTER_AFTER = f"(?!{LETTER})"


def _chars(items: Iterable[str], lang: str) -> tuple[str, bool, bool, bool]:
    """Expand a context list: (chars in both cases, LETTER, NONLETTER, apostrophe)."""
    chars: list[str] = []
    letter = nonletter = apostrophe = False
    for item in items:
        if item == "VOWEL":
            chars.extend(VOWELS[lang])
        elif item == "CONSONANT":
            chars.extend(CONSONANTS[lang])
        elif item == "LETTER":
            letter = True
        elif item == "NONLETTER":
            nonletter = True
        elif item == APOSTROPHE:
            apostrophe = True  # only between two Cyrillic letters; elsewhere it is a quote
        else:
            chars.append(item)
    both = {c for ch in chars for c in (ch, ch.upper())}
    return "".join(sorted(both)), letter, nonletter, apostrophe


def _cls(chars: str) -> str:
    return "[" + "".join(re.escape(c) for c in chars) + "]"


def _ci(text: str) -> str:
    """Case-insensitive pattern for a literal Cyrillic string."""
    return "".join(_cls(c + c.upper()) if c.upper() != c else re.escape(c) for c in text)


def _context(rule: Rule, lang: str) -> tuple[str, str]:
    """(look-behinds shifted past the first matched char, look-aheads after the whole match)."""
    behind: list[str] = []
    if rule.at == "word-start":
        behind.append(f"{_NOT_LETTER_BEFORE}(?<!{_CYR}{_APOS}.)")
    for items, negate in ((rule.after, False), (rule.not_after, True)):
        chars, letter, nonletter, apostrophe = _chars(items, lang)
        alts = []
        if chars:
            alts.append(f"(?<={_cls(chars)}.)")
        if apostrophe:
            alts.append(f"(?<={_CYR}{_APOS}.)")
        if letter:
            alts.append(f"(?<={LETTER}.)")
        if nonletter:
            alts.append(f"(?:{_NOT_LETTER_BEFORE})")
        if alts:
            group = "(?:" + "|".join(alts) + ")"
            behind.append(f"(?!{group})" if negate else group)
    ahead: list[str] = []
    if rule.at == "word-end":
        ahead.append(f"{_NOT_LETTER_AFTER}(?!{_APOS}{_CYR})")
    for items, negate in ((rule.before, False), (rule.not_before, True)):
        chars, letter, nonletter, apostrophe = _chars(items, lang)
        alts = []
        if chars:
            alts.append(_cls(chars))
        if apostrophe:
            alts.append(f"{_APOS}(?={_CYR})")
        if letter:
            alts.append(LETTER)
        if nonletter:
            alts.append(f"(?:{_NOT_LETTER_AFTER})")
        if alts:
            ahead.append(("(?!" if negate else "(?=") + "|".join(alts) + ")")
    return "".join(behind), "".join(ahead)


Out = str | tuple[str, str]
_Pass = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]
#: what the common pass's table writes for a letter only the full pass handles (a noncharacter)
_GUARD = "\ufdef"


class Compiled:
    """A scheme ready to run: one regex pass for the context-sensitive positions, then one translate.

    Alternatives, in priority order: the rules, longest ``match`` first then file order, one per
    case of the first letter; then every capital whose output has several letters, where a
    neighbour is a capital too (a cheap necessary condition for an all-caps word); then the
    apostrophe forms. ``m.lastindex`` names the alternative and a list gives its output, so the
    per-match Python work is one lookup; only a capital with a multi-letter output asks the exact
    all-caps question (``_in_caps``), and that is rare.
    """

    def __init__(self, scheme: Scheme) -> None:
        self.scheme = scheme
        lang = scheme.lang
        table: dict[int, str] = {}
        for lo, hi in _CYR_RANGES:
            for cp in range(lo, hi):
                ch = chr(cp)
                if unicodedata.category(ch) != "Cn":
                    table[cp] = latin_fallback(ch)
        for low, out in scheme.letters.items():
            if low != APOSTROPHE:  # an apostrophe counts only between letters: a rule below
                table[ord(low)] = out
                table[ord(low.upper())] = title(out)
        self.table = table
        fast_table, self._held = _hold_marks(table, scheme)

        upper = "".join(
            sorted(
                {c.upper() for c in ALPHABETS[lang]}
                | {chr(cp) for cp in range(0x400, 0x500) if chr(cp).isupper()}
            )
        )
        self._upper = frozenset(upper)
        # fallback outputs count too: Ѹ → Uk must be UK in an all-caps word of an ISO 9 text
        outputs = [*table.values(), *(r.out for r in scheme.rules)]
        caps = any(title(o) != o.upper() for o in outputs)
        self._caps: re.Pattern[str] | None = None
        if caps:
            u = _cls(upper)
            word = f"(?:{u}|{_APOS}(?={u}))+"
            end = f"(?!{LETTER})(?!{_APOS}{_CYR})"
            self._caps = re.compile(
                f"{u}(?<!{LETTER}.)(?<!{_CYR}{_APOS}.)(?:{word}{end}|(?=[ \t]+{u}{word}{end}))",
                re.DOTALL,
            )

        #: first character → its alternatives (tail pattern, output) in priority order; an output
        #: is a string, or (title-case output, all-caps output) to choose between
        branches: dict[str, list[tuple[str, str, Out]]] = {}
        #: capitals outside the alphabet with a multi-letter (fallback) output: the common pass
        #: leaves them out, since every extra alternative slows every candidate down
        rare: set[str] = set()

        def add(first: str, tail: str, out: Out, rest: str = "") -> None:
            branches.setdefault(first, []).append((tail, rest, out))

        order = sorted(range(len(scheme.rules)), key=lambda i: (-len(scheme.rules[i].match), i))
        for rule in (scheme.rules[i] for i in order):
            behind, ahead = _context(rule, lang)
            tail = behind + _ci(rule.match[1:]) + ahead
            head = rule.match[0]
            if head == APOSTROPHE:
                for ch in APOSTROPHES:
                    add(ch, f"(?<={_CYR}.){tail}(?={_CYR})", rule.out, rule.match[1:])
                continue
            add(head, tail, rule.out, rule.match[1:])
            if head.upper() != head:
                t = title(rule.out)
                both = (t, rule.out.upper()) if caps and t != rule.out.upper() else t
                add(head.upper(), tail, both, rule.match[1:])
        if caps:
            u = _cls(upper)
            near = f"(?:(?<={u}.)|(?<={u}{_APOS}.)|(?={_APOS}?{u})|(?=[ \t]+{u}))"
            for ch in upper:
                out = table.get(ord(ch), ch)
                if out != out.upper():
                    add(ch, near, (out, out.upper()))
                    if ch.lower() not in scheme.letters:
                        rare.add(ch)
        apostrophe = scheme.letters.get(APOSTROPHE)
        if apostrophe is not None:
            behind, ahead = _context(Rule("apostrophe", APOSTROPHE, apostrophe), lang)
            for ch in APOSTROPHES:
                add(ch, f"(?<={_CYR}.){behind}(?={_CYR}){ahead}", apostrophe)

        # ``re`` tries the first characters in pattern order, so the frequent ones go first
        freq = Counter(ch for sample in scheme.samples for ch in sample.cyrillic)
        firsts = sorted(branches, key=lambda ch: (-freq[ch], ch))
        self._full = self._assemble(branches, firsts)
        self._common = self._assemble(branches, [ch for ch in firsts if ch not in rare])
        fast_table.update(dict.fromkeys(map(ord, rare), _GUARD))
        self._fast = as_list(fast_table)

    def _assemble(self, branches: dict[str, list[tuple[str, str, Out]]], firsts: list[str]) -> _Pass | None:
        """One regex over the alternatives of *firsts*, with the callback that reads its outputs."""
        if not firsts:
            return None
        alts: list[str] = []
        outs: list[Out] = [""]  # group number → output
        for first in firsts:
            tails = branches[first]
            if len(tails) == 1:
                alts.append(re.escape(first) + tails[0][0] + "()")
            else:
                alts.append(re.escape(first) + "(?:" + "|".join(t + "()" for t, _, _ in tails) + ")")
            outs.extend(o for _, _, o in tails)
        in_caps = self._in_caps

        def sub(m: re.Match[str]) -> str:
            out = outs[m.lastindex or 0]  # every alternative ends in an empty group
            if isinstance(out, str):
                return out
            return out[1] if in_caps(m.string, m.start(), m.end()) else out[0]

        return re.compile("|".join(alts), re.DOTALL), sub

    def _in_caps(self, s: str, start: int, end: int) -> bool:
        """Is s[start:end] inside an all-caps word (or a lone capital before one)?"""
        if end < len(s) and s[end].islower():
            return False  # the common case: a title-case word
        up = self._upper
        ws = start
        while ws > 0:
            c = s[ws - 1]
            if c in up or (c in APOSTROPHES and ws >= 2 and s[ws - 2] in up):
                ws -= 1
            else:
                break
        m = self._caps.match(s, ws) if self._caps is not None else None
        return m is not None and m.end() >= end

    def _run(self, text: str) -> str:
        """The slow and sure path: every alternative, the real table, a full NFC."""
        if self._full is not None:
            regex, sub = self._full
            text = regex.sub(sub, text)
        return unicodedata.normalize("NFC", text.translate(self.table))

    def __call__(self, text: str) -> str:
        """Transliterate any string: NFC in, NFC out, never raises."""
        if text.isascii():  # nothing Cyrillic, nothing to compose: as is
            return text
        text = unicodedata.normalize("NFC", text)
        if any(mark in text for mark, _ in self._held):
            return self._run(text)  # our stand-ins in the input itself
        done = text
        if self._common is not None:
            regex, sub = self._common
            done = regex.sub(sub, text)
        out = done.translate(self._fast)
        if _GUARD in out:
            return self._run(text)  # a rare capital, or the guard itself in the input
        out = unicodedata.normalize("NFC", out)
        for mark, latin in self._held:
            released = _release(out, mark, latin)
            if released is None:  # a combining mark follows: let NFC sort it out
                return self._run(text)
            out = released
        return out


@cache
def _identity(size: int) -> list[str]:
    return list(map(chr, range(size)))


def as_list(table: dict[int, str]) -> list[str]:
    """*table* as a list indexed by code point, unmapped ones mapping to themselves.

    ``str.translate`` looks each character up with ``mapping[ord(ch)]``: a list answers that by
    indexing, a dict by hashing and probing, and a dict raises (and ``translate`` swallows) a
    KeyError for every character it lacks, such as each space. Code points past the list's end raise
    IndexError, which ``translate`` also reads as "unmapped".
    """
    out = _identity(max(table) + 1).copy()
    for cp, value in table.items():
        out[cp] = value
    return out


def _nfc_quick(text: str) -> bool:
    """Does NFC's quick check pass on *text*? (``normalize`` returns its argument itself if so.)"""
    probe = "a" + text  # a fresh object, so identity says which branch normalize took
    return unicodedata.normalize("NFC", probe) is probe


def _hold_marks(table: dict[int, str], scheme: Scheme) -> tuple[dict[int, str], list[tuple[str, str]]]:
    """A table with noncharacters standing for the scheme's outputs that defeat NFC's quick check.

    ``ґ`` → ``g̀`` (ISO 9) carries a combining grave, which makes ``normalize`` re-compose the whole
    output (as long again as the translate); with a stand-in the quick check passes and the real
    output goes in afterwards by ``str.replace``.
    """
    held: list[tuple[str, str]] = []
    fast = dict(table)
    for low, out in scheme.letters.items():
        for ch, latin in ((low, out), (low.upper(), title(out))):
            if len(ch) != 1 or not latin or _nfc_quick(latin):
                continue
            mark = chr(0xFDD0 + len(held))  # noncharacters: for internal use, never in real text
            held.append((mark, latin))
            fast[ord(ch)] = mark
    return fast, held


def _release(out: str, mark: str, latin: str) -> str | None:
    """*out* with *mark* replaced by *latin*, or None if a character after a mark might combine."""
    i = out.find(mark)
    if i < 0:
        return out
    while i >= 0:
        nxt = out[i + 1 : i + 2]
        if nxt and not nxt.isascii():
            pair = latin + nxt
            if unicodedata.combining(nxt) or unicodedata.normalize("NFC", pair) != pair:
                return None
        i = out.find(mark, i + 1)
    return out.replace(mark, latin)


@cache
def compiled(lang: str, scheme_id: str, variant: str | None = None) -> Compiled:
    """The compiled scheme (with one of its optional variants, e.g. ``dots``), built once per process."""
    scheme = get_scheme(lang, scheme_id)
    return Compiled(scheme.with_variant(variant) if variant else scheme)


def rule_pattern(rule: Rule, lang: str) -> re.Pattern[str]:
    """A regex finding where *rule* fires in plain Cyrillic text (the rule-coverage test uses it)."""
    behind, ahead = _context(rule, lang)
    if rule.match == APOSTROPHE:
        return re.compile(f"{_APOS}{behind}(?<={_CYR}.)(?={_CYR}){ahead}", re.DOTALL)
    return re.compile(_ci(rule.match[0]) + behind + _ci(rule.match[1:]) + ahead, re.DOTALL)
