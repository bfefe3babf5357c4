"""``glossary lookup``: find concepts by any term, abbreviation, full name or romanized form."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from glossary.commands._common import parse_langs, print_json, read_queries
from glossary.i18n import N_, _

if TYPE_CHECKING:
    from glossary.match.results import Match

HELP = N_("find concepts by any term, abbreviation, full name or romanized form")
EPILOG = N_(
    "Examples:\n"
    "  glossary lookup voenkomat\n"
    "  glossary lookup 'Росгвардия' --lang en\n"
    "  glossary lookup 'ст. 338 УК РФ' --json\n"
    "  printf 'OMON\\nFSB\\n' | glossary lookup -\n\n"
    "Matching ignores case, diacritics, quote and dash variants and spacing.\n"
    "--json prints {\"query\", \"matches\": [{\"id\", \"type\", \"score\" (0-100), \"how\", \"matched\",\n"
    "\"explanation\", \"ambiguous\", \"en\", \"ru\", \"uk\", ...}]}, best first (a list of such objects\n"
    "when several queries are read from stdin).\n"
    "Exit status: 0 when something matched, 1 when nothing did, 2 for usage or data errors."
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="+", metavar="QUERY",
                        help=_("the text to look up ('-' reads one query per line from stdin)"))
    parser.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    parser.add_argument("--lang", metavar="LANGS",
                        help=_("languages to show, comma-separated: en,ru,uk (default: all)"))
    parser.add_argument("--top", type=int, default=5, metavar="N", help=_("show at most N concepts (default: 5)"))
    parser.add_argument("--min-score", type=int, default=0, metavar="S", help=_("hide matches scoring below S (0-100)"))


def match_json(match: Match, langs: tuple[str, ...]) -> dict[str, Any]:
    c = match.concept
    out: dict[str, Any] = {
        "id": c.id, "type": c.type, "score": match.score, "how": match.how, "matched": match.matched,
        "explanation": match.explanation, "ambiguous": match.ambiguous,
        "jurisdiction": list(c.jurisdiction),
    }
    for lang in langs:
        out[lang] = c.preferred(lang)
    if match.how == "misspelling":
        out["correct"] = match.of
    en = c.terms.get("en")
    if en and en.definition and "en" in langs:
        out["definition"] = en.definition
    return out


def _print_match(match: Match, langs: tuple[str, ...]) -> None:
    c = match.concept
    flag = _(" [ambiguous]") if match.ambiguous else ""
    print(f"{c.label}  ({c.id}; {c.type}; {', '.join(c.jurisdiction)}){flag}")
    print("  " + _("score {score}: {explanation}").format(score=match.score, explanation=match.explanation))
    for lang in langs:
        block = c.terms.get(lang)
        if not block:
            continue
        line = block.preferred or ""
        extra = [a.form for a in block.abbreviations]
        if block.full and block.full != block.preferred:
            extra.append(block.full)
        if block.title:
            extra.append(f"“{block.title}”")
        print(f"  {lang}: {line}" + (f"  ({'; '.join(extra)})" if extra else ""))
        if lang == "en" and block.definition:
            print("      " + block.definition)
    if c.romanized:
        shown = [r.form for r in c.romanized if not r.misspelling]
        if shown:
            print("  " + _("romanized: {forms}").format(forms=", ".join(shown)))


def run(args: argparse.Namespace) -> int:
    from glossary.errors import UsageError
    from glossary.store import load

    if args.top < 1:
        raise UsageError(_("--top must be at least 1"))
    langs = parse_langs(args.lang)
    queries = read_queries(args)
    if not queries or not any(q.strip() for q in queries):
        raise UsageError(
            _("no query read from standard input") if args.query == ["-"]
            else _("the query is empty: give a term to look up, or '-' to read queries from standard input")
        )
    glossary = load(args.terms)
    results = []
    found_any = False
    for query in queries:
        matches = glossary.match(query, top=args.top, min_score=args.min_score)
        found_any = found_any or bool(matches)
        results.append((query, matches))
    if args.json:
        payload = [{"query": q, "matches": [match_json(m, langs) for m in ms]} for q, ms in results]
        print_json(payload[0] if len(payload) == 1 and args.query != ["-"] else payload)
    else:
        for n, (query, matches) in enumerate(results):
            if n:
                print()
            if len(results) > 1:
                print(f"== {query}")
            for i, match in enumerate(matches):
                if i:
                    print()
                _print_match(match, langs)
            if not matches:
                print(_("No concept matches '{query}'. Try another spelling, the Cyrillic form, "
                        "an abbreviation, or a shorter query.").format(query=query), file=sys.stderr)
    return 0 if found_any else 1
