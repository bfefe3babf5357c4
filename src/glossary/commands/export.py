"""``glossary export``: the glossary as gettext catalogs (PO/POT/MO), TBX-Basic or CSV/TSV."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from glossary.errors import UsageError
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
FORMATS = ("po", "pot", "mo", "tbx", "csv", "tsv")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", required=True, choices=FORMATS, help=_("output format"))
    parser.add_argument("--lang", choices=("ru", "uk"), help=_("target language of a po or mo catalog"))
    parser.add_argument("-o", "--output", metavar="FILE", help=_("write to FILE (default: standard output)"))
    parser.add_argument(
        "--bom", action="store_true", help=_("start CSV/TSV with a UTF-8 BOM, as Excel expects")
    )


def render(
    glossary: object, fmt: str, lang: str | None, *, bom: bool = False
) -> tuple[bytes, int, list[str]]:
    """The export as bytes, the number of entries written and the ids left out."""
    from glossary.store import Glossary

    assert isinstance(glossary, Glossary)
    concepts = list(glossary)
    if fmt in ("po", "pot", "mo"):
        from glossary.exchange.po import build_catalog

        export = build_catalog(concepts, lang if fmt != "pot" else None)
        if fmt == "mo":
            with tempfile.TemporaryDirectory() as tmp:
                mo = Path(tmp) / "out.mo"
                export.catalog.save_as_mofile(str(mo))
                return mo.read_bytes(), len(export.catalog), export.skipped
        return str(export.catalog).encode("utf-8") + b"\n", len(export.catalog), export.skipped
    if fmt == "tbx":
        from glossary.exchange.tbx import write_tbx

        return write_tbx(concepts), len(concepts), []
    from glossary.exchange.csv import write_csv

    return write_csv(concepts, delimiter="\t" if fmt == "tsv" else ",", bom=bom), len(concepts), []


def run(args: argparse.Namespace) -> int:
    from glossary.store import load

    if args.format in ("po", "mo") and not args.lang:
        raise UsageError(_("--format {format} needs --lang ru or --lang uk").format(format=args.format))
    if args.format == "mo" and not args.output and sys.stdout.isatty():
        raise UsageError(_("a .mo file is binary: give -o FILE or redirect the output"))
    data, count, skipped = render(load(args.terms), args.format, args.lang, bom=args.bom)
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
