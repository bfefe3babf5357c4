"""``glossary check``: find inconsistencies in a report's citations and explain them."""

from __future__ import annotations

import argparse
import json
import sys

from glossary.i18n import N_, _

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


def run(args: argparse.Namespace) -> int:
    from glossary.citations import check, read
    from glossary.citations.progress import Progress
    from glossary.citations.reader import load_glossary
    from glossary.documents import open_document

    document = open_document(args.file)
    glossary = load_glossary(args.terms)
    _fmt, items = read(
        args.file, fmt=args.fmt, encoding=args.encoding, glossary=glossary, with_text=True, document=document
    )
    progress = Progress(_("records"))
    with check(items, glossary, progress=progress.tick) as checked:
        progress.done()
        if not checked.citations:  # an empty clean bill would be a lie: the style was not recognised
            name = "<stdin>" if args.file == "-" else args.file
            print(
                _("error: no citations found in {file} (is it a style glossary reads? see --format)").format(
                    file=name
                ),
                file=sys.stderr,
            )
            return 1
        rank = {"error": 0, "warning": 1, "info": 2}
        findings = (f for f in checked if rank[f.severity] <= rank[args.min_severity])
        errors = checked.counts["error"]
        out = sys.stdout
        if args.json:  # the layout of json.dump(list, indent=1), written one finding at a time
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
            name = "<stdin>" if args.file == "-" else args.file
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
