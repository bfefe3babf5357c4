"""Compile a scheme into one ``str.translate`` table plus one regex, so the bulk runs in C.

The regex matches only the positions where the table alone would be wrong: all-caps words (their
multi-letter outputs must be upper too), context rules, and apostrophes between Cyrillic letters.
Each of its alternatives starts with a character class, so ``re`` scans for them quickly; the
context is checked with look-arounds on the *original* text, so the substituted Latin output never
confuses a later match. The substituted output is Latin, which the table then leaves alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
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
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "ž", "з": "z", "и": "i",
    "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "č", "ш": "š", "щ": "ŝ", "ъ": "ʺ",
    "ы": "y", "ь": "ʹ", "э": "è", "ю": "û", "я": "â", "ё": "ë", "є": "ê", "і": "ì", "ї": "ï",
    "ґ": "g̀", "ѓ": "ǵ", "ѕ": "ẑ", "ј": "ǰ", "љ": "l̂", "њ": "n̂", "ќ": "ḱ", "ў": "ǔ", "џ": "d̂",
    "ђ": "đ", "ћ": "ć", "ѣ": "ě", "ѳ": "f̀", "ѵ": "ỳ", "ѫ": "ǎ", "ӕ": "æ", "ҙ": "ẓ", "ҫ": "ç",
}
_CYR_RANGES = ((0x0400, 0x0530), (0x1C80, 0x1C90), (0x2DE0, 0x2E00), (0xA640, 0xA6A0))
LETTER = r"[^\W\d_]"
CYR = "[\u0400-\u04ff]"
_APOS = "[" + re.escape(APOSTROPHES) + "]"


def title(latin: str) -> str:
    """Upper-case the first letter of *latin*: ``shch`` → ``Shch``, ``t͡s`` → ``T͡s``, ``ʹ`` stays."""
    for i, ch in enumerate(latin):
        if ch.isalpha():
            return latin[:i] + ch.upper() + latin[i + 1:]
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


def _chars(items: Iterable[str], lang: str) -> tuple[str, bool, bool]:
    """Expand a context list into (explicit chars in both cases, LETTER given, NONLETTER given)."""
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


def _before_pattern(items: tuple[str, ...], lang: str, negate: bool) -> str:
    chars, letter, nonletter = _chars(items, lang)
    alts = []
    if chars:
        alts.append(_cls(chars))
    if letter:
        alts.append(LETTER)
    if nonletter:
        alts.append(f"(?!{LETTER})")
    if not alts:
        return ""
    return ("(?!" if negate else "(?=") + "|".join(alts) + ")"


def _after_pattern(items: tuple[str, ...], lang: str, negate: bool) -> str:
    """Look-behind on the character before the match, placed after the match's first character."""
    chars, letter, nonletter = _chars(items, lang)
    alts = []
    if chars:
        alts.append(f"(?<={_cls(chars)}.)")
    if letter:
        alts.append(f"(?<={LETTER}.)")
    if nonletter:
        alts.append(f"(?<!{LETTER}.)")
    if not alts:
        return ""
    group = "(?:" + "|".join(alts) + ")"
    return f"(?!{group})" if negate else group


def _rule_pattern(rule: Rule, lang: str) -> str:
    """``first char``, look-behinds (shifted by that char), the rest of the match, look-aheads."""
    if rule.match == APOSTROPHE:
        head, rest = _APOS + f"(?<={CYR}.)", f"(?={CYR})"
    else:
        head, rest = _ci(rule.match[0]), _ci(rule.match[1:])
    parts = [head]
    if rule.at == "word-start":
        parts.append(f"(?<!{LETTER}.)(?<!{CYR}{_APOS}.)")
    parts.append(_after_pattern(rule.after, lang, negate=False))
    parts.append(_after_pattern(rule.not_after, lang, negate=True))
    parts.append(rest)
    if rule.at == "word-end":
        parts.append(f"(?!{LETTER})(?!{_APOS}{CYR})")
    parts.append(_before_pattern(rule.before, lang, negate=False))
    parts.append(_before_pattern(rule.not_before, lang, negate=True))
    return "".join(parts)


class Compiled:
    """A scheme ready to run: ``table`` for the context-free bulk, ``regex`` for the rest."""

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
            if low == APOSTROPHE:
                continue  # only between letters: handled by the regex
            table[ord(low)] = out
            table[ord(low.upper())] = title(out)
        self.table = table
        self.apostrophe_out = scheme.letters.get(APOSTROPHE)

        upper = "".join(sorted({c.upper() for c in ALPHABETS[lang]} |
                               {chr(cp) for cp in range(0x400, 0x500) if chr(cp).isupper()}))
        u = _cls(upper)
        caps_word = f"(?:{u}|{_APOS}(?={u}))+"
        alternatives = [
            "(?P<caps>" + u + f"(?<!{LETTER}.)(?<!{CYR}{_APOS}.)"
            f"(?:{caps_word}(?!{LETTER})(?!{_APOS}{CYR})|(?=[ \t]+{u}{caps_word}(?!{LETTER}))))"
        ]
        order = sorted(range(len(scheme.rules)), key=lambda i: (-len(scheme.rules[i].match), i))
        self.rules: dict[str, tuple[str, str]] = {}
        for n, i in enumerate(order):
            rule = scheme.rules[i]
            group = f"r{n}"
            self.rules[group] = (rule.out, title(rule.out))
            alternatives.append(f"(?P<{group}>{_rule_pattern(rule, lang)})")
        if self.apostrophe_out is not None:
            alternatives.append(f"(?P<apos>{_APOS}(?<={CYR}.)(?={CYR}))")
        self.regex = re.compile("|".join(alternatives), re.DOTALL)
        self._sub: Callable[[str], str] = self._make_sub()

    def _make_sub(self) -> Callable[[str], str]:
        rules = self.rules
        apos = self.apostrophe_out or ""
        lower = self.lower

        def repl(m: re.Match[str]) -> str:
            group = m.lastgroup
            if group == "caps":
                return lower(m.group().lower()).upper()
            if group == "apos":
                return apos
            low, up = rules[group]  # type: ignore[index]
            return up if m.group()[0].isupper() else low

        regex_sub = self.regex.sub
        return lambda text: regex_sub(repl, text)

    def lower(self, text: str) -> str:
        """Transliterate *text* known to be NFC (all-caps words recurse here lower-cased)."""
        return self._sub(text).translate(self.table)

    def __call__(self, text: str) -> str:
        """Transliterate any string: NFC in, NFC out, never raises."""
        text = unicodedata.normalize("NFC", text)
        out = self._sub(text).translate(self.table)
        return unicodedata.normalize("NFC", out)


@cache
def compiled(lang: str, scheme_id: str) -> Compiled:
    """The compiled scheme, built once per process."""
    return Compiled(get_scheme(lang, scheme_id))
