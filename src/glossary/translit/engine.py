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


_MARKER_BASE = 0xF0000  # supplementary private use: stands for a rule's output between passes
_MARKERS = re.compile("[\U000f0000-\U000f0fff]")
_NOT_LETTER_BEFORE = f"(?<!{LETTER}.)(?<![\U000f0000-\U000f0fff].)"
_NOT_LETTER_AFTER = f"(?!{LETTER})(?![\U000f0000-\U000f0fff])"
_CYRM = "[\u0400-\u04ff\U000f0000-\U000f0fff]"  # a Cyrillic letter, or a marker standing for one


class _Pass:
    """One substitution pass: every match of ``regex`` becomes the marker ``lo``/``up``."""

    def __init__(self, match: str, out: str, index: int) -> None:
        self.match, self.out = match, out
        self.lo = chr(_MARKER_BASE + 2 * index)
        self.up = chr(_MARKER_BASE + 2 * index + 1)


def _chars(items: Iterable[str], lang: str, passes: list[_Pass], last: bool) -> tuple[str, bool, bool]:
    """Expand a context list: (chars in both cases plus the markers standing for them, LETTER, NONLETTER)."""
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
    for p in passes:
        edge = p.match[-1] if last else p.match[0]
        if edge in both or (edge == APOSTROPHE and "'" in both):
            both.update((p.lo, p.up))
    return "".join(sorted(both)), letter, nonletter


def _cls(chars: str) -> str:
    return "[" + "".join(re.escape(c) for c in chars) + "]"


def _ci(text: str) -> str:
    """Case-insensitive pattern for a literal Cyrillic string."""
    return "".join(_cls(c + c.upper()) if c.upper() != c else re.escape(c) for c in text)


def _context(rule: Rule, lang: str, passes: list[_Pass]) -> tuple[str, str]:
    """(look-behinds shifted past the first matched char, look-aheads after the whole match)."""
    behind: list[str] = []
    if rule.at == "word-start":
        behind.append(f"{_NOT_LETTER_BEFORE}(?<!{_CYRM}{_APOS}.)")
    for items, negate in ((rule.after, False), (rule.not_after, True)):
        chars, letter, nonletter = _chars(items, lang, passes, last=True)
        alts = []
        if chars:
            alts.append(f"(?<={_cls(chars)}.)")
        if letter:
            alts.append(f"(?<={LETTER}.)|(?<={_CYRM}.)")
        if nonletter:
            alts.append(f"(?:{_NOT_LETTER_BEFORE})")
        if alts:
            group = "(?:" + "|".join(alts) + ")"
            behind.append(f"(?!{group})" if negate else group)
    ahead: list[str] = []
    if rule.at == "word-end":
        ahead.append(f"{_NOT_LETTER_AFTER}(?!{_APOS}{_CYRM})")
    for items, negate in ((rule.before, False), (rule.not_before, True)):
        chars, letter, nonletter = _chars(items, lang, passes, last=False)
        alts = []
        if chars:
            alts.append(_cls(chars))
        if letter:
            alts.append(f"{LETTER}|{_CYRM}")
        if nonletter:
            alts.append(f"(?:{_NOT_LETTER_AFTER})")
        if alts:
            ahead.append(("(?!" if negate else "(?=") + "|".join(alts) + ")")
    return "".join(behind), "".join(ahead)


