"""The answers a user sees, through the real CLI (issue #14): legal references, English inflection, and
explanations a caseworker understands."""

from __future__ import annotations

import io
import json
import sys
from typing import Any

import pytest

from glossary import Glossary
from glossary.cli import main


def lookup(capsys: pytest.CaptureFixture[str], query: str, *options: str) -> list[dict[str, Any]]:
    code = main(["lookup", query, "--json", *options])
    matches: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["matches"]
    assert code == (0 if matches else 1)
    return matches


def annotate(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, text: str) -> list[dict[str, Any]]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    code = main(["annotate", "-", "--json"])
    found: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    assert code == (0 if found else 1)
    return found


# --- legal references: the part, paragraph and act are one reference -------------------------------------

@pytest.mark.parametrize(
    ("query", "concept"),
    [
        ("статья 328 УК", "ru-cc-art-328"),
        ("ч. 2 ст. 328 УК РФ", "ru-cc-art-328"),
        ("п. «а» ч. 2 ст. 328 УК РФ", "ru-cc-art-328"),
        ("части 2 статьи 328 Уголовного кодекса РФ", "ru-cc-art-328"),
        ("part 2 of Article 328 of the Criminal Code", "ru-cc-art-328"),
        ("Article 328(2) of the Criminal Code of the Russian Federation", "ru-cc-art-328"),
        ("ст. 336 КК України", "ua-cc-art-336"),
        ("частина 2 статті 111-1 КК України", "ua-cc-art-111-1"),
    ],
)
def test_a_reference_naming_its_act_is_one_result_at_100(
        capsys: pytest.CaptureFixture[str], query: str, concept: str) -> None:
    matches = lookup(capsys, query)
    assert [(m["id"], m["score"], m["how"]) for m in matches] == [(concept, 100, "legal-reference")]


def test_a_reference_without_its_act_scores_below_a_named_one(capsys: pytest.CaptureFixture[str]) -> None:
    first = lookup(capsys, "п. «а» ч. 2 ст. 328")[0]
    assert (first["id"], first["score"], first["how"]) == ("ru-cc-art-328", 90, "legal-reference")


def test_an_article_the_named_act_lacks_is_not_another_acts_article(capsys: pytest.CaptureFixture[str]) -> None:
    """Article 328 is in the glossary for the Russian code only: "КК України" names the Ukrainian one."""
    assert all(m["id"] != "ru-cc-art-328" for m in lookup(capsys, "ст. 328 КК України"))


def test_words_after_a_reference_that_name_no_act_make_it_no_reference(capsys: pytest.CaptureFixture[str]) -> None:
    assert all(m["how"] != "legal-reference" for m in lookup(capsys, "статья 328 чего-то другого"))


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("Его осудили по ч. 2 ст. 328 УК РФ за уклонение.", "ч. 2 ст. 328 УК РФ"),
        ("Приговор по п. «а» ч. 2 ст. 328 УК РФ вступил в силу.", "п. «а» ч. 2 ст. 328 УК РФ"),
        ("He was charged under part 2 of Article 328 of the Criminal Code in 2023.",
         "part 2 of Article 328 of the Criminal Code"),
        ("Справу відкрито за ч. 1 ст. 336 КК України.", "ч. 1 ст. 336 КК України"),
        ("Under Article 328(2), the penalty is higher.", "Article 328(2)"),
    ],
)
def test_a_reference_in_running_text_is_one_mention(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, text: str, reference: str) -> None:
    found = annotate(capsys, monkeypatch, text)
    legal = [m for m in found if m["how"] == "legal-reference"]
    assert [m["text"] for m in legal] == [reference]
    start = text.index(reference)
    assert (legal[0]["start"], legal[0]["end"]) == (start, start + len(reference))
    # nothing else inside it: the act is part of the reference, not a mention of its own
    assert [m for m in found if start <= m["start"] < start + len(reference)] == legal


