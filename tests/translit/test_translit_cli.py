"""``glossary translit`` through the real entry point."""

from __future__ import annotations

import io
import json

import pytest

from glossary.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["translit", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_default_scheme(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "Росгвардия") == (0, "Rosgvardiya\n", "")


def test_scheme_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--scheme", "iso9", "Щука")[1] == "Ŝuka\n"


def test_all_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--all", "--json", "Щёлково")
    data = json.loads(out)
    assert code == 0
    assert data["lang"] == "ru"
    assert data["romanizations"]["wikipedia"] == "Shchyolkovo"


def test_all_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--all", "Щёлково")
    assert code == 0
    assert "iso9" in out
    assert "Ŝëlkovo" in out


def test_reverse(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--reverse", "--lang", "ru", "Rosgvardiya")
    assert code == 0
    first = out.splitlines()[0].split()
    assert first[:2] == ["Росгвардия", "100"]
    assert "glossary" in out.splitlines()[0]


def test_reverse_needs_a_language(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--reverse", "Rosgvardiya")
    assert code == 2
    assert "--lang" in err


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--list")
    assert code == 0
    assert "gost-7.79-b" in out
    assert "kmu-2010" in out


def test_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _ = run(capsys, "--list", "--json", "--lang", "ru")
    rows = json.loads(out)
    assert {r["id"] for r in rows if r["reversible"]} == {"iso9"}


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Москва\nЁлки\n"))
    assert run(capsys, "-")[1] == "Moskva\nYëlki\n"


def test_in_file(capsys: pytest.CaptureFixture[str], tmp_path: pytest.TempPathFactory) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "t.txt"
    path.write_text("Київ\n", encoding="utf-8")
    assert run(capsys, "--in", str(path))[1] == "Kyiv\n"


def test_unknown_scheme_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--scheme", "nope", "x")
    assert code == 2
    assert err.startswith("Error:")
    assert "bgn-pcgn" in err


def test_json_single(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(run(capsys, "--json", "Київ")[1])
    assert data == {"text": "Київ", "lang": "uk", "scheme": "kmu-2010", "result": "Kyiv"}


def test_bgn_dots(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--bgn-dots", "Улан-Удэ, Вяртсиля, Тыайа") == (0, "Ulan-Ud·e, Vyart·silya, Ty·ay·a\n", "")
    _code, out, _ = run(capsys, "--bgn-dots", "--json", "Ташчишма")
    assert json.loads(out)["result"] == "Tash·chishma"
    assert run(capsys, "Улан-Удэ")[1] == "Ulan-Ude\n"  # the dot is optional: off by default


def test_bgn_dots_with_a_scheme_without_them_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--bgn-dots", "--scheme", "iso9", "Улан-Удэ")
    assert (code, out) == (2, "")
    assert err.startswith("Error:")
    assert "bgn-pcgn" in err
    assert run(capsys, "--bgn-dots", "--all", "Улан-Удэ")[0] == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no і ї є ґ: the Ukrainian dictionary alone knows Зеленським, and Володимиром goes with it (one name)
        ("Интервью с Володимиром Зеленським", "Interv’yu s Volodymyrom Zelenskym"),
        # the other way round: a Russian name in a Ukrainian title
        ("Інтерв’ю з Владимиром Путиным", "Interviu z Vladimirom Putinym"),
        ("Зеленский и Шойгу в Москве", "Zelenskiy i Shoygu v Moskve"),  # Russian words stay Russian
    ],
)
def test_by_word_reads_a_ukrainian_name_by_its_dictionary(
    capsys: pytest.CaptureFixture[str], text: str, expected: str
) -> None:
    assert run(capsys, "--by-word", text) == (0, expected + "\n", "")


def test_without_by_word_the_whole_text_has_one_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "Интервью с Володимиром Зеленським")[1] == "Interv’yu s Volodimirom Zelens’kim\n"
