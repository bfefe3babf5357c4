"""Fixtures for the citation tests: corpus lines (copied into data/) and a small outlet glossary."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary import Glossary, load

HERE = Path(__file__).parent / "data"
EXCERPT = HERE / "euaa-q24-excerpt.txt"


@pytest.fixture(scope="session")
def outlets() -> Glossary:
    return load(HERE / "terms")


@pytest.fixture(scope="session")
def excerpt_lines() -> list[str]:
    return EXCERPT.read_text(encoding="utf-8").splitlines()
