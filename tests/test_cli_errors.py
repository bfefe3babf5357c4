"""Usage errors: an empty query is one, and every error is a single ``Error:`` line on stderr (exit 2)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.cli import main
from glossary.fileio import atomic_write, current_umask

MINI = str(Path(__file__).parent / "data" / "mini")


def _error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run *argv*, expecting exit 2 and exactly one ``Error:`` line on stderr (even from argparse)."""
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse leaves through SystemExit
        code = exc.code  # type: ignore[assignment]
    out, err = capsys.readouterr()
    assert code == 2, (argv, out, err)
    assert err.startswith("Error: "), err
    assert err.count("\n") == 1, err
    return err


def test_empty_query_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    err = _error(capsys, "lookup", "", "--terms", MINI)
    assert "the query is empty" in err


@settings(max_examples=20, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(blank=st.text(alphabet=" \t\u00a0\u2003", max_size=5))
def test_blank_queries_are_usage_errors(blank: str, capsys: pytest.CaptureFixture[str]) -> None:
    _error(capsys, "lookup", blank, "--terms", MINI)


def test_no_query_on_stdin_is_a_usage_error(capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("\n  \n"))
    assert "standard input" in _error(capsys, "lookup", "-", "--terms", MINI)


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["lookup"], "glossary lookup: the following arguments are required: QUERY"),
        (["lookup", "omon", "--top", "many"], "argument --top: invalid int value: 'many'"),
        (["nosuchcommand"], "glossary: argument COMMAND: invalid choice: 'nosuchcommand'"),
        (["translit", "--lang", "de", "x"], "argument --lang: invalid choice: 'de'"),
        (["check", "report.txt", "--no-such-option"], "unrecognized arguments: --no-such-option"),
        (["lookup", "omon", "--lang", "fr"], "fr"),
        (["translit", "--scheme", "nosuch", "Щука"], "nosuch"),
    ],
)
def test_every_error_is_one_line(argv: list[str], says: str, capsys: pytest.CaptureFixture[str]) -> None:
    err = _error(capsys, *argv, "--terms", MINI)
    assert says in err
    assert "usage:" not in err


def test_one_line_from_the_installed_command() -> None:
    """The same through a fresh process: no usage block before the error."""
    done = subprocess.run([sys.executable, "-m", "glossary", "lookup"], capture_output=True, text=True,
                          env={**os.environ, "GLOSSARY_TERMS": MINI}, check=False)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "Error: glossary lookup: the following arguments are required: QUERY (see 'glossary lookup --help')"
    ]


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.usefixtures("umask")
@pytest.mark.parametrize("mask", [0o022, 0o002, 0o077, 0o027])
def test_written_files_honour_the_umask(mask: int, tmp_path: Path) -> None:
    os.umask(mask)
    assert current_umask() == mask
    target = tmp_path / "out.txt"
    atomic_write(target, b"text")
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    target.chmod(0o640)  # an existing file keeps its own mode
    atomic_write(target, b"again", backup=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.usefixtures("umask")
def test_export_writes_with_the_umask(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.umask(0o002)
    out = tmp_path / "g.csv"
    assert main(["export", "--format", "csv", "-o", str(out), "--terms", MINI]) == 0
    capsys.readouterr()
    assert stat.S_IMODE(out.stat().st_mode) == 0o664
