"""The built wheel carries terms/ and works from any folder, with no checkout beside it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True)
    return next(out.glob("glossary-*.whl"))


def test_wheel_contains_data(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.startswith("glossary/terms/") and n.endswith(".yaml") for n in names)
    assert "glossary/py.typed" in names


def test_installed_wheel_looks_up_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", str(wheel)], check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GLOSSARY_TERMS")}
    env["GLOSSARY_CACHE"] = str(tmp_path / "cache")
    script = env_dir / "bin" / "glossary"
    for query, concept in [("voenkomat", "voenkomat"), ("Росгвардия", "rosgvardiya"),
                           ("Article 338", "ru-cc-art-338"), ("ст. 338 УК РФ", "ru-cc-art-338")]:
        done = subprocess.run([str(script), "lookup", query, "--json"], cwd=elsewhere, env=env,
                              capture_output=True, text=True, check=True)
        assert json.loads(done.stdout)["matches"][0]["id"] == concept
    where = subprocess.run([str(py), "-c", "import glossary.resources as r; print(r.bundled('terms'))"],
                           cwd=elsewhere, env=env, capture_output=True, text=True, check=True).stdout
    assert str(env_dir) in where