class Compiled:
    """A scheme ready to run.

    All-caps words go first (a callback: they are rare). Then each context rule is one ``re.sub``
    pass with a literal replacement, a private-use *marker* standing for the rule's output, so no
    Python runs per match and later passes still see what letter stood there. Each pattern starts
    with a literal letter, which ``re`` finds by a C scan. One ``str.translate`` then maps letters
    and markers to Latin.
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
            if low != APOSTROPHE:  # an apostrophe counts only between letters: a pass below
                table[ord(low)] = out
                table[ord(low.upper())] = title(out)

        passes: list[_Pass] = []
        self.passes: list[tuple[re.Pattern[str], str]] = []
        order = sorted(range(len(scheme.rules)), key=lambda i: (-len(scheme.rules[i].match), i))
        rules = [scheme.rules[i] for i in order]
        apostrophe = scheme.letters.get(APOSTROPHE)
        if apostrophe is not None:
            rules.append(Rule("apostrophe", APOSTROPHE, apostrophe))
        # adjacent rules with the same match and output share a pass
        merged: list[tuple[str, str, list[str]]] = []
        for rule in rules:
            behind, ahead = _context(rule, lang, passes)
            if rule.match == APOSTROPHE:
                behind += f"(?<={_CYRM}.)"
                ahead += f"(?={_CYRM})"
            alt = behind + _ci(rule.match[1:]) + ahead
            if merged and merged[-1][:2] == (rule.match, rule.out):
                merged[-1][2].append(alt)
            else:
                merged.append((rule.match, rule.out, [alt]))
                passes.append(_Pass(rule.match, rule.out, len(passes)))
        for p, (match, out, alts) in zip(passes, merged, strict=True):
            body = "(?:" + "|".join(alts) + ")"
            table[ord(p.lo)] = out
            table[ord(p.up)] = title(out)
            if match == APOSTROPHE:
                self.passes.append((re.compile(_APOS + body, re.DOTALL), p.lo))
                continue
            first = match[0]
            self.passes.append((re.compile(re.escape(first) + body, re.DOTALL), p.lo))
            if first.upper() != first:
                self.passes.append((re.compile(re.escape(first.upper()) + body, re.DOTALL), p.up))
        self.table = table

        outputs = [*scheme.letters.values(), *(r.out for r in scheme.rules)]
        self.caps: re.Pattern[str] | None = None
        self._caps_memo: dict[str, str] = {}
        if any(title(o) != o.upper() for o in outputs):
            upper = "".join(
                sorted(
                    {c.upper() for c in ALPHABETS[lang]}
                    | {chr(cp) for cp in range(0x400, 0x500) if chr(cp).isupper()}
                )
            )
            u = _cls(upper)
            word = f"(?:{u}|{_APOS}(?={u}))+"
            self.caps = re.compile(
                f"{u}(?<!{LETTER}.)(?<![\u0400-\u04ff]{_APOS}.)"
                f"(?:{word}(?!{LETTER})(?!{_APOS}[\u0400-\u04ff])|(?=[ \t]+{u}{word}(?!{LETTER})))",
                re.DOTALL,
            )

    def _caps_word(self, m: re.Match[str]) -> str:
        word = m.group()
        out = self._caps_memo.get(word)
        if out is None:
            out = self._run(word.lower()).upper()
            if len(self._caps_memo) < 4096:  # acronyms repeat: МВД, ФСБ, СССР
                self._caps_memo[word] = out
        return out

    def _run(self, text: str) -> str:
        if self.caps is not None:
            text = self.caps.sub(self._caps_word, text)
        for regex, marker in self.passes:
            text = regex.sub(marker, text)
        return text.translate(self.table)

    def __call__(self, text: str) -> str:
        """Transliterate any string: NFC in, NFC out, never raises."""
        text = unicodedata.normalize("NFC", text)
        if _MARKERS.search(text):
            # the text holds our private-use markers itself: keep them, romanize what lies between
            parts = _MARKERS.split(text)
            marks = _MARKERS.findall(text)
            out = self._run(parts[0]) + "".join(
                m + self._run(p) for m, p in zip(marks, parts[1:], strict=True)
            )
        else:
            out = self._run(text)
        return unicodedata.normalize("NFC", out)


@cache
def compiled(lang: str, scheme_id: str) -> Compiled:
    """The compiled scheme, built once per process."""
    return Compiled(get_scheme(lang, scheme_id))


def rule_pattern(rule: Rule, lang: str) -> re.Pattern[str]:
    """A regex finding where *rule* fires in plain Cyrillic text (the rule-coverage test uses it)."""
    behind, ahead = _context(rule, lang, [])
    if rule.match == APOSTROPHE:
        return re.compile(f"{_APOS}{behind}(?<={_CYRM}.)(?={_CYRM}){ahead}", re.DOTALL)
    return re.compile(_ci(rule.match[0]) + behind + _ci(rule.match[1:]) + ahead, re.DOTALL)
