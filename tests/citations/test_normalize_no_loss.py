"""normalize never loses text (issue #16): refusals leave the input untouched; other lines stay verbatim."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary.citations import normalize_text
from glossary.citations.model import Citation
from glossary.cli import main

DATA = Path(__file__).parent / "data"

# German prose and a source list in a style glossary does not read: nothing here is a citation to it
UNRECOGNISED = (
    "Wehrdienst\n"
    "Die Wehrpflicht gilt für Männer zwischen 18 und 30 Jahren.\n"
    "\n"
    "Literatur\n"
    "* Ein Buch ohne Datum und ohne Adresse\n"
)


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("fmt", [None, "euaa", "cpin", "bfa", "list"])
def test_unrecognised_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str | None) -> None:
    path = tmp_path / "report.txt"
    path.write_text(UNRECOGNISED, encoding="utf-8")
    extra = ["--format", fmt] if fmt else []
    code, out, err = _cli(capsys, "normalize", str(path), *extra)
    assert code == 1
    assert out == ""
    assert "no citations found" in err
    code, out, err = _cli(capsys, "normalize", str(path), "--in-place", *extra)
    assert code == 1
    assert path.read_text(encoding="utf-8") == UNRECOGNISED
    assert not (tmp_path / "report.txt.bak").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]  # no temporary file left


def test_unrecognised_input_with_output_file_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "report.txt"
    path.write_text(UNRECOGNISED, encoding="utf-8")
    code, _, _ = _cli(capsys, "normalize", str(path), "-o", str(tmp_path / "out.txt"))
    assert code == 1
    assert not (tmp_path / "out.txt").exists()


def test_check_says_no_citations_found(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "report.txt"
    path.write_text(UNRECOGNISED, encoding="utf-8")
    code, out, err = _cli(capsys, "check", str(path))
    assert out == ""
    assert code == 1
    assert "no citations found" in err


def test_bfa_in_place_keeps_every_other_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = (DATA / "bfa-dev.txt").read_text(encoding="utf-8")
    path = tmp_path / "bfa.txt"
    path.write_text(original, encoding="utf-8")
    code, _, err = _cli(capsys, "normalize", str(path), "--in-place")
    assert code == 0, err
    assert (tmp_path / "bfa.txt.bak").read_text(encoding="utf-8") == original
    written = path.read_text(encoding="utf-8").splitlines()
    body = original.splitlines()[:5] + original.splitlines()[13:14] + original.splitlines()[22:]
    assert [ln for ln in written if ln in body] == body  # headings and prose: verbatim, in order
    assert any("https://coi.euaa.europa.eu/administration/easo/PLib/2022_09" in ln for ln in written)


def _kept_in_order(lines: list[str], fmt: str) -> None:
    result = normalize_text(lines, None, fmt=fmt)
    used = {n for c in result.records if isinstance(c, Citation) for n in c.lines}
    for change in result.changes:
        used.update(change.lines)
    others = [line for n, line in enumerate(lines, start=1) if n not in used and line.strip()]
    out = iter(result.text.splitlines())
    for line in others:  # every other non-blank line appears, verbatim, in the same order
        assert any(o == line for o in out), line


_LINE = st.one_of(
    st.text(max_size=60),
    st.sampled_from([
        "", "Quellen", "Sources used", "Bibliography", "■ ", "■ X - Y (1.2.2024): T, https://e.org/a, Zugriff 2.2.2024",
        "Meduza, Title, 1 April 2022, https://meduza.io/x", "¹ BBC, Title, 1 April 2022, [url](#)", "22.1 Kapitel",
        "Accessed: 3 March 2022", "(KR 6.11.2023; vgl. X 1.2.2024)", "text with (brackets) and [more]",
    ]),
)


@pytest.mark.parametrize("fmt", ["euaa", "cpin", "bfa", "list"])
@given(st.lists(_LINE, max_size=30))
def test_lines_outside_citations_are_kept(fmt: str, lines: list[str]) -> None:
    lines = [ln.replace("\r", " ").replace("\n", " ") for ln in lines]
    _kept_in_order([ln for ln in lines if not any(ch in ln for ch in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")], fmt)


@pytest.mark.parametrize(("name", "fmt"), [("euaa-q24-excerpt.txt", "euaa"), ("bfa-dev.txt", "bfa"),
                                           ("bfa-heldout.txt", "bfa")])
def test_fixture_documents_keep_their_other_lines(name: str, fmt: str) -> None:
    _kept_in_order((DATA / name).read_text(encoding="utf-8").splitlines(), fmt)


def test_entry_point_refuses_with_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(UNRECOGNISED, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "glossary", "normalize", str(path), "--in-place"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert done.stdout == ""
    assert path.read_text(encoding="utf-8") == UNRECOGNISED


def test_loss_guard() -> None:
    from glossary.commands.normalize import Refused, _guard_loss

    _guard_loss(100, 90, 10)  # every removed character is a reported change
    _guard_loss(100, 120, 0)
    with pytest.raises(Refused, match="lose 1 characters"):
        _guard_loss(100, 89, 10)
