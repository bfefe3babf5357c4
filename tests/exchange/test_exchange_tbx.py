"""TBX: TBX-Basic structure, TBX 2008 (martif) import, hostile and broken XML refused with a line."""

from __future__ import annotations

import time
import tracemalloc
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from glossary import Glossary
from glossary.cli import main
from glossary.errors import DataError
from glossary.exchange.tbx import NS, XML_LANG, read_tbx, write_tbx

DATA = Path(__file__).parent / "data"


def test_export_is_tbx_basic_dca(bundled: Glossary) -> None:
    root = ET.fromstring(write_tbx(bundled))
    assert root.tag == f"{{{NS}}}tbx"
    assert root.get("type") == "TBX-Basic"
    assert root.get("style") == "dca"
    entry = root.find(f".//{{{NS}}}conceptEntry[@id='rosgvardiya']")
    assert entry is not None
    langs = [s.get(XML_LANG) for s in entry.iter(f"{{{NS}}}langSec")]
    assert {"en", "ru", "ru-Latn"} <= set(langs)
    terms = {
        t.findtext(f"{{{NS}}}term"): {n.get("type"): n.text for n in t.iter(f"{{{NS}}}termNote")}
        for t in entry.iter(f"{{{NS}}}termSec")
    }
    assert terms["Росгвардия"]["administrativeStatus"] == "preferredTerm-admn-sts"
    assert terms["ФСВНГ"]["termType"] == "abbreviation"
    assert terms["Rosgvardiya"]["termType"] == "variant"  # a romanized form, in a ru-Latn section
    assert any(d.get("type") == "subjectField" for d in entry.iter(f"{{{NS}}}descrip"))
    assert any(r.get("type") == "crossReference" for r in entry.iter(f"{{{NS}}}ref"))
    assert any(a.get("type") == "source" for a in entry.iter(f"{{{NS}}}admin"))


def test_tbx_2008_martif_import() -> None:
    result = read_tbx((DATA / "iate-2008.tbx").read_bytes(), "iate-2008.tbx")
    assert result.problems == []
    by_id = {e["id"]: e for e in result.entries}
    martial = by_id["IATE-3544729"]
    assert martial["en"] == {
        "preferred": "martial law",
        "definition": "Legal regime introduced in the event of armed aggression.",
    }
    assert martial["uk"] == {"preferred": "воєнний стан", "deprecated": ["військовий стан"]}
    assert martial["domains"] == ["defence"]
    fsb = by_id["IATE-889"]
    assert fsb["ru"] == {"preferred": "Федеральная служба безопасности", "abbreviations": ["ФСБ"]}
    assert fsb["en"]["abbreviations"] == ["FSB"]
    # what the model cannot hold is reported, not dropped silently
    assert result.skipped == {"terms in language 'de'": 1, "<descrip type='reliabilityCode'> on a term": 1}


def test_tbx_2008_import_into_folder_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    into = tmp_path / "mine"
    code = main(["import", str(DATA / "iate-2008.tbx"), "--into", str(into), "--jurisdiction", "INT"])
    assert code == 0
    assert main(["validate", str(into)]) == 0
    text = (into / "iate-2008.yaml").read_text(encoding="utf-8")
    assert "id: iate-3544729" in text
    assert "imported from iate-2008.tbx" in text
    err = capsys.readouterr().err
    assert "id IATE-889 became iate-889" in err
    assert "'de'" in err


def test_foreign_file_without_jurisdiction_is_a_validation_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["import", str(DATA / "iate-2008.tbx"), "--into", str(tmp_path / "x")])
    assert code == 2
    assert "jurisdiction" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("billion-laughs.tbx", 3, "entity declaration 'lol' refused"),
        ("external-entity.tbx", 3, "entity declaration 'secret' refused"),
        ("external-dtd.tbx", 2, "external DTD 'http://127.0.0.1:9/evil.dtd' refused"),
        ("malformed.tbx", 9, "not well-formed XML: mismatched tag"),
        ("no-term.tbx", 6, "<termSec> without a <term>"),
    ],
)
def test_hostile_or_broken_xml_is_refused_with_its_line(name: str, line: int, message: str) -> None:
    data = (DATA / name).read_bytes()
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(DataError) as info:
        read_tbx(data, name)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert any(p.line == line and message in p.message and p.file == name for p in info.value.problems), (
        info.value.problems
    )
    assert elapsed < 2
    assert peak < 20_000_000


def test_hostile_xml_through_the_cli(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["import", str(DATA / "billion-laughs.tbx"), "--into", str(tmp_path / "t")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: ")
    assert "billion-laughs.tbx:3:" in err
    assert not (tmp_path / "t").exists()


def test_local_dtd_name_of_cat_tools_is_accepted_but_never_read() -> None:
    # iate-2008.tbx names TBXcoreStructV02.dtd, which does not exist here: it must not be opened
    assert read_tbx((DATA / "iate-2008.tbx").read_bytes(), "iate-2008.tbx").entries


def test_not_tbx_root() -> None:
    with pytest.raises(DataError, match="root element is <html>"):
        read_tbx(b"<html><body/></html>", "page.html")
