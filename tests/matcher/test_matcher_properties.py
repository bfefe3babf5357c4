"""Matcher properties over open-ended input, and the issue's own examples."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary import Glossary
from glossary.text.skeleton import skeleton


@given(st.text())
def test_skeleton_never_raises_and_is_idempotent(text: str) -> None:
    key = skeleton(text)
    assert skeleton(key) == key


def test_skeleton_is_idempotent_for_every_cyrillic_letter_beside_a_basic_one() -> None:
    """Letters outside the ru/uk table (Macedonian Ѕ, old Ѣ, Cyrillic Extended) must not survive as homoglyphs."""
    import unicodedata

    blocks = [(0x0400, 0x0530), (0x1C80, 0x1C90), (0x2DE0, 0x2E00), (0xA640, 0xA6A0)]
    letters = [chr(cp) for lo, hi in blocks for cp in range(lo, hi) if unicodedata.category(chr(cp)) != "Cn"]
    bad = [ch for ch in letters for text in (ch + "А", "а" + ch) if skeleton(skeleton(text)) != skeleton(text)]
    assert bad == []


@pytest.mark.parametrize(
    "spellings",
    [
        ["Nastoyashchee vremya", "Nastoiashchee vremia", "Nastojaščee vremja", "Настоящее время"],
        ["Rosgvardiya", "Rosgvardia", "Rosgvardiia", "Rosgvardija", "Росгвардия"],
        ["Zelensky", "Zelenskyy", "Zelenskiy", "Зеленский", "Зеленський"],
        ["Voenkomat", "Voyenkomat", "Vojenkomat", "военкомат"],
        ["Hromadske", "Gromadske", "Громадське"],
    ],
)
def test_romanization_systems_meet(spellings: list[str]) -> None:
    assert len({skeleton(s) for s in spellings}) == 1


def test_misspelling_sits_one_edit_away() -> None:
    from rapidfuzz.distance import Levenshtein

    assert Levenshtein.distance(skeleton("Nastoyashee vremya"), skeleton("Настоящее время")) == 1


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_match_never_raises(bundled: Glossary, text: str) -> None:
    assert isinstance(bundled.match(text), list)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_a_glossary_form_matches_its_concept_at_100(bundled: Glossary, data: st.DataObject) -> None:
    concept = data.draw(st.sampled_from(sorted(bundled.concepts)))
    forms = [f for f in bundled.get(concept).forms()]
    form = data.draw(st.sampled_from(forms))
    found = {m.concept.id: m.score for m in bundled.match(form.text, top=100)}
    assert found.get(concept) == 100


@pytest.mark.parametrize(
    ("query", "concept", "how"),
    [
        ("Rosgvardiia", "rosgvardiya", "generated"),
        ("Росгвардии", "rosgvardiya", "inflected"),
        ("росгвардейцев", "rosgvardiya", "inflected"),
        ("ОМОНа", "omon", "inflected"),
        ("військкоматі", "voenkomat", "inflected"),
        ("Главного военного следственного управления", "ru-main-military-investigations-department", "inflected"),
        ("Nastoyashee vremya", "current-time", "misspelling"),
        ("МК.ru", "moskovsky-komsomolets", "homoglyph"),
        ("Rosgvardyia", "rosgvardiya", "fuzzy"),
        ("ФСБ", "fsb", "abbreviation"),
        ("FSB", "fsb", "abbreviation"),
        ("Федеральная служба безопасности", "fsb", "expansion"),
        ("Federal Security Service", "fsb", "admitted"),
    ],
)
def test_issue_examples(bundled: Glossary, query: str, concept: str, how: str) -> None:
    best = bundled.match(query)[0]
    assert (best.concept.id, best.how) == (concept, how)
    assert best.explanation


@pytest.mark.parametrize("query", ["Amon", "weather", "погода"])
def test_unrelated_words_find_nothing(bundled: Glossary, query: str) -> None:
    assert bundled.match(query) == []


def test_interfax_is_not_interfax_ukraine(bundled: Glossary) -> None:
    assert bundled.match("Interfax")[0].concept.id == "interfax"
    assert bundled.match("Interfax-Ukraine")[0].concept.id == "interfax-ukraine"


def test_fuzzy_explains_edits(bundled: Glossary) -> None:
    m = bundled.match("Rosgvardyia")[0]
    assert m.how == "fuzzy"
    assert "edit" in m.explanation
    assert m.score < 94
