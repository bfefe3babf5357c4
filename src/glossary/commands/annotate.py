"""``glossary annotate``: list every glossary mention in running text, with offsets and reasons."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from glossary.commands._common import print_json
from glossary.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from glossary.match.results import Mention

HELP = N_("find every glossary term, name and title in running text (ru, uk, en or transliterated)")
EPILOG = N_(
    "Examples:\n"
    "  glossary annotate report.txt\n"
    "  glossary annotate report.docx --json\n"
    "  pdftotext report.pdf - | glossary annotate - --json\n\n"
    "Finds multi-word, inflected (Росгвардии, ОМОНа, військкоматі), transliterated (Rosgvardia) and\n"
    "homoglyph-damaged (МК.ru typed with Cyrillic letters) mentions; overlapping candidates resolve to\n"
    "the longest. --json prints [{\"start\", \"end\", \"line\", \"text\", \"id\", \"en\", \"score\", \"how\",\n"
    "\"matched\", \"ambiguous\"}], offsets counting characters from 0 in the input. A .docx or .pdf is read\n"
    "directly: offsets and lines then count in its extracted text, and \"location\" (paragraph, footnote,\n"
    "endnote or page) says where in the document the mention is.\n"
    "Exit status: 0 when something was found, 1 when nothing was, 2 for usage or data errors."
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", default="-", metavar="FILE",
                        help=_("UTF-8 text, .docx or .pdf file to annotate ('-' or nothing: standard input)"))
    parser.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    parser.add_argument("--no-inflection", action="store_true",
                        help=_("match only the glossary's own and generated forms, not their case forms"))
    parser.add_argument("--min-score", type=int, default=0, metavar="S", help=_("hide mentions scoring below S"))


def mention_json(m: Mention) -> dict[str, Any]:
    return {"start": m.start, "end": m.end, "line": m.line, "text": m.text, "id": m.concept.id,
            "en": m.concept.preferred("en"), "score": m.score, "how": m.how, "matched": m.matched,
            "ambiguous": m.ambiguous}


def _read(path: str) -> str:
    from glossary.errors import UsageError

    if path == "-":
        return sys.stdin.read()
    try:
        with open(path, encoding="utf-8-sig") as fh:
            return fh.read()
    except OSError as exc:
        raise UsageError(_("cannot read {path}: {reason}").format(path=path, reason=exc.strerror)) from None
    except UnicodeDecodeError as exc:
        raise UsageError(_("{path}: not UTF-8 text (byte {pos})").format(path=path, pos=exc.start)) from None


def run(args: argparse.Namespace) -> int:
    from glossary.documents import open_document
    from glossary.store import load

    document = open_document(args.file)
    text = document.text if document is not None else _read(args.file)
    glossary = load(args.terms)
    mentions = [m for m in glossary.annotate(text, inflection=not args.no_inflection) if m.score >= args.min_score]
    if args.json:
        records = [mention_json(m) for m in mentions]
        if document is not None:
            for record, m in zip(records, mentions, strict=True):
                record["location"] = document.location(m.line)
        print_json(records)
    else:
        for m in mentions:
            flag = _(" [ambiguous]") if m.ambiguous else ""
            where = f"{document.location(m.line)}\t" if document is not None else ""
            print(f"{where}{m.line}:{m.start}-{m.end}\t{m.text}\t→ {m.concept.label} ({m.concept.id})\t"
                  f"{m.score} {m.how}{flag}")
        print(ngettext("{n} mention", "{n} mentions", len(mentions)).format(n=len(mentions)), file=sys.stderr)
    return 0 if mentions else 1
