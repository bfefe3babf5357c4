"""po-check: approved, inflected, deprecated, misspelled and missing terms in a translator's catalog."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest

from glossary import Glossary
from glossary.cli import main
from glossary.exchange.po_check import TermChecker, check_catalog

DATA = Path(__file__).parent / "data"
Findings = dict[tuple[int, int | None, str], tuple[str, str | None]]


@pytest.fixture(scope="module")
def report(bundled: Glossary) -> Findings:
    po = polib.pofile(str(DATA / "app-ru.po"))
    rep = check_catalog(po, TermChecker(bundled, "ru"))
    assert rep.checked == 8
    assert rep.untranslated == 1
    assert rep.obsolete == 1
    assert rep.fuzzy == 1
    return {(f.line, f.plural_index, f.concept): (f.status, f.found) for f in rep.findings}


def test_correct_and_inflected_terms_pass(report: Findings) -> None:
    assert report[(12, None, "rosgvardiya")] == ("ok", "Росгвардия")
    assert report[(15, None, "rosgvardiya")] == ("inflected", "Росгвардии")
    assert report[(37, None, "fsb")] == ("inflected", "Федеральной службы безопасности")  # an expansion


def test_deprecated_misspelled_and_missing(report: Findings) -> None:
    assert report[(18, None, "ua-office-of-the-president")] == (
        "deprecated",
        "Администрации президента Украины",
    )
    assert report[(21, None, "fsb")] == ("missing", None)
    assert report[(24, None, "rosgvardiya")] == ("misspelled", "Росгвардя")


def test_every_plural_form_is_checked(report: Findings) -> None:
    assert [report[(27, i, "rosgvardiya")][0] for i in range(3)] == ["inflected", "inflected", "missing"]


def test_msgctxt_names_the_concept(report: Findings) -> None:
    assert report[(33, None, "tass")] == ("deprecated", "ИТАР-ТАСС")


def test_obsolete_entries_are_not_checked(report: Findings) -> None:
    assert not any(line > 41 for line, _, _ in report)


def test_ukrainian_catalog(bundled: Glossary) -> None:
    po = polib.pofile(
        'msgid ""\nmsgstr ""\n"Language: uk\\n"\n\n'
        'msgid "A statement by the Office of the President of Ukraine"\n'
        'msgstr "Заява Офісу Президента України"\n\n'
        'msgid "Reform of the Office of the President of Ukraine"\n'
        'msgstr "Реформа Адміністрації Президента України"\n'
    )
    rep = check_catalog(po, TermChecker(bundled, "uk"))
    assert [(f.status, f.found) for f in rep.findings] == [
        ("inflected", "Офісу Президента України"),
        ("deprecated", "Адміністрації Президента України"),
    ]


def test_cli_text_json_and_exit_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["po-check", str(DATA / "app-ru.po")]) == 1
    out = capsys.readouterr()
    assert (
        f"{DATA / 'app-ru.po'}:24: error: 'National Guard of Russia' (rosgvardiya): 'Росгвардя' looks "
        "misspelled; the approved term is 'Росгвардия'" in out.out
    )
    assert "5 problems" in out.err
    assert main(["po-check", str(DATA / "app-ru.po"), "--json"]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload["language"] == "ru"
    assert payload["problems"] == 5
    good = tmp_path / "good.po"
    good.write_text(
        'msgid ""\nmsgstr ""\n"Language: ru_RU\\n"\n\nmsgid "TASS reported"\nmsgstr "ТАСС сообщил"\n',
        encoding="utf-8",
    )
    assert main(["po-check", str(good)]) == 0


def test_catalog_without_language_needs_lang(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    po = tmp_path / "x.po"
    po.write_text('msgid "TASS"\nmsgstr "ТАСС"\n', encoding="utf-8")
    assert main(["po-check", str(po)]) == 2
    assert "--lang" in capsys.readouterr().err
    assert main(["po-check", str(po), "--lang", "ru"]) == 0


def _catalog(tmp_path: Path, lang: str, pairs: list[tuple[str, str]]) -> Path:
    po = tmp_path / f"ctx-{lang}.po"
    body = "".join(f'msgid "{en}"\nmsgstr "{tr}"\n\n' for en, tr in pairs)
    po.write_text(f'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n\n{body}', encoding="utf-8")
    return po


def test_officers_of_a_guard_unit_are_sotrudniki(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The issue's example: 'officers' of the National Guard are сотрудники, not the rank офицер."""
    po = _catalog(tmp_path, "ru", [
        ("Officers of the National Guard detained the protesters.", "Сотрудники Росгвардии задержали протестующих."),
        ("FSB officers searched his flat.", "Сотрудники ФСБ провели обыск в его квартире."),
        ("Police officers beat him.", "Сотрудники полиции избили его."),
    ])
    assert main(["po-check", str(po), "--json"]) == 0
    findings = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["concept"] == "officer"]
    assert [(f["status"], f["found"], f["context"]) for f in findings] == [
        ("context", "Сотрудники", "National Guard"),
        ("context", "Сотрудники", "FSB"),
        ("context", "Сотрудники", "Police"),
    ]
    assert main(["po-check", str(po)]) == 0
    out = capsys.readouterr().out
    assert "офицер" not in out


