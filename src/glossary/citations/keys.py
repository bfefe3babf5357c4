"""Match keys for citation strings: :func:`glossary.text.fold.fold`, without its shared cache.

``fold`` is cached per distinct string (an lru_cache of 65,536 entries); a long report's titles are
nearly all distinct, so filling that cache with them costs memory and evicts the glossary's own keys.
``fold_key`` runs the same pipeline uncached (one normaliser for index and query).
"""

from __future__ import annotations

from glossary.text.fold import fold

_full = fold.__wrapped__  # the pipeline without the shared cache


def fold_key(text: str) -> str:
    """``fold(text)``, computed without filling the shared cache."""
    return str(_full(text))
