"""A few citations pasted with no heading (format ``list``, issue #12): they parse, and prose does not."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary.citations import parse
from glossary.citations.model import Citation
from glossary.citations.reader import guess_format
from glossary.citations.reflist import is_citation_line, looks_like_list

DATA = Path(__file__).parent / "data"
# Printed in UK Home Office CPINs (2024-2026) as the issue quotes them, and in cpin.py's example.
CPIN_LINES = [
    'BBC, "They are there." How Russian conscripts ended up fighting in Kursk, 9 August 2024. Accessed: 23 April 2026',
    "Amnesty International, ‘Russia: Kremlin’s crackdown ...’, 10 March 2022. Last accessed: 24 March 2022",
]
PROSE = [
    "On 21 September 2022, Putin announced a partial mobilisation.",
    "According to Meduza, on 5 March 2022 the ministry announced new rules.",
    "According to Meduza, the ministry announced new rules on 5 March 2022.",
    "Evading conscription is punishable by fines, and by imprisonment since 2022.",
]
FIELDS = ("title", "translation", "date", "date_iso", "url", "accessed", "accessed_iso", "authors")


def _euaa_single_line_entries() -> list[Citation]:
    lines = (DATA / "euaa-q24-excerpt.txt").read_text(encoding="utf-8").splitlines()
    items = parse(lines, fmt="euaa")
    return [c for c in items if isinstance(c, Citation) and c.kind == "entry" and len(c.lines) == 1]


def test_one_cpin_line_on_stdin_parses_through_the_entry_point() -> None:
    done = subprocess.run([sys.executable, "-m", "glossary", "cite", "-", "--json"], input=CPIN_LINES[0] + "\n",
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    [record] = json.loads(done.stdout)
    assert record["outlet"]["text"] == "BBC"
    assert record["date_iso"] == ["2024-08-09"]
    assert record["accessed_iso"] == "2026-04-23"
    assert "How Russian conscripts ended up fighting in Kursk" in record["title"]


def test_cpin_lines_without_heading_are_guessed_and_read() -> None:
    text = "\n".join(CPIN_LINES)
    assert guess_format("-", text) == "list"
    records = [c for c in parse(CPIN_LINES, fmt="list") if isinstance(c, Citation)]
    assert [c.outlet.text if c.outlet else None for c in records] == ["BBC", "Amnesty International"]
    assert records[1].title == "Russia: Kremlin’s crackdown ..."  # quotes removed, as cpin does
    assert [c.format for c in records] == ["cpin", "cpin"]


def test_euaa_entries_pasted_alone_read_as_they_do_under_their_heading() -> None:
    """Every one-line bibliography entry of the corpus excerpt, pasted without the document around it."""
    in_document = _euaa_single_line_entries()
    assert len(in_document) > 40
    alone = [c for c in parse([c.text for c in in_document], fmt="list") if isinstance(c, Citation)]
    assert len(alone) == len(in_document)
    for a, d in zip(alone, in_document, strict=True):
        for name in FIELDS:
            assert getattr(a, name) == getattr(d, name), (name, d.text)
        assert (a.outlet.text if a.outlet else None) == (d.outlet.text if d.outlet else None), d.text


def test_outlets_of_pasted_lines_are_linked_to_the_glossary(bundled: object) -> None:
    line = "Meduza, ‘В России фактически...’, 25 March 2022, https://meduza.io/news/2022/03/25/x"
    [c] = [c for c in parse([line], fmt="list", glossary=bundled) if isinstance(c, Citation)]  # type: ignore[arg-type]
    assert c.outlet is not None
    assert c.outlet.id == "meduza"


@pytest.mark.parametrize("line", PROSE)
def test_prose_with_a_date_is_not_a_citation(line: str) -> None:
    assert not is_citation_line(line)
    assert guess_format("-", line) == "euaa"


def test_a_document_with_prose_is_not_a_list() -> None:
    assert not looks_like_list([*CPIN_LINES, "", PROSE[0]])
    assert not looks_like_list(["", "  "])


@given(st.lists(st.sampled_from([*CPIN_LINES, *PROSE, "", "Sources used", "Meduza,"]), max_size=8))
def test_list_scan_keeps_every_line(lines: list[str]) -> None:
    """Each input line is either one citation or one text item, in order: nothing dropped, nothing doubled."""
    seen: list[int] = []
    for item in parse(lines, fmt="list", with_text=True):
        seen.extend(item.lines if isinstance(item, Citation) else [item.line])
    assert seen == [n for n, line in enumerate(lines, start=1) if line.strip()]