def test_a_real_miss_is_still_reported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    po = _catalog(tmp_path, "ru", [
        # the context is there, but neither офицер nor сотрудник is
        ("Officers of the National Guard detained the protesters.", "Росгвардия задержала протестующих."),
        # no police or security context: сотрудник is not the rank
        ("Army officers refused to serve.", "Сотрудники армии отказались служить."),
        ("Army officers refused to serve in Moscow.", "Офицеры армии отказались служить в Москве."),
    ])
    assert main(["po-check", str(po)]) == 1
    out = capsys.readouterr()
    lines = [line for line in out.out.splitlines() if "(officer)" in line]
    assert lines == [
        f"{po}:5: error: 'Officer' (officer): the approved term 'офицер' is missing",
        f"{po}:8: error: 'officer' (officer): the approved term 'офицер' is missing",
    ]
    assert "2 problems" in out.err


def test_ukrainian_police_officers(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    po = _catalog(tmp_path, "uk", [
        ("Police officers detained him.", "Поліцейські затримали його."),
        ("Law enforcement officers were attacked.", "На працівників правоохоронних органів напали."),
        ("The officers left the unit.", "Поліцейські залишили частину."),
    ])
    assert main(["po-check", str(po), "--json"]) == 1
    findings = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["concept"] == "officer"]
    assert [(f["status"], f["found"]) for f in findings] == [
        ("context", "Поліцейські"),
        ("context", "працівників"),
        ("missing", None),
    ]


def test_commander_of_a_fleet_is_komanduyushchiy(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A context named by concept ids and words: a fleet's or a service's commander is командующий/командувач."""
    ru = _catalog(tmp_path, "ru", [
        ("The commander of the Black Sea Fleet was dismissed.", "Командующий Черноморским флотом снят с должности."),
        ("The battalion commander refused the order.", "Командующий батальона отказался выполнить приказ."),
    ])
    assert main(["po-check", str(ru), "--json"]) == 1
    found = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["concept"] == "commander"]
    assert [(f["status"], f["found"], f["context"]) for f in found] == [
        ("context", "Командующий", "Black Sea Fleet"),
        ("missing", None, None),
    ]
    uk = _catalog(tmp_path, "uk", [
        ("He was the commander of the Land Forces.", "Він був командувачем Сухопутних військ."),
    ])
    assert main(["po-check", str(uk), "--json"]) == 0
    found = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["concept"] == "commander"]
    assert [(f["status"], f["found"]) for f in found] == [("context", "командувачем")]
