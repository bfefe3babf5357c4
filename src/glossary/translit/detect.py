"""Guess Russian or Ukrainian from letters only one of the two alphabets has."""

from __future__ import annotations

import re

#: Letters (and the Ukrainian apostrophe) found in one language's alphabet but not the other's.
UK_MARKERS = "іїєґІЇЄҐʼ"
RU_MARKERS = "ыэъёЫЭЪЁ"
#: What callers use when detection finds nothing: Russian is the majority language of the sources.
DEFAULT_LANG = "ru"

_UK = re.compile(f"[{UK_MARKERS}]|(?<=[\u0400-\u04ff])['’`](?=[\u0400-\u04ff])")
_RU = re.compile(f"[{RU_MARKERS}]")


def detect_language(text: str) -> str | None:
    """'uk' or 'ru' when marker letters decide it (the majority wins), else None."""
    uk = len(_UK.findall(text))
    ru = len(_RU.findall(text))
    if uk > ru:
        return "uk"
    if ru > uk:
        return "ru"
    return None
