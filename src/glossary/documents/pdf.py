"""A PDF's text layer, page by page, with pypdf (pure Python, no dependencies; imported only here).

pypdf hands over each piece of text with its position and font size; the lines are rebuilt from those so
that the text comes out the way the citation parsers read text extracted from a report:

- a piece printed smaller and raised above its line's baseline, made of digits, is a footnote mark and is
  written in superscript digits (``imprisonment.⁶``, ``¹ Al Jazeera, …``), as the EUAA parser expects;
- a vertical gap clearly larger than the document's usual line spacing (or than twice the font size) is a
  paragraph break (a blank line),
  and so is the start of a line that begins with a footnote mark (each footnote is its own paragraph);
- a page ends with two blank lines: a page break, which the parsers already repair where it cuts an entry
  or a URL in two. Lines are not otherwise joined (the parsers join a paragraph's lines themselves);
- page furniture is dropped: a page number alone at the top or bottom of a page, and a running header or
  footer (the same line, numbers aside, at the same end of most pages), so it does not cut an entry that
  runs on to the next page.

Each line's location is its page (``page 3``). An encrypted PDF that opens with the empty password (a
"protected" PDF that only restricts printing or copying) is read; one that needs a password is an error,
and so is a PDF without a text layer (scanned pages): it needs OCR first.
"""

from __future__ import annotations

import io
import itertools
import logging
import math
import re
from dataclasses import dataclass, field
from typing import Any

from glossary.documents import Document, DocumentError
from glossary.i18n import _

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_MARK = re.compile(r"^\s*\d{1,4}(?:\s*,\s*\d{1,4})*\s*$")
#: the largest number of pages read
MAX_PAGES = 5000


@dataclass(slots=True)
class _Piece:
    x: float
    y: float
    size: float
    text: str


@dataclass(slots=True)
class _Line:
    y: float
    size: float
    pieces: list[_Piece] = field(default_factory=list)

    def text(self) -> str:
        out = []
        for p in self.pieces:
            t = p.text
            if p.size < 0.85 * self.size and p.y > self.y + 0.15 * self.size and _MARK.match(t):
                t = t.strip().replace(" ", "").translate(_SUPERSCRIPT)
            out.append(t)
        return " ".join("".join(out).split())

    def starts_with_mark(self) -> bool:
        return bool(self.text()[:1]) and self.text()[0] in "⁰¹²³⁴⁵⁶⁷⁸⁹"


def _page_pieces(page: Any) -> list[_Piece]:
    pieces: list[_Piece] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text or not text.strip("\n"):
            return
        x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
        y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
        scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3]) or 1.0
        pieces.append(_Piece(x, y, abs(size * scale) or 1.0, text.replace("\n", " ")))

    page.extract_text(visitor_text=visit)
    return pieces


def _lines(pieces: list[_Piece]) -> list[_Line]:
    """Pieces grouped into lines in the content's order: a piece on (nearly) the same baseline joins the line."""
    lines: list[_Line] = []
    for p in pieces:
        line = lines[-1] if lines else None
        if line is None:
            lines.append(_Line(p.y, p.size, [p]))
            continue
        size = max(p.size, line.size)
        # a footnote mark is raised up to most of a line's height: it belongs to the line beside it
        mark = (_MARK.match(p.text) and p.size < 0.85 * line.size and p.y > line.y) or (
            len(line.pieces) == 1 and _MARK.match(line.pieces[0].text) and line.size < 0.85 * p.size and line.y > p.y
        )
        if abs(p.y - line.y) <= (0.9 if mark else 0.5) * size:
            if p.size > line.size:  # the line's baseline and size are its largest text's
                line.y, line.size = p.y, p.size
            line.pieces.append(p)
        else:
            lines.append(_Line(p.y, p.size, [p]))
    return [line for line in lines if line.text()]


def _gaps(lines: list[_Line]) -> list[float]:
    return [a.y - b.y for a, b in itertools.pairwise(lines) if a.y - b.y > 0]


