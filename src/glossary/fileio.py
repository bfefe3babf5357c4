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
        # mkstemp makes the file 0600; a new file gets the mode open() would give it (0666 less the umask)
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o666 & ~current_umask())
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


def current_umask() -> int:
    """The process's umask, read without changing it where the system says it (Linux ``/proc``); elsewhere
    set and restored at once."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
