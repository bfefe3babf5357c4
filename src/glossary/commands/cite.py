"""``glossary cite``: parse footnotes and bibliographies into citation records."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from glossary.i18n import N_, _

if TYPE_CHECKING:
    from glossary.documents import Document

HELP = N_("parse the citations (footnotes, bibliography) of a report or a BibTeX/CSL-JSON/RIS file")
EPILOG = N_(
    "Examples:\n"
    "  glossary cite report.txt\n"
    "  glossary cite report.txt --json > citations.json\n"
    "  glossary cite refs.bib --json\n"
    "  glossary cite report.docx\n"
    "  glossary cite report.pdf --json\n\n"
    "Input: EUAA/EASO-style text (footnotes and 'Sources used'), UK Home Office CPIN style, BibTeX,\n"
    "CSL-JSON or RIS; UTF-8 (with or without BOM), UTF-16, Windows-1251 or KOI8-R, detected or given\n"
    "with --encoding; or a Word .docx (body, footnotes, endnotes) or a PDF with a text layer, read\n"
    "directly (records are then located by footnote, paragraph or page: 'location' in --json).\n\n"
    "--json prints a list with one object per citation: kind (footnote|entry), section, footnote,\n"
    "lines, authors, organisation, outlet {text, id, en, how, expansion} (null when none is printed;\n"
    "id and en are null when the outlet is not in the glossary), title (original script, as printed),\n"
    "title_romanized, translation (the bracketed English), date (as printed), date_iso (list),\n"
    "accessed, accessed_iso, url, url_placeholder ([url](#)), medium, pages, note, format, key, text.\n"
    "Exit status: 0 when citations were found, 1 when none were, 2 for usage or data errors."
)


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by cite, check and normalize."""
    parser.add_argument("file", metavar="FILE", help=_("input file ('-' reads stdin)"))
    parser.add_argument(
        "--format",
        dest="fmt",
        metavar="FMT",
        help=_("input format: euaa, cpin, bfa, irb (IRB Canada RIR references), academic (APA, MLA, Chicago "
               "reference lists), list (citations one per line, no heading), bibtex, csl-json, ris "
               "(default: from the file)"),
    )
    parser.add_argument(
        "--encoding", metavar="ENC", help=_("input encoding, e.g. utf-8, cp1251, koi8-r (default: detected)")
    )


def configure(parser: argparse.ArgumentParser) -> None:
    add_input_options(parser)
    parser.add_argument("--json", action="store_true", help=_("print JSON for scripts"))


def _line(c: object, document: Document | None = None) -> str:
    from glossary.citations.model import Citation

    assert isinstance(c, Citation)
    where = f"{c.lines[0]}" if c.lines else "-"
    if document is not None and c.lines:
        where = document.location(c.lines[0])
    tag = f"fn {c.footnote}" if c.kind == "footnote" else (c.section or "entry")
    who = c.outlet.text if c.outlet else ", ".join(c.authors) or "?"
    if c.outlet and c.outlet.id:
        who += f" [{c.outlet.id}]"
    parts = [who]
    if c.title:
        parts.append(c.title)
    if c.translation:
        parts.append(f"[{c.translation}]")
    parts.append(_date_text(c.date))
    if c.url:
        parts.append(c.url)
    return f"{where}\t{tag}\t" + " | ".join(parts)


def _date_text(printed: str | None) -> str:
    """The citation's date in the interface language (5 апреля 2022 г.), or as printed if unreadable."""
    from glossary.citations.dates import format_date, parse_date
    from glossary.i18n import current_language

    if not printed:
        return _("no date")
    parsed = parse_date(printed)
    return format_date(parsed, current_language()) if parsed is not None else printed


def run(args: argparse.Namespace) -> int:
    from glossary.citations import Citation, read
    from glossary.citations.progress import Progress
    from glossary.citations.reader import load_glossary
    from glossary.documents import open_document

    document = open_document(args.file)
    glossary = load_glossary(args.terms)
    _fmt, items = read(args.file, fmt=args.fmt, encoding=args.encoding, glossary=glossary, document=document)
    count = 0
    progress = Progress(_("citations"))
    out = sys.stdout
    if args.json:
        out.write("[")
    for item in items:
        if not isinstance(item, Citation):
            continue
        if args.json:
            out.write(",\n " if count else "\n ")
            record = item.to_json()
            if document is not None:
                record["location"] = document.location(item.lines[0]) if item.lines else None
            out.write(json.dumps(record, ensure_ascii=False))
        else:
            out.write(_line(item, document) + "\n")
        count += 1
        progress.tick(count)
    progress.done()
    if args.json:
        out.write("\n]\n" if count else "]\n")
    return 0 if count else 1
