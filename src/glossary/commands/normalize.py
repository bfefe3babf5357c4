"""``glossary normalize``: write a report's citations back, consistent and complete."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile

from glossary.errors import UsageError
from glossary.i18n import N_, _

HELP = N_("normalize a bibliography: canonical outlet names, one romanization, page breaks joined, sorted")
EPILOG = N_(
    "Examples:\n"
    "  glossary normalize report.txt > fixed.txt\n"
    "  glossary normalize report.txt --in-place --report changes.json\n"
    "  glossary normalize report.txt --scheme bgn-pcgn --add-romanized\n"
    "  glossary normalize refs.bib --to csl-json -o refs.json\n\n"
    "Output goes to stdout, to -o FILE, or back into FILE with --in-place (atomic; the original is kept\n"
    "as FILE.bak). Every input citation appears in the output: the count is checked (an error if it\n"
    "changed, and nothing is written) and reported on stderr. --report FILE lists every change with\n"
    "before and after (JSON when FILE ends in .json). Normalizing a normalized file changes nothing."
)

TARGETS = ("euaa", "bibtex", "csl-json", "ris", "md")


def configure(parser: argparse.ArgumentParser) -> None:
    from glossary.commands.cite import add_input_options

    add_input_options(parser)
    parser.add_argument("--to", choices=TARGETS, help=_("output format (default: the input's)"))
    parser.add_argument("-o", "--output", metavar="FILE", help=_("write to FILE instead of stdout"))
    parser.add_argument(
        "--in-place", action="store_true", help=_("rewrite FILE (atomically, keeping FILE.bak)")
    )
    parser.add_argument(
        "--report", metavar="FILE", help=_("write the list of changes to FILE (.json for JSON)")
    )
    parser.add_argument(
        "--scheme",
        metavar="SCHEME",
        help=_("romanize Russian words under this scheme (e.g. bgn-pcgn, iso9, scholarly)"),
    )
    parser.add_argument(
        "--add-romanized",
        action="store_true",
        help=_("add a romanized title before the bracketed translation of Cyrillic titles"),
    )
    parser.add_argument("--no-sort", action="store_true", help=_("keep the bibliography's order"))


def _write_atomic(path: str, data: bytes, *, backup: bool) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".glossary-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if backup and os.path.exists(path):
            shutil.copy2(path, path + ".bak")
            shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def run(args: argparse.Namespace) -> int:
    from glossary.citations import formats
    from glossary.citations.decode import read_text
    from glossary.citations.normalize import normalize_text
    from glossary.citations.reader import guess_format, load_glossary

    if args.in_place and (args.file == "-" or args.output):
        raise UsageError(_("--in-place needs a file and no --output"))
    if args.scheme:
        from glossary.translit import schemes

        valid = sorted({s.id for s in schemes("ru")})
        if args.scheme not in valid:
            raise UsageError(
                _("unknown scheme '{s}' (expected one of: {v})").format(s=args.scheme, v=", ".join(valid))
            )
    glossary = load_glossary(args.terms)
    text, codec = read_text(args.file, encoding=args.encoding)
    fmt = args.fmt or guess_format(args.file, text[:20000])
    target = args.to or fmt
    if fmt == "cpin":  # written out in EUAA style (or --to): its outlet-heading layout is not kept
        from glossary.citations import Citation, parse
        from glossary.citations.structured import normalize_records

        parsed = [
            c for c in parse(text.splitlines(), glossary=glossary, fmt="cpin")
            if isinstance(c, Citation) and c.kind == "entry"
        ]
        records, changes = normalize_records(parsed, glossary, scheme=args.scheme, sort=not args.no_sort)
        target = args.to or "euaa"
        output = formats.write(records, target)
        count_in, count_out = len(parsed), len(records)
    elif fmt == "euaa":
        result = normalize_text(
            text.splitlines(),
            glossary,
            scheme=args.scheme,
            add_romanized=args.add_romanized,
            sort=not args.no_sort,
        )
        changes, count_in, count_out = result.changes, result.count_in, result.count_out
        if target in ("euaa", "cpin"):
            output = result.text
        else:
            from glossary.citations.normalize import normalize_text as again

            fixed = again(result.text.splitlines(), glossary, scheme=args.scheme, sort=False)
            entries = [c for c in fixed.records if c.kind == "entry"] or fixed.records
            output = formats.write(entries, target)
            count_out = len(entries)
            count_in = len([c for c in result.records if c.kind == "entry"]) or len(result.records)
    else:
        records = list(formats.read(text, fmt))
        from glossary.citations.structured import normalize_records

        records, changes = normalize_records(records, glossary, scheme=args.scheme, sort=not args.no_sort)
        output = formats.write(records, target)
        count_in, count_out = (
            len(records),
            len(list(formats.read(output, target))) if target != "md" else len(records),
        )
        if count_in != count_out:
            raise UsageError(
                _("normalizing would change the number of entries from {a} to {b}; nothing written").format(
                    a=count_in, b=count_out
                )
            )
    encoding = codec if (args.in_place and target == fmt) else "utf-8"
    data = output.encode(encoding)
    if args.in_place:
        _write_atomic(args.file, data, backup=True)
    elif args.output:
        _write_atomic(args.output, data, backup=False)
    else:
        sys.stdout.write(output)
        sys.stdout.flush()
    if args.report:
        if args.report.endswith(".json"):
            payload = {
                "count_in": count_in,
                "count_out": count_out,
                "changes": [c.to_json() for c in changes],
            }
            report = json.dumps(payload, ensure_ascii=False, indent=1) + "\n"
        else:
            parts = [f"{count_in} citations in, {count_out} out, {len(changes)} changes"]
            for c in changes:
                where = ",".join(str(n) for n in c.lines)
                parts.append(f"\n[{c.kind}] lines {where}\n- {c.before}\n+ {c.after}")
            report = "\n".join(parts) + "\n"
        _write_atomic(args.report, report.encode("utf-8"), backup=False)
    print(
        _("{a} citations in, {b} out; {n} changes").format(a=count_in, b=count_out, n=len(changes)),
        file=sys.stderr,
    )
    return 0
