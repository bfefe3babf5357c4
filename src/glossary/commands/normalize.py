"""``glossary normalize``: write a report's citations back, consistent and complete."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from typing import Any, BinaryIO

from glossary.errors import UsageError
from glossary.fileio import atomic_write
from glossary.i18n import N_, _

HELP = N_("normalize a bibliography: canonical outlet names, one romanization, page breaks joined, sorted")
EPILOG = N_(
    "Examples:\n"
    "  glossary normalize report.txt > fixed.txt\n"
    "  glossary normalize report.txt --in-place --report changes.json\n"
    "  glossary normalize report.txt --scheme bgn-pcgn --add-romanized\n"
    "  glossary normalize refs.bib --to csl-json -o refs.json\n"
    "  glossary normalize report.docx -o report-fixed.txt\n\n"
    "Output goes to stdout, to -o FILE, or back into FILE with --in-place (atomic; the original is kept\n"
    "as FILE.bak). Every input citation appears in the output: the count is checked (an error if it\n"
    "changed, and nothing is written) and reported on stderr. --report FILE lists every change with\n"
    "before and after (JSON when FILE ends in .json). Normalizing a normalized file changes nothing.\n\n"
    "Text formats (euaa, cpin, bfa, list) keep every line that is not part of a citation verbatim and in place.\n"
    "Nothing is written, and the exit status is 1, when no citation is found (an unrecognised style:\n"
    "try --format) or when the output would hold less text than the input without a reported change\n"
    "accounting for it. A .docx or .pdf is read directly and its normalized text written to stdout or -o;\n"
    "it is never written back (--in-place is refused). Exit status 2: usage or data errors."
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


#: the spooled text of a .docx/.pdf input → the input's name, for messages
_shown: dict[str, str] = {}


class Refused(Exception):
    """normalize will not write this output (the message says why); the input is left untouched."""


def _no_citations(path: str) -> Refused:
    name = "<stdin>" if path == "-" else _shown.get(path, path)
    return Refused(
        _("no citations found in {file}; nothing written (is it a style glossary reads? see --format)").format(
            file=name
        )
    )


def _text_size(text: str) -> int:
    """Characters that are not whitespace: what "less text" means (blank lines and wraps are layout)."""
    return len(text) - sum(text.count(ch) for ch in " \t\n\r\f\v\u00a0")


def _guard_loss(size_in: int, size_out: int, accounted: int) -> None:
    """Refuse an output with less text than its input unless the reported changes removed exactly that."""
    if size_in - size_out > accounted:
        raise Refused(
            _("the output would lose {n} characters that no reported change accounts for; nothing written").format(
                n=size_in - size_out - accounted
            )
        )


def run(args: argparse.Namespace) -> int:
    from glossary.documents import open_document

    args.source, args.source_encoding = args.file, args.encoding
    spool = None
    try:
        document = open_document(args.file)
        if document is not None:
            return _run_document(args, document)
        if args.file == "-":  # stdin is read once: keep it in a file, to guess its style and read it twice
            from glossary.citations.decode import open_lines

            spool = tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False)
            with spool:
                for line in open_lines("-", encoding=args.encoding):
                    spool.write(line + "\n")
            args.source, args.source_encoding = spool.name, "utf-8"
        return _run(args)
    except Refused as exc:
        print(_("Error: {message}").format(message=exc), file=sys.stderr)
        return 1
    finally:
        if spool is not None:
            os.unlink(spool.name)


def _run_document(args: argparse.Namespace, document: Any) -> int:
    """A .docx or .pdf: its text is normalized like a text file's (spooled to a temporary file for the two
    passes) and written to stdout or -o; the document itself is never written."""
    if args.in_place:
        raise UsageError(
            _("{file}: normalize never writes into a .docx or .pdf; its normalized text goes to stdout or "
              "-o FILE (drop --in-place)").format(file=args.file)
        )
    for out in (args.output, args.report):
        if out and os.path.exists(out) and os.path.samefile(out, args.file):
            raise UsageError(
                _("the output {out} is the input document {file}; choose another file").format(out=out, file=args.file)
            )
    spool = tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False)
    try:
        with spool:
            spool.write(document.text + "\n")
        _shown[spool.name] = args.file
        return _run(argparse.Namespace(**{**vars(args), "file": spool.name, "encoding": "utf-8",
                                          "source": spool.name, "source_encoding": "utf-8"}))
    finally:
        _shown.pop(spool.name, None)
        os.unlink(spool.name)


def _run(args: argparse.Namespace) -> int:
    from glossary.citations import formats, normalize_records, normalize_text
    from glossary.citations.decode import read_text
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
    if args.fmt in (None, "euaa", "cpin", "bfa", "list"):
        fmt = args.fmt or _guess(args.source, args.source_encoding)
        if fmt in ("euaa", "cpin", "bfa", "list") and args.to in (None, fmt):
            return _run_stream(args, glossary, fmt)
    text, codec = read_text(args.source, encoding=args.source_encoding)
    fmt = args.fmt or guess_format(args.source, text[:20000])
    target = args.to or fmt
    if fmt in ("cpin", "list", "irb", "academic"):  # written out in EUAA style (or --to); headings not kept
        from glossary.citations import Citation, parse

        parsed = [
            c for c in parse(text.splitlines(), glossary=glossary, fmt=fmt)
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
            fixed = normalize_text(result.text.splitlines(), glossary, scheme=args.scheme, sort=False)
            entries = [c for c in fixed.records if c.kind == "entry"] or fixed.records
            output = formats.write(entries, target)
            count_out = len(entries)
            count_in = len([c for c in result.records if c.kind == "entry"]) or len(result.records)
    else:
        records = list(formats.read(text, fmt))
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
    if not count_in:
        raise _no_citations(args.file)
    encoding = codec if (args.in_place and target == fmt) else "utf-8"
    data = output.encode(encoding)
    if args.in_place:
        atomic_write(args.file, data, backup=True)
    elif args.output:
        atomic_write(args.output, data, backup=False)
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
        atomic_write(args.report, report.encode("utf-8"), backup=False)
    print(
        _("{a} citations in, {b} out; {n} changes").format(a=count_in, b=count_out, n=len(changes)),
        file=sys.stderr,
    )
    return 0


def _guess(path: str, encoding: str | None) -> str:
    """The input's format, from its name and first lines."""
    from itertools import islice

    from glossary.citations.decode import open_lines
    from glossary.citations.reader import guess_format

    return guess_format(path, "\n".join(islice(open_lines(path, encoding=encoding), 200))[:20000])


