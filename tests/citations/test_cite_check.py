"""``glossary check`` on the corpus document's own lines: what a careful editor finds, and nothing more
for sources that are genuinely different."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary import Glossary
from glossary.citations import check, parse
from glossary.citations.model import Finding
from glossary.cli import main

HERE = Path(__file__).parent / "data"
EXCERPT = HERE / "euaa-q24-excerpt.txt"


@pytest.fixture(scope="module")
def findings(excerpt_lines: list[str], outlets: Glossary) -> list[Finding]:
    return list(check(parse(excerpt_lines, glossary=outlets, with_text=True), outlets))


def _has(findings: list[Finding], kind: str, *strings: str) -> Finding:
    for f in findings:
        if f.kind == kind and all(s in f.strings for s in strings):
            return f
    msg = f"no {kind} finding with {strings}: {[(f.kind, f.strings) for f in findings]}"
    raise AssertionError(msg)


@pytest.mark.parametrize(
    ("kind", "strings", "suggestion"),
    [
        ("mixed-script", ("МК.ru",), "MK.ru"),
        ("mixed-script", ("Подмоскowie",), None),
        ("misspelling", ("Nastoyashee vremya",), "Nastoyashchee vremya"),
        ("misspelling", ("Nastoyashee Vremya",), "Nastoyashchee vremya"),
        ("misspelling", ("Novyr Fokus",), "Novy Fokus"),
        ("romanization", ("Federacii", "Federatsii"), "Federatsii"),
        ("romanization", ("Rosgvardia", "Rosgvardiya"), "Rosgvardiya"),
        ("name-translation", ("Альберта Сахибгареева", "Albert Sakhigareev"), "Albert Sakhibgareev"),
        ("name-variant", ("Olikier, O.", "Oliker, O."), None),
        ("name-variant", ("Dr. Huseyn Aliyev", "Dr. Husayn Aliyev"), None),
        ("oral-date", ("23 March 2022", "19, 25, 26 March 2022"), None),
        ("malformed-date", ("22 March",), None),
        (
            "title-mismatch",
            (
                "В Подмоскowie солдат-дезертир сдался спустя 14 лет после побега",
                "В Подмосковье солдат-дезертир сдался спустя 14 лет после побега",
            ),
            None,
        ),
        ("translation-mismatch", (), None),
        ("outlet-variant", ("BBC", "BBC News"), "BBC News"),
        ("missing-date", (), None),
        ("order", (), None),
        ("style", (), None),
    ],
)
def test_editor_findings(
    findings: list[Finding], kind: str, strings: tuple[str, ...], suggestion: str | None
) -> None:
    f = _has(findings, kind, *strings)
    if suggestion:
        assert f.suggestion == suggestion
    assert f.lines
    assert f.message


def test_footnote_missing_from_bibliography(findings: list[Finding]) -> None:
    missing = [f for f in findings if f.kind == "missing-from-bibliography"]
    assert [f.strings[0][:17] for f in missing] == ["LegislationOnline"]


def test_translation_of_series_title_differs(findings: list[Finding]) -> None:
    f = [f for f in findings if f.kind == "translation-mismatch" and "main" in f.message]
    assert f
    assert "major" in f[0].message


def test_oral_date_only_for_the_unlisted_day(findings: list[Finding]) -> None:
    dates = [f.strings[0] for f in findings if f.kind == "oral-date"]
    assert dates == ["23 March 2022"]  # 19 and 26 March are listed; Oliker's "22 March" lacks only the year


def test_different_sources_that_look_alike_are_not_reported(findings: list[Finding]) -> None:
    for f in findings:
        text = " ".join(f.strings) + " " + f.message
        assert not ("Interfax," in text and "Interfax-Ukraine" in text), f
        assert "Russian Offensive Campaign Assessment" not in text, f  # 12 and 17 March: two reports
        assert not (f.kind == "outlet-variant" and "Kavkaz.Realii" in f.strings), f  # sub-outlet of RFE/RL
        assert not (f.kind == "outlet-variant" and "ISW" in f.strings), f  # short and long forms are linked
        assert not (f.kind == "duplicate-entry"), f  # the sudact searches differ in article and year


def test_findings_have_all_fields(findings: list[Finding]) -> None:
    for f in findings:
        d = f.to_json()
        assert set(d) == {"kind", "severity", "message", "lines", "strings", "suggestion"}
        assert d["severity"] in ("error", "warning", "info")


def test_duplicate_entry() -> None:
    lines = [
        "SOURCES USED",
        "",
        "Meduza, A title, 5 April 2022, <https://meduza.io/a>",
        "",
        "Meduza, A title, 5 April 2022, <https://meduza.io/a>",
    ]
    found = list(check(parse(lines, with_text=True), None))
    assert [f.kind for f in found if f.kind == "duplicate-entry"] == ["duplicate-entry"]


def test_cli_check_json_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(EXCERPT), "--json", "--terms", str(HERE / "terms")])
    out = json.loads(capsys.readouterr().out)
    assert code == 1
    assert any(f["kind"] == "mixed-script" for f in out)


def test_cli_check_clean_file_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text(
        "¹ Meduza, A title, 5 April 2022, [url](#)\n\nSOURCES USED\n\n"
        "Meduza, A title, 5 April 2022, <https://meduza.io/a>, accessed 6 April 2022\n",
        encoding="utf-8",
    )
    assert main(["check", str(clean), "--terms", str(HERE / "terms")]) == 0


def test_cli_check_summary_on_its_own_line_after_the_findings() -> None:
    """With stdout and stderr in one pipe (``2>&1``), the summary follows the last finding on its own line."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # stdout block-buffered, as usual
    out = subprocess.run(
        [sys.executable, "-m", "glossary", "check", str(EXCERPT), "--terms", str(HERE / "terms")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
        env=env,
    ).stdout
    lines = out.splitlines()
    assert lines[-1].endswith(" errors)"), lines[-3:]
    assert lines[-1][0].isdigit(), lines[-3:]
    assert sum("findings (" in line for line in lines) == 1


def test_one_finding_per_misspelt_name_with_every_line(findings: list[Finding]) -> None:
    """Misspellings group like romanizations do: one finding per name (printings differing only in case
    together), listing every line, instead of one finding per occurrence."""
    miss = [f for f in findings if f.kind == "misspelling"]
    names = sorted(f.strings[0].casefold() for f in miss)
    assert names == ["fakti", "grati", "nastoyashee vremya", "novyr fokus", "zn,ua"]
    fakti = _has(findings, "misspelling", "Fakti")
    assert fakti.lines == [118, 120, 184]
    assert "3 times" in fakti.message
    current = _has(findings, "misspelling", "Nastoyashee Vremya", "Nastoyashee vremya")
    assert current.lines == [96, 108, 214]


def test_one_finding_per_discrepancy_not_per_citing_footnote(findings: list[Finding]) -> None:
    """Footnotes 35 and 51 cite one entry and translate its title alike: one finding naming both."""
    same = [f for f in findings if f.kind == "translation-mismatch" and f.lines[-1] == 164]
    assert len(same) == 1
    assert same[0].lines == [50, 100, 164]
    assert "footnotes 35 and 51 and their bibliography entry" in same[0].message
    for kind in ("title-mismatch", "translation-mismatch", "date-mismatch", "outlet-variant", "name-variant"):
        keys = [tuple(f.strings) for f in findings if f.kind == kind]
        assert len(keys) == len(set(keys)), kind


MINI = Path(__file__).parents[1] / "data" / "mini"


@pytest.fixture(scope="module")
def code_findings(excerpt_lines: list[str]) -> list[Finding]:
    """The excerpt against a glossary that knows the Criminal Code (the corpus cites it five times)."""
    from glossary import load

    glossary = load(MINI)
    return list(check(parse(excerpt_lines, glossary=glossary, with_text=True), glossary))


def test_no_finding_for_a_leading_article(code_findings: list[Finding]) -> None:
    """'The Criminal Code of the Russian Federation' is the attested name with the article of running prose."""
    for f in code_findings:
        assert not any("The Criminal Code" in s for s in f.strings), f


def test_no_date_mismatch_for_a_law_dated_by_its_amendment(code_findings: list[Finding]) -> None:
    """Footnotes cite the Code 'amended 1 March 2012', the bibliography by its adoption, 1996: the same act."""
    assert not [f for f in code_findings if f.kind == "date-mismatch"]


def test_date_mismatch_still_found_for_other_dates() -> None:
    lines = [
        "¹ Meduza, Conscripts sent to the front, 5 April 2022, [url](#)",
        "",
        "² Russia, Federal Law No. 1-FZ, amended 1 March 2012, [url](#)",
        "",
        "SOURCES USED",
        "",
        "Meduza, Conscripts sent to the front, May 2022, <https://meduza.io/a>",
        "",
        "Russia, Federal Law No. 1-FZ, 2015, [url](#)",
    ]
    found = [f for f in check(parse(lines, with_text=True), None) if f.kind == "date-mismatch"]
    assert [f.strings for f in found] == [["5 April 2022", "May 2022"], ["amended 1 March 2012", "2015"]]


def test_what_differs_is_said_in_words(findings: list[Finding]) -> None:
    """No bare '—' for "nothing" (titles hold real em dashes): a side that adds words is named."""
    for f in findings:
        assert "'—'" not in f.message, f
    added = [f for f in findings if f.kind == "translation-mismatch" and f.lines == [50, 100, 164]]
    assert "(the footnote adds 'the')" in added[0].message
    renamed = [f for f in findings if f.kind == "translation-mismatch" and "Sakhigareev" in f.message]
    assert "'Sakhibgareev' in the footnote, 'Sakhigareev' in the bibliography" in renamed[0].message


def test_strings_as_printed_and_suggestions_not_cut_mid_word(
    findings: list[Finding], excerpt_lines: list[str]
) -> None:
    order = _has(findings, "order")
    line_262 = excerpt_lines[261]
    assert order.strings[1] == line_262  # the whole entry, not its first 60 characters
    assert order.strings[0].startswith("University of Glasgow, Dr. Husayn Aliyev, n.d.")
    assert order.suggestion is not None
    assert "'Ukraine General Staff of the Armed Forces of Ukraine…'" in order.suggestion
    uncited = [f.strings[0] for f in findings if f.kind == "uncited-entry"]
    assert any(len(s) > 120 for s in uncited)  # whole entries


def test_name_translation_suggestion_changes_only_the_wrong_part() -> None:
    from glossary.citations.checks import romanized_name

    # the surname is wrong, the given name is right: the given name stays as printed
    assert romanized_name("Альберта Сахибгареева", "Albert Sakhigareev") == "Albert Sakhibgareev"
    # the given name is wrong, the surname right: the surname stays, in the report's scheme
    assert romanized_name("Альберта Сахибгареева", "Albret Sakhibgareev") == "Albert Sakhibgareev"


def test_wrong_english_name_of_a_known_outlet(findings: list[Finding]) -> None:
    """Section 6.2 prints 'Nastoyashee Vremya [Current Times]': the outlet's English name is Current Time."""
    f = _has(findings, "outlet-variant", "Current Times")
    assert f.suggestion == "Current Time"
    assert f.lines == [96]


@pytest.mark.parametrize(
    ("line", "flagged"),
    [
        ("The outlet *Nastoyashchee vremya* [Current Times] reported it.", True),
        ("The outlet *Nastoyashchee vremya* [Current Time] reported it.", False),
        ("The outlet Meduza [Current Times] reported it.", False),  # not a name of Current Time before it
    ],
)
def test_wrong_english_name_needs_the_outlet_named_before_it(outlets: Glossary, line: str, flagged: bool) -> None:
    lines = [line, "", "¹ Meduza, A title, 5 April 2022, [url](#)"]
    found = list(check(parse(lines, glossary=outlets, with_text=True), outlets))
    assert any("Current Times" in f.strings for f in found) is flagged
