"""Austrian BFA source lists: entries, wrapped URLs, in-text keys (issue #16); fixtures in data/README.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.citations import Citation, parse
from glossary.citations.bfa import looks_like_bfa, parse_entry
from glossary.citations.reader import guess_format

DATA = Path(__file__).parent / "data"


def _citations(name: str) -> list[Citation]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [c for c in parse(lines, fmt="bfa") if isinstance(c, Citation)]


def test_format_is_recognised() -> None:
    head = (DATA / "bfa-dev.txt").read_text(encoding="utf-8")
    assert looks_like_bfa(head)
    assert guess_format("report.txt", head) == "bfa"
    # not BFA: one citation line with no heading is a pasted list (issue #12)
    assert guess_format("report.txt", "Meduza, Title, 1 April 2022, https://meduza.io") == "list"


def test_entry_with_cyrillic_title_and_german_translation() -> None:
    entries = [c for c in _citations("bfa-dev.txt") if c.kind == "entry"]
    constitution = next(c for c in entries if c.outlet and c.outlet.text == "Verfassung RUSS")
    assert constitution.lines == [20, 21, 22]
    assert constitution.outlet is not None
    assert constitution.outlet.expansion == "Verfassung"
    assert constitution.organisation == "Russland"
    assert constitution.date == "6.10.2022"
    assert constitution.date_iso == ["2022-10-06"]
    assert constitution.title == "Конституция РФ с изменениями 2022 года"
    assert constitution.translation == "Verfassung der RF mit Änderungen des Jahres 2022"
    assert constitution.url == "http://duma.gov.ru/news/55446"
    assert constitution.accessed == "27.2.2024"
    assert constitution.accessed_iso == "2024-02-27"


def test_url_broken_by_the_line_wrap_is_rejoined() -> None:
    medcoi = next(
        c for c in _citations("bfa-dev.txt") if c.kind == "entry" and c.outlet and c.outlet.text == "EUAA MedCOI"
    )
    assert medcoi.url == (
        "https://coi.euaa.europa.eu/administration/easo/PLib/2022_09_EUAA_MedCOI_Country_Report_Russian_Federation.pdf"
    )
    assert medcoi.date_iso == ["2022-09"]  # month.year
    assert medcoi.outlet is not None
    assert medcoi.outlet.expansion == "Medical Country of Origin Information by EUAA (European Agency for Asylum)"
    assert "URL broken by line-wrap spaces: rejoined" in medcoi.issues


def test_undated_entry_email_and_login_note() -> None:
    by_line = {c.lines[0]: c for c in _citations("bfa-dev.txt") if c.kind == "entry"}
    botkin = by_line[6]
    assert botkin.date == "o.D."
    assert botkin.url == "https://botkinmoscow.ru"
    assert botkin.title == "Startseite"
    email = by_line[15]
    assert email.medium == "email"
    assert email.url is None
    assert email.title == "Auskunft der Botschaft"
    report = by_line[17]
    assert report.note == "[Login erforderlich]"
    assert report.accessed_iso == "2024-11-08"


def test_in_text_references_resolve_through_the_documents_key() -> None:
    refs = [c for c in _citations("bfa-dev.txt") if c.kind == "footnote"]
    by_key = {c.outlet.text: c for c in refs if c.outlet}
    assert set(by_key) == {"EUAA MedCOI", "Verfassung RUSS", "ÖB Moskau"}
    embassy = by_key["ÖB Moskau"]  # two entries share the key: the date picks the right one
    assert embassy.url == "https://www.ecoi.net/en/file/local/2116897/RUSS_ÖB-Bericht_2024_07.pdf"
    assert embassy.lines == [25]
    assert by_key["Verfassung RUSS"].title == "Конституция РФ с изменениями 2022 года"


def test_reference_to_a_missing_date_is_reported() -> None:
    lines = [
        "■ KR - Kommersant [Russland] (6.11.2023): Titel, https://www.kommersant.ru/doc/1, Zugriff 1.12.2023",
        "Die Gruppe zog sich zurück (KR 7.11.2023).",
    ]
    refs = [c for c in parse(lines, fmt="bfa") if isinstance(c, Citation) and c.kind == "footnote"]
    assert len(refs) == 1
    assert refs[0].url is None
    assert refs[0].issues == ["'KR 7.11.2023': no source-list entry with this date"]


@pytest.mark.parametrize(
    ("line", "key", "publisher"),
    [
        ("■ ISW - Institute for the Study of War (22.10.2023): Russian Offensive Campaign Assessment, "
         "https://www.understandingwar.org/x, Zugriff 1.11.2023", "ISW", "Institute for the Study of War"),
        ("■ VB Moskau - Verbindungsbeamter des BMI in Russland [Österreich] (10.2.2025): Auskunft des VB, per "
         "E-Mail", "VB Moskau", "Verbindungsbeamter des BMI in Russland"),
    ],
)
def test_entry_heads(line: str, key: str, publisher: str) -> None:
    c = parse_entry(line)
    assert c.outlet is not None
    assert (c.outlet.text, c.outlet.expansion) == (key, publisher)


def test_heldout_source_list() -> None:
    """Written after the parser, from a part of the report it was not developed on."""
    entries = [c for c in _citations("bfa-heldout.txt") if c.kind == "entry"]
    assert [c.outlet.text for c in entries if c.outlet] == ["ACF", "BBC", "BS", "DW"]
    bbc, bs, dw = entries[1], entries[2], entries[3]
    assert bbc.title == "Putin critic Alexei Navalny dies in Arctic Circle jail, says Russia"
    assert bbc.date_iso == ["2024-02-16"]
    assert bs.url == "https://bti-project.org/fileadmin/api/content/en/downloads/reports/country_report_2024_RUS.pdf"
    assert bs.date_iso == ["2024"]
    assert dw.url == "https://www.dw.com/de/nawalnys-netzwerk-ist-zerschlagen/a-57536221"
    assert dw.accessed_iso == "2024-08-22"