def test_a_list_of_articles_is_a_mention_for_each(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    found = annotate(capsys, monkeypatch, "Articles 337 and 338 of the Criminal Code of the Russian Federation.")
    assert [(m["text"], m["id"], m["score"]) for m in found] == [
        ("Articles 337", "ru-cc-art-337", 100),
        ("338 of the Criminal Code of the Russian Federation", "ru-cc-art-338", 100),
    ]


@pytest.mark.parametrize("query", [
    "статья 328 УК", "ч. 2 ст. 328 УК РФ", "п. «а» ч. 2 ст. 328", "part 2 of Article 328 of the Criminal Code",
    "ст. 336 КК України", "Art. 337.3", "статті 111-1 КК України", "Article 328(2)", "ст. 328 ч. 2",
])
def test_lookup_and_annotate_read_a_reference_alike(bundled: Glossary, query: str) -> None:
    """One grammar: a query that is a reference, annotated, is one mention of the same article, same score."""
    best = bundled.match(query, top=1)[0]
    mentions = bundled.annotate(query)
    assert [(m.text, m.concept.id, m.score) for m in mentions] == [(query, best.concept.id, best.score)]


# --- English inflection: plurals and possessives, in text as in lookup --------------------------------------

def test_english_plurals_in_running_text(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    found = annotate(capsys, monkeypatch, "The deserters fled. Conscripts and military commissariats.")
    assert [(m["text"], m["id"], m["how"]) for m in found] == [
        ("deserters", "deserter", "inflected"), ("Conscripts", "conscript", "inflected"),
        ("military commissariats", "voenkomat", "inflected"),
    ]


def test_english_possessives_in_running_text(capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The deserters’ families and a deserter's mother met the servicemen's lawyers."
    found = annotate(capsys, monkeypatch, text)
    assert [(m["text"], m["id"]) for m in found] == [
        ("deserters", "deserter"), ("deserter", "deserter"), ("servicemen", "serviceman"),
    ]
    for m in found:
        assert text[m["start"]:m["end"]] == m["text"]


def test_names_have_no_plural_and_capitals_still_count(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A person or an outlet is one named thing (no "Meduzas"); the rank Major needs its capital in the plural
    too (Majors, not "majors of the outlets")."""
    found = annotate(capsys, monkeypatch, "Two Meduzas. Majors and the majors.")
    assert [(m["text"], m["id"]) for m in found] == [("Majors", "rank-major")]


@pytest.mark.parametrize("query", ["deserters", "military commissariats", "servicemen", "conscripts'"])
def test_lookup_reads_english_plurals_as_their_concept(capsys: pytest.CaptureFixture[str], query: str) -> None:
    first = lookup(capsys, query, "--top", "1")[0]
    assert first["how"] == "inflected"
    assert first["score"] == 96


@pytest.mark.parametrize(
    ("singular", "plural"),
    [("deserter", "deserters"), ("body", "bodies"), ("day", "days"), ("serviceman", "servicemen"),
     ("woman", "women"), ("German", "Germans"), ("crisis", "crises"), ("census", "censuses"), ("witness", "witnesses"),
     ("march", "marches"), ("tax", "taxes"), ("child", "children"), ("forces", None), ("FSB", None), ("328", None),
     ("Росгвардия", None)],
)
def test_english_plural_rules(singular: str, plural: str | None) -> None:
    from glossary.text.morph import english_plural

    assert english_plural(singular) == plural


def test_the_head_of_an_english_phrase_takes_the_plural() -> None:
    from glossary.text.morph import english_plurals

    assert english_plurals("Main Directorate of Intelligence") == {"Main Directorates of Intelligence"}
    assert english_plurals("military commissariat") == {"military commissariats"}
    assert english_plurals("Armed Forces") == set()


# --- explanations a caseworker understands -----------------------------------------------------------------

def test_a_typo_is_explained_by_the_closest_form_of_the_concept(capsys: pytest.CaptureFixture[str]) -> None:
    """Rosgvardyia is one edit from the romanizations Rosgvardia and Rosgvardiya; the derived noun росгвардеец,
    two edits away under the scheme-neutral key, must not explain it."""
    first = lookup(capsys, "Rosgvardyia", "--top", "1")[0]
    assert first["id"] == "rosgvardiya"
    assert first["how"] == "fuzzy"
    assert first["matched"] in ("Rosgvardia", "Rosgvardiya")
    assert first["explanation"].endswith(", 1 edit")


def test_edits_are_counted_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    first = lookup(capsys, "Roskamnadzr", "--top", "1")[0]
    assert (first["id"], first["how"]) == ("roskomnadzor", "fuzzy")
    assert first["explanation"].endswith(", 2 edits")
    assert "edit(s)" not in first["explanation"]


@pytest.mark.parametrize(("query", "form", "lang"), [
    ("Зеленский", "Владимир Зеленский", "ru"), ("Зеленський", "Володимир Зеленський", "uk"),
    ("Шойгу", "Сергей Шойгу", "ru"),
])
def test_a_cyrillic_query_is_explained_by_the_concepts_own_cyrillic_form(
        capsys: pytest.CaptureFixture[str], query: str, form: str, lang: str) -> None:
    first = lookup(capsys, query, "--top", "1")[0]
    assert first["how"] == "part-of"
    assert first["matched"] == form
    assert first["explanation"] == f"part of '{form}' ({lang})"
    assert "romanization" not in first["explanation"]


@pytest.mark.parametrize(("ui", "query", "expected"), [
    ("ru", "Rosgvardyia", "1 правка"), ("ru", "Roskamnadzr", "2 правки"),
    ("uk", "Rosgvardyia", "1 правка"), ("uk", "Roskamnadzr", "2 правки"),
])
def test_explanations_are_localized_with_plural_forms(
        capsys: pytest.CaptureFixture[str], ui: str, query: str, expected: str) -> None:
    from glossary.i18n import set_language

    try:
        code = main(["--ui-lang", ui, "lookup", query, "--top", "1"])
        out = capsys.readouterr().out
    finally:
        set_language(None)
    assert code == 0
    assert out.splitlines()[1].endswith(expected)
    assert "fuzzy match" not in out


@pytest.mark.parametrize("ui", ["ru", "uk"])
def test_the_catalogs_carry_every_plural_form_of_edits(ui: str) -> None:
    """Russian and Ukrainian need three forms: 1 правка, 2 правки, 5 правок (and 21 правка, 11 правок)."""
    from glossary.i18n import ngettext, set_language

    try:
        set_language(ui)
        forms = {n: ngettext("{n} edit", "{n} edits", n).format(n=n) for n in (1, 2, 5, 11, 21, 22)}
    finally:
        set_language(None)
    assert forms == {1: "1 правка", 2: "2 правки", 5: "5 правок", 11: "11 правок", 21: "21 правка", 22: "22 правки"}
