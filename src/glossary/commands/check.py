"""``glossary check``: find inconsistencies in a report's citations and explain them."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from glossary.i18n import N_, _

if TYPE_CHECKING:
    from collections.abc import Iterator

    from glossary.citations.model import Finding
    from glossary.documents import Document

HELP = N_("check a report's citations: variants, homoglyphs, romanization, missing and uncited sources")
EPILOG = N_(
    "Examples:\n"
    "  glossary check report.txt\n"
    "  glossary check report.txt --json\n"
    "  glossary check report.docx\n"
    "  glossary check report.pdf --json\n\n"
    "Kinds: mixed-script, misspelling, romanization, name-translation, name-variant, outlet-variant,\n"
    "title-mismatch, translation-mismatch, date-mismatch, missing-from-bibliography, uncited-entry,\n"
    "oral-date, missing-date, malformed-date, order, duplicate-entry, page-break, style.\n"
    "--json prints a list of {kind, severity (error|warning|info), message, lines, strings (as printed),\n"
    "suggestion}; for a .docx or .pdf also locations (footnote, endnote, paragraph or page), which the\n"
    "text output prints in place of line numbers.\n"
    "--report FILE.html writes the findings as one self-contained HTML page (grouped by kind, each beside\n"
    "the lines it refers to; written atomically); --format html prints that page to standard output.\n"
    "Exit status: 0 when there is no error-severity finding, 1 when there is or when no citation is found,\n"
    "2 for usage or data errors."
)


def configure(parser: argparse.ArgumentParser) -> None:
    from glossary.commands.cite import add_input_options

    add_input_options(parser)
    parser.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    parser.add_argument(
        "--min-severity",
        choices=("error", "warning", "info"),
        default="info",
        help=_("hide findings below this severity (default: info, show all)"),
    )
    parser.add_argument(
        "--report",
        metavar="FILE.html",
        help=_("also write the findings as a self-contained HTML page to FILE.html (--format html: to stdout)"),
    )


def run(args: argparse.Namespace) -> int:
    html_out = args.fmt == "html"  # --format html: the page on stdout; the input style is detected
    if html_out:
        args.fmt = None
    if args.file == "-" and (html_out or args.report):  # stdin is read once: keep it to show its lines
        import os
        import tempfile

        from glossary.citations.decode import open_lines

        with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as spool:
            for line in open_lines("-", encoding=args.encoding):
                spool.write(line + "\n")
        try:
            return _run(args, html_out, spool.name, "<stdin>", "utf-8")
        finally:
            os.unlink(spool.name)
    return _run(args, html_out, args.file, args.file, args.encoding)


def _run(args: argparse.Namespace, html_out: bool, path: str, name: str, encoding: str | None) -> int:
    from glossary.citations import check, read
    from glossary.citations.progress import Progress
    from glossary.citations.reader import load_glossary
    from glossary.documents import open_document

    document = open_document(path)
    glossary = load_glossary(args.terms)
    _fmt, items = read(path, fmt=args.fmt, encoding=encoding, glossary=glossary, with_text=True, document=document)
    progress = Progress(_("records"))
    with check(items, glossary, progress=progress.tick) as checked:
        progress.done()
        if not checked.citations:  # an empty clean bill would be a lie: the style was not recognised
            print(
                _("Error: no citations found in {file} (is it a style glossary reads? see --format)").format(
                    file=name
                ),
                file=sys.stderr,
            )
            return 1
        rank = {"error": 0, "warning": 1, "info": 2}
        findings: Iterator[Finding] = (f for f in checked if rank[f.severity] <= rank[args.min_severity])
        errors = checked.counts["error"]
        out = sys.stdout
        kept: list[Finding] = []
        if html_out or args.report:
            kept = list(findings)
            findings = iter(kept)
            page = _page(kept, path, name, encoding, document)
            if args.report:
                from glossary.fileio import atomic_write

                try:
                    atomic_write(args.report, page.encode("utf-8"))
                except OSError as exc:
                    from glossary.errors import UsageError

                    raise UsageError(
                        _("cannot write {file}: {reason}").format(file=args.report, reason=exc.strerror)
                    ) from exc
        if html_out:
            out.write(page)
            out.flush()
            print(_("{n} findings ({e} errors)").format(n=len(kept), e=errors), file=sys.stderr)
        elif args.json:  # the layout of json.dump(list, indent=1), written one finding at a time
            count = 0
            for f in findings:
                record = f.to_json()
                if document is not None:
                    record["locations"] = document.locations(f.lines)
                text = json.dumps(record, ensure_ascii=False, indent=1).replace("\n", "\n ")
                out.write(("[\n " if not count else ",\n ") + text)
                count += 1
            out.write("\n]\n" if count else "[]\n")
        else:
            count = 0
            for f in findings:
                where = ",".join(str(n) for n in f.lines) or "-"
                if document is not None and f.lines:
                    where = ", ".join(document.locations(f.lines))
                out.write(f"{name}:{where}: {f.severity}: {f.kind}: {f.message}\n")
                if f.suggestion:
                    out.write("    " + _("suggestion: {s}").format(s=f.suggestion) + "\n")
                count += 1
            out.flush()  # the summary goes to stderr: after the findings, on its own line, even in `2>&1`
            print(_("{n} findings ({e} errors)").format(n=count, e=errors), file=sys.stderr)
    return 1 if errors else 0


def _page(findings: list[Finding], path: str, name: str, encoding: str | None, document: Document | None) -> str:
    """The HTML page of *findings*, with the report's lines they refer to (read again, only those)."""
    from glossary.citations.report import render_html

    wanted = {n for f in findings for n in f.lines}
    lines: dict[int, str] = {}
    if document is not None:
        lines = {n: t for n, t in enumerate(document.text.split("\n"), start=1) if n in wanted}
    elif wanted:
        from glossary.citations.decode import open_lines

        for n, text in enumerate(open_lines(path, encoding=encoding), start=1):
            if n in wanted:
                lines[n] = text
    where = document.location if document is not None else None
    return render_html(findings, lines, source=name, where=where)
