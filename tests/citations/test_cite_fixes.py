"""What ``normalize`` changes, tested on plain values and lists (``glossary.citations.fixes``: no document,
no streaming, no disk)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.citations.euaa import Text
from glossary.citations.fixes import (
    Change,
    Plan,
    RomanizedWords,
    add_comma,
    local_fixes,
    plan_romanization,
    planned_fixes,
    repair_mixed,
    sorted_order,
)
from glossary.citations.model import Citation


def test_homoglyphs_repaired_outside_urls_only() -> None:
    assert repair_mixed("МК.ru, В Новосибирске, <https://МК.ru/x>") == "MK.ru, В Новосибирске, <https://МК.ru/x>"


def test_comma_after_the_state_the_parser_flagged() -> None:
    c = Citation(
        text="Ukraine General Staff [Facebook], 1 May 2022",
        lines=[3],
        issues=["missing comma after 'Ukraine' in 'Ukraine General Staff'"],
    )
    assert add_comma(c, c.text) == "Ukraine, General Staff [Facebook], 1 May 2022"
    assert add_comma(Citation(text=c.text, lines=[3]), c.text) == c.text  # nothing flagged, nothing changed


def test_local_fixes_record_each_change_with_its_lines() -> None:
    c = Citation(
        text="Ukraine General Staff, МК.ru, 1 May 2022",
        lines=[3, 4],
        issues=["missing comma after 'Ukraine' in 'Ukraine General Staff'"],
    )
    changes: list[Change] = []
    fixed = local_fixes(c, c.text, None, changes)
    assert fixed == "Ukraine, General Staff, MK.ru, 1 May 2022"
    assert [(ch.kind, ch.lines) for ch in changes] == [("homoglyph", [3, 4]), ("style", [3, 4])]
    assert changes[0].after == changes[1].before  # each step starts from the one before
    again: list[Change] = []
    assert local_fixes(c, fixed, None, again) == fixed
    assert again == []


def test_romanization_plan_makes_one_spelling() -> None:
    # two spellings of one word: the default scheme's spelling of the Russian word they read as (Федерации)
    assert plan_romanization([{"Federacii", "Federatsii"}], None) == {"Federacii": "Federatsii"}
    # one spelling alone is left as it is, unless a scheme is asked for
    assert plan_romanization([{"Federatsii"}], None) == {}
    assert plan_romanization([{"Federatsii"}], None, scheme="scholarly") == {"Federatsii": "Federacii"}


def test_planned_romanization_leaves_urls_and_other_words() -> None:
    plan = Plan({"Federacii": "Federatsii"})
    c = Citation(text="", lines=[7])
    changes: list[Change] = []
    text = "Ugolovnyy kodeks Rossiyskoy Federacii, <https://x.ru/Federacii>, Federaciia"
    assert planned_fixes(c, text, plan, changes) == (
        "Ugolovnyy kodeks Rossiyskoy Federatsii, <https://x.ru/Federacii>, Federaciia"
    )
    assert [ch.kind for ch in changes] == ["romanization"]


def test_romanized_title_only_when_asked_and_missing() -> None:
    c = Citation(text="Meduza, Лучше бы отслужил [Better], 14 May 2019", lines=[1])
    c.title, c.translation = "Лучше бы отслужил", "Better"
    assert Plan().romanized_title(c, c.text) == c.text
    added = Plan(add_romanized=True).romanized_title(c, c.text)
    assert added.startswith("Meduza, Лучше бы отслужил (")
    assert added.endswith(") [Better], 14 May 2019")


def test_body_words_join_only_words_the_citations_romanize() -> None:
    words = RomanizedWords(None)
    words.add_record(
        Citation(text="", lines=[1], title_romanized="Kodeks Federacii", translation="Code of the Federation")
    )
    words.add_text(Text(5, "the Federatsii and Moskva", "body"))
    words.add_text(Text(6, "Federaciya", "heading"))  # only body text counts
    groups = sorted(sorted(g) for g in words.groups())
    assert groups == [["Federacii", "Federatsii"], ["Kodeks"]]


def test_sorted_order_drops_the_article_and_keeps_ties_in_place() -> None:
    assert sorted_order(["The Zeta", "alpha", "Beta"]) == [1, 2, 0]
    assert sorted_order(["b", "a", "b", "a"]) == [1, 3, 0, 2]
    assert sorted_order([]) == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="МКАВЕаеосрхуРуМаВНО.ru ,<>:/hts", max_size=60))
def test_local_fixes_are_idempotent(text: str) -> None:
    c = Citation(text=text, lines=[1])
    once = local_fixes(c, text, None, [])
    changes: list[Change] = []
    assert local_fixes(c, once, None, changes) == once
    assert changes == []
