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
    hand = [
        p.relative_to(SRC).as_posix()
        for p in SRC.rglob("*.py")
        if "mkstemp(" in p.read_text("utf-8") and p.name != "fileio.py"
    ]
    assert hand == []


#: private names still imported across modules (none: add one only with the issue that will remove it)
KNOWN_PRIVATE_IMPORTS: set[tuple[str, str, str]] = set()


def _private_imports(source: str) -> list[tuple[int, str, str]]:
    """``from glossary… import _name`` in *source* (gettext's ``_`` and dunders are not private names)."""
    tree = ast.parse(source)
    return [
        (node.lineno, node.module, alias.name)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and node.level == 0
        and node.module
        and (node.module == "glossary" or node.module.startswith("glossary."))
        for alias in node.names
        if alias.name.startswith("_") and alias.name != "_" and not alias.name.startswith("__")
    ]


def test_no_private_name_imported_across_modules() -> None:
    """A name with a leading underscore is its module's own: a module that needs it needs it made public."""
    found = {
        (p.relative_to(SRC).as_posix(), module, name): line
        for p in SRC.rglob("*.py")
        for line, module, name in _private_imports(p.read_text(encoding="utf-8"))
    }
    wrong = [
        f"{where}:{line}: from {module} import {name}"
        for (where, module, name), line in sorted(found.items())
        if (where, module, name) not in KNOWN_PRIVATE_IMPORTS
    ]
    assert not wrong, "private names imported across modules:\n" + "\n".join(wrong)


def test_the_private_import_scan_finds_one() -> None:
    """The scan reads multi-line imports and tells gettext's ``_`` from a private name."""
    import textwrap

    sample = textwrap.dedent("""
        from glossary.i18n import _
        from glossary.citations.check import (
            author_key,
            _sort_key,
        )
        def f():
            from glossary.citations.euaa import _english
    """)
    assert [(m, n) for _, m, n in _private_imports(sample)] == [
        ("glossary.citations.check", "_sort_key"),
        ("glossary.citations.euaa", "_english"),
    ]


def test_the_wings_public_faces_are_functions() -> None:
    """``from glossary.citations import parse, check, normalize`` gives the functions, also after every
    submodule is imported (a submodule of the same name would replace the function on import)."""
    import importlib
    import inspect

    for path in sorted((SRC / "citations").rglob("*.py")) + sorted((SRC / "exchange").rglob("*.py")):
        rel = path.relative_to(SRC.parent).with_suffix("")
        importlib.import_module(".".join(p for p in rel.parts if p != "__init__"))
    from glossary import citations, exchange

    for module, names in ((citations, citations.__all__), (exchange, exchange.__all__)):
        for name in names:
            assert hasattr(module, name), f"{module.__name__}.{name}"
    for name in ("parse", "read", "check", "normalize", "normalize_text", "normalize_records"):
        assert inspect.isfunction(getattr(citations, name)), f"glossary.citations.{name} is not a function"
    for name in ("export", "read", "check_po"):
        assert inspect.isfunction(getattr(exchange, name)), f"glossary.exchange.{name} is not a function"


def test_commands_use_the_public_faces() -> None:
    """The CLI commands and the web page reach the citations and exchange wings through their public faces
    (the packages' ``__init__``), plus the few helper modules listed here."""
    allowed = {
        "glossary.citations",
        "glossary.citations.reader",
        "glossary.citations.progress",
        "glossary.citations.decode",
        "glossary.citations.dates",
        "glossary.citations.model",
        "glossary.citations.rewrite",
        "glossary.citations.formats",
        "glossary.citations.report",  # check's findings as an HTML page: an output format, like formats
        "glossary.exchange",
        "glossary.exchange.merge",
        "glossary.exchange.po_check",  # the types of check_po's report, for annotations
    }
    wrong = []
    for path in [*sorted((SRC / "commands").glob("*.py")), SRC / "web" / "service.py", SRC / "web" / "app.py"]:
        for line, module in _imports(path):
            wing = module.split(".")[:2]
            if wing in (["glossary", "citations"], ["glossary", "exchange"]) and module not in allowed:
                wrong.append(f"{path.relative_to(SRC)}:{line}: {module}")
    assert not wrong, wrong
