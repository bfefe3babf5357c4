"""CSV/TSV: BOM for Excel, TSV, plain sheets, errors with row numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary import Glossary
from glossary.cli import main
from glossary.errors import DataError
from glossary.exchange.csv import COLUMNS, read_csv, write_csv

DATA = Path(__file__).parent / "data"


def test_bom_only_when_asked(mini: Glossary) -> None:
    assert write_csv(mini, bom=True).startswith(b"\xef\xbb\xbf" + b"concept_id,")
    assert write_csv(mini).startswith(b"concept_id,")


def test_one_row_per_term_with_type_and_status(bundled: Glossary) -> None:
    text = write_csv([bundled.get("rosgvardiya")], delimiter="\t").decode()
    rows = [line.split("\t") for line in text.splitlines()]
    assert tuple(rows[0]) == COLUMNS
    assert ["rosgvardiya", "ru", "Росгвардия", "term", "preferred", "", "", ""] in rows
    assert any(r[:5] == ["rosgvardiya", "ru", "ФСВНГ", "abbreviation", "admitted"] for r in rows)
    assert any(r[1] == "ru-Latn" and r[2] == "Rosgvardiya" and r[3] == "transliteration" for r in rows)


def test_plain_sheet_first_term_is_preferred() -> None:
    result = read_csv((DATA / "plain-sheet.csv").read_bytes(), "plain-sheet.csv")
    assert result.problems == []
    assert result.entries == [
        {
            "id": "mobilisation",
            "en": {"preferred": "mobilisation"},
            "ru": {"preferred": "мобилизация", "deprecated": ["мобилизации"]},
            "uk": {"preferred": "мобілізація"},
        }
    ]


def test_bad_rows_are_reported_with_line_numbers() -> None:
    data = "concept_id,language,term,type,status\na,en,x,term,preferred\nb,en,y,weird,preferred\n,en,z,,\n"
    with pytest.raises(DataError) as info:
        read_csv(data.encode(), "s.csv")
    assert [(p.line, p.entry) for p in info.value.problems] == [(3, "b"), (4, None)]


def test_missing_columns_and_bad_encoding() -> None:
    with pytest.raises(DataError, match="missing column"):
        read_csv(b"id,lang,text\n", "s.csv")
    with pytest.raises(DataError, match=r"s\.csv:2: not UTF-8"):
        read_csv("concept_id,language,term\na,ru,армия\n".encode("cp1251"), "s.csv")


def test_conflicts_are_reported_never_overwritten(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    into = tmp_path / "mine"
    sheet = tmp_path / "a.csv"
    sheet.write_text(
        "concept_id,language,term,type,status\nmobilisation,en,mobilisation,concept:type,\n"
        "mobilisation,,term,concept:type,\n"
        "mobilisation,,UA,concept:jurisdiction,\nmobilisation,en,mobilisation,term,preferred\n",
        encoding="utf-8",
    )
    assert main(["import", str(sheet), "--into", str(into)]) == 0
    before = (into / "a.yaml").read_text(encoding="utf-8")
    changed = tmp_path / "b.csv"
    changed.write_text(
        sheet.read_text(encoding="utf-8").replace("UA", "RU")
        + "other,en,other thing,term,preferred\nother,,RU,concept:jurisdiction,\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["import", str(changed), "--into", str(into), "--name", "a.yaml"]) == 1
    out = capsys.readouterr()
    assert "conflict: mobilisation is already in" in out.err
    assert "jurisdiction" in out.err
    assert "1 concept added" in out.out
    after = (into / "a.yaml").read_text(encoding="utf-8")
    assert after.startswith(before)  # the existing entry is untouched
    assert "id: other" in after
    assert after.count("id: mobilisation") == 1
    assert main(["validate", str(into)]) == 0
