"""``fold_key`` is the shared normaliser without its cache: same answers, and the cache stays untouched."""

from __future__ import annotations

from glossary.citations.keys import fold_key
from glossary.text.fold import fold


def test_fold_key_does_not_fill_the_shared_cache(excerpt_lines: list[str]) -> None:
    before = fold.cache_info().currsize
    keys = [fold_key(f"{line} #{i}") for i, line in enumerate(excerpt_lines)]
    assert fold.cache_info().currsize == before
    assert keys[0] == fold(f"{excerpt_lines[0]} #0")
