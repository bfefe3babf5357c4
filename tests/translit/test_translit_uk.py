"""Ukrainian-specific behaviour of the transliteration engine with the uk-*.yaml scheme files.

The per-sample tests are generated elsewhere from every scheme file; these pin down the Ukrainian
rules a generic engine gets wrong most easily: apostrophes versus quotes, зг, word-initial
Є Ї Й Ю Я, the dropped soft sign, and language detection.
"""

from __future__ import annotations

import unicodedata

import pytest

translit = pytest.importorskip("glossary.translit")
transliterate = translit.transliterate
detect_language = translit.detect_language

UK_SCHEMES = ("kmu-2010", "bgn-pcgn-1965", "ala-lc", "iso9", "scholarly", "dstu-9112-a", "dstu-9112-b")
UK_ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
APOSTROPHE_FORMS = ("'", "\u2019", "\u02bc", "`")


def kmu(text: str) -> str:
    return transliterate(text, lang="uk", scheme="kmu-2010")


def test_every_ukrainian_scheme_is_listed() -> None:
    ids = {info.id for info in translit.schemes("uk")}
    assert set(UK_SCHEMES) <= ids


@pytest.mark.parametrize("apostrophe", APOSTROPHE_FORMS, ids=["ascii", "right-quote", "modifier", "backtick"])
def test_apostrophe_forms_between_letters_are_dropped(apostrophe: str) -> None:
    assert kmu(f"Знам{apostrophe}янка") == "Znamianka"
    assert kmu(f"Мар{apostrophe}їне") == "Marine"
    assert kmu(f"Короп{apostrophe}є") == "Koropie"


@pytest.mark.parametrize("apostrophe", APOSTROPHE_FORMS, ids=["ascii", "right-quote", "modifier", "backtick"])
def test_apostrophe_forms_map_alike_in_every_scheme(apostrophe: str) -> None:
    for scheme in UK_SCHEMES:
        typed = transliterate(f"пам{apostrophe}ять", lang="uk", scheme=scheme)
        canonical = transliterate("пам\u02bcять", lang="uk", scheme=scheme)
        assert typed == canonical, scheme


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("'Київ'", "'Kyiv'"),
        ("‘Київ’", "‘Kyiv’"),
        ("’Київ’", "’Kyiv’"),
        ("`Київ`", "`Kyiv`"),
        ('"Київ"', '"Kyiv"'),
        ("Київ' і Львів", "Kyiv' i Lviv"),
        ("O'Brien", "O'Brien"),
        ("Київ'Kyiv", "Kyiv'Kyiv"),
    ],
)
def test_apostrophes_outside_two_cyrillic_letters_are_quotes(text: str, expected: str) -> None:
    assert kmu(text) == expected


def test_quotes_pass_through_in_schemes_that_keep_the_apostrophe() -> None:
    assert transliterate("'Київ'", lang="uk", scheme="bgn-pcgn-1965") == "'Kyyiv'"
    assert transliterate("'Київ'", lang="uk", scheme="dstu-9112-a") == "'Kyïv'"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Згорани", "Zghorany"),
        ("Розгон", "Rozghon"),
        ("згин", "zghyn"),
        ("ЗГОРАНИ", "ZGHORANY"),
        ("Згурський", "Zghurskyi"),
        ("Жежелів", "Zhezheliv"),
    ],
)
def test_kmu_zgh(text: str, expected: str) -> None:
    assert kmu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Єнакієве", "Yenakiieve"),
        ("Їжакевич", "Yizhakevych"),
        ("Йосипівка", "Yosypivka"),
        ("Юрій", "Yurii"),
        ("Яготин", "Yahotyn"),
        ("Гаєвич", "Haievych"),
        ("Кадиївка", "Kadyivka"),
        ("Стрий", "Stryi"),
        ("Корюківка", "Koriukivka"),
        ("Костянтин", "Kostiantyn"),
        ("Анна-Ярина", "Anna-Yaryna"),
        ("з Яготина", "z Yahotyna"),
        ("ЄНАКІЄВЕ", "YENAKIIEVE"),
        ("ЮРІЙ", "YURII"),
    ],
)
def test_kmu_word_initial_forms(text: str, expected: str) -> None:
    assert kmu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Тернопіль", "Ternopil"),
        ("Донецьк", "Donetsk"),
        ("Троць", "Trots"),
        ("ТЕРНОПІЛЬ", "TERNOPIL"),
        ("Знам’янка", "Znamianka"),
    ],
)
def test_kmu_soft_sign_and_apostrophe_are_dropped(text: str, expected: str) -> None:
    assert kmu(text) == expected


