"""``fold_key`` gives ``glossary.normalize.fold``'s answer (its fast path must never drift from the pipeline)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.citations.keys import fold_key
from glossary.normalize import fold

_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАЁЙЇЄҐіїєґABCKMHOPTXaceopxyÉéüß.,;:-–—«»“”’ʼ [](){}0123456789\u0301\u0306"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(_LETTERS), max_size=40) | st.text(max_size=40))
def test_fold_key_is_fold(text: str) -> None:
    assert fold_key(text) == fold(text)


def test_fold_key_on_corpus_lines(excerpt_lines: list[str]) -> None:
    for line in excerpt_lines:
        for text in (line, line[:80], line.upper(), line.replace("е", "ё")):
            assert fold_key(text) == fold(text)
