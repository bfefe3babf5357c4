"""Glossary exchange: gettext catalogs (po.py), TBX (tbx.py), CSV/TSV (csv.py), merging imports (merge.py).

Every format converts between :class:`~glossary.model.concept.Concept` and the entry dicts of the YAML files
(``Concept.to_dict()``), through the flat records of ``records.py``; an import is validated by the
same code as ``terms/`` before anything is written.

The public face, which ``glossary export``, ``import`` and ``po-check`` are thin layers over:
``export(glossary, fmt)`` → :class:`Export`; ``read(data, name, fmt)`` → the entries of a TBX/CSV/TSV file,
which :mod:`glossary.exchange.merge` (``complete``, ``merge``) adds to a glossary folder;
``check_po(po, glossary, lang)`` → the report on a translated catalog's glossary terms.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from glossary.exchange.po_check import Report
    from glossary.exchange.tbx import ReadResult
    from glossary.store import Glossary

__all__ = ["EXPORT_FORMATS", "IMPORT_FORMATS", "Export", "check_po", "export", "read"]

EXPORT_FORMATS = ("po", "pot", "mo", "tbx", "csv", "tsv")
IMPORT_FORMATS = ("tbx", "csv", "tsv")


@dataclass
class Export:
    """An export: the file's bytes, the number of entries written, the ids of the concepts left out."""

    data: bytes
    count: int
    skipped: list[str]


def export(glossary: Glossary, fmt: str, *, lang: str | None = None, bom: bool = False) -> Export:
    """*glossary* as *fmt* (``EXPORT_FORMATS``); ``lang`` is the target language of a po/mo catalog, ``bom``
    starts CSV/TSV with a UTF-8 BOM (as Excel expects)."""
    concepts = list(glossary)
    if fmt in ("po", "pot", "mo"):
        from glossary.exchange.po import build_catalog

        built = build_catalog(concepts, lang if fmt != "pot" else None)
        if fmt == "mo":
            import tempfile
            from pathlib import Path

            with tempfile.TemporaryDirectory() as tmp:
                mo = Path(tmp) / "out.mo"
                built.catalog.save_as_mofile(str(mo))
                return Export(mo.read_bytes(), len(built.catalog), built.skipped)
        return Export(str(built.catalog).encode("utf-8") + b"\n", len(built.catalog), built.skipped)
    if fmt == "tbx":
        from glossary.exchange.tbx import write_tbx

        return Export(write_tbx(concepts), len(concepts), [])
    if fmt not in ("csv", "tsv"):
        msg = f"unknown export format {fmt!r} (expected one of: {', '.join(EXPORT_FORMATS)})"
        raise ValueError(msg)
    from glossary.exchange.csv import write_csv

    return Export(write_csv(concepts, delimiter="\t" if fmt == "tsv" else ",", bom=bom), len(concepts), [])


def read(data: bytes, name: str, fmt: str) -> ReadResult:
    """The entries of a TBX, CSV or TSV file (``IMPORT_FORMATS``), with every problem found (file and line)."""
    if fmt == "tbx":
        from glossary.exchange.tbx import read_tbx

        return read_tbx(data, name)
    from glossary.exchange.csv import read_csv

    return read_csv(data, name, delimiter="\t" if fmt == "tsv" else None)


def check_po(po: Any, glossary: Glossary, lang: str) -> Report:
    """Whether a translated gettext catalog (a polib ``POFile``) renders the glossary's terms as the glossary
    does in *lang*."""
    from glossary.exchange.po_check import TermChecker, check_catalog

    return check_catalog(po, TermChecker(glossary, lang))