def test_capitals_follow_the_word() -> None:
    assert kmu("Щербухи") == "Shcherbukhy"
    assert kmu("ЩЕРБУХИ") == "SHCHERBUKHY"
    assert kmu("Щ ЩЕРБУХИ") == "SHCH SHCHERBUKHY"
    assert kmu("Біла Церква") == "Bila Tserkva"


def test_decomposed_input_is_normalised() -> None:
    decomposed = unicodedata.normalize("NFD", "Олексій Київ Їжакевич")
    assert decomposed != "Олексій Київ Їжакевич"
    assert kmu(decomposed) == "Oleksii Kyiv Yizhakevych"


@pytest.mark.parametrize("scheme", UK_SCHEMES)
def test_whole_alphabet_gives_no_cyrillic_and_nfc(scheme: str) -> None:
    text = " ".join([UK_ALPHABET, UK_ALPHABET.upper(), "пам’ять", "з’їзд", "ґанок", "ЗГ зг"])
    out = transliterate(text, lang="uk", scheme=scheme)
    assert not any("\u0400" <= ch <= "\u04ff" for ch in out), out
    assert unicodedata.normalize("NFC", out) == out


def test_latin_digits_and_other_scripts_pass_through() -> None:
    assert kmu("Київ 2024, Kyiv, Κύπρος, 東京") == "Kyiv 2024, Kyiv, Κύπρος, 東京"


def test_romanizations_cover_every_ukrainian_scheme() -> None:
    forms = translit.romanizations("Київ", lang="uk")
    assert set(UK_SCHEMES) <= set(forms)
    assert forms["kmu-2010"] == "Kyiv"
    assert forms["bgn-pcgn-1965"] == "Kyyiv"
    assert forms["ala-lc"] == "Kyïv"
    assert forms["iso9"] == "Kiïv"
    assert forms["scholarly"] == "Kyjiv"
    assert forms["dstu-9112-a"] == "Kyïv"
    assert forms["dstu-9112-b"] == "Kyjiv"


def test_ukrainian_default_scheme_is_kmu() -> None:
    assert transliterate("Згорани", lang="uk") == "Zghorany"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Київ", "uk"),
        ("ґанок", "uk"),
        ("єдність", "uk"),
        ("місто", "uk"),
        ("пʼять", "uk"),
        ("п’ять", "uk"),
        ("съезд", "ru"),
        ("этот", "ru"),
        ("ёлка", "ru"),
        ("мы", "ru"),
        ("мир", None),
        ("Kyiv", None),
        ("", None),
    ],
)
def test_detect_language(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


def test_detected_ukrainian_uses_kmu() -> None:
    assert transliterate("Знам’янка") == "Znamianka"


@pytest.mark.parametrize(
    "text",
    [
        "Київ",
        "Україна, Хмельницький",
        "Щастям б’єш жук їх глицю в фон й ґедзь пріч.",
        "ль льє льї лью лья льо",
        "бй бйо ньа",
    ],
)
def test_dstu_a_reverses_exactly(text: str) -> None:
    latin = transliterate(text, lang="uk", scheme="dstu-9112-a")
    back = translit.untransliterate(latin, lang="uk", scheme="dstu-9112-a")
    canon = text.replace("\u2019", "\u02bc")
    assert len(back) == 1
    assert back[0].replace("'", "\u02bc") == canon


@pytest.mark.parametrize(
    "text",
    [
        "Київ",
        "Знамʼянка",
        "Хмельницький",
        "Ґорґани",
    ],
)
def test_iso9_reverses_exactly(text: str) -> None:
    latin = transliterate(text, lang="uk", scheme="iso9")
    assert translit.untransliterate(latin, lang="uk", scheme="iso9") == [text]


def test_kmu_reverse_finds_the_original_among_candidates() -> None:
    assert "Згорани" in translit.untransliterate("Zghorany", lang="uk", scheme="kmu-2010")
    assert "Київ" in translit.untransliterate("Kyiv", lang="uk", scheme="kmu-2010")


def test_dstu_a_writes_yot_before_a_u_e_like_ya_yu_ye() -> None:
    # the documented limitation of System A (uk-dstu-9112-a.yaml notes): one Latin form for both
    for with_j, letter in (("айа", "ая"), ("айу", "аю"), ("айе", "ає"), ("бйа", "бʼя")):
        latin = transliterate(with_j, lang="uk", scheme="dstu-9112-a")
        assert latin == transliterate(letter, lang="uk", scheme="dstu-9112-a")
        # reverse reads the spelling Ukrainian orthography uses
        back = translit.untransliterate(latin, lang="uk", scheme="dstu-9112-a")
        assert back[0].replace("'", "ʼ") == letter
