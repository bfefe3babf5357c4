"""Which script a character or token is in: the checks behind homoglyph and mixed-script errors."""

from __future__ import annotations

import unicodedata

_CYRILLIC_RANGES = ((0x0400, 0x052F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F))


def is_cyrillic(ch: str) -> bool:
    """True for a Cyrillic letter (or Cyrillic combining letter)."""
    o = ord(ch)
    return any(lo <= o <= hi for lo, hi in _CYRILLIC_RANGES)


def is_latin(ch: str) -> bool:
    """True for a Latin letter, with or without diacritics."""
    if ch.isascii():
        return ch.isalpha()
    return ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN")


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


def has_cyrillic(text: str) -> bool:
    return any(is_cyrillic(ch) for ch in text)
