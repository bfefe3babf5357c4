"""Locate the bundled data (``terms/``, ``locales/``) in an installed wheel or a source checkout."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

#: Environment variable naming a user's glossary folder (same as ``--terms``).
TERMS_ENV = "GLOSSARY_TERMS"


@cache
def bundled(name: str) -> Path:
    """Path of bundled folder *name*: inside the package when installed, else at the checkout's top.

    The wheel carries ``terms/`` and ``locales/`` as ``glossary/terms`` and ``glossary/locales``
    (see ``pyproject.toml``); a source checkout or editable install has them beside ``src/``.
    """
    here = Path(__file__).resolve().parent
    inside = here / name
    if inside.is_dir():
        return inside
    checkout = here.parent.parent / name
    if checkout.is_dir():
        return checkout
    return inside  # absent: callers report it with this path


def terms_dirs(explicit: str | os.PathLike[str] | None = None) -> list[Path]:
    """The glossary folders to load: an explicit folder, else ``$GLOSSARY_TERMS``, else the bundled one.

    ``$GLOSSARY_TERMS`` may list several folders separated by ``os.pathsep``; the special name
    ``bundled`` stands for the bundled glossary, so ``bundled:~/my-terms`` extends it.
    """
    spec = os.fspath(explicit) if explicit is not None else os.environ.get(TERMS_ENV, "")
    if not spec:
        return [bundled("terms")]
    dirs: list[Path] = []
    for part in spec.split(os.pathsep):
        if not part:
            continue
        dirs.append(bundled("terms") if part == "bundled" else Path(part).expanduser())
    return dirs or [bundled("terms")]
