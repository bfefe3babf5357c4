"""Open any supported input (file or stdin, any supported encoding and format) as a stream of records."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from glossary.errors import UsageError

if TYPE_CHECKING:
    from glossary import Glossary
    from glossary.citations.euaa import Text
    from glossary.citations.model import Citation
    from glossary.documents import Document

_BY_EXT = {".bib": "bibtex", ".bibtex": "bibtex", ".json": "csl-json", ".ris": "ris"}
_CPIN = re.compile(r"(?:^|\.\s+)(?:last\s+)?accessed\s*:", re.IGNORECASE | re.MULTILINE)


def guess_format(path: str, head: str = "") -> str:
    """Format from the file name, else from the first lines (``@article{`` / ``[{`` / ``TY  -``)."""
    ext = os.path.splitext(path)[1].lower()
    if ext in _BY_EXT:
        return _BY_EXT[ext]
    stripped = head.lstrip("\ufeff \n\r\t")
    if stripped.startswith("@"):
        return "bibtex"
    if stripped.startswith(("[", "{")):
        return "csl-json"
    if re.match(r"^TY  - ", stripped):
        return "ris"
    from glossary.citations.academic import looks_like_academic
    from glossary.citations.irb import looks_like_irb
    from glossary.citations.reflist import looks_like_list

    if looks_like_irb(head):  # "Outlet. Date. "Title." [Accessed ...]" lines
        return "irb"
    if looks_like_academic(head):  # APA "(2022)." / MLA and Chicago "Author. “Title”." reference lists
        return "academic"
    if looks_like_list(head.splitlines()):  # a few citations and nothing else: no heading to wait for
        return "list"
    if _CPIN.search(head):
        return "cpin"
    from glossary.citations.bfa import looks_like_bfa

    if looks_like_bfa(head):
        return "bfa"
    return "euaa"


def load_glossary(terms: str | None) -> Glossary | None:
    """The glossary for outlet linking; if it cannot be loaded, say so on stderr and go on without it."""
    from glossary.errors import GlossaryError
    from glossary.i18n import _
    from glossary.store import load

    try:
        return load(terms)
    except GlossaryError as exc:
        if terms:
            raise
        print(
            _("warning: the glossary did not load ({error}); outlets are not linked").format(
                error=str(exc).splitlines()[0]
            ),
            file=sys.stderr,
        )
        return None


def _text_lines(path: str, encoding: str | None) -> Iterator[str]:
    from glossary.citations.decode import open_lines

    return open_lines(path, encoding=encoding)


def read(
    path: str,
    *,
    fmt: str | None = None,
    encoding: str | None = None,
    glossary: Glossary | None = None,
    with_text: bool = False,
    document: Document | None = None,
) -> tuple[str, Iterator[Citation | Text]]:
    """(format, stream of records) for the file at *path* (``-`` = stdin), or for the text of *document*
    (a .docx or .pdf read by ``glossary.documents``; its lines are the line numbers of the records)."""
    from itertools import chain

    from glossary.citations import FORMATS, parse

    if fmt and fmt not in FORMATS:
        msg = f"unknown format '{fmt}' (expected one of: {', '.join(FORMATS)})"
        raise UsageError(msg)
    if document is not None:
        doc_lines = document.text.split("\n")
        fmt = fmt or guess_format("", "\n".join(doc_lines[:200]))
        if fmt in ("bibtex", "csl-json", "ris"):
            return _structured_text(document.text, fmt, glossary)
        return fmt, parse(iter(doc_lines), glossary=glossary, fmt=fmt, with_text=with_text)
    if fmt in ("bibtex", "csl-json", "ris") or (fmt is None and os.path.splitext(path)[1].lower() in _BY_EXT):
        return _structured(path, fmt or _BY_EXT[os.path.splitext(path)[1].lower()], encoding, glossary)
    lines = _text_lines(path, encoding)
    head: list[str] = []
    if fmt is None:
        for line in lines:
            head.append(line)
            if len(head) >= 200:
                break
        fmt = guess_format(path, "\n".join(head))
        if fmt in ("bibtex", "csl-json", "ris"):
            rest = "\n".join(chain(head, lines))
            return _structured_text(rest, fmt, glossary)
    return fmt, parse(chain(head, lines), glossary=glossary, fmt=fmt, with_text=with_text)


def _structured(
    path: str, fmt: str, encoding: str | None, glossary: Glossary | None
) -> tuple[str, Iterator[Citation | Text]]:
    from glossary.citations.decode import read_text

    text, _ = read_text(path, encoding=encoding)
    return _structured_text(text, fmt, glossary)


def _structured_text(text: str, fmt: str, glossary: Glossary | None) -> tuple[str, Iterator[Citation | Text]]:
    from glossary.citations import formats, link_outlets, make_linker

    linker = make_linker(glossary)
    records = formats.read(text, fmt)
    return fmt, (link_outlets(c, linker) for c in records)
