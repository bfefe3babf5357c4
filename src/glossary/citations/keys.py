"""Match keys for citation strings: :func:`glossary.normalize.fold`, with a fast path for plain text.

``fold`` is cached per distinct string (an lru_cache that grows to 65,536 entries) and walks every letter of
non-ASCII text; a long report's titles are nearly all distinct, so calling it on each of them costs time and
memory that grow with the input. ``fold_key`` gives the same answer (a property test checks it): text of
ASCII and Cyrillic letters (not ``ё``) and common punctuation needs no mark folding and no homoglyph repair
unless a token mixes scripts, so only those tokens go through the shared pipeline; anything else calls the
uncached ``fold``.
"""

from __future__ import annotations

import re
import unicodedata

from glossary.normalize import _NOT_NUM_SEP, _SPACES, _TABLE, fold, repair_homoglyphs

#: characters the fast path does not handle (ё, Latin letters with marks, other scripts, combining marks ...)
_UNSAFE = re.compile("[^\x00-\x7f\u0400\u0402-\u0450\u0452-\u04ff\u00a0-\u00bf\u2010-\u205f]")
_MIXED = re.compile(r"[\u0400-\u04ff][^ ]*[A-Za-z]|[A-Za-z][^ ]*[\u0400-\u04ff]")
_full = fold.__wrapped__  # the pipeline without the shared cache


def fold_key(text: str) -> str:
    """``fold(text)``, computed without filling the shared cache."""
    if not text.isascii():
        if _UNSAFE.search(text):
            return str(_full(text))
        if _MIXED.search(text):
            text = " ".join(repair_homoglyphs(t) if _MIXED.search(t) else t for t in text.split(" "))
        text = text.casefold()
        if _UNSAFE.search(text) or not unicodedata.is_normalized("NFC", text):
            return str(_full(text))
    else:
        text = text.casefold()
    if "." in text or "," in text:
        text = _NOT_NUM_SEP.sub(" ", text)
    text = text.translate(_TABLE)
    if "  " in text:
        text = _SPACES.sub(" ", text)
    return text.strip()
