"""Annotating running text: offsets, inflection, homoglyphs, and the corpus document's own lines."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary import Glossary
from glossary.cli import main

CORPUS_LINES = Path(__file__).parent / "data" / "corpus_lines.txt"


@pytest.fixture(scope="module")
def corpus_mentions(bundled: Glossary) -> list[tuple[str, str, str]]:
    text = CORPUS_LINES.read_text(encoding="utf-8")
    return [(m.text, m.concept.id, m.how) for m in bundled.annotate(text)]


def test_offsets_slice_what_was_written(bundled: Glossary) -> None:
    text = "В  Росгвардии\nи ОМОНа; MK.ru, «Настоящее   время»."
    for m in bundled.annotate(text):
        assert text[m.start:m.end] == m.text
    found = {m.text: (m.concept.id, m.line) for m in bundled.annotate(text)}
    assert found["Росгвардии"] == ("rosgvardiya", 1)
    assert found["ОМОНа"] == ("omon", 2)
    assert found["Настоящее   время"] == ("current-time", 2)


@pytest.mark.parametrize(
    ("written", "concept"),
    [
        ("OMON", "omon"), ("ОМОН", "omon"), ("Rosgvardiya", "rosgvardiya"), ("Rosgvardia", "rosgvardiya"),
        ("Росгвардии", "rosgvardiya"), ("росгвардейцев", "rosgvardiya"), ("voenkomat", "voenkomat"),
        ("Roskomnadzor", "roskomnadzor"), ("Article 286.1", "ru-cc-art-286-1"), ("Article 338", "ru-cc-art-338"),
        ("Article 339", "ru-cc-art-339"), ("Article 331", "ru-cc-art-331"), ("Meduza", "meduza"),
        ("Kavkaz.Realii", "kavkaz-realii"), ("Nastoyashee vremya", "current-time"), ("МК.ru", "moskovsky-komsomolets"),
        ("Rossiyskaya Gazeta", "rossiyskaya-gazeta"), ("Interfax-Ukraine", "interfax-ukraine"),
        ("Obozrevatel", "obozrevatel"), ("Fakti", "fakty"), ("NR", "nr"), ("Подмоскowie", "moscow-oblast"),
    ],
)
def test_corpus_mentions(corpus_mentions: list[tuple[str, str, str]], written: str, concept: str) -> None:
    assert (written, concept) in {(t, c) for t, c, _ in corpus_mentions}


def test_every_case_form_of_rosgvardiya_in_the_corpus(corpus_mentions: list[tuple[str, str, str]]) -> None:
    forms = Counter(t for t, c, _ in corpus_mentions if c == "rosgvardiya")
    assert {"Rosgvardiya", "Rosgvardia", "Росгвардии", "росгвардейцев"} <= set(forms)


def test_english_names_need_their_capital(bundled: Glossary) -> None:
    """Corpus: "Last major Russian independent news outlet", "Putin's 'private army'", politico.eu/article/
    last-russia-independent-news-outlet: no rank, no country; a Major, Private Ivanov and Russia are."""
    text = "Last major Russian outlet; Putin's private army; politico.eu/article/last-russia-outlet"
    assert [(m.text, m.concept.id) for m in bundled.annotate(text)] == [("Putin", "putin")]
    found = {(m.text, m.concept.id) for m in bundled.annotate("a Major and Private Ivanov in Russia")}
    assert found == {("Major", "rank-major"), ("Private", "rank-private"), ("Russia", "russia")}
    assert [m.concept.id for m in bundled.annotate("at the current time; Current Time reported")] == ["current-time"]
    # a title is paraphrased in lower case in running text (the corpus quotes Article 338 so)
    text = "Desertion, that is, the unauthorized abandonment of a military unit or a place of military service"
    assert "ru-cc-art-337" in {m.concept.id for m in bundled.annotate(text)}


def test_short_acronyms_need_capitals(bundled: Glossary) -> None:
    assert [m.concept.id for m in bundled.annotate("an omon of ap and nr")] == []
    assert {m.concept.id for m in bundled.annotate("OMON and NR")} == {"omon", "nr"}


def test_inflection_can_be_switched_off(bundled: Glossary) -> None:
    assert [m.concept.id for m in bundled.annotate("сотрудники Росгвардии", inflection=False)] == []


def test_cli_annotate_json(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("Сотрудники ОМОНа и военкомата"))
    assert main(["annotate", "-", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(d["text"], d["id"]) for d in data] == [("ОМОНа", "omon"), ("военкомата", "voenkomat")]
    assert {"start", "end", "line", "text", "id", "en", "score", "how"} <= set(data[0])


def test_cli_annotate_nothing_found_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Nothing to see here.", encoding="utf-8")
    assert main(["annotate", str(path)]) == 1


def test_cli_annotate_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["annotate", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt" in capsys.readouterr().err


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_annotate_never_raises_and_offsets_are_exact(bundled: Glossary, text: str) -> None:
    import unicodedata

    nfc = unicodedata.normalize("NFC", text)
    for m in bundled.annotate(text):
        assert nfc[m.start:m.end] == m.text


def _squeezed_by_definition(text: str) -> tuple[str, list[int], list[int]]:
    """Space runs squeezed one at a time, and the map back: where each stretch between runs starts in the
    squeezed text, and how many characters were removed before it."""
    import re

    starts, removed = [0], [0]
    gone = 0
    for m in re.finditer(" {2,}", text):
        gone += len(m.group()) - 1
        starts.append(m.end() - gone)
        removed.append(gone)
    return re.sub(" {2,}", " ", text), starts, removed


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \n,ab", max_size=60))
def test_fold_maps_every_offset_back(text: str) -> None:
    """Separator runs become one space, and every folded offset maps back to its character."""
    from bisect import bisect_right

    from glossary.match.annotate import _encode, _fold

    padded = f" {text} "
    data, starts, removed = _fold(_encode(text)[1])
    folded = data.decode("cp1251")
    assert "  " not in folded

    def back(pos: int) -> int:
        return pos + removed[bisect_right(starts, pos) - 1]

    positions = [back(p) for p in range(len(folded))]
    assert positions == sorted(set(positions))
    assert all(padded[q] == ch or (ch == " " and padded[q] in " \n,") for q, ch in zip(positions, folded, strict=True))


def test_mixed_script_tokens_in_running_text(bundled: Glossary) -> None:
    """МК.ru (Cyrillic МК) is repaired in place; Подмоскowie has no homoglyph reading that is a form, so the
    full matcher reads it (across schemes). Each is found as written, between punctuation and words."""
    text = "По данным МК.ru, в Подмоскowie задержали"
    found = [(m.start, m.end, m.text, m.concept.id, m.how) for m in bundled.annotate(text)]
    assert found == [(10, 15, "МК.ru", "moskovsky-komsomolets", "homoglyph"),
                     (19, 30, "Подмоскowie", "moscow-oblast", "cross-scheme")]


def test_multiword_mention_across_punctuation_runs_and_lines(bundled: Glossary) -> None:
    text = ("См.:  стр. 1;\n(Уголовного   кодекса Российской Федерации)\n"
            "и «Уголовного\n  кодекса  Российской Федерации», 2.")
    found = [(m.text, m.line, m.concept.id) for m in bundled.annotate(text)]
    assert found == [("Уголовного   кодекса Российской Федерации", 2, "ru-criminal-code"),
                     ("Уголовного\n  кодекса  Российской Федерации", 3, "ru-criminal-code")]


_FOLD_ALPHABET = st.sampled_from([*" \n\t,.;«»—-()'’sSaAёЁİ\u00a0x", "'s", "’S", " , ", "  "])


_CP1251 = "".join(bytes([b]).decode("cp1251") for b in range(256) if b != 0x98)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(), st.lists(_FOLD_ALPHABET, max_size=30).map("".join), st.text(_CP1251, max_size=40)))
def test_fold_is_surface_padded_and_squeezed(text: str) -> None:
    """The annotator's bytes are what the step-by-step definition gives, one byte a character: Windows-1251
    for the characters of the code page, 0x98 (unassigned there) for any other."""
    import unicodedata

    from glossary.match.annotate import _encode, _fold, surface

    nfc = unicodedata.normalize("NFC", text)
    squeezed, starts, removed = _squeezed_by_definition(" " + surface(nfc) + " ")
    expected = b"".join(ch.encode("cp1251") if ch in _CP1251 else b"\x98" for ch in squeezed)
    assert _fold(_encode(text)[1]) == (expected, starts, removed)


_SCRIPTS_ALPHABET = st.sampled_from(["МК", "MK", ".", "ru", "Подмоск", "owie", " ", "а", "a", "ё", "і", "Ґ", "é", "ʼ",
                                     "\n", ",", "ⅰ"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=40), st.lists(_SCRIPTS_ALPHABET, max_size=12).map("".join)))
def test_mixed_script_tokens_are_those_where_latin_meets_cyrillic(text: str) -> None:
    """The byte scan finds the tokens (whitespace-bounded, punctuation trimmed) in which a Latin and a Cyrillic
    letter meet directly or across one dot, the definition read off the str with a regex."""
    import re

    from glossary.match.annotate import _CYR, _LAT, _encode, _repair

    nfc, raw = _encode(text)
    junction = re.compile(f"[{_LAT}]\\.?[{_CYR}]|[{_CYR}]\\.?[{_LAT}]")
    found = {nfc[s:e] for s, e in _repair(nfc, raw)[1]}
    tokens = {m.group().strip(".,;:!?()[]{}«»\"“”„'’") for m in re.finditer(r"\S+", nfc)}
    assert found == {t for t in tokens if t and junction.search(t)}


def test_windows_1251_text_is_already_nfc() -> None:
    """The annotator skips NFC for text Windows-1251 can write: no character of the code page, and no pair
    of them, changes under NFC. Its characters are all starters (combining class 0), so nothing
    further apart can compose either."""
    import unicodedata

    chars = [bytes([b]).decode("cp1251") for b in range(256) if b != 0x98]
    assert all(unicodedata.combining(ch) == 0 for ch in chars)
    assert all(unicodedata.is_normalized("NFC", a + b) for a in chars for b in chars)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Café", "CAFÈ", "cafü", "CAFÜ", "cafe", "Кафé", "кафü", "ʼ", " ", ", ", "x", "\n"]),
                max_size=12).map("".join))
def test_forms_outside_windows_1251_match_only_themselves(text: str) -> None:
    """Characters outside the code page are all "?" in the automaton's bytes; the annotator must still find
    each form only where it is written (café and cafè, not cafü)."""
    from glossary.model.concept import Concept, LangTerms, Source
    from glossary.store import Glossary

    concepts = [Concept(cid, "term", ("RU",), {"en": LangTerms(preferred=form)}, (Source("test"),))
                for cid, form in (("c-acute", "café"), ("c-grave", "cafè"), ("c-cyr", "кафé"))]
    glossary = Glossary(concepts, generated=False)
    found = [m.text for m in glossary.annotate(text, inflection=False)]
    expected = [m.group() for m in re.finditer(r"(?<!\w)(?:[Cc][Aa][Ff][ÉéÈè]|[Кк]а[Фф][Éé])(?!\w)", text)]
    assert found == expected


_LEGAL_FRAGMENTS = st.sampled_from([
    "ст", "Ст", "СТ", "ᲃт", "статьи", "Статья", "статтею", "art", "Art", "ARTICLES", "arts", "article", ".", ". ",
    " ", "\n", "338", "337", "286.1", ",", " и ", " and ", " та ", "x", "1", "_", "тест", "Kunst", "УК РФ",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_LEGAL_FRAGMENTS, max_size=14).map("".join))
def test_article_search_finds_what_the_full_pattern_finds(text: str) -> None:
    from glossary.match.legal import ARTICLES, article_matches

    assert [(m.span(), m.groups()) for m in article_matches(text)] == \
        [(m.span(), m.groups()) for m in ARTICLES.finditer(text)]


def test_article_hint_covers_every_case_form_re_accepts() -> None:
    """The hint spells out the case forms of a, r, t, с, т; they must be all that IGNORECASE accepts."""
    import re

    from glossary.match.legal import ARTICLE_HINT as _ARTICLE_HINT

    for letter in "artст":
        forms = {chr(cp) for cp in range(0x10000) if re.fullmatch(re.escape(letter), chr(cp), re.IGNORECASE)}
        assert all(form in _ARTICLE_HINT.pattern for form in forms), (letter, forms)


_REPORT_FRAGMENTS = st.sampled_from([
    "Росгвардии", "ОМОНа", "военкомата", "Уголовного кодекса Российской Федерации", "MK.ru", "Meduza", "МК.ru",
    "Подмоскowie",
    "ст. 338 УК РФ", "Article 337", " ", "  ", "\n", "\n  ", ", ", ". ", "«", "»", " — ", "(", ")", "и", "текст",
    "ч. 2 ", "п. «а» ", "part 2 of ", " of the Criminal Code", " КК України", "(2)", "статті 111-1", "328",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_REPORT_FRAGMENTS, max_size=25).map("".join))
def test_mentions_in_report_like_text_have_exact_offsets_and_lines(bundled: Glossary, text: str) -> None:
    mentions = bundled.annotate(text)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert m.line == text.count("\n", 0, m.start) + 1


def test_an_adjective_used_as_a_noun_declines_as_one(bundled: Glossary) -> None:
    """военный / військовий (a serviceman) take their own gender's and the plural forms only: военная
    техника is no serviceman, Мать российского военного and сотни военных are."""
    from glossary.text.morph import word_forms

    assert {"военного", "военных", "военные"} <= word_forms("военный", "ru")
    assert not {"военная", "военное", "военен", "военнее"} & word_forms("военный", "ru")
    assert not {"військова", "військове"} & word_forms("військовий", "uk")
    found = [(m.text, m.concept.id) for m in bundled.annotate("военная техника; мать российского военного")]
    assert found == [("военного", "serviceman")]


@pytest.mark.parametrize(("text", "found"), [
    ("в ходе военных действий", []),  # an adjective of the next word
    ("військового слідчого управління", []),
    ("военные части", []),
    ("Мать российского военного.", ["военного"]),  # standing for a noun: before punctuation, a verb, a genitive
    ("сотни военных заявили", ["военных"]),
    ("военные России", ["военные"]),
    ("військові заявили", ["військові"]),
])
def test_an_adjective_used_as_a_noun_is_a_mention_only_where_it_stands_for_one(
        bundled: Glossary, text: str, found: list[str]) -> None:
    assert [m.text for m in bundled.annotate(text) if m.concept.id == "serviceman"] == found


def test_phrase_forms_agree_and_use_every_lexeme_of_the_head(bundled: Glossary) -> None:
    """A neuter head's accusative keeps its adjective neuter (not военный положение); Ukrainian стан has two
    lexemes, and the state is стану in the genitive (воєнного стану), not стана."""
    from glossary.text.morph import phrase_forms

    assert "военный положение" not in phrase_forms("военное положение", "ru")
    assert {"военного положения", "военном положении"} <= phrase_forms("военное положение", "ru")
    assert "воєнного стану" in phrase_forms("воєнний стан", "uk")
    found = [(m.text, m.concept.id) for m in bundled.annotate("не випускають під час воєнного стану")]
    assert found == [("воєнного стану", "martial-law")]
