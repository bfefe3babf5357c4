"""Compile a scheme into one ``str.translate`` table plus one regex, so the bulk runs in C.

The regex matches only the positions where the table alone would be wrong: all-caps words (their
multi-letter outputs must be upper too), context rules, and apostrophes between Cyrillic letters.
It is a single pass: one character class of every letter that can start such a position (so ``re``
skips the rest of the text in C), then one alternative per rule and case, each ending in an empty
group whose number picks the output from a list. Context is checked with look-arounds on the
original text, which a single pass never changes under them. The substituted output is Latin,
which the table then leaves alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

from glossary.translit.schemes import (
    ALPHABETS,
    APOSTROPHE,
    APOSTROPHES,
    CONSONANTS,
    VOWELS,
    Rule,
    Scheme,
    get_scheme,
)

#: Cyrillic letters outside a scheme's alphabet fall back to ISO 9:1995, so that no Latin scheme
#: ever leaves a Cyrillic code point behind (a Ukrainian і inside a Russian text, say).
FALLBACK: dict[str, str] = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ж": "ž",
    "з": "z",
    "и": "i",
    "й": "j",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "h",
    "ц": "c",
    "ч": "č",
    "ш": "š",
    "щ": "ŝ",
    "ъ": "ʺ",
    "ы": "y",
    "ь": "ʹ",
    "э": "è",
    "ю": "û",
    "я": "â",
    "ё": "ë",
    "є": "ê",
    "і": "ì",
    "ї": "ï",
    "ґ": "g̀",
    "ѓ": "ǵ",
    "ѕ": "ẑ",
    "ј": "ǰ",
    "љ": "l̂",
    "њ": "n̂",
    "ќ": "ḱ",
    "ў": "ǔ",
    "џ": "d̂",
    "ђ": "đ",
    "ћ": "ć",
    "ѣ": "ě",
    "ѳ": "f̀",
    "ѵ": "ỳ",
    "ѫ": "ǎ",
    "ӕ": "æ",
    "ҙ": "ẓ",
    "ҫ": "ç",
}
_CYR_RANGES = ((0x0400, 0x0530), (0x1C80, 0x1C90), (0x2DE0, 0x2E00), (0xA640, 0xA6A0))
LETTER = r"[^\W\d_]"
TIE = "\u0361"  # combining double inverted breve
_APOS = "[" + re.escape(APOSTROPHES) + "]"


def title(latin: str) -> str:
    """Upper-case the first letter of *latin*: ``shch`` → ``Shch``, ``t͡s`` → ``T͡S``, ``ʹ`` stays."""
    for i, ch in enumerate(latin):
        if ch.isalpha():
            if latin[i + 1 : i + 2] == TIE:  # a tie bar makes one letter of two: t͡s → T͡S (ALA-LC)
                return latin[:i] + latin[i : i + 3].upper() + latin[i + 3 :]
            return latin[:i] + ch.upper() + latin[i + 1 :]
    return latin


def _fallback(ch: str) -> str:
    """Latin stand-in for a Cyrillic code point no scheme table covers."""
    low = ch.lower()
    if low in FALLBACK:
        out = FALLBACK[low]
    else:
        cat = unicodedata.category(low)
        if not cat.startswith("L"):
            return ""  # combining titlo, thousands sign...: no Latin counterpart
        words = unicodedata.name(low, "").split()
        out = words[-1].lower() if words and words[-1].isascii() and words[-1].isalpha() else ""
    out = unicodedata.normalize("NFC", out)
    return title(out) if ch != low else out


_CYR = "[\u0400-\u04ff]"
_NOT_LETTER_BEFORE = f"(?<!{LETTER}.)"
_NOT_LETTER_AFTER = f"(?!{LETTER})"


def _chars(items: Iterable[str], lang: str) -> tuple[str, bool, bool]:
    """Expand a context list: (chars in both cases, LETTER, NONLETTER)."""
    chars: list[str] = []
    letter = nonletter = False
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
            chars.extend(APOSTROPHES)
        else:
            chars.append(item)
    both = {c for ch in chars for c in (ch, ch.upper())}
    return "".join(sorted(both)), letter, nonletter


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
        chars, letter, nonletter = _chars(items, lang)
        alts = []
        if chars:
            alts.append(f"(?<={_cls(chars)}.)")
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
        chars, letter, nonletter = _chars(items, lang)
        alts = []
        if chars:
            alts.append(_cls(chars))
        if letter:
            alts.append(LETTER)
        if nonletter:
            alts.append(f"(?:{_NOT_LETTER_AFTER})")
        if alts:
            ahead.append(("(?!" if negate else "(?=") + "|".join(alts) + ")")
    return "".join(behind), "".join(ahead)


class Compiled:
    """A scheme ready to run: one regex pass for the context-sensitive positions, then one translate.

    The regex is ``[first letters](?:alt1()|alt2()|...)``: each alternative first checks, by a
    one-character look-behind, which letter the class consumed, so the whole pattern keeps a plain
    character-class prefix that ``re`` scans for in C. Alternatives come in priority order: the
    all-caps word (a callback: rare, memoised), then the rules longest ``match`` first and in file
    order, one alternative per case of the first letter, then the apostrophe. ``m.lastindex`` names
    the alternative, and a list gives its output, so the per-match Python work is one lookup.
    """

    def __init__(self, scheme: Scheme) -> None:
        self.scheme = scheme
        lang = scheme.lang
        table: dict[int, str] = {}
        for lo, hi in _CYR_RANGES:
            for cp in range(lo, hi):
                ch = chr(cp)
                if unicodedata.category(ch) != "Cn":
                    table[cp] = _fallback(ch)
        for low, out in scheme.letters.items():
            if low != APOSTROPHE:  # an apostrophe counts only between letters: a rule below
                table[ord(low)] = out
                table[ord(low.upper())] = title(out)
        self.table = table

        first: set[str] = set()
        alts: list[str] = []
        #: group number → output; None marks the all-caps alternative
        outs: list[str | None] = [None]
        self._caps_memo: dict[str, str] = {}
        outputs = [*scheme.letters.values(), *(r.out for r in scheme.rules)]
        if any(title(o) != o.upper() for o in outputs):
            upper = "".join(
                sorted(
                    {c.upper() for c in ALPHABETS[lang]}
                    | {chr(cp) for cp in range(0x400, 0x500) if chr(cp).isupper()}
                )
            )
            first.update(upper)
            u = _cls(upper)
            word = f"(?:{u}|{_APOS}(?={u}))+"
            alts.append(
                f"(?<={u})(?<!{LETTER}.)(?<!{_CYR}{_APOS}.)"
                f"(?:{word}(?!{LETTER})(?!{_APOS}{_CYR})|(?=[ \t]+{u}{word}(?!{LETTER})))()"
            )
            outs.append(None)

        order = sorted(range(len(scheme.rules)), key=lambda i: (-len(scheme.rules[i].match), i))
        rules = [scheme.rules[i] for i in order]
        apostrophe = scheme.letters.get(APOSTROPHE)
        if apostrophe is not None:
            rules.append(Rule("apostrophe", APOSTROPHE, apostrophe))
        for rule in rules:
            behind, ahead = _context(rule, lang)
            if rule.match == APOSTROPHE:
                first.update(APOSTROPHES)
                alts.append(f"(?<={_APOS})(?<={_CYR}.){behind}(?={_CYR}){ahead}()")
                outs.append(rule.out)
                continue
            head, rest = rule.match[0], _ci(rule.match[1:])
            cases = [(head, rule.out)]
            if head.upper() != head:
                cases.append((head.upper(), title(rule.out)))
            for ch, out in cases:
                first.add(ch)
                alts.append(f"(?<={re.escape(ch)}){behind}{rest}{ahead}()")
                outs.append(out)
        self._outs = outs
        self.regex: re.Pattern[str] | None = None
        if alts:
            self.regex = re.compile(
                _cls("".join(sorted(first))) + "(?:" + "|".join(alts) + ")", re.DOTALL
            )

    def _sub(self, m: re.Match[str]) -> str:
        out = self._outs[m.lastindex or 0]
        if out is None:
            return self._caps_word(m.group())
        return out

    def _caps_word(self, word: str) -> str:
        out = self._caps_memo.get(word)
        if out is None:
            out = self._run(word.lower()).upper()
            if len(self._caps_memo) < 4096:  # acronyms repeat: МВД, ФСБ, СССР
                self._caps_memo[word] = out
        return out

    def _run(self, text: str) -> str:
        if self.regex is not None:
            text = self.regex.sub(self._sub, text)
        return text.translate(self.table)

    def __call__(self, text: str) -> str:
        """Transliterate any string: NFC in, NFC out, never raises."""
        if text.isascii():  # nothing Cyrillic, nothing to compose: as is
            return text
        text = unicodedata.normalize("NFC", text)
        return unicodedata.normalize("NFC", self._run(text))


@cache
def compiled(lang: str, scheme_id: str) -> Compiled:
    """The compiled scheme, built once per process."""
    return Compiled(get_scheme(lang, scheme_id))


def rule_pattern(rule: Rule, lang: str) -> re.Pattern[str]:
    """A regex finding where *rule* fires in plain Cyrillic text (the rule-coverage test uses it)."""
    behind, ahead = _context(rule, lang)
    if rule.match == APOSTROPHE:
        return re.compile(f"{_APOS}{behind}(?<={_CYR}.)(?={_CYR}){ahead}", re.DOTALL)
    return re.compile(_ci(rule.match[0]) + behind + _ci(rule.match[1:]) + ahead, re.DOTALL)
