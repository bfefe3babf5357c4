"""All-words matching reads word indexes; it finds what scanning every form sharing a word finds."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary import Glossary
from glossary.match.index import Index
from glossary.match.lookup import Match, _contained, _partial

Found = Counter[tuple[str, int, str]]


def _found(matches: list[Match]) -> Found:
    return Counter((m.concept.id, m.score, m.matched) for m in matches)


def _contained_scan(key: str, index: Index) -> Found:
    """Every form that shares a word with the query, kept when all its words (two or more) occur there."""
    out: Found = Counter()
    words = key.split(" ")
    if len(words) < 2:
        return out
    for form_key in {k for w in set(words) for k in index.words.get(w, ())}:
        form_words = form_key.split(" ")
        if len(form_words) >= 2 and set(form_words) <= set(words):
            score = min(89, int(50 + 40 * len(form_key) / len(key)))
            out.update((h.concept, score, h.text) for h in index.hits(form_key))
    return out


def _partial_scan(key: str, index: Index) -> Found:
    """Every form holding all the query's words: the intersection of the words' form sets."""
    out: Found = Counter()
    pools = [set(index.words.get(w, ())) for w in key.split(" ")]
    for form_key in set.intersection(*pools):
        score = min(89, int(50 + 40 * len(key) / len(form_key)))
        out.update((h.concept, score, h.text) for h in index.hits(form_key))
    return out


def _query(bundled: Glossary, data: st.DataObject) -> str:
    """Words of one form (some dropped) with words from elsewhere, shuffled."""
    words = sorted(bundled.index.words)
    form = data.draw(st.sampled_from(sorted(bundled.index.forms)))
    own = data.draw(st.lists(st.sampled_from(form.split(" ")), min_size=1, max_size=4))
    other = data.draw(st.lists(st.sampled_from(words), max_size=3))
    return " ".join(data.draw(st.permutations(own + other)))


@settings(max_examples=100)
@given(st.data())
def test_contained_equals_a_scan_of_the_forms_sharing_a_word(bundled: Glossary, data: st.DataObject) -> None:
    key = _query(bundled, data)
    assert _found(_contained(key, bundled.index, bundled.concepts)) == _contained_scan(key, bundled.index)


@settings(max_examples=100)
@given(st.data())
def test_partial_equals_the_intersection_of_the_words_forms(bundled: Glossary, data: st.DataObject) -> None:
    key = _query(bundled, data)
    assert _found(_partial(key, bundled.index, bundled.concepts)) == _partial_scan(key, bundled.index)


def test_contained_finds_a_form_inside_a_longer_phrase(bundled: Glossary) -> None:
    found = _found(_contained("президент российской федерации путин", bundled.index, bundled.concepts))
    assert "ru-president" in {concept for concept, _, _ in found}
