"""``glossary import``: read TBX (2019 or 2008) or CSV/TSV terms into a glossary folder as YAML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from glossary.errors import DataError, UsageError
from glossary.exchange import IMPORT_FORMATS
from glossary.i18n import N_, _, ngettext

HELP = N_("import terms from TBX (2019 or 2008) or CSV/TSV into a glossary folder")
EPILOG = N_(
    "Examples:\n"
    "  glossary import partner.tbx --into my-terms\n"
    "  glossary import iate-export.tbx --into my-terms --jurisdiction INT --type term\n"
    "  glossary import sheet.csv --into my-terms --dry-run\n"
    "  glossary import sheet.csv                 (print the YAML instead of writing it)\n\n"
    "New concepts are added to DIR/NAME.yaml (default: the input file's name), which 'glossary\n"
    "validate' accepts: everything is validated together with DIR before anything is written.\n"
    "A concept whose id is already in DIR is left alone: identical ones are reported as unchanged,\n"
    "different ones as conflicts. XML is parsed safely: entity expansion, external entities and\n"
    "remote DTDs are refused.\n"
    "Exit status: 0 imported, 1 some concepts conflict with DIR, 2 usage or data error."
)
FORMATS = IMPORT_FORMATS
_EXT = {".tbx": "tbx", ".xml": "tbx", ".csv": "csv", ".tsv": "tsv", ".tab": "tsv"}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help=_("the file to import ('-' reads standard input)"))
    parser.add_argument("--format", choices=FORMATS, help=_("input format (default: from the file name)"))
    parser.add_argument("--into", metavar="DIR", help=_("glossary folder to add the concepts to"))
    parser.add_argument("--name", metavar="NAME", help=_("file name in DIR (default: FILE's name, .yaml)"))
    parser.add_argument(
        "--type",
        default="term",
        metavar="TYPE",
        help=_("type of concepts the file gives none for (default: term)"),
    )
    parser.add_argument(
        "--jurisdiction",
        choices=("RU", "UA", "SU", "BY", "INT"),
        help=_("jurisdiction of concepts the file gives none for"),
    )
    parser.add_argument("--dry-run", action="store_true", help=_("check and report, write nothing"))
    parser.add_argument("--json", action="store_true", help=_("print the report as JSON"))


def _read(args: argparse.Namespace) -> tuple[bytes, str, str]:
    if args.file == "-":
        if not args.format:
            raise UsageError(_("reading standard input needs --format"))
        return sys.stdin.buffer.read(), "<stdin>", args.format
    path = Path(args.file)
    fmt = args.format or _EXT.get(path.suffix.lower())
    if fmt is None:
        raise UsageError(
            _("cannot tell the format of {file}: use --format {formats}").format(
                file=args.file, formats="|".join(FORMATS)
            )
        )
    try:
        return path.read_bytes(), str(path), fmt
    except OSError as exc:
        raise UsageError(
            _("cannot read {file}: {reason}").format(file=args.file, reason=exc.strerror)
        ) from exc


def run(args: argparse.Namespace) -> int:
    from glossary.commands._common import print_json
    from glossary.exchange import read as read_file
    from glossary.exchange.merge import complete, merge

    data, name, fmt = _read(args)
    read = read_file(data, name, fmt)
    if read.problems:
        raise DataError(read.problems)
    renamed: dict[str, str] = {}
    entries = [
        complete(
            e, source=Path(name).name, default_type=args.type, jurisdiction=args.jurisdiction, renamed=renamed
        )
        for e in read.entries
    ]
    if not args.into:
        from glossary.exchange.merge import dump_yaml

        sys.stdout.write(dump_yaml(entries))
        _report_skipped(read.skipped)
        return 0
    filename = args.name or (Path(name).stem if name != "<stdin>" else "imported") + ".yaml"
    if not filename.endswith((".yaml", ".yml")):
        filename += ".yaml"
    result = merge(entries, Path(args.into), filename, dry_run=args.dry_run)
    result.renamed = renamed
    if result.problems:
        raise DataError(result.problems)
    if args.json:
        payload: dict[str, Any] = {
            "file": str(result.path),
            "written": result.written,
            "added": result.added,
            "unchanged": result.unchanged,
            "renamed": result.renamed,
            "conflicts": [{"id": c.id, "where": c.where, "fields": c.fields} for c in result.conflicts],
            "skipped": read.skipped,
        }
        print_json(payload)
    else:
        for c in result.conflicts:
            print(
                _("conflict: {id} is already in {where} and differs in: {fields}; not imported").format(
                    id=c.id, where=c.where, fields=", ".join(c.fields)
                ),
                file=sys.stderr,
            )
        for old, new in sorted(result.renamed.items()):
            print(_("id {old} became {new}").format(old=old, new=new), file=sys.stderr)
        _report_skipped(read.skipped)
        n = len(result.added)
        if result.written:
            print(
                ngettext("{n} concept added to {file}", "{n} concepts added to {file}", n).format(
                    n=n, file=result.path
                )
            )
        elif n:
            print(
                ngettext(
                    "{n} concept would be added to {file}", "{n} concepts would be added to {file}", n
                ).format(n=n, file=result.path)
            )
        if result.unchanged:
            print(
                ngettext(
                    "{n} concept already present and identical",
                    "{n} concepts already present and identical",
                    len(result.unchanged),
                ).format(n=len(result.unchanged))
            )
    return 1 if result.conflicts else 0


def _report_skipped(skipped: dict[str, int]) -> None:
    for what, count in sorted(skipped.items()):
        print(
            _("not imported (no place in the glossary model): {what} × {count}").format(
                what=what, count=count
            ),
            file=sys.stderr,
        )
