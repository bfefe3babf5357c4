"""Documents as editors have them (.docx, .pdf, plain text) turned into the text the citation parsers read.

``read_document(data, name)`` chooses the kind by magic bytes and extension (a zip is a .docx, ``%PDF`` a
PDF, anything else UTF-8 text) and returns a ``Document``: its ``text`` ("\\n"-separated lines, laid out
the way the EUAA/CPIN/BFA parsers and the annotator read text extracted from a report: one line per
paragraph, blank lines between paragraphs, footnotes as ``¹ text`` lines) and, for each line, where it
came from in the document (``doc.location(line)`` → "footnote 12", "page 3", "paragraph 5").

Every problem with the file is a ``DocumentError`` naming the file and what is wrong (not a .docx, corrupt
XML, an encrypted or image-only PDF, binary data that is not text), which the CLI prints as one
``Error:`` line with exit status 2. The PDF reader (pypdf) is imported only when a PDF is read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from glossary.errors import GlossaryError
from glossary.i18n import _

__all__ = ["Document", "DocumentError", "open_document", "read_document", "sniff"]

#: the largest input file read (bytes); a .docx's parts are limited separately after decompression
MAX_INPUT = 256 * 1024 * 1024
KINDS = ("docx", "pdf", "text")
#: the magic of an OLE compound file: Word's password-protected .docx (an EncryptedPackage) and the old .doc
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class DocumentError(GlossaryError):
    """The file cannot be read as the document it claims to be; the message names the file and the problem."""

    def __init__(self, name: str, problem: str) -> None:
        self.name = name
        self.problem = problem
        super().__init__(f"{name}: {problem}")


@dataclass(slots=True)
class Document:
    """A document's text and where each of its lines comes from.

    ``places[i]`` is the place of line ``i + 1``: ``(unit, number)`` with unit one of ``paragraph``,
    ``footnote``, ``endnote``, ``page``, ``line``."""

    text: str
    kind: str  # "docx" | "pdf" | "text"
    name: str = ""
    places: list[tuple[str, int]] = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def place(self, line: int) -> tuple[str, int] | None:
        """(unit, number) of the 1-based *line*, or None outside the text."""
        if 1 <= line <= len(self.places):
            return self.places[line - 1]
        return None

    def location(self, line: int) -> str:
        """The human location of the 1-based *line* of ``text``, in the interface language ("page 3")."""
        where = self.place(line)
        if where is None:
            return _("line {n}").format(n=line)
        return describe(*where)

    def locations(self, lines: list[int]) -> list[str]:
        """The distinct locations of *lines*, in order (a footnote over three lines is one location)."""
        out: list[str] = []
        for n in lines:
            loc = self.location(n)
            if loc not in out:
                out.append(loc)
        return out


def describe(unit: str, number: int) -> str:
    """The words for (unit, number): "footnote 12", "page 3", ... in the interface language."""
    texts = {
        "paragraph": _("paragraph {n}"),
        "footnote": _("footnote {n}"),
        "endnote": _("endnote {n}"),
        "page": _("page {n}"),
        "line": _("line {n}"),
    }
    return texts.get(unit, "{n}").format(n=number)


def sniff(data: bytes, name: str = "") -> str:
    """The kind of *data*: magic bytes first (zip → docx, %PDF → pdf), then the extension, else text."""
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06", OLE)):  # OLE: a password-protected .docx, or a .doc
        return "docx"
    if data[:1024].lstrip(b"\x00\t\n\r\x0c ").startswith(b"%PDF-"):
        return "pdf"
    ext = os.path.splitext(name)[1].lower()
    if ext == ".docx":
        return "docx"
    if ext == ".pdf":
        return "pdf"
    return "text"


def read_document(data: bytes, name: str) -> Document:
    """The ``Document`` in *data*; *name* (the file name) is used for the kind and in error messages."""
    kind = sniff(data, name)
    if kind == "docx":
        from glossary.documents.docx import read_docx

        return read_docx(data, name)
    if kind == "pdf":
        from glossary.documents.pdf import read_pdf

        return read_pdf(data, name)
    from glossary.documents.plain import read_plain

    return read_plain(data, name)


def open_document(path: str) -> Document | None:
    """The ``Document`` of the .docx or .pdf file at *path* (by magic bytes or extension), or None when it
    is a text file (or ``-``, stdin): those keep the streaming text reader with its encoding detection."""
    if path == "-":
        return None
    ext = os.path.splitext(path)[1].lower()
    if ext not in (".docx", ".pdf") and os.path.exists(path) and not os.path.isfile(path):
        return None  # a pipe (``<(…)``) or device is read once, by the text reader: do not sniff it
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
            if sniff(head, path) == "text" and ext not in (".docx", ".pdf"):
                return None
            fh.seek(0)
            data = fh.read(MAX_INPUT + 1)
    except OSError as exc:
        raise DocumentError(path, _("cannot read the file: {reason}").format(reason=exc.strerror)) from None
    if len(data) > MAX_INPUT:
        raise DocumentError(path, _("larger than {mb} MB").format(mb=MAX_INPUT >> 20))
    return read_document(data, path)
