"""The bundled glossary: valid, large enough, and every attested form finds its own concept."""

from __future__ import annotations

import pytest

from glossary import Glossary, load
from glossary.model.concept import Form
from glossary.model.schema import check_dirs
from glossary.resources import bundled as bundled_dir

_GLOSSARY = load()
_FORMS: list[tuple[str, Form]] = [(c.id, f) for c in _GLOSSARY for f in c.forms()]


def test_bundled_glossary_has_no_problems() -> None:
    _, problems, entries = check_dirs([bundled_dir("terms")])
    assert [str(p) for p in problems] == []
    assert entries == len(_GLOSSARY)


def test_coverage_target() -> None:
    assert len(_GLOSSARY) >= 250


def test_every_concept_cites_a_source() -> None:
    assert all(c.sources for c in _GLOSSARY)


@pytest.mark.parametrize(("concept", "form"), _FORMS, ids=[f"{c}:{f.kind}:{f.text}" for c, f in _FORMS])
def test_form_finds_its_concept(bundled: Glossary, concept: str, form: Form) -> None:
    matches = bundled.match(form.text, top=100)
    assert concept in [m.concept.id for m in matches if m.score == 100]


@pytest.mark.parametrize(
    ("query", "concept"),
    [
        ("voenkomat", "voenkomat"),
        ("Росгвардия", "rosgvardiya"),
        ("Rosgvardia", "rosgvardiya"),
        ("Article 338", "ru-cc-art-338"),
        ("ст. 338 УК РФ", "ru-cc-art-338"),
        ("Article 286.1", "ru-cc-art-286-1"),
        ("OMON", "omon"),
        ("військкомат", "voenkomat"),
    ],
)
def test_issue_examples(bundled: Glossary, query: str, concept: str) -> None:
    assert bundled.match(query)[0].concept.id == concept


def test_ambiguity_is_reported_not_guessed(bundled: Glossary) -> None:
    """Issue #4: "Pravda" is the Russian newspaper's name, and Ukrainska Pravda's entry lists it as a name it
    shares (pravda.com.ua): both are shown, flagged, the owner first."""
    found = [(m.concept.id, m.score, m.how, m.ambiguous) for m in bundled.match("Pravda")]
    assert found[:2] == [("pravda", 100, "preferred", True), ("ukrainska-pravda", 90, "shared", True)]
    assert [(m.concept.id, m.ambiguous) for m in bundled.annotate("according to Pravda,")] == [("pravda", True)]


def test_a_shared_name_is_shown_below_a_concept_that_owns_it(bundled: Glossary) -> None:
    for concept in bundled.concepts.values():
        for name in concept.ambiguous:
            matches = bundled.match(name, top=20)
            assert concept.id in {m.concept.id for m in matches}, (concept.id, name)
            for shared in (m for m in matches if m.how == "shared"):
                assert any(m.how != "shared" and m.concept.id != shared.concept.id and m.score >= shared.score
                           and m.ambiguous for m in matches), (concept.id, name)


@pytest.mark.parametrize(("word", "not_this"), [("гражданин", "reservist"), ("военнослужащий", "contract-soldier")])
def test_a_phrase_with_a_comma_is_one_term(bundled: Glossary, word: str, not_this: str) -> None:
    """'гражданин, пребывающий в запасе' and 'военнослужащий, проходящий военную службу по контракту' are one
    term each; written unquoted in a YAML flow list they had split, making every citizen a reservist."""
    assert all(m.concept.id != not_this or m.score < 90 for m in bundled.match(word, top=10))