def _run_stream(args: argparse.Namespace, glossary: Any, fmt: str) -> int:
    """A text document (EUAA, CPIN, BFA style or a list) in and out, streamed in two passes (memory stays flat as
    the input grows); lines that are not citations are written back verbatim."""
    import io

    from glossary.citations import normalize
    from glossary.citations.decode import detect_codec, open_lines

    path, encoding = args.source, args.source_encoding  # stdin was kept in a file by run()

    def lines() -> Iterator[str]:
        return open_lines(path, encoding=encoding)

    # a CPIN bibliography groups entries under outlet headings: sorting would move them from their heading
    options = {
        "scheme": args.scheme,
        "add_romanized": args.add_romanized,
        "sort": not args.no_sort and fmt not in ("cpin", "list"),  # keep the order as pasted
        "fmt": fmt,
    }

    def refuse_empty(count: int) -> None:
        if not count:
            raise _no_citations(args.file)

    def guard(summary: Any, size_out: int) -> None:
        size_in = sum(_text_size(line) for line in lines())
        accounted = sum(_removed(c) for c in summary.changes())
        _guard_loss(size_in, size_out, accounted)

    if args.in_place or args.output:
        codec = (encoding or detect_codec(path)) if args.in_place else "utf-8"
        result: list[Any] = []

        def write_to(handle: BinaryIO) -> None:
            text = io.TextIOWrapper(handle, encoding=codec, newline="", write_through=False)
            size = [0]

            def write(piece: str) -> None:
                size[0] += _text_size(piece)
                text.write(piece)

            summary = normalize(lines, write, glossary, before_write=refuse_empty, **options)
            text.flush()
            text.detach()
            guard(summary, size[0])  # before the file is replaced: a refusal leaves the input as it was
            result.append(summary)

        atomic_write(args.file if args.in_place else args.output, write_to, backup=bool(args.in_place))
        summary = result[0]
    else:
        summary = normalize(lines, sys.stdout.write, glossary, before_write=refuse_empty, **options)
        sys.stdout.flush()
    if args.report:
        atomic_write(args.report, lambda handle: _report(handle, args.report, summary), backup=False)
    print(
        _("{a} citations in, {b} out; {n} changes").format(
            a=summary.count_in, b=summary.count_out, n=summary.n_changes
        ),
        file=sys.stderr,
    )
    return 0


def _removed(change: Any) -> int:
    """How much text a change removes (negative when it adds)."""
    from glossary.citations.rewrite import OrderChange

    if isinstance(change, OrderChange):
        return sum(_text_size(p) for p in change.pieces("before")) - sum(
            _text_size(p) for p in change.pieces("after")
        )
    return _text_size(change.before) - _text_size(change.after)


def _report(handle: BinaryIO, name: str, summary: Any) -> None:
    """The change report, written change by change (the layout of json.dumps(..., indent=1) for .json);
    a sorted section's before/after (every entry's beginning) is written piece by piece."""
    from glossary.citations.rewrite import OrderChange

    def out(text: str) -> None:
        handle.write(text.encode("utf-8"))

    if name.endswith(".json"):
        out(f'{{\n "count_in": {summary.count_in},\n "count_out": {summary.count_out},\n "changes": [')
        for n, c in enumerate(summary.changes()):
            out("\n  " if not n else ",\n  ")
            if isinstance(c, OrderChange):
                lines = ",".join(f"\n    {k}" for k in c.lines)
                out(f'{{\n   "lines": [{lines}\n   ],\n   "kind": "order",')
                for field, end in (("before", ","), ("after", "")):
                    out(f'\n   "{field}": "')
                    for piece in c.pieces(field):
                        out(json.dumps(piece, ensure_ascii=False)[1:-1])
                    out('"' + end)
                out("\n  }")
            else:
                out(json.dumps(c.to_json(), ensure_ascii=False, indent=1).replace("\n", "\n  "))
        out("\n ]\n}\n" if summary.n_changes else "]\n}\n")
        return
    out(f"{summary.count_in} citations in, {summary.count_out} out, {summary.n_changes} changes")
    for c in summary.changes():
        where = ",".join(str(n) for n in c.lines)
        out(f"\n\n[{c.kind}] lines {where}\n- ")
        for piece in c.pieces("before") if isinstance(c, OrderChange) else (c.before,):
            out(piece)
        out("\n+ ")
        for piece in c.pieces("after") if isinstance(c, OrderChange) else (c.after,):
            out(piece)
    out("\n")