def _page_text(lines: list[_Line], usual: float) -> list[str]:
    """The page's lines, a blank line at each paragraph break: a gap well over the document's usual line
    spacing *usual* (or over twice the font size), a line going back up the page, or a footnote's start."""
    out: list[str] = []
    for i, line in enumerate(lines):
        text = line.text()
        if i:
            prev = lines[i - 1]
            gap = prev.y - line.y
            size = max(prev.size, line.size)
            wide = gap > min(1.45 * max(usual, size), 2.2 * size)
            if (wide or gap < -size or line.starts_with_mark()) and out and out[-1]:
                out.append("")
        out.append(text)
    return out


_PAGE_NUMBER = re.compile(r"^(?:page\s+|p\.\s*|-\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4}|\s*-)?$", re.IGNORECASE)


def _running_key(line: _Line) -> str:
    return re.sub(r"\d+", "#", line.text().lower())


def _drop_running_lines(pages: list[list[_Line]]) -> None:
    """Remove page furniture that would cut a paragraph or an entry running on to the next page: a page
    number alone at the top or bottom of a page, and a header or footer line repeated (numbers aside) at
    the same end of most pages (at least 3)."""
    for end in (0, -1):
        keys = [_running_key(page[end]) for page in pages if page]
        repeated = {k for k in set(keys) if keys.count(k) >= 3 and keys.count(k) * 2 >= len(pages)}
        for page in pages:
            while page and (_PAGE_NUMBER.match(page[end].text()) or _running_key(page[end]) in repeated):
                page.pop(end)


def read_pdf(data: bytes, name: str) -> Document:
    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError, WrongPasswordError

    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # pypdf logs every repaired oddity of a damaged file as a warning
    try:
        try:
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                try:
                    opened = bool(reader.decrypt(""))
                except (DependencyError, NotImplementedError):
                    opened = False
                if not opened:
                    raise DocumentError(name, _("the PDF is encrypted (password-protected); remove the password first"))
            pages = reader.pages
            count = len(pages)
        except (FileNotDecryptedError, WrongPasswordError):
            raise DocumentError(
                name, _("the PDF is encrypted (password-protected); remove the password first")
            ) from None
        except DocumentError:
            raise
        except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as exc:
            raise DocumentError(
                name, _("not a readable PDF ({reason})").format(reason=exc or type(exc).__name__)
            ) from None
        if count > MAX_PAGES:
            raise DocumentError(name, _("more than {n} pages").format(n=MAX_PAGES))
        page_lines: list[list[_Line]] = []
        for number in range(1, count + 1):
            try:
                page_lines.append(_lines(_page_pieces(pages[number - 1])))
            except (FileNotDecryptedError, DependencyError):
                raise DocumentError(
                    name, _("the PDF is encrypted (password-protected); remove the password first")
                ) from None
            except Exception as exc:  # a damaged page: pypdf raises many kinds
                raise DocumentError(
                    name, _("page {n} cannot be read ({reason})").format(n=number, reason=exc or type(exc).__name__)
                ) from None
        _drop_running_lines(page_lines)
        gaps = sorted(g for page in page_lines for g in _gaps(page))
        usual = gaps[len(gaps) // 2] if gaps else 0.0
        lines: list[str] = []
        places: list[tuple[str, int]] = []
        for number, page in enumerate(page_lines, start=1):
            texts = _page_text(page, usual)
            if lines and texts:
                lines.extend(["", ""])  # the page break
                places.extend([places[-1], places[-1]])
            lines.extend(texts)
            places.extend([("page", number)] * len(texts))
    finally:
        quiet.setLevel(level)
    if not any(line.strip() for line in lines):
        raise DocumentError(
            name, _("the PDF has no text layer (scanned pages?); run OCR on it first, then read the text")
        )
    return Document(text="\n".join(lines), kind="pdf", name=name, places=places)
