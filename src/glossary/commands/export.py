"""``glossary export``: the glossary as gettext catalogs (PO/POT/MO), TBX-Basic or CSV/TSV."""

from __future__ import annotations

import argparse
import sys

from glossary.errors import UsageError
from glossary.exchange import EXPORT_FORMATS
from glossary.fileio import atomic_write
from glossary.i18n import N_, _, ngettext

HELP = N_("export the glossary as a gettext catalog (po, pot, mo), TBX-Basic or CSV/TSV")
EPILOG = N_(
    "Examples:\n"
    "  glossary export --format po --lang ru -o glossary-ru.po\n"
    "  glossary export --format pot -o glossary.pot\n"
    "  glossary export --format mo --lang uk -o uk/LC_MESSAGES/glossary.mo\n"
    "  glossary export --format tbx -o glossary.tbx\n"
    "  glossary export --format csv --bom -o glossary.csv      (for Excel)\n\n"
    "In PO, msgctxt is the concept id, msgid the English preferred term and msgstr the preferred\n"
    "term in --lang; concepts with no English term are left out (and listed). Unverified renderings\n"
    "are marked in a comment, never as fuzzy, so that they stay in the compiled .mo file."
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", required=True, choices=EXPORT_FORMATS, help=_("output format"))
    parser.add_argument("--lang", choices=("ru", "uk"), help=_("target language of a po or mo catalog"))
    parser.add_argument("-o", "--output", metavar="FILE", help=_("write to FILE (default: standard output)"))
    parser.add_argument(
        "--bom", action="store_true", help=_("start CSV/TSV with a UTF-8 BOM, as Excel expects")
    )


def run(args: argparse.Namespace) -> int:
    from glossary.store import load

    if args.format in ("po", "mo") and not args.lang:
        raise UsageError(_("--format {format} needs --lang ru or --lang uk").format(format=args.format))
    if args.format == "mo" and not args.output and sys.stdout.isatty():
        raise UsageError(_("a .mo file is binary: give -o FILE or redirect the output"))
    from glossary.exchange import export

    done = export(load(args.terms), args.format, lang=args.lang, bom=args.bom)
    data, count, skipped = done.data, done.count, done.skipped
    if args.output:
        atomic_write(args.output, data)
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    if skipped:
        print(
            ngettext(
                "{n} concept has no English preferred term and was left out: {ids}",
                "{n} concepts have no English preferred term and were left out: {ids}",
                len(skipped),
            ).format(n=len(skipped), ids=", ".join(skipped)),
            file=sys.stderr,
        )
    if args.output:
        print(
            ngettext("{n} entry written to {file}", "{n} entries written to {file}", count).format(
                n=count, file=args.output
            ),
            file=sys.stderr,
        )
    return 0
