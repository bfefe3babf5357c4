"""The CLI through its real entry point: exit codes, output, JSON shape, help for every command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.cli import available_commands, main

COMMANDS = available_commands()

MINI = str(Path(__file__).parent / "data" / "mini")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_lookup_readable(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lookup", "Rosgvardia", "--terms", MINI)
    assert code == 0
    assert "National Guard of Russia" in out
    assert "Росгвардия" in out
    assert "attested romanization" in out


def test_lookup_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lookup", "ст. 338 УК РФ", "--json", "--terms", MINI)
    assert code == 0
    data = json.loads(out)
    assert data["query"] == "ст. 338 УК РФ"
    first = data["matches"][0]
    assert {"id", "type", "score", "how", "matched", "en", "ru", "uk"} <= set(first)
    assert first["id"] == "ru-cc-art-338"
    assert first["score"] == 100


def test_lookup_lang_limits_output(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "lookup", "OMON", "--json", "--lang", "en", "--terms", MINI)
    first = json.loads(out)["matches"][0]
    assert "en" in first
    assert "ru" not in first
    assert "uk" not in first


def test_lookup_no_match_exit_1_with_hint(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "lookup", "nosuchterm", "--terms", MINI)
    assert code == 1
    assert out == ""
    assert "nosuchterm" in err


def test_lookup_unknown_lang_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "lookup", "OMON", "--lang", "de", "--terms", MINI)
    assert code == 2
    assert "en, ru, uk" in err


def test_lookup_reads_queries_from_stdin(capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("OMON\nnosuch\n\nУК РФ\n"))
    code, out, _ = run(capsys, "lookup", "-", "--json", "--terms", MINI)
    data = json.loads(out)
    assert code == 0
    assert [d["query"] for d in data] == ["OMON", "nosuch", "УК РФ"]
    assert data[1]["matches"] == []


def test_terms_from_environment(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GLOSSARY_TERMS", MINI)
    code, out, _ = run(capsys, "lookup", "Nastoyashee vremya")
    assert code == 0
    assert "Current Time" in out


def test_validate_ok(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", MINI)
    assert code == 0
    assert "OK" in out


def test_validate_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", MINI, "--json")
    data = json.loads(out)
    assert code == 0
    assert data["problems"] == []
    assert data["concepts"] == 5


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    assert len(capsys.readouterr().out) > 100


def test_every_command_is_documented_in_readme() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"glossary {command}" in readme


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, )
    assert code == 2
    assert "lookup" in out


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(query=st.text(min_size=1).filter(lambda s: s.strip() not in ("", "-") and not s.startswith("-")))
def test_any_query_exits_0_or_1(query: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["lookup", query, "--terms", MINI])
    capsys.readouterr()
    assert code in (0, 1)


@given(query=st.text())
@settings(max_examples=300, deadline=None)
def test_any_query_never_raises_in_the_api(query: str) -> None:
    from glossary import load

    assert isinstance(load(MINI).match(query), list)


def test_subprocess_smoke() -> None:
    """The installed console script and ``python -m glossary`` work in a fresh process."""
    env = {**os.environ, "GLOSSARY_TERMS": MINI}
    out = subprocess.run([sys.executable, "-m", "glossary", "lookup", "omon", "--json"],
                         capture_output=True, text=True, env=env, check=True).stdout
    assert json.loads(out)["matches"][0]["id"] == "omon"


def test_common_options_before_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--terms", MINI, "--ui-lang", "ru", "lookup", "OMON")
    assert code == 0
    assert "ОМОН" in out


def test_scheme_ids_known_to_the_validator_match_the_transliteration_schemes() -> None:
    from glossary.model.schema import SCHEME_IDS
    from glossary.translit import schemes

    assert {s.id for s in schemes()} == SCHEME_IDS
