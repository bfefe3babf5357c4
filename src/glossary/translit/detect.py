"""Guess Russian or Ukrainian from letters only one of the two alphabets has, or for one word, its dictionary.

A word with no marker letter (Володимиром, Зеленським: no і ї є ґ) is Ukrainian when pymorphy3's
Ukrainian dictionary knows it and the Russian one does not (and the other way round); a word both
or neither know keeps the language of its text.
"""

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


def word_language(word: str) -> str | None:
    """The language of one Cyrillic *word* by its marker letters, else by its dictionaries; None if both
    or neither know it (Володимир is in both: pymorphy3's Russian dictionary has the Ukrainian name too)."""
    marked = detect_language(word)
    if marked is not None:
        return marked
    from glossary.text.morph import analyzer

    low = word.lower()
    known = {lang for lang in ("ru", "uk") if analyzer(lang).word_is_known(low)}
    return known.pop() if len(known) == 1 else None


def word_languages(words: list[tuple[str, str]], default: str) -> list[str]:
    """The language of each of *words* ((word, what separates it from the next)): its own, else that of
    the name it belongs to, else *default*.

    A name is a run of capitalised words joined by spaces or hyphens: ``Володимиром Зеленським`` is
    one, and Зеленським (Ukrainian only) makes Володимиром, which both dictionaries know, Ukrainian.
    """
    own = [word_language(w) for w, _ in words]
    out = list(own)
    start = 0
    while start < len(words):
        end = start
        if words[start][0][:1].isupper():
            while (end + 1 < len(words) and words[end + 1][0][:1].isupper()
                   and words[end][1].strip(" -\u00a0") == ""):
                end += 1
        decided = {lg for lg in own[start : end + 1] if lg is not None}
        name_lang = decided.pop() if len(decided) == 1 else None
        for i in range(start, end + 1):
            if out[i] is None:
                out[i] = name_lang
        start = end + 1
    return [lg or default for lg in out]
