"""Dates in each bibliography format's own syntax, from the formats' own examples, through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary.citations import datesyntax, formats
from glossary.citations.model import Citation
from glossary.cli import main


def _record(date: str | None, accessed: str | None = None) -> Citation:
    c = Citation(text="", lines=[], title="Title", date=date, accessed=accessed, url="https://meduza.io/a")
    formats._finish(c)
    return c


# biblatex date fields, as pandoc-citeproc's biblatex test file (tests/biblio2yaml/dates.biblatex) writes them
@pytest.mark.parametrize(
    ("edtf", "isos"),
    [
        ("2012-12-13", ["2012-12-13"]),
        ("1999-10-14/2010-01-23", ["1999-10-14", "2010-01-23"]),
        ("1999-12/2000-01", ["1999-12", "2000-01"]),
        ("1888-10-01", ["1888-10-01"]),
        ("1999", ["1999"]),
    ],
)
def test_biblatex_dates_read_and_write_back(edtf: str, isos: list[str]) -> None:
    found = datesyntax.span(edtf)
    assert found is not None
    assert datesyntax.isos(found) == isos
    assert datesyntax.edtf(found) == edtf


def test_bibtex_year_and_month_fields_are_read() -> None:
    """The same file's BibTeX-style entries: ``Month = aug, Year = {1999}`` and ``Month = {08}``."""
    text = (
        "@article{year-month-old, Author = {Author, Al}, Month = aug, Title = {Old}, Year = {1999}}\n"
        "@article{year-month-new, Author = {Author, Al}, Month = {08}, Title = {New}, Year = {1999}}\n"
    )
    assert [(c.date, c.date_iso) for c in formats.read(text, "bibtex")] == [
        ("1999-08", ["1999-08"]),
        ("1999-08", ["1999-08"]),
    ]


# RIS 2011 specification: DA "YYYY/MM/DD/other info", each part optional but the slashes kept ("1993///Spring")
@pytest.mark.parametrize(
    ("ris", "iso"),
    [("1993///Spring", "1993"), ("1998///Spring", "1998"), ("2017/11/16/noon", "2017-11-16"),
     ("2017/11/16/", "2017-11-16"), ("2001/02//", "2001-02")],
)
def test_ris_dates_from_the_specification(ris: str, iso: str) -> None:
    found = datesyntax.span(ris)
    assert found is not None
    assert datesyntax.isos(found) == [iso]
    assert datesyntax.ris(found) == ris


# CSL-JSON ranges as the CSL test suite writes them (date_RangeDelimiter: two date-parts arrays)
@pytest.mark.parametrize(
    ("parts", "isos"),
    [
        ([[1999, 1, 2], [1999, 1, 4]], ["1999-01-02", "1999-01-04"]),
        ([[1999, 1, 2], [2000, 1, 4]], ["1999-01-02", "2000-01-04"]),
        ([[2000, 12, 31]], ["2000-12-31"]),
        ([[1999, 8]], ["1999-08"]),
    ],
)
def test_csl_date_parts_are_read(parts: list[list[int]], isos: list[str]) -> None:
    [c] = formats.read(json.dumps([{"id": "ITEM-1", "type": "book", "issued": {"date-parts": parts}}]), "csl-json")
    assert c.date_iso == isos


# what reports print → what each format writes
CASES = [
    # printed,               biblatex date,              year,   month, RIS DA,        CSL date-parts
    ("23 and 26 March 2022", "2022-03-23/2022-03-26", "2022", "mar", "2022/03/23/", [[2022, 3, 23], [2022, 3, 26]]),
    ("23–26 March 2022", "2022-03-23/2022-03-26", "2022", "mar", "2022/03/23/", [[2022, 3, 23], [2022, 3, 26]]),
    ("14 May 2019", "2019-05-14", "2019", "may", "2019/05/14/", [[2019, 5, 14]]),
    ("19 марта 2022 г.", "2022-03-19", "2022", "mar", "2022/03/19/", [[2022, 3, 19]]),
    ("March 2022", "2022-03", "2022", "mar", "2022/03//", [[2022, 3]]),
    ("2022", "2022", "2022", None, "2022///", [[2022]]),
]


