"""Shared fixtures: an isolated cache folder, the bundled glossary, the small test glossary."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from glossary import Glossary, load

# Property tests check behaviour, not speed: no per-example deadline (CI machines are shared and slow).
# Locally every run explores new random examples; CI (GLOSSARY_CI=1, set by .ci/run) runs a fixed,
# derandomized set, so a landing is decided by the code, not by the draw.
settings.register_profile("glossary", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True)
settings.load_profile("ci" if os.environ.get("GLOSSARY_CI") else "glossary")

DATA = Path(__file__).parent / "data"

# Before any test module loads a glossary at import time: never touch the user's cache.
os.environ["GLOSSARY_CACHE"] = tempfile.mkdtemp(prefix="glossary-test-cache-")


@pytest.fixture(scope="session", autouse=True)
def _isolated_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Tests never read the user's glossary folder or write to their cache."""
    mp = pytest.MonkeyPatch()
    mp.setenv("GLOSSARY_CACHE", str(tmp_path_factory.mktemp("cache")))
    mp.delenv("GLOSSARY_TERMS", raising=False)
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        mp.delenv(var, raising=False)
    yield
    mp.undo()


@pytest.fixture(scope="session")
def bundled() -> Glossary:
    return load()


@pytest.fixture(scope="session")
def mini() -> Glossary:
    return load(DATA / "mini")


@pytest.fixture(autouse=True)
def _interface_language_reset() -> Iterator[None]:
    """A test that runs the CLI with --ui-lang leaves the language set for the process: set it back, so that
    the explanations (translated) of the next test are in the environment's language, English here."""
    yield
    from glossary import i18n

    i18n.set_language(None)
