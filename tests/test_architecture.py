"""The layering of docs/architecture.md: a layer imports nothing from the layers after it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).parent.parent / "src" / "glossary"

#: in data-flow order; a module may import its own layer and earlier ones (errors, i18n, resources: anyone)
LAYERS = ["text", "documents", "model", "translit", "match", "store", "citations", "exchange", "commands"]
ANYONE = {"errors", "i18n", "resources", "fileio", "_argparse_messages"}


def _layer(module: str) -> str | None:
    """The layer of a dotted module name under glossary (``None`` for the shared helpers)."""
    parts = module.split(".")
    if parts[0] != "glossary" or len(parts) < 2:
        return None
    head = parts[1]
    if head in ANYONE:
        return None
    if head == "cache":
        return "store"
    if head in ("cli", "web"):  # the two user interfaces, the terminal and the browser, are the outer layer
        return "commands"
    return head if head in LAYERS else None


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found.extend((node.lineno, f"{node.module}.{a.name}") for a in node.names if node.module == "glossary")
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, a.name) for a in node.names)
    return found


def _modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if p.name != "__init__.py" or p.parent != SRC)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_no_import_from_a_later_layer(path: Path) -> None:
    rel = path.relative_to(SRC).with_suffix("")
    own = _layer("glossary." + ".".join(rel.parts))
    if own is None:
        return
    later = set(LAYERS[LAYERS.index(own) + 1 :])
    wrong = [f"line {n}: {m}" for n, m in _imports(path) if _layer(m) in later]
    assert not wrong, f"{rel} ({own}) imports from a later layer: {wrong}"


def test_the_layers_exist() -> None:
    for layer in LAYERS:
        assert (SRC / layer).is_dir() or (SRC / f"{layer}.py").is_file(), layer
    assert not (SRC / "glossary.py").exists()  # the module that repeated the package name is gone


def test_one_has_cyrillic() -> None:
    defs = [p.relative_to(SRC).as_posix() for p in SRC.rglob("*.py") if "def has_cyrillic(" in p.read_text("utf-8")]
    assert defs == ["text/scripts.py"]


def test_one_atomic_write() -> None:
    """Every file the tool writes goes through glossary.fileio.atomic_write (no hand-written temp files)."""
    hand = [p.relative_to(SRC).as_posix() for p in SRC.rglob("*.py")
            if "mkstemp(" in p.read_text("utf-8") and p.name != "fileio.py"]
    assert hand == []


#: packages already free of imports of another module's private names (issue #11 asks it of all of src/)
NO_PRIVATE_IMPORTS = ["match"]


@pytest.mark.parametrize("package", NO_PRIVATE_IMPORTS)
def test_no_private_names_imported_across_modules(package: str) -> None:
    """A name starting with ``_`` belongs to its module: another module that needs it needs a public name."""
    wrong = []
    for path in sorted((SRC / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("glossary"):
                wrong += [f"{path.relative_to(SRC)}:{node.lineno}: {node.module}.{a.name}" for a in node.names
                          if a.name.startswith("_") and not a.name.startswith("__") and a.name != "_"]
    assert wrong == []
