"""One atomic write for every file the tool writes (exports, normalized reports, imports, the cache)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO


def atomic_write(
    path: str | os.PathLike[str], data: bytes | Callable[[BinaryIO], Any], *, backup: bool = False
) -> None:
    """Write *data* (bytes, or a function writing to the open file) to a temporary file beside *path*,
    then move it into place: a reader sees the old file or the new one, never half of one. With *backup*
    the old file is kept as ``path.bak``. On any failure (also one raised by the writer) the temporary file
    is removed and *path* is left as it was."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".glossary-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                data(handle)
        if target.exists():
            if backup:
                shutil.copy2(target, str(target) + ".bak")
            shutil.copymode(target, tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
