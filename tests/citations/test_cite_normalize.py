"""``glossary normalize``: safe fixes, every entry kept, idempotent, atomic in-place writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary import Glossary
from glossary.citations import Citation, formats, normalize_text
from glossary.citations.euaa import scan
from glossary.cli import main

HERE = Path(__file__).parent / "data"
EXCERPT = HERE / "euaa-q24-excerpt.txt"


def test_fixes_on_corpus_lines(excerpt_lines: list[str], outlets: Glossary) -> None:
    result = normalize_text(excerpt_lines, outlets)
    text = result.text
    assert "⁴⁸ MK.ru, В Новосибирске" in text
    assert "МК.ru" not in text  # homoglyphs repaired
    assert "Rossiyskoy Federatsii [Criminal Code" in text
    assert "Federacii" not in text  # one romanization
    assert "*Nastoyashchee vremya*, “Они" in text
    assert "Graty [Telegram]" in text  # glossary's outlet names
    assert "Ukraine, General Staff of the Armed Forces of Ukraine [Facebook], posted on: 25 March" in text
    assert (
        "rossiyskie-matrosy-ustroili-bunt-kogda-im-prikaz/?fbclid=IwAR3qQO-YgARAZFt1B1dqSDzk8ljsKOLa75oOuMvBSIx"
        "2dv3axFNnrp1Qw>, accessed 22 March 2022"
    ) in text  # URL split by the page break joined
    lines = text.splitlines()
    uk = lines.index(
        next(
            ln
            for ln in lines
            if ln.startswith(
                "Ukraine, General Staff of the Armed Forces of Ukraine [Facebook], posted on: 25 March"
            )
        )
    )
    glasgow = lines.index(next(ln for ln in lines if ln.startswith("University of Glasgow")))
    assert uk < glasgow  # sorted
    assert result.count_in == result.count_out
    kinds = {c.kind for c in result.changes}
    assert {"homoglyph", "romanization", "outlet-name", "page-break", "order", "style"} <= kinds
    # text outside citations is untouched
    assert "Rosgvardia in Krasnodar" in text


def test_normalizing_twice_changes_nothing(excerpt_lines: list[str], outlets: Glossary) -> None:
    once = normalize_text(excerpt_lines, outlets).text
    twice = normalize_text(once.splitlines(), outlets)
    assert twice.text == once
    assert not twice.changes


def test_add_romanized_title(outlets: Glossary) -> None:
    lines = [
        "SOURCES USED",
        "",
        "Meduza, Лучше бы отслужил [It would have been better to serve], 14 May 2019, <https://meduza.io/a>",
    ]
    text = normalize_text(lines, outlets, add_romanized=True).text
    assert "Лучше бы отслужил (Luchshe by otsluzhil) [It would have been better" in text
    assert normalize_text(text.splitlines(), outlets, add_romanized=True).text == text


def test_in_place_keeps_backup_and_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "report.txt"
    original = EXCERPT.read_bytes()
    doc.write_bytes(original)
    report = tmp_path / "changes.json"
    assert (
        main(["normalize", str(doc), "--in-place", "--report", str(report), "--terms", str(HERE / "terms")])
        == 0
    )
    assert (tmp_path / "report.txt.bak").read_bytes() == original
    assert doc.read_bytes() != original
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["count_in"] == data["count_out"] > 50
    assert all({"lines", "kind", "before", "after"} <= set(c) for c in data["changes"])
    assert "citations in" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".glossary-")] == []


def test_input_is_not_overwritten_without_in_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "r.txt"
    doc.write_bytes(EXCERPT.read_bytes())
    assert main(["normalize", str(doc), "--terms", str(HERE / "terms")]) == 0
    assert doc.read_bytes() == EXCERPT.read_bytes()
    assert "MK.ru" in capsys.readouterr().out


def test_unknown_scheme_lists_valid_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["normalize", str(EXCERPT), "--scheme", "nope", "--terms", str(HERE / "terms")]) == 2
    assert "bgn-pcgn" in capsys.readouterr().err


_SHAPES = [
    "SOURCES USED",
    "",
    "",
    "",
    "Oral sources",
    "Written sources",
    "Meduza, Лучше бы отслужил [It would have been better], 14 May 2019, <https://meduza.io/a>",
    "МК.ru, В Новосибирске [In Novosibirsk], 19 November 2021, <https://mk.ru/b>, accessed 22 March 2022",
    "Fakti, Title [T], 16 March 2022, <https://fakty.com.ua/ua/ukraine/2022->",
    "kogda-im-prikaz/?x=1, accessed 22 March 2022",
    "were drills.” Meduza tells, 23 March 2022, https://meduza.io/c",
    "Aliyev, H., email with EUAA, 23 and 26 March 2022.",
    "University of Glasgow, Dr. Husayn Aliyev, n.d.",
    "<https://www.gla.ac.uk/x/>, accessed 3 April 2022",
    "Ukraine General Staff of the Armed Forces of Ukraine [Facebook], posted on: 25 March 2022",
    "Russia, Ugolovny kodeks Rossiyskoy Federacii [Criminal Code], 1996",
    "Russia, Glavnoe upravlenie Rossiyskoy Federatsii [Main Department], Title, 25 February 2021",
    "¹ МК.ru, В Новосибирске [In Novosibirsk], 19 November 2021, [url](#); Fakti, T, 1 May 2022, [url](#)",
    "Some prose without a date or link.",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_SHAPES), max_size=30))
def test_normalize_never_changes_the_number_of_entries(lines: list[str]) -> None:
    result = normalize_text(lines, None)
    after = [i for i in scan(result.text.splitlines()) if isinstance(i, Citation)]
    before = [i for i in scan(lines) if isinstance(i, Citation)]
    assert len(after) == len(before) == result.count_in == result.count_out
    assert normalize_text(result.text.splitlines(), None).text == result.text


# -- round trips ---------------------------------------------------------------------------------------
# ``date`` and ``accessed`` themselves are not compared: BibTeX and RIS write them in their own syntax
# (2022-03-23/2022-03-26, 2022/03/23/), so they read back as ISO; the dates they name must be the same
_FIELDS = (
    "authors",
    "organisation",
    "title",
    "title_romanized",
    "translation",
    "date_iso",
    "accessed_iso",
    "url",
    "medium",
    "pages",
    "note",
)


def _fields(c: Citation) -> tuple[object, ...]:
    return (*(getattr(c, f) for f in _FIELDS), c.outlet.text if c.outlet else None)


@pytest.mark.parametrize("fmt", ["bibtex", "csl-json", "ris"])
def test_round_trip(fmt: str, excerpt_lines: list[str], outlets: Glossary, tmp_path: Path) -> None:
    once = normalize_text(excerpt_lines, outlets).text
    records = [c for c in normalize_text(once.splitlines(), outlets).records if c.kind == "entry"]
    first = formats.write(records, fmt)
    parsed = list(formats.read(first, fmt))
    assert [_fields(c) for c in parsed] == [_fields(c) for c in records]
    # in → normalize → out → parse again gives the same records; normalizing again changes nothing
    src = tmp_path / f"refs.{ {'bibtex': 'bib', 'csl-json': 'json', 'ris': 'ris'}[fmt] }"
    src.write_text(first, encoding="utf-8")
    out = tmp_path / ("out." + src.suffix[1:])
    assert main(["normalize", str(src), "-o", str(out), "--terms", str(HERE / "terms")]) == 0
    again = list(formats.read(out.read_text(encoding="utf-8"), fmt))
    assert sorted(map(repr, map(_fields, again))) == sorted(repr(_fields(c)) for c in parsed)
    out2 = tmp_path / ("out2." + src.suffix[1:])
    assert main(["normalize", str(out), "-o", str(out2), "--terms", str(HERE / "terms")]) == 0
    assert out2.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


def test_cyrillic_fields_survive_bibtex_csl_ris() -> None:
    c = Citation(
        text="",
        lines=[],
        authors=["Сахибгареев, А."],
        title="Лучше бы отслужил",
        title_romanized="Luchshe by otsluzhil",
        translation="It would have been better to serve",
        date="14 May 2019",
        url="https://rg.ru/2019/05/14/x.html",
        accessed="22 March 2022",
    )
    for fmt in ("bibtex", "csl-json", "ris"):
        [back] = formats.read(formats.write([c], fmt), fmt)
        assert (back.title, back.title_romanized, back.translation, back.authors, back.date_iso) == (
            c.title,
            c.title_romanized,
            c.translation,
            c.authors,
            ["2019-05-14"],
        ), fmt


def test_normalized_order_does_not_join_an_entry_to_a_url_ending_in_a_hyphen() -> None:
    """Sorted, the Fakti entry (its link ends in '-') comes before Meduza's; re-reading must keep them apart."""
    lines = [
        "SOURCES USED", "",
        "Meduza, Лучше бы отслужил [It would have been better], 14 May 2019, <https://meduza.io/a>", "",
        "Fakti, Title [T], 16 March 2022, <https://fakty.com.ua/ua/ukraine/2022->",
    ]
    result = normalize_text(lines, None)
    assert len([i for i in scan(result.text.splitlines()) if isinstance(i, Citation)]) == 2
    assert normalize_text(result.text.splitlines(), None).text == result.text
