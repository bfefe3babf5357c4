"""Parsing EUAA-style footnotes and bibliographies, on the corpus document's own lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary import Glossary
from glossary.citations import Citation, parse
from glossary.citations.euaa import parse_citation, scan
from glossary.cli import main

HERE = Path(__file__).parent / "data"
EXCERPT = HERE / "euaa-q24-excerpt.txt"


def _records(lines: list[str], g: Glossary) -> list[Citation]:
    return [c for c in parse(lines, glossary=g) if isinstance(c, Citation)]


def _by_text(records: list[Citation], start: str) -> list[Citation]:
    return [c for c in records if c.text.startswith(start)]


def test_footnote_with_three_citations_pages_and_factiva(excerpt_lines: list[str], outlets: Glossary) -> None:
    fn4 = [c for c in _records(excerpt_lines, outlets) if c.footnote == 4]
    assert [c.outlet.text for c in fn4 if c.outlet] == ["BBC", "ISW", "Times (The)"]
    assert fn4[1].pages == "p. 3"
    assert fn4[1].url_placeholder
    assert fn4[1].date_iso == ["2022-03-12"]
    assert fn4[2].medium == "Factiva"
    assert fn4[2].url is None


def test_oral_sources_in_footnotes_and_bibliography(excerpt_lines: list[str], outlets: Glossary) -> None:
    records = _records(excerpt_lines, outlets)
    entry = _by_text(records, "A human rights defender in Russia, email with EUAA")[0]
    assert entry.kind == "entry"
    assert entry.section == "used/oral"
    assert entry.date_iso == ["2022-03-19", "2022-03-25", "2022-03-26"]
    assert entry.medium == "email with EUAA"
    assert entry.note
    assert entry.note.startswith("The source is based")
    aliyev = _by_text(records, "Aliyev, H., email, 26 March 2022. Dr. H. Aliyev")[0]
    assert aliyev.authors == ["Aliyev, H."]
    assert aliyev.note
    assert aliyev.note.startswith("Dr. H. Aliyev is")


def test_translation_romanized_title_and_state_author(excerpt_lines: list[str], outlets: Glossary) -> None:
    records = _records(excerpt_lines, outlets)
    fn17 = next(c for c in records if c.footnote == 17)
    assert fn17.organisation == "Russia"
    assert fn17.title_romanized == "Ugolovny kodeks Rossiyskoy Federacii"
    assert fn17.translation == "Criminal Code of the Russian Federation"
    assert fn17.date == "1996 (amended on 9 March 2022)"
    rkn = _by_text(records, "Russia, Roskomnadzor, Вниманию")[0]
    assert rkn.outlet
    assert rkn.outlet.id == "roskomnadzor"
    assert (
        rkn.translation == "To the attention of the media and other information resources"
    )  # "informal translation:" dropped


def test_outlet_linked_by_url_and_sub_outlet(excerpt_lines: list[str], outlets: Glossary) -> None:
    records = _records(excerpt_lines, outlets)
    zn = _by_text(records, "ZN,UA, Військові")[0]
    assert zn.outlet
    assert zn.outlet.id == "zn-ua"
    assert zn.outlet.text == "ZN,UA"
    kr = _by_text(records, "RFE/RL, Kavkaz.Realii, Большинство")[0]
    assert kr.organisation == "RFE/RL"
    assert kr.outlet
    assert kr.outlet.id == "kavkaz-realii"
    ifx = _by_text(records, "Interfax, Duma")[0]
    ifu = _by_text(records, "Interfax-Ukraine, SBU")[0]
    assert (ifx.outlet and ifx.outlet.id, ifu.outlet and ifu.outlet.id) == ("interfax", "interfax-ukraine")


def test_page_break_repairs(excerpt_lines: list[str], outlets: Glossary) -> None:
    records = _records(excerpt_lines, outlets)
    dumskaya = _by_text(records, "Dumskaya.net, Российские")
    dumskaya = next(c for c in dumskaya if c.kind == "entry")
    assert dumskaya.url == (
        "https://dumskaya.net/news/rossiyskie-matrosy-ustroili-bunt-kogda-im-prikaz/"
        "?fbclid=IwAR3qQO-YgARAZFt1B1dqSDzk8ljsKOLa75oOuMvBSIx2dv3axFNnrp1Qw"
    )
    assert dumskaya.accessed_iso == "2022-03-22"
    assert len(dumskaya.lines) == 2
    glasgow = _by_text(records, "University of Glasgow, Dr. Husayn")[0]
    assert glasgow.date == "n.d."
    assert glasgow.url
    assert glasgow.url.endswith("/huseynaliyev/")
    sudact = [
        c for c in records if c.url and "sudact" in c.url and "First instance, 1 January 2020" in c.text
    ]
    assert len(sudact) == 1
    assert sudact[0].url
    assert sudact[0].url.endswith("#searchResult")
    assert sudact[0].accessed == "30 March 2022"
    assert "repeated" in sudact[0].issues[0]
    meduza = _by_text(records, "Meduza, «Никто")
    assert meduza[-1].translation
    assert "We thought it were drills." in meduza[-1].translation


def test_missing_comma_after_state_is_noted(excerpt_lines: list[str], outlets: Glossary) -> None:
    gs = _by_text(_records(excerpt_lines, outlets), "Ukraine General Staff")[0]
    assert gs.organisation == "Ukraine"
    assert gs.outlet
    assert gs.outlet.id == "ua-general-staff"
    assert gs.medium == "Facebook"
    assert gs.issues


def test_prose_in_sources_consulted_is_not_an_entry(excerpt_lines: list[str]) -> None:
    items = list(scan(excerpt_lines))
    prose = [t for t in items if not isinstance(t, Citation) and t.kind == "prose"]
    assert any(t.text.startswith("Amnesty International, Chatham House") for t in prose)


def test_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["cite", str(EXCERPT), "--json", "--terms", str(HERE / "terms")])
    records = json.loads(capsys.readouterr().out)
    assert code == 0
    first = records[0]
    assert set(first) >= {
        "outlet",
        "title",
        "title_romanized",
        "translation",
        "date",
        "accessed",
        "url",
        "medium",
        "pages",
        "lines",
        "authors",
        "organisation",
    }
    meduza = [r for r in records if r["outlet"] and r["outlet"]["id"] == "meduza"]
    assert meduza
    assert meduza[0]["outlet"] == {
        "text": "Meduza",
        "id": "meduza",
        "en": "Meduza",
        "how": "preferred",
        "expansion": None,
    }


def test_cli_reads_stdin_in_cp1251(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    text = "SOURCES USED\n\nMeduza, Лучше бы отслужил [It would have been better], 14 May 2019, <https://meduza.io/x>\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("cp1251"))))
    assert main(["cite", "-", "--json", "--terms", str(HERE / "terms")]) == 0
    [record] = json.loads(capsys.readouterr().out)
    assert record["title"] == "Лучше бы отслужил"


def test_cli_undecodable_input_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Meduza, Привет\n".encode("cp1251"))
    assert main(["cite", str(bad), "--encoding", "utf-8"]) == 2
    assert "bad.txt:1: cannot decode byte" in capsys.readouterr().err


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_parser_never_crashes_on_random_text(text: str) -> None:
    parse_citation(text)
    list(scan(text.splitlines()))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "SOURCES USED",
                "",
                "",
                "Meduza, Title [T], 5 April 2022, <https://meduza.io/a>",
                "¹ BBC, X, 1 April 2022, [url](#)",
                "continued text, accessed 3 April 2022",
                "Written sources",
                "<https://example.org/a->",
                "b/c, accessed 1 May 2022",
                "Oral sources",
                "Aliyev, H., email with EUAA, 23 and 26 March 2022.",
                "n.d.",
                "Ukraine, SBU [Telegram], posted on: 7 March 2022",
            ]
        ),
        max_size=40,
    )
)
def test_parser_never_crashes_on_shuffled_corpus_shapes(lines: list[str]) -> None:
    list(scan(lines))


def test_parsing_keeps_no_glossary_alive(excerpt_lines: list[str]) -> None:
    """The outlet linker lives as long as its parse: no module-level cache holds the glossary afterwards."""
    import gc
    import weakref
    from pathlib import Path

    from glossary.store import load

    mini = Path(__file__).parent.parent / "data" / "mini"
    glossary = load(mini)
    assert list(parse(excerpt_lines, glossary=glossary))
    gone = weakref.ref(glossary)
    del glossary
    gc.collect()
    assert gone() is None


def test_two_parses_at_once_keep_their_own_linker(excerpt_lines: list[str], outlets: Glossary) -> None:
    """Each parse has its own linker: one stream without a glossary, read in step with one that has it,
    changes nothing in the other (a module-wide linker, set and reset around a generator, did)."""
    alone = [c.to_json() for c in parse(excerpt_lines, glossary=outlets)]
    bare_alone = [c.to_json() for c in parse(excerpt_lines)]
    assert alone != bare_alone  # the glossary matters here, so the test can tell the two apart
    linked, bare = parse(excerpt_lines, glossary=outlets), parse(excerpt_lines)
    together, bare_together = [], []
    for a, b in zip(linked, bare, strict=False):
        together.append(a.to_json())
        bare_together.append(b.to_json())
    together += [c.to_json() for c in linked]
    bare_together += [c.to_json() for c in bare]
    assert together == alone
    assert bare_together == bare_alone
