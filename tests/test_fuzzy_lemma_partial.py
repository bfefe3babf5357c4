"""Partial matching by dictionary forms reads a word index; it finds what scanning every lemma finds."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary import Glossary
from glossary.match.index import Index
from glossary.match.lookup import _lemma_partial
from glossary.model.concept import Concept
from glossary.text.fold import fold
from glossary.text.morph import lemma_key
from glossary.text.scripts import has_cyrillic


def _scan(key: str, index: Index, concepts: Mapping[str, Concept]) -> Counter[tuple[str, int, str]]:
    """The slow reference: every lemma of the language, each checked for all the query's lemmas."""
    out: Counter[tuple[str, int, str]] = Counter()
    if not has_cyrillic(key):
        return out
    for lang in ("ru", "uk"):
        wanted = set(lemma_key(key, lang).split(" "))
        for lemma, form_keys in index.lemmas.items():
            if lemma.startswith(f"{lang}:") and wanted <= set(lemma[3:].split(" ")):
                score = min(85, int(50 + 40 * len(key) / max(len(lemma) - 3, 1)))
                for form_key in form_keys:
                    out.update((h.concept, score, h.text) for h in index.hits(form_key))
    assert all(c in concepts for c, _, _ in out)
    return out


def _words(glossary: Glossary) -> list[str]:
    return sorted({w for c in glossary for f in c.forms() if has_cyrillic(f.text) for w in fold(f.text).split(" ")})


@settings(max_examples=150)
@given(st.data())
def test_lemma_partial_equals_a_scan_of_every_lemma(bundled: Glossary, data: st.DataObject) -> None:
    words = data.draw(st.lists(st.sampled_from(_words(bundled)), min_size=1, max_size=3))
    key = fold(" ".join(words))
    found = Counter((m.concept.id, m.score, m.matched) for m in _lemma_partial(key, bundled.index, bundled.concepts))
    assert found == _scan(key, bundled.index, bundled.concepts)


def test_lemma_partial_finds_a_name_by_a_case_form(bundled: Glossary) -> None:
    found = _lemma_partial(fold("Залужного"), bundled.index, bundled.concepts)
    assert found
    assert all(m.how == "partial" for m in found)
