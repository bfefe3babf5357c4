"""The README's Python examples run as written, and the console examples name real options."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from glossary.cli import available_commands, build_parser

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def test_python_examples_run() -> None:
    blocks = re.findall(r"```python\n(.*?)```", README, re.S)
    assert blocks
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})


@pytest.mark.parametrize("line", [ln for ln in re.findall(r"^\$ (glossary .*)$", README, re.M)])
def test_console_examples_parse(line: str) -> None:
    argv = shlex.split(line.split("#", 1)[0])[1:]
    if argv[0] not in available_commands():
        pytest.skip(f"{argv[0]} is not in this build")
    build_parser(argv[0]).parse_args(argv)
