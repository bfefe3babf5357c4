"""Each deliberately broken file fails with its own message naming file, line, entry and field."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from glossary import DataError, load
from glossary.cli import main
from glossary.model.schema import check_dirs

BAD = Path(__file__).parent / "data" / "bad"
CASES = sorted(BAD.glob("*.yaml"))


def _expected(path: Path) -> tuple[int, str]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    found = re.match(r"# expect: (\d+): (.*)$", first)
    assert found, f"{path.name}: first line must be '# expect: LINE: MESSAGE'"
    return int(found[1]), found[2]


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_bad_file_reports_its_problem(path: Path, tmp_path: Path) -> None:
    shutil.copy(path, tmp_path / path.name)
    _, problems, _ = check_dirs([tmp_path])
    line, message = _expected(path)
    rendered = [str(p) for p in problems]
    want = f"{tmp_path / path.name}:{line}: {message}"
    assert any(r.startswith(want) for r in rendered), rendered


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_cli_validate_exits_2_and_names_the_file(path: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(path, tmp_path / path.name)
    assert main(["validate", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    line, _ = _expected(path)
    assert f"{path.name}:{line}:" in err


def test_all_problems_are_reported_not_just_the_first(tmp_path: Path) -> None:
    for path in CASES:
        shutil.copy(path, tmp_path / path.name)
    _, problems, _ = check_dirs([tmp_path])
    files = {Path(p.file).name for p in problems}
    assert files == {p.name for p in CASES}


def test_load_raises_data_error_with_every_problem(tmp_path: Path) -> None:
    for name in ("unknown-key.yaml", "cyrillic-in-latin.yaml"):
        shutil.copy(BAD / name, tmp_path / name)
    with pytest.raises(DataError) as info:
        load(tmp_path, cache=False)
    assert len(info.value.problems) == 2


def test_lookup_on_broken_glossary_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(BAD / "unknown-key.yaml", tmp_path / "x.yaml")
    assert main(["lookup", "omon", "--terms", str(tmp_path)]) == 2
    assert "Error:" in capsys.readouterr().err


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    _, problems, _ = check_dirs([tmp_path / "nope"])
    assert problems
    assert "not a folder" in problems[0].message