@pytest.mark.parametrize(("printed", "edtf", "year", "month", "ris", "parts"), CASES)
def test_printed_dates_in_each_syntax(printed: str, edtf: str, year: str, month: str | None, ris: str,
                                      parts: list[list[int]]) -> None:
    bib = formats.write([_record(printed)], "bibtex")
    assert f"date = {{{edtf}}}" in bib
    assert f"year = {{{year}}}" in bib
    assert (f"month = {month}," in bib) if month else ("month" not in bib)
    ris_text = formats.write([_record(printed)], "ris")
    assert f"PY  - {year}\n" in ris_text
    assert f"DA  - {ris}\n" in ris_text
    [item] = json.loads(formats.write([_record(printed)], "csl-json"))
    assert item["issued"]["date-parts"] == parts
    for fmt in ("bibtex", "ris", "csl-json"):  # and the same dates come back
        [back] = formats.read(formats.write([_record(printed)], fmt), fmt)
        assert back.date_iso == _record(printed).date_iso, fmt


def test_undated_and_unreadable_dates() -> None:
    nd = _record("n.d.")
    assert "date" not in formats.write([nd], "bibtex")
    assert "PY  -" not in formats.write([nd], "ris")
    assert json.loads(formats.write([nd], "csl-json"))[0]["issued"] == {"literal": "n.d."}
    [back] = formats.read(formats.write([nd], "csl-json"), "csl-json")
    assert back.date == "n.d."
    # a date without a year is not invented into one: it is kept as printed
    odd = _record("22 March")
    assert "printeddate = {22 March}" in formats.write([odd], "bibtex")
    assert "C2  - 22 March\n" in formats.write([odd], "ris")
    assert json.loads(formats.write([odd], "csl-json"))[0]["issued"] == {"raw": "22 March"}


def test_several_days_keep_the_printed_date_where_the_syntax_cannot() -> None:
    """19, 25 and 26 March are not a range: the range is written, and the printed days kept beside it."""
    c = _record("19, 25, 26 March 2022")
    bib = formats.write([c], "bibtex")
    assert "date = {2022-03-19/2022-03-26}" in bib
    assert "printeddate = {19, 25, 26 March 2022}" in bib
    for fmt in ("bibtex", "ris", "csl-json"):
        [back] = formats.read(formats.write([c], fmt), fmt)
        assert back.date_iso == ["2022-03-19", "2022-03-25", "2022-03-26"], fmt


def test_accessed_dates_in_each_syntax() -> None:
    c = _record("14 May 2019", accessed="22 March 2022")
    assert "urldate = {2022-03-22}" in formats.write([c], "bibtex")
    assert "Y2  - 2022/03/22/\n" in formats.write([c], "ris")
    assert json.loads(formats.write([c], "csl-json"))[0]["accessed"]["date-parts"] == [[2022, 3, 22]]


def test_normalize_to_each_format_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "report.txt"
    src.write_text(
        "Sources used\n\n"
        "Meduza, Статья [Article], 23 and 26 March 2022, https://meduza.io/a, accessed 1 April 2022\n\n"
        "Novaya Gazeta, Другая [Another], March 2022, https://novayagazeta.ru/b, accessed 2 April 2022\n",
        encoding="utf-8",
    )
    outs = {}
    for fmt, ext in (("bibtex", "bib"), ("ris", "ris"), ("csl-json", "json")):
        out = tmp_path / f"refs.{ext}"
        assert main(["normalize", str(src), "--to", fmt, "-o", str(out)]) == 0
        outs[fmt] = out.read_text(encoding="utf-8")
    capsys.readouterr()
    assert "date = {2022-03-23/2022-03-26}" in outs["bibtex"]
    assert "date = {2022-03}" in outs["bibtex"]
    assert "urldate = {2022-04-01}" in outs["bibtex"]
    assert "DA  - 2022/03/23/\n" in outs["ris"]
    assert "DA  - 2022/03//\n" in outs["ris"]
    issued = [item["issued"]["date-parts"] for item in json.loads(outs["csl-json"])]
    assert sorted(issued) == [[[2022, 3]], [[2022, 3, 23], [2022, 3, 26]]]
