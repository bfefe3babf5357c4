"""Records kept on disk while a document streams through ``check`` and ``normalize``.

Cross-checks (footnote ↔ bibliography), duplicates and sorting need every record of a document, but keeping
every record in memory makes memory grow with the input. Records go instead into a private temporary SQLite
database (deleted when closed; its page cache is bounded), as marshalled tuples with the few keys that are
looked up indexed beside them.
"""

from __future__ import annotations

import marshal
import sqlite3
from typing import Any

from glossary.citations.model import Citation, Outlet

_FIELDS = (
    "text", "lines", "kind", "section", "footnote", "authors", "organisation", "title", "title_romanized",
    "translation", "date", "date_iso", "accessed", "url", "medium", "issues",
)


def pack(c: Citation, *, text: str | None = None) -> bytes:
    """A citation as bytes (*text* replaces its printed text, e.g. by a prefix, when only that is needed)."""
    o = c.outlet
    values: list[Any] = [getattr(c, f) for f in _FIELDS]
    if text is not None:
        values[0] = text
    values.append((o.text, o.id, o.en, o.how, o.expansion) if o else None)
    return marshal.dumps(tuple(values))


def unpack(data: bytes) -> Citation:
    values = marshal.loads(data)
    c = Citation(**dict(zip(_FIELDS, values[:-1], strict=True)))
    if values[-1] is not None:
        c.outlet = Outlet(*values[-1])
    return c


def connect() -> sqlite3.Connection:
    """A private on-disk database that SQLite deletes when it is closed."""
    db = sqlite3.connect("")
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA cache_size=-2000")  # KiB: the page cache stays small whatever the input's size
    return db
