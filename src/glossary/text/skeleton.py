"""A scheme-neutral match key, where the romanization systems and Cyrillic meet.

``skeleton(text)`` continues the shared normaliser (:func:`glossary.text.fold.fold`): it reads the
letters every system writes differently as one symbol each, so that ``Nastoyashchee``,
``Nastoiashchee``, ``Nastojaščee`` and ``Настоящее`` share a key, and ``Nastoyashee`` sits one edit
away. The pipeline, applied to index and query alike:

1. NFC, homoglyph repair in mixed-script tokens, casefold (as in ``fold``);
2. letters with diacritics that stand for digraphs are read first: š→sh, č→ch, ž→zh, ŝ→shch,
   â→ya, û→yu, ĭ→y, ê/ë/ė→e; the ISO 9 and scholarly ʹ ʺ are dropped;
3. ``fold``: other diacritics, quotes, dashes and punctuation, spaces;
4. Cyrillic letters map to the symbols below, Latin digraphs likewise (longest first):
   щ = shch/sch/shh/šč → ɕ; ж = zh → ʒ; ш = sh → ʃ; ч = ch/cz(GOST B ч is ch) → ʧ;
   ц = ts/tz/c → ʦ; я = ya/ia/ja → ɑ; ю = yu/iu/ju → ʉ; е/ё/є/э = e/ye/je/ie/yo/jo → e;
   и/і/ї/й/ы = i/y/j/yi/iy/ij → ı; х/г/ґ = kh/h/x/g → ɦ (Russian г and Ukrainian г meet here);
   w → v; ъ ь dropped; other Cyrillic letters (ѕ, ј, ѣ ...) as ISO 9 writes them, diacritics folded;
5. an ``ı`` before ``ɑ``/``ʉ`` is dropped (Rossiya/Rossia/Россия), and doubled symbols are single.

No symbol the key is made of begins a digraph, so ``skeleton(skeleton(x)) == skeleton(x)``.

Lossy on purpose: it is a blocking and scoring key, never shown to users.
"""

from __future__ import annotations

import re
from functools import lru_cache

from glossary.text.fallback import latin_fallback
from glossary.text.fold import fold, repair_mixed
from glossary.text.scripts import CYRILLIC_RE

_DIACRITIC_DIGRAPHS = str.maketrans({
    "š": "ʃ", "č": "ʧ", "ž": "ʒ", "ŝ": "ɕ", "â": "ɑ", "û": "ʉ", "ĭ": "ı", "ê": "e", "ë": "e", "ė": "e",
    "ǵ": "ɦ", "ʹ": None, "ʺ": None,
})

_CYRILLIC = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "ɦ", "ґ": "ɦ", "д": "d", "е": "e", "ё": "e", "є": "e", "э": "e",
    "ж": "ʒ", "з": "z", "и": "ı", "і": "ı", "ї": "ı", "й": "ı", "ы": "ı", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ɦ", "ц": "ʦ",
    "ч": "ʧ", "ш": "ʃ", "щ": "ɕ", "ъ": None, "ь": None, "ю": "ʉ", "я": "ɑ",
})

_LATIN = {
    "shch": "ɕ", "sch": "ɕ", "shh": "ɕ", "ʃʧ": "ɕ", "zh": "ʒ", "kh": "ɦ", "h": "ɦ", "ch": "ʧ", "cz": "ʧ",
    "sh": "ʃ", "ts": "ʦ", "tz": "ʦ", "c": "ʦ", "x": "ɦ", "g": "ɦ", "w": "v",
    "iya": "ɑ", "iia": "ɑ", "ija": "ɑ", "iyu": "ʉ", "iiu": "ʉ", "iju": "ʉ", "yya": "ɑ", "yyu": "ʉ",
    "ya": "ɑ", "ia": "ɑ", "ja": "ɑ", "yu": "ʉ", "iu": "ʉ", "ju": "ʉ",
    "ye": "e", "je": "e", "ie": "e", "yo": "e", "jo": "e",
    "yi": "ı", "iy": "ı", "ij": "ı", "ii": "ı", "i": "ı", "y": "ı", "j": "ı", "q": "k",
}
_LATIN_RE = re.compile("|".join(sorted(map(re.escape, _LATIN), key=len, reverse=True)))
_I_BEFORE = re.compile("ı+(?=[ɑʉ])")
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """The scheme-neutral key of *text* (see the module docstring)."""
    key = fold(repair_mixed(text).casefold().translate(_DIACRITIC_DIGRAPHS))
    if not key:
        return ""
    key = key.translate(_CYRILLIC)
    if CYRILLIC_RE.search(key):  # a letter the table lacks (ѕ, ј, ѣ): else a homoglyph next time round
        key = fold(CYRILLIC_RE.sub(lambda m: latin_fallback(m.group()).lower(), key))
    key = _LATIN_RE.sub(lambda m: _LATIN[m.group()], key)
    key = _I_BEFORE.sub("", key)
    return _DOUBLE.sub(r"\1", key)
