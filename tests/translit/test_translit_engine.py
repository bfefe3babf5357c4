"""Engine behaviour the standards imply but peers miss: capitals, NFC, pass-through, reverse, detection."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from glossary.errors import UsageError
from glossary.translit import (
    detect_language,
    romanizations,
    schemes,
    transliterate,
    untransliterate,
)
from glossary.translit.schemes import ALPHABETS, has_cyrillic, scheme_ids


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Щука", "Shchuka"),
        ("ЩУКА", "SHCHUKA"),
        ("Щ ЩУКА", "SHCH SHCHUKA"),
        ("Щ щука", "Shch shchuka"),
        ("Щ Щука", "Shch Shchuka"),
        ("ЕЛЬ ЁЖ", "YEL’ YËZH"),
        ("ФСБ и МВД", "FSB i MVD"),
        ("МВДшник", "MVDshnik"),
    ],
)
def test_capitals_follow_the_word(text: str, expected: str) -> None:
    assert transliterate(text, lang="ru", scheme="bgn-pcgn") == expected


def test_tie_bar_capitals() -> None:
    assert transliterate("Якутск ЦИК", lang="ru", scheme="ala-lc") == "I͡Akutsk T͡SIK"


def test_decomposed_input_is_normalised() -> None:
    decomposed = unicodedata.normalize("NFD", "Йошкар-Ола, ёлка")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    assert transliterate(decomposed, lang="ru") == "Yoshkar-Ola, yëlka"


def test_stress_marks_come_out_nfc() -> None:
    out = transliterate("зна\u0301ние", lang="ru", scheme="iso9")
    assert out == "znánie"
    assert unicodedata.is_normalized("NFC", out)


def test_latin_digits_punctuation_and_other_scripts_pass_through() -> None:
    text = "OMON 2024 — «ε» 東京 ‘x’ 'y'"
    assert transliterate(text, lang="ru") == text


def test_apostrophes_only_between_letters_in_russian_text_are_left() -> None:
    assert transliterate("'Москва'", lang="ru") == "'Moskva'"


@pytest.mark.parametrize(("lang", "sid"), scheme_ids())
def test_no_cyrillic_left_in_mixed_text(lang: str, sid: str) -> None:
    text = "Київ і Москва: ёж, щёлочь, ґанок, п'ять, Ѣ"
    assert not has_cyrillic(transliterate(text, lang=lang, scheme=sid))


def test_rosgvardiya_reverse_ranked_first() -> None:
    assert untransliterate("Rosgvardiya", lang="ru", scheme="bgn-pcgn")[0] == "Росгвардия"
    assert untransliterate("ROSGVARDIYA", lang="ru", scheme="bgn-pcgn")[0] == "РОСГВАРДИЯ"


@pytest.mark.parametrize(
    ("latin", "scheme", "expected"),
    [
        ("Rosgvardiia", "icao", "Росгвардия"),
        ("Rosgvardii͡a", "ala-lc", "Росгвардия"),
        ("Rosgvardiia", "ala-lc-ascii", "Росгвардия"),
        ("Shchëlkovo", "bgn-pcgn", "Щёлково"),
        ("Yelizovo", "bgn-pcgn", "Елизово"),
    ],
)
def test_reverse_finds_the_original(latin: str, scheme: str, expected: str) -> None:
    assert expected in untransliterate(latin, lang="ru", scheme=scheme)


def test_iso9_reverse_is_a_single_exact_candidate() -> None:
    assert untransliterate("Ŝëlkovo, Ûlʹâ", lang="ru", scheme="iso9") == ["Щёлково, Юлья"]


def _words(lang: str) -> st.SearchStrategy[str]:
    """Text of the language: words built from syllables its spelling allows, in any case."""
    vowels = "аеёиоуыэюя" if lang == "ru" else "аеєиіїоуюя"
    consonants = "".join(c for c in ALPHABETS[lang] if c not in vowels and c not in "ъьй")
    onset = st.one_of(
        st.just(""),
        st.sampled_from(consonants),
        st.tuples(st.sampled_from(consonants), st.sampled_from("ьъ" if lang == "ru" else "ьʼ")).map("".join),
    )
    coda = st.one_of(
        st.just(""),
        st.just("й"),
        st.sampled_from(consonants),
        st.sampled_from(consonants).map(lambda c: c + "ь"),
    )
    syllable = st.tuples(onset, st.sampled_from(vowels), coda).map("".join)
    word = st.lists(syllable, min_size=1, max_size=4).map("".join).filter(lambda w: w[0] not in "ьъʼ")
    cased = st.tuples(word, st.sampled_from([str.lower, str.capitalize, str.upper])).map(lambda t: t[1](t[0]))
    return st.lists(cased, min_size=1, max_size=5).map(" ".join)


cyrillic_ru = _words("ru")
cyrillic_uk = _words("uk")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_string_never_raises(text: str) -> None:
    for lang, sid in scheme_ids():
        assert isinstance(transliterate(text, lang=lang, scheme=sid), str)


@settings(max_examples=200, deadline=None)
@given(cyrillic_ru)
def test_iso9_round_trip(text: str) -> None:
    latin = transliterate(text, lang="ru", scheme="iso9")
    assert not has_cyrillic(latin)
    assert untransliterate(latin, lang="ru", scheme="iso9") == [text]


@settings(max_examples=200, deadline=None)
@given(cyrillic_uk)
def test_dstu_9112_a_round_trip(text: str) -> None:
    if ("uk", "dstu-9112-a") not in scheme_ids():
        pytest.skip("dstu-9112-a not written yet")
    # Known limitation of System A itself (see the notes in uk-dstu-9112-a.yaml): й before а е у
    # writes like я ю є (айа and ая are both aja; бйа and б'я both b'ja). Ukrainian spelling writes
    # /ja/ /ju/ /je/ as я ю є, so йа йу йе occur only in foreign names; skip those strings only.
    assume(not re.search("[йЙ][аеуАЕУ]", text))
    latin = transliterate(text, lang="uk", scheme="dstu-9112-a")
    assert untransliterate(latin, lang="uk", scheme="dstu-9112-a") == [text]


@settings(max_examples=100, deadline=None)
@given(cyrillic_ru)
def test_lossy_reverse_contains_a_form_with_the_same_romanization(text: str) -> None:
    latin = transliterate(text, lang="ru", scheme="bgn-pcgn")
    cands = untransliterate(latin, lang="ru", scheme="bgn-pcgn")
    assert cands
    assert all(isinstance(c, str) for c in cands)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Київ", "uk"), ("Подъезд", "ru"), ("п’ять", "uk"), ("Москва", None), ("ёж", "ru"), ("Hello", None)],
)
def test_detect_language(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


def test_undetected_text_defaults_to_russian_bgn() -> None:
    assert transliterate("Москва") == "Moskva"


def test_by_word_handles_a_ukrainian_name_in_a_russian_title() -> None:
    out = transliterate("Интервью с Євгеном Зеленським в Подъезде", lang="ru", by_word=True)
    assert "Yevhenom" in out
    assert "Intervʹyu" not in out
    assert "Pod”yezde" in out


def test_romanizations_cover_every_russian_scheme() -> None:
    forms = romanizations("Росгвардия", lang="ru")
    assert set(forms) == {i.id for i in schemes("ru")}
    assert forms["bgn-pcgn"] == "Rosgvardiya"
    assert forms["icao"] == "Rosgvardiia"
    assert forms["ala-lc"] == "Rosgvardii͡a"
    assert forms["iso9"] == "Rosgvardiâ"


def test_unknown_scheme_or_language_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="bgn-pcgn"):
        transliterate("x", lang="ru", scheme="nope")
    with pytest.raises(UsageError, match="ru, uk"):
        transliterate("x", lang="de")


def test_scheme_only_in_one_language_implies_it() -> None:
    assert transliterate("Згорани", scheme="kmu-2010") == "Zghorany"


def test_word_languages_by_dictionary_and_name() -> None:
    from glossary.translit.detect import word_language, word_languages

    assert word_language("Зеленським") == "uk"  # no marker letter; only the Ukrainian dictionary has it
    assert word_language("Путиным") == "ru"
    assert word_language("Володимиром") is None  # both dictionaries know the name
    words = [("Интервью", " "), ("с", " "), ("Володимиром", " "), ("Зеленським", "")]
    assert word_languages(words, "ru") == ["ru", "ru", "uk", "uk"]
    assert word_languages([("Володимиром", "")], "ru") == ["ru"]  # alone: the text's language
