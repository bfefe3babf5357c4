"""One small EUAA-style report, three ways: as text extracted from its PDF (``data/report.txt``, written by
hand the way the corpus excerpt looks), as a .docx (body paragraphs with footnote references and footnotes) and as a
PDF of three pages (footnote marks printed as small raised digits). ``glossary check`` must find the same
problems in all three."""

from __future__ import annotations

from pathlib import Path

import docwriters

TEXT = (Path(__file__).parent / "data" / "report.txt").read_text(encoding="utf-8")

BODY = [
    "Conscripts who refuse to serve face criminal prosecution.{fn:1} The Institute for the Study of War "
    "reported desertions on several fronts.{fn:2}",
    "",  # an empty paragraph, as Word documents have them
    "Human rights defenders described raids by the Rosgvardiya.{fn:3} Local media reported the same.{fn:4}",
    "SOURCES USED",
    "ISW (Institute for the Study of War), Russian Offensive Campaign Assessment, 12 March 2022, "
    "https://www.understandingwar.org/backgrounder/russian-offensive-campaign-assessment-march-12, "
    "accessed 20 March 2022",
    "Meduza, В России фактически введено военное положение [Martial law is effectively imposed in Russia], "
    "25 March 2022, https://meduza.io/feature/2022/03/25/v-rossii, accessed 30 March 2022",
    "Agora, Доклад о свободе слова [Report on freedom of speech], 1 March 2022, https://agora.legal/report, "
    "accessed 30 March 2022",
]
FOOTNOTES = {
    1: "Meduza, В России фактически введено военное положение [Martial law is effectively imposed in Russia], "
    "25 March 2022, [url](#)",
    2: "ISW, Russian Offensive Campaign Assessment, 12 March 2022, [url](#)",
    3: "Mеduza, Росгвардия провела обыски [Rosgvardia conducted searches], 3 April 2022, [url](#)",
    4: "Nastoyashee vremya, Дезертиры из армии [Deserters from the army], 5 April 2022, [url](#)",
}


def docx_bytes() -> bytes:
    return docwriters.docx(BODY, FOOTNOTES, {})


def _wrap(text: str, size: float, width: int = 95) -> list[list[docwriters.Run]]:
    """Lines of at most *width* characters, broken at spaces (never inside a URL)."""
    lines: list[list[docwriters.Run]] = []
    current = ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append([(current, size, 0)])
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append([(current, size, 0)])
    return lines


def _with_marks(text: str, size: float) -> list[docwriters.Line]:
    """Body text with ``{fn:N}`` marks printed small and raised, wrapped into lines."""
    import re

    out: list[docwriters.Line] = []
    for line in _wrap(re.sub(r"\{fn:(\d+)\}", r"<\1>", text), size):
        runs: list[docwriters.Run] = []
        for piece in re.split(r"(<\d+>)", line[0][0]):
            if re.fullmatch(r"<\d+>", piece):
                runs.append((piece[1:-1], 0.6 * size, 0.35 * size))
            elif piece:
                runs.append((piece, size, 0))
        out.append(runs)
    return out


def _footnote(n: int, text: str) -> list[docwriters.Line]:
    lines: list[docwriters.Line] = list(_wrap(text, 8))
    first = lines[0]
    assert first is not None
    lines[0] = [(str(n), 5, 3), (" " + first[0][0], 8, 0)]
    return lines


def pdf_bytes() -> bytes:
    notes = FOOTNOTES
    page1: list[docwriters.Line] = [*_with_marks(BODY[0], 10), None, None]
    page1 += [*_footnote(1, notes[1]), *_footnote(2, notes[2])]
    page2: list[docwriters.Line] = [*_with_marks(BODY[2], 10), None, None]
    page2 += [*_footnote(3, notes[3]), *_footnote(4, notes[4])]
    page3: list[docwriters.Line] = [[(BODY[3], 10, 0)], None]
    for entry in BODY[4:]:
        page3 += [*_wrap(entry, 10), None]
    return docwriters.pdf([page1, page2, page3])


SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def _raised(line: str, size: float) -> list[docwriters.Run]:
    """A line's runs, superscript digits printed as small raised digits (as in the report's PDF)."""
    import re

    runs: list[docwriters.Run] = []
    for piece in re.split(f"([{SUPERSCRIPTS}]+)", line):
        if piece and piece[0] in SUPERSCRIPTS:
            runs.append((piece.translate(str.maketrans(SUPERSCRIPTS, "0123456789")), 0.6 * size, 0.35 * size))
        elif piece:
            runs.append((piece, size, 0))
    return runs


def pdf_of_text(text: str, width: int = 100) -> bytes:
    """A PDF printing *text* as a report would: runs of 3+ blank lines are page breaks, paragraphs are
    wrapped at spaces to *width* characters with a gap between them, footnotes in a smaller size."""
    import re

    pages: list[list[docwriters.Line]] = []
    for page_text in re.split(r"\n(?:[ \t]*\n){3,}", text.strip("\n")):
        page: list[docwriters.Line] = []
        for para in re.split(r"\n(?:[ \t]*\n)+", page_text.strip("\n")):
            size = 8 if para[:1] in SUPERSCRIPTS else 10
            for line in para.split("\n"):
                for wrapped in _wrap(line.strip(), size, width):
                    page.append(_raised(wrapped[0][0], size))
            page.append(None)
        pages.append(page)
    return docwriters.pdf(pages)
