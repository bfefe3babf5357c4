"""Ranking of lossy reverse candidates: the letter-bigram model puts the real spelling first."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.errors import DataError
from glossary.translit import plausible, untransliterate
from glossary.translit.schemes import ALPHABETS


@pytest.mark.parametrize(
    ("latin", "lang", "scheme", "expected"),
    [
        ("Kyiv", "uk", "kmu-2010", "Київ"),  # not Кийв (yi read as ий)
        ("Kharkiv", "uk", "kmu-2010", "Харків"),  # not Харкїв, Кгарків
        ("Zelenskyi", "uk", "kmu-2010", "Зеленський"),  # not Зеленский (the Russian spelling)
        ("Rosgvardiya", "ru", "bgn-pcgn", "Росгвардия"),  # not Росгвардийа
        ("Khmelnytskyi", "uk", "kmu-2010", "Хмельницький"),
        ("Kyjiv", "uk", "dstu-9112-b", "Київ"),
    ],
)
def test_real_spelling_ranks_first(latin: str, lang: str, scheme: str, expected: str) -> None:
    assert untransliterate(latin, lang=lang, scheme=scheme)[0] == expected


def test_soft_sign_after_a_vowel_is_never_preferred() -> None:
    # DSTU 9112 A writes уйка and the impossible уька alike (ujka): the real word wins
    assert untransliterate("ujka", lang="uk", scheme="dstu-9112-a") == ["уйка"]


def test_model_prefers_attested_letter_sequences() -> None:
    uk = plausible.bigrams("uk")
    assert uk.cost("Київ") < uk.cost("Кийв")
    assert uk.cost("Харків") < uk.cost("Кгарків")
    ru = plausible.bigrams("ru")
    assert ru.cost("Росгвардия") < ru.cost("Росгвардийа")


@pytest.mark.parametrize("lang", sorted(ALPHABETS))
def test_model_covers_every_letter(lang: str) -> None:
    model = plausible.bigrams(lang)
    letters = set(ALPHABETS[lang])
    assert letters <= set(model.unseen)
    assert all(v <= 0 for v in model.logp.values())


def test_bad_model_file_is_a_data_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "bigrams.yaml"
    bad.write_text("ru:\n  unseen: {а: -3.0}\n  bigrams: {абв: 1.5}\n", encoding="utf-8")
    monkeypatch.setattr(plausible, "PATH", bad)
    plausible.bigrams.cache_clear()
    try:
        with pytest.raises(DataError, match="bad entry 'абв'"):
            plausible.bigrams("ru")
    finally:
        plausible.bigrams.cache_clear()
