"""Which script a character or token is in: the checks behind homoglyph and mixed-script errors."""

from __future__ import annotations

import re
import unicodedata

_CYRILLIC_RANGES = ((0x0400, 0x052F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F))


def is_cyrillic(ch: str) -> bool:
    """True for a Cyrillic letter (or Cyrillic combining letter)."""
    o = ord(ch)
    return any(lo <= o <= hi for lo, hi in _CYRILLIC_RANGES)


_LATIN_RANGES = ((0x00C0, 0x024F), (0x0250, 0x02AF), (0x1D00, 0x1DBF), (0x1E00, 0x1EFF), (0x2C60, 0x2C7F),
                 (0xA720, 0xA7FF), (0xAB30, 0xAB6F), (0xFF21, 0xFF5A))


def is_latin(ch: str) -> bool:
    """True for a Latin letter, with or without diacritics (by the Latin blocks of Unicode)."""
    if ch.isascii():
        return ch.isalpha()
    o = ord(ch)
    return ch.isalpha() and any(lo <= o <= hi for lo, hi in _LATIN_RANGES) and unicodedata.name(
        ch, "").startswith("LATIN")


def scripts_of(text: str) -> set[str]:
    """The set of scripts ('Cyrillic', 'Latin', 'Other') of the letters in *text*."""
    found: set[str] = set()
    for ch in text:
        if not ch.isalpha():
            continue
        if is_cyrillic(ch):
            found.add("Cyrillic")
        elif is_latin(ch):
            found.add("Latin")
        else:
            found.add("Other")
    return found


def mixed_tokens(text: str) -> list[str]:
    """Whitespace-separated tokens that mix Cyrillic and Latin letters (`МК.ru`, `Подмоскowie`)."""
    return [tok for tok in text.split() if {"Cyrillic", "Latin"} <= scripts_of(tok)]


#: the characters written for the Ukrainian apostrophe (and the Russian hard-sign substitute) in real text:
#: ASCII ', right single quote ’, modifier letter apostrophe ʼ (the standard's), grave `. One set for all wings;
#: ISO 9's prime ʹ is a soft sign there, not an apostrophe, so only annotate's folding adds it (with acute ´).
APOSTROPHES = "'’ʼ`"

CYRILLIC_RE = re.compile("[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")
_LATIN_LETTER_RE = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af\u1d00-\u1dbf\u1e00-\u1eff"
                              "\u2c60-\u2c7f\ua720-\ua7ff\uab30-\uab6f\uff21-\uff3a\uff41-\uff5a]")


def has_cyrillic(text: str) -> bool:
    """Whether *text* contains a Cyrillic character (a regex scan, fast on long text)."""
    return CYRILLIC_RE.search(text) is not None


def has_latin(text: str) -> bool:
    """Whether *text* contains a Latin letter, with or without diacritics."""
    return _LATIN_LETTER_RE.search(text) is not None
