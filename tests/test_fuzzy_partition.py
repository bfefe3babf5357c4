"""The partition filter of glossary.match.fuzzy returns exactly what a scan of every key returns."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import process
from rapidfuzz.distance import OSA

from glossary.match.fuzzy import FuzzyIndex, edit_budget

# Few letters, so that random keys sit within a few edits of each other and of the queries.
_LETTERS = st.sampled_from("abʃ ")
_KEYS = st.lists(st.text(_LETTERS, max_size=18), min_size=1, max_size=60)


def _scan(query: str, keys: list[str], budget: int) -> list[tuple[str, int]]:
    """The slow reference: every key, OSA distance, within the budget."""
    if budget <= 0 or not query:
        return []
    found = process.extract(query, sorted(set(keys)), scorer=OSA.distance, score_cutoff=budget, limit=None)
    return sorted(((key, int(d)) for key, d, _ in found), key=lambda kd: (kd[1], kd[0]))


@st.composite
def _edited(draw: st.DrawFn, keys: list[str]) -> str:
    """A key with a few random insertions, deletions, substitutions and adjacent transpositions."""
    chars = list(draw(st.sampled_from(keys)))
    for _ in range(draw(st.integers(0, 4))):
        op = draw(st.sampled_from(["insert", "delete", "substitute", "transpose"]))
        at = draw(st.integers(0, len(chars)))
        if op == "insert":
            chars.insert(at, draw(_LETTERS))
        elif op == "delete" and at < len(chars):
            del chars[at]
        elif op == "substitute" and at < len(chars):
            chars[at] = draw(_LETTERS)
        elif op == "transpose" and at + 1 < len(chars):
            chars[at], chars[at + 1] = chars[at + 1], chars[at]
    return "".join(chars)


@settings(max_examples=400)
@given(st.data())
def test_fuzzy_search_equals_a_full_scan(data: st.DataObject) -> None:
    """With the default length-aware budget (None) and with any budget a caller gives."""
    keys = data.draw(_KEYS)
    index = FuzzyIndex(keys)
    for query in data.draw(st.lists(st.one_of(_edited(keys), st.text(_LETTERS, max_size=20)), max_size=10)):
        budget = data.draw(st.none() | st.integers(0, 5))
        expected = _scan(query, keys, edit_budget(len(query)) if budget is None else budget)
        assert index.search(query, max_edits=budget) == expected


def test_a_transposition_across_two_pieces_is_found() -> None:
    # "abcdef" with budget 1 is cut into "abc" | "def"; swapping c and d damages both pieces.
    assert FuzzyIndex(["abcdef"]).search("abdcef") == [("abcdef", 1)]


def test_short_keys_need_an_exact_match() -> None:
    assert FuzzyIndex(["omon", "amon"]).search("omon") == []
