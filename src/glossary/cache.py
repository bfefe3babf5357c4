"""The on-disk cache of built glossaries: where it lives, what makes it stale, and safe reads and writes.

A built glossary is plain data (``marshal``). Its stamp names everything the built index depends on:
the data files, the modules that shape the index (not the CLI or the citations wing, so editing those
does not force a rebuild), the scheme tables, and the versions of the morphology analyser and its
dictionaries (an upgrade changes the inflected forms). The cache is only a cache: a stale, unreadable
or unwritable file costs speed, never correctness.
"""

from __future__ import annotations

import marshal
import os
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

CACHE_ENV = "GLOSSARY_CACHE"
FORMAT = 4

#: the parts of the package whose code or tables shape the built index (paths relative to the package)
INDEX_CODE = ("model", "text", "translit", "match/index.py", "cache.py", "store.py")
#: distributions whose versions shape the index: inflected forms come from the analyser and its dictionaries
INDEX_DEPENDENCIES = ("pymorphy3", "pymorphy3-dicts-ru", "pymorphy3-dicts-uk")


def cache_dir() -> Path:
    """Where built glossaries are cached: ``$GLOSSARY_CACHE``, else the XDG cache folder."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "glossary"


def cache_file(dirs: list[Path]) -> Path:
    """The cache file for this set of term folders (the stamp inside decides whether it is valid)."""
    name = zlib.crc32("\0".join(str(d.resolve()) for d in dirs).encode())
    return cache_dir() / f"glossary-{name:08x}.marshal"


def data_files(dirs: list[Path]) -> list[Path]:
    """The glossary's YAML files under *dirs*, in a stable order."""
    files: list[Path] = []
    for d in dirs:
        if d.is_dir():
            files.extend(sorted(p for p in d.rglob("*") if p.suffix in (".yaml", ".yml")))
    return files


def index_code_files() -> list[Path]:
    """The modules and scheme tables that shape the built index (see :data:`INDEX_CODE`)."""
    package = Path(__file__).resolve().parent
    files: list[Path] = []
    for part in INDEX_CODE:
        path = package / part
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in (".py", ".yaml")))
        elif path.is_file():
            files.append(path)
    return files


def dependency_versions() -> list[str]:
    """The installed ``*.dist-info`` names of :data:`INDEX_DEPENDENCIES` (they carry the versions).

    Read from a listing of ``sys.path`` rather than ``importlib.metadata``, which costs tens of
    milliseconds on every start.
    """
    import sys

    wanted = tuple(name.replace("-", "_").lower() + "-" for name in INDEX_DEPENDENCIES)
    found: list[str] = []
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        found.extend(n for n in names if n.endswith(".dist-info") and n.lower().startswith(wanted))
    return sorted(found)


def stamp(dirs: list[Path]) -> str:
    """Everything the cached glossary depends on (paths, sizes and times of files; dependency versions)."""
    lines = [f"format {FORMAT}", *dependency_versions()]
    for path in [*data_files(dirs), *index_code_files()]:
        try:
            st = path.stat()
        except OSError:
            continue
        lines.append(f"{path}\0{st.st_size}\0{st.st_mtime_ns}")
    return "\n".join(lines)


def read(path: Path, expected: str) -> tuple[dict[str, Any], Callable[[], dict[str, Any]]] | None:
    """The cached ``(core, load_extended)`` if *path* holds a glossary stamped *expected*, else ``None``.

    The file is ``<core length: 8 bytes><stamp and core><extended>``; the extended part is decoded lazily.
    """
    try:
        blob = path.read_bytes()
        split = 8 + int.from_bytes(blob[:8], "little")
        saved, core = marshal.loads(blob[8:split])
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if saved != expected or not isinstance(core, dict):
        return None
    return core, lambda: marshal.loads(blob[split:])


def write(path: Path, stamp_text: str, core: dict[str, Any], extended: dict[str, Any]) -> bool:
    """Write the cache atomically; ``False`` (and no temp file left behind) when it cannot be written."""
    from glossary.fileio import atomic_write

    try:
        head = marshal.dumps((stamp_text, core))
        atomic_write(path, len(head).to_bytes(8, "little") + head + marshal.dumps(extended))
        return True
    except (OSError, ValueError):
        return False
