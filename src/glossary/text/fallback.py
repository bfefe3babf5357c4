"""The ISO 9:1995 fallback: a Latin stand-in for any Cyrillic letter, so no Latin output keeps Cyrillic.

Every romanization scheme (``translit``) and the scheme-neutral key (``text.skeleton``) fall back to this
table for letters outside their own alphabet (a Ukrainian і in a Russian text, a Serbian ј, an old ѣ).
"""

from __future__ import annotations

import unicodedata

TIE = "\u0361"  # combining double inverted breve

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

def title(latin: str) -> str:
    """Upper-case the first letter of *latin*: ``shch`` → ``Shch``, ``t͡s`` → ``T͡S``, ``ʹ`` stays."""
    for i, ch in enumerate(latin):
        if ch.isalpha():
            if latin[i + 1 : i + 2] == TIE:  # a tie bar makes one letter of two: t͡s → T͡S (ALA-LC)
                return latin[:i] + latin[i : i + 3].upper() + latin[i + 3 :]
            return latin[:i] + ch.upper() + latin[i + 1 :]
    return latin


def latin_fallback(ch: str) -> str:
    """Latin stand-in for a Cyrillic code point no scheme table covers."""
    low = ch.lower()
    if low in FALLBACK:
        out = FALLBACK[low]
    else:
        cat = unicodedata.category(low)
        if not cat.startswith("L"):
            return ""  # combining titlo, thousands sign...: no Latin counterpart
        words = unicodedata.name(low, "").split()
        marks = ""
        if "WITH" in words:  # Ѐ = IE WITH GRAVE: the letter's name, then its marks (not "grave")
            words = words[: words.index("WITH")]
            marks = "".join(c for c in unicodedata.normalize("NFD", low) if unicodedata.combining(c))
        out = words[-1].lower() + marks if words and words[-1].isascii() and words[-1].isalpha() else ""
    out = unicodedata.normalize("NFC", out)
    return title(out) if ch != low else out
