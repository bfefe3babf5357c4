"""Lookup on the small test glossary: every kind of form, normalisation, legal references."""

from __future__ import annotations

import pytest

from glossary import Glossary


@pytest.mark.parametrize(
    ("query", "concept", "how"),
    [
        ("OMON", "omon", "preferred"),
        ("омон", "omon", "preferred"),
        ("Special Purpose Mobile Unit", "omon", "full"),
        ("омоновец", "omon", "derived"),
        ("Росгвардия", "rosgvardiya", "preferred"),
        ("ROSGVARDIA", "rosgvardiya", "romanized"),
        ("  russian   guard ", "rosgvardiya", "admitted"),
        ("УК РФ", "ru-criminal-code", "abbreviation"),
        ("Nastoyashee Vremya", "current-time", "misspelling"),
        ("«Настоящее время»", "current-time", "preferred"),
        ("Nastoyashchee vremya", "current-time", "romanized"),
        ("currenttime.tv", "current-time", "web"),
        ("Дезертирство", "ru-cc-art-338", "title"),
        ("статья 338 УК РФ", "ru-cc-art-338", "preferred"),
        ("ст. 338 УК РФ", "ru-cc-art-338", "legal-reference"),
        ("статья 338", "ru-cc-art-338", "legal-reference"),
        ("Article 338", "ru-cc-art-338", "legal-reference"),
        ("Art. 338 of the Criminal Code", "ru-cc-art-338", "legal-reference"),
        ("ч. 1 ст. 338 УК РФ", "ru-cc-art-338", "legal-reference"),
    ],
)
def test_finds_concept(mini: Glossary, query: str, concept: str, how: str) -> None:
    best = mini.match(query)[0]
    assert (best.concept.id, best.how) == (concept, how)


def test_exact_scores_100_and_explains(mini: Glossary) -> None:
    m = mini.match("Nastoyashee vremya")[0]
    assert m.score == 100
    assert "misspelling" in m.explanation
    assert "Nastoyashchee vremya" in m.explanation


def test_article_number_falls_back_to_article_when_part_given(mini: Glossary) -> None:
    # "Article 337.3" in the corpus means Article 337, part 3; with no 338.1, 338.1 → 338
    assert mini.match("Article 338.1")[0].concept.id == "ru-cc-art-338"


def test_article_of_unknown_act_finds_nothing(mini: Glossary) -> None:
    assert mini.match("Article 338 of the Tax Code") == []


def test_partial_match_is_below_exact(mini: Glossary) -> None:
    m = mini.match("Mobile Unit")[0]
    assert m.concept.id == "omon"
    assert m.how == "partial"
    assert m.score < 90


@pytest.mark.parametrize("query", ["", "   ", "—", "Amon", "nothing like this"])
def test_no_match(mini: Glossary, query: str) -> None:
    assert mini.match(query) == []


def test_top_and_min_score(mini: Glossary) -> None:
    assert len(mini.match("OMON", top=1)) == 1
    assert mini.match("Mobile Unit", min_score=95) == []


def test_a_misspelling_names_the_attested_form_nearest_to_it(bundled: Glossary) -> None:
    """ZN,UA (corpus, Sources consulted) is a slip for ZN.UA, not for the entry's Russian romanization;
    voyenny kommisariat for voennyi komissariat, not for voenkomat."""
    right = {f.text: f.of for c in bundled.concepts.values() for f in c.forms() if f.kind == "misspelling"}
    assert right["ZN,UA"] == "ZN.UA"
    assert right["voyenny kommisariat"] == "voennyi komissariat"
    assert right["Nastoyashee vremya"] == "Nastoyashchee vremya"


def test_lookup_is_a_deprecated_alias_of_match(mini: Glossary) -> None:
    """``Glossary.match`` is the one verb; ``lookup`` (promised by the first README) still answers, and warns."""
    with pytest.warns(DeprecationWarning, match="use Glossary.match"):
        old = mini.lookup("Mobile Unit", top=3, min_score=50)
    assert old == mini.match("Mobile Unit", top=3, min_score=50)
    assert old  # a query that finds something, so the comparison means something
