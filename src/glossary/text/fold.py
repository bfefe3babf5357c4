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
6. runs of white space squashed to one space, ends stripped;
7. step 2 again on the final tokens, where punctuation split a token into a mixed-script one.

``fold(fold(x)) == fold(x)`` for every string (a property test checks it).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from glossary.text.scripts import has_cyrillic, has_latin, is_cyrillic, is_latin

# Cyrillic letters that look like Latin ones, and back (uppercase and lowercase, as drawn).
_CYR_TO_LAT = dict(zip(
    "АВЕКМНОРСТХУЅІЈԀԚԜӀаеорсухѕіјԁԛԝӏ",
    "ABEKMHOPCTXYSIJDQWIaeopcyxsijdqwl",
    strict=True,
))
_LAT_TO_CYR = {lat: cyr for cyr, lat in _CYR_TO_LAT.items() if cyr not in "ЅЈѕјԀԚԜӀԁԛԝӏУ"}
_LAT_TO_CYR.update({"Y": "У", "y": "у", "I": "І", "i": "і"})

_QUOTES = "'\"«»„“”‟‹›‚‘’ʼʹʺ`´ˮ"
_SPACES_PUNCT = "-‐‑‒–—―−_;:!?()[]{}<>/\\|*+=~&@#$%^№§\u00a0\u2009\u202f\t\r\n\f\v"
_TABLE = str.maketrans({**dict.fromkeys(_QUOTES), **{ch: " " for ch in _SPACES_PUNCT}})
_NOT_NUM_SEP = re.compile(r"(?<!\d)[.,]|[.,](?!\d)")  # a dot or comma that is not between digits
_SPACES = re.compile(r" {2,}")
_COMBINING_DIAERESIS = "\u0308"


def repair_homoglyphs(token: str) -> str:
    """Read a mixed-script token in the script its lookalike letters allow.

    If every Cyrillic letter of the token has a Latin twin, the token is Latin (``МК.ru``); else if
    every Latin letter has a Cyrillic twin, it is Cyrillic (``Рoссия``). Letters are compared
    without their diacritics. Otherwise the token is returned unchanged: the caller can still
    flag it as mixed script.
    """
    decomposed = unicodedata.normalize("NFD", token)
    cyr = [ch for ch in decomposed if ch.isalpha() and is_cyrillic(ch)]
    lat = [ch for ch in decomposed if ch.isalpha() and is_latin(ch)]
    if not cyr or not lat:
        return token
    if all(ch in _CYR_TO_LAT for ch in cyr):
        table = _CYR_TO_LAT
    elif all(ch in _LAT_TO_CYR for ch in lat):
        table = _LAT_TO_CYR
    else:
        return token
    return unicodedata.normalize("NFC", "".join(table.get(ch, ch) for ch in decomposed))


def homoglyph_readings(text: str) -> list[str]:
    """Both readings of the mixed-script tokens in *text*: look-alikes as Latin, and as Cyrillic.

    ``TAСС`` (Latin T, A; Cyrillic С, С) is ``TACC`` one way and ``ТАСС`` the other; the caller
    tries each. Tokens that are not mixed are left as they are. Empty when nothing is mixed.
    """
    tokens = text.split(" ")
    mixed = [i for i, tok in enumerate(tokens) if {"c", "l"} <= _scripts(tok)]
    if not mixed:
        return []
    readings = []
    for table, script in ((_CYR_TO_LAT, "l"), (_LAT_TO_CYR, "c")):
        out = list(tokens)
        for i in mixed:
            out[i] = "".join(table.get(ch, ch) for ch in tokens[i])
        reading = " ".join(out)
        if reading not in readings and all(_scripts(out[i]) == {script} for i in mixed):
            readings.append(reading)
    return readings


def _scripts(token: str) -> set[str]:
    return {"c" if is_cyrillic(ch) else "l" for ch in token if ch.isalpha() and (is_cyrillic(ch) or is_latin(ch))}


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


def repair_mixed(text: str) -> str:
    """NFC, then :func:`repair_homoglyphs` on every token of *text* (steps 1–2 of the pipeline)."""
    return _repair_tokens(unicodedata.normalize("NFC", text))


def _repair_tokens(text: str) -> str:
    if not text.isascii() and has_cyrillic(text) and has_latin(text):
        text = " ".join(repair_homoglyphs(tok) if has_cyrillic(tok) and has_latin(tok) else tok
                        for tok in text.split(" "))
    return text


# Characters outside ASCII and the basic Russian/Ukrainian letters: only text containing one needs
# the slow per-character diacritic pass (ё is handled by a plain replace).
_NEEDS_MARK_PASS = re.compile("[^\x00-\x7f\u0400-\u045f\u0490\u0491]")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The match key of *text* (see the module docstring for the pipeline)."""
    text = repair_mixed(text)
    if not text.isascii():
        text = text.casefold()
        text = _fold_marks(text) if _NEEDS_MARK_PASS.search(text) else text.replace("ё", "е")
    else:
        text = text.casefold()
    if "." in text or "," in text:
        text = _NOT_NUM_SEP.sub(" ", text)
    text = text.translate(_TABLE)
    if "  " in text:
        text = _SPACES.sub(" ", text)
    text = text.strip()
    if not text.isascii():
        # punctuation may have split a token (``D:OԞ`` → ``d oԟ``) into one that mixes scripts on its
        # own: repair the final tokens too, so that folding again changes nothing
        repaired = _repair_tokens(text)
        if repaired != text:
            text = _fold_marks(repaired).replace("ё", "е")
    return text
