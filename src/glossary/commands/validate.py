"""``glossary validate``: check glossary files against the schema and report every problem."""

from __future__ import annotations

import argparse
import sys

from glossary.commands._common import print_json
from glossary.i18n import N_, _, ngettext

HELP = N_("check glossary files against the schema; report every problem with file and line")
EPILOG = N_(
    "Checks: unknown or missing fields, wrong types, duplicate ids, dangling relations, a romanized\n"
    "form or abbreviation claimed by two concepts (unless both mark it ambiguous), Cyrillic letters\n"
    "in Latin fields and mixed-script tokens, text that is not NFC.\n"
    "Exit status: 0 when the glossary is valid, 2 when a problem was found."
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dirs", nargs="*", metavar="DIR",
                        help=_("glossary folders to check (default: --terms, $GLOSSARY_TERMS or the bundled one)"))
    parser.add_argument("--json", action="store_true", help=_("print the problems as JSON"))


def run(args: argparse.Namespace) -> int:
    import os
    from pathlib import Path

    from glossary.model.schema import check_dirs
    from glossary.resources import terms_dirs

    dirs = [Path(d) for d in args.dirs] if args.dirs else terms_dirs(args.terms)
    concepts, problems, entries = check_dirs(dirs)
    if args.json:
        print_json({
            "dirs": [os.fspath(d) for d in dirs], "entries": entries, "concepts": len(concepts),
            "problems": [{"file": p.file, "line": p.line, "entry": p.entry, "field": p.field,
                          "message": p.message} for p in problems],
        })
    else:
        for p in problems:
            print(str(p), file=sys.stderr)
        summary = ngettext("{n} concept", "{n} concepts", len(concepts)).format(n=len(concepts))
        if problems:
            print(ngettext("{count} problem found", "{count} problems found", len(problems)).format(
                count=len(problems)) + f" ({summary})", file=sys.stderr)
        else:
            print(_("OK: {summary} in {dirs}").format(summary=summary, dirs=", ".join(map(str, dirs))))
    return 2 if problems else 0
