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
    "  glossary check report.txt --json\n\n"
    "Kinds: mixed-script, misspelling, romanization, name-translation, name-variant, outlet-variant,\n"
    "title-mismatch, translation-mismatch, date-mismatch, missing-from-bibliography, uncited-entry,\n"
    "oral-date, missing-date, malformed-date, order, duplicate-entry, page-break, style.\n"
    "--json prints a list of {kind, severity (error|warning|info), message, lines, strings (as printed),\n"
    "suggestion}.\n"
    "Exit status: 0 when there is no error-severity finding, 1 when there is, 2 for usage or data errors."
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
    from glossary.citations.check import Checker
    from glossary.citations.progress import Progress
    from glossary.citations.reader import load_glossary, read

    glossary = load_glossary(args.terms)
    _fmt, items = read(args.file, fmt=args.fmt, encoding=args.encoding, glossary=glossary, with_text=True)
    checker = Checker(glossary)
    progress = Progress(_("records"))
    for n, item in enumerate(items, start=1):
        checker.add(item)
        progress.tick(n)
    progress.done()
    rank = {"error": 0, "warning": 1, "info": 2}
    findings = [f for f in checker.run() if rank[f.severity] <= rank[args.min_severity]]
    if args.json:
        json.dump([f.to_json() for f in findings], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        name = "<stdin>" if args.file == "-" else args.file
        for f in findings:
            where = ",".join(str(n) for n in f.lines) or "-"
            print(f"{name}:{where}: {f.severity}: {f.kind}: {f.message}")
            if f.suggestion:
                print("    " + _("suggestion: {s}").format(s=f.suggestion))
        errors = sum(1 for f in findings if f.severity == "error")
        print(_("{n} findings ({e} errors)").format(n=len(findings), e=errors), file=sys.stderr)
    return 1 if any(f.severity == "error" for f in findings) else 0
