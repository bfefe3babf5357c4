"""One normaliser for the index and the query.

``fold(text)`` is an ordered pipeline, applied identically to every glossary form when the index is
built and to every query:

1. NFC (decomposed ``й``/``ё`` become single letters);
2. homoglyph repair, only inside tokens that mix Cyrillic and Latin letters: ``МК.ru`` → ``MK.ru``
   (a whole-Cyrillic word such as ``ТАСС`` is never touched);
3. casefold;
4. diacritics folded on Latin letters (``Nastojaščee`` → ``nastojascee``) and ``ё`` → ``е``; other
   Cyrillic letters (``й``, ``ї``) are kept;
5. quotes and apostrophes deleted; dashes and punctuation become spaces, except a dot or comma
   between digits (``286.1``);
6. runs of white space squashed to one space, ends stripped.

``fold(fold(x)) == fold(x)`` for every string (a property test checks it).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from glossary.scripts import is_cyrillic, is_latin

# Cyrillic letters that look like Latin ones, and back (uppercase and lowercase, as drawn).
_CYR_TO_LAT = dict(zip(
    "АВЕКМНОРСТХУЅІЈԀԚԜӀаеорсухѕіјԁԛԝӏ",
    "ABEKMHOPCTXYSIJDQWIaeopcyxsijdqwl",
    strict=True,
))
_LAT_TO_CYR = {lat: cyr for cyr, lat in _CYR_TO_LAT.items() if cyr not in "ЅЈѕјԀԚԜӀԁԛԝӏУ"}
_LAT_TO_CYR.update({"Y": "У", "y": "у", "I": "І", "i": "і"})

_QUOTES = "'\"«»„“”‟‹›‚‘’ʼʹʺ`´ˮ"
_SPACES_PUNCT = "-‐‑‒–—―−_.,;:!?()[]{}<>/\\|*+=~&@#$%^№§\u00a0\u2009\u202f\t\r\n\f\v"
_TABLE = str.maketrans({**dict.fromkeys(_QUOTES), **{ch: " " for ch in _SPACES_PUNCT}})
_NUM_SEP = re.compile(r"(?<=\d)[.,](?=\d)")
_SPACES = re.compile(r" {2,}")
_COMBINING_DIAERESIS = "\u0308"


def repair_homoglyphs(token: str) -> str:
    """Read a mixed-script token in the script its lookalike letters allow.

    If every Cyrillic letter of the token has a Latin twin, the token is Latin (``МК.ru``); else if
    every Latin letter has a Cyrillic twin, it is Cyrillic (``Рoссия``). Otherwise it is returned
    unchanged: the caller can still flag it as mixed script.
    """
    cyr = [ch for ch in token if ch.isalpha() and is_cyrillic(ch)]
    lat = [ch for ch in token if ch.isalpha() and is_latin(ch)]
    if not cyr or not lat:
        return token
    if all(ch in _CYR_TO_LAT for ch in cyr):
        return "".join(_CYR_TO_LAT.get(ch, ch) for ch in token)
    if all(ch in _LAT_TO_CYR for ch in lat):
        return "".join(_LAT_TO_CYR.get(ch, ch) if ch.isascii() else ch for ch in token)
    return token


def _fold_marks(text: str) -> str:
    """Drop diacritics on Latin letters and fold ё→е, keeping й, ї and other Cyrillic letters."""
    out: list[str] = []
    base_is_cyrillic = False
    prev = ""
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            if base_is_cyrillic and not (ch == _COMBINING_DIAERESIS and prev in "её"):
                out.append(ch)
            continue
        base_is_cyrillic = is_cyrillic(ch)
        prev = ch
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The match key of *text* (see the module docstring for the pipeline)."""
    text = unicodedata.normalize("NFC", text)
    if not text.isascii():
        if any(is_cyrillic(ch) for ch in text) and any(ch.isascii() and ch.isalpha() for ch in text):
            text = " ".join(repair_homoglyphs(tok) for tok in text.split(" "))
        text = _fold_marks(text.casefold())
    else:
        text = text.casefold()
    if "." in text or "," in text:
        text = _NUM_SEP.sub("\x1f", text)
        text = text.translate(_TABLE).replace("\x1f", ".")
    else:
        text = text.translate(_TABLE)
    if "  " in text:
        text = _SPACES.sub(" ", text)
    return text.strip()
