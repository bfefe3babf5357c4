"""Choosing the interface language, and Russian/Ukrainian plural forms from the shipped catalogs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from glossary import i18n
from glossary.cli import main


@pytest.fixture(autouse=True)
def _reset() -> Iterator[None]:
    yield
    i18n.set_language(None)


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({}, "en"),
        ({"LANGUAGE": "ru"}, "ru"),
        ({"LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LANG": "uk_UA.UTF-8"}, "uk"),
        ({"LC_ALL": "uk_UA.utf8@euro"}, "uk"),
        ({"LC_MESSAGES": "ru_UA"}, "ru"),
        ({"LANGUAGE": "de:uk:ru", "LANG": "ru_RU.UTF-8"}, "uk"),  # LANGUAGE is a preference list
        ({"LANGUAGE": "", "LANG": "uk_UA.UTF-8"}, "uk"),  # an empty variable is not set
        ({"LC_ALL": "C", "LANG": "ru_RU.UTF-8"}, "en"),  # LC_ALL overrides LANG
        ({"LC_ALL": "de_DE.UTF-8", "LANG": "ru_RU.UTF-8"}, "en"),  # no German catalog: English, not Russian
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
    ],
)
def test_language_from_environment(env: dict[str, str], lang: str) -> None:
    assert i18n.language_from_env(env) == lang


def test_ui_lang_wins_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "uk")
    i18n.set_language("ru")
    assert i18n.current_language() == "ru"
    i18n.set_language(None)
    assert i18n.current_language() == "uk"


# the word for "entry" after a number, as a Russian or Ukrainian speaker writes it
RU = {
    0: "записей",
    1: "запись",
    2: "записи",
    5: "записей",
    11: "записей",
    21: "запись",
    22: "записи",
    25: "записей",
    111: "записей",
}
UK = {
    0: "записів",
    1: "запис",
    2: "записи",
    5: "записів",
    11: "записів",
    21: "запис",
    22: "записи",
    25: "записів",
    111: "записів",
}


@pytest.mark.parametrize(
    ("lang", "n", "word"), [("ru", n, w) for n, w in RU.items()] + [("uk", n, w) for n, w in UK.items()]
)
def test_plural_forms(lang: str, n: int, word: str) -> None:
    i18n.set_language(lang)
    text = i18n.ngettext("{n} entry written to {file}", "{n} entries written to {file}", n).format(
        n=n, file="f"
    )
    assert text.split()[:2] == [str(n), word], text


def test_english_plurals() -> None:
    i18n.set_language("en")
    assert (
        i18n.ngettext("{n} entry written to {file}", "{n} entries written to {file}", 1)
        == "{n} entry written to {file}"
    )
    assert i18n.ngettext("{n} entry written to {file}", "{n} entries written to {file}", 21).startswith(
        "{n} entries"
    )


@pytest.mark.parametrize(
    ("lang", "usage", "options"),
    [("ru", "использование:", "параметры:"), ("uk", "використання:", "параметри:")],
)
def test_help_is_translated_including_argparse_words(
    lang: str, usage: str, options: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["lookup", "--help", "--ui-lang", lang])
    out = capsys.readouterr().out
    assert out.startswith(usage)
    assert options in out
    assert "show this help message" not in out


def test_usage_error_is_translated(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--ui-lang", "ru"])
    err = capsys.readouterr().err
    assert err.startswith("Ошибка: glossary export: ")
    assert err.count("\n") == 1
    assert "--format" in err
