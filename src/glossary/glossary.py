"""The ``Glossary``: concepts plus their lookup index, loaded from YAML and cached between runs.

Loading validates every file (all problems at once, as ``DataError``). The built glossary is cached
in the user's cache folder, keyed by the data files' and the code's sizes and times, so a one-shot
``glossary lookup`` reads one pickle instead of parsing YAML. The cache is only a cache: it is
rebuilt whenever anything it was built from changes, and ignored if it cannot be read or written.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from glossary.errors import DataError
from glossary.index import Index
from glossary.lookup import Match, lookup
from glossary.model import Concept
from glossary.resources import terms_dirs

CACHE_ENV = "GLOSSARY_CACHE"
_FORMAT = 1


class Glossary:
    """A validated set of concepts, looked up by any of their forms."""

    def __init__(self, concepts: Iterable[Concept], *, generated: bool = True) -> None:
        self.concepts: dict[str, Concept] = {c.id: c for c in concepts}
        self.index = Index.build(self.concepts.values(), generated=generated)

    def __len__(self) -> int:
        return len(self.concepts)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts.values())

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self.concepts

    def get(self, concept_id: str) -> Concept:
        """The concept with this id (``KeyError`` if there is none)."""
        return self.concepts[concept_id]

    def lookup(self, query: str, *, top: int = 10, min_score: int = 0) -> list[Match]:
        """Concepts whose forms match *query* in any language or script, best first."""
        return lookup(query, self.index, self.concepts, top=top, min_score=min_score)


def _data_files(dirs: list[Path]) -> list[Path]:
    files: list[Path] = []
    for d in dirs:
        if d.is_dir():
            files.extend(sorted(p for p in d.rglob("*") if p.suffix in (".yaml", ".yml")))
    return files


def _stamp(dirs: list[Path]) -> str:
    """A digest of everything the cached glossary depends on: data files, code and scheme tables."""
    h = hashlib.sha256(f"{_FORMAT}".encode())
    code = Path(__file__).resolve().parent
    for path in [*_data_files(dirs), *sorted(code.rglob("*.py")), *sorted(code.rglob("*.yaml"))]:
        try:
            st = path.stat()
        except OSError:
            continue
        h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def cache_dir() -> Path:
    """Where built glossaries are cached: ``$GLOSSARY_CACHE``, else the XDG cache folder."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "glossary"


def _cache_file(dirs: list[Path]) -> Path:
    name = hashlib.sha256("\0".join(str(d.resolve()) for d in dirs).encode()).hexdigest()[:24]
    return cache_dir() / f"{name}.pickle"


def _read_cache(path: Path, stamp: str) -> Glossary | None:
    try:
        with path.open("rb") as fh:
            saved_stamp, glossary = pickle.load(fh)  # our own file in the user's cache folder
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError, TypeError, ImportError):
        return None
    return glossary if saved_stamp == stamp and isinstance(glossary, Glossary) else None


def _write_cache(path: Path, stamp: str, glossary: Glossary) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((stamp, glossary), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the new one
    except OSError:
        return  # an unwritable cache only costs speed


def load(terms: str | os.PathLike[str] | None = None, *, cache: bool = True) -> Glossary:
    """Load and validate the glossary in *terms* (default: ``$GLOSSARY_TERMS`` or the bundled one).

    Raises :class:`~glossary.errors.DataError` listing every problem when a file is invalid.
    """
    from glossary.validate import check_dirs

    dirs = terms_dirs(terms)
    stamp = _stamp(dirs) if cache else ""
    path = _cache_file(dirs) if cache else None
    if path is not None:
        cached = _read_cache(path, stamp)
        if cached is not None:
            return cached
    concepts, problems, _ = check_dirs(dirs)
    if problems:
        raise DataError(problems)
    glossary = Glossary(concepts)
    if path is not None:
        _write_cache(path, stamp, glossary)
    return glossary
