"""``glossary translit``: romanize Russian/Ukrainian under a named standard, or reverse it."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from glossary.errors import UsageError
from glossary.i18n import N_, _

if TYPE_CHECKING:
    from glossary.store import Glossary

HELP = N_("romanize Russian or Ukrainian text under a published standard (or turn Latin back into Cyrillic)")
EPILOG = N_(
    "Examples:\n"
    "  glossary translit 'Росгвардия'                 (ru, BGN/PCGN: Rosgvardiya)\n"
    "  glossary translit --scheme iso9 'Щука'\n"
    "  glossary translit --all 'Запоріжжя'            (every Ukrainian scheme side by side)\n"
    "  glossary translit --bgn-dots 'Улан-Удэ'        (Ulan-Ud·e: BGN/PCGN's optional dots)\n"
    "  glossary translit --reverse --lang ru Rosgvardiya\n"
    "  glossary translit --reverse --lang ru --top 3 'Sergei Shoigu'\n"
    "  glossary translit --list\n"
    "  glossary translit --in titles.txt --scheme ala-lc\n\n"
    "The language is detected from letters only one alphabet has (і ї є ґ ʼ: uk; ы э ъ ё: ru),\n"
    "else Russian; --lang forces it, --by-word decides it per word for mixed text.\n"
    "Defaults: ru bgn-pcgn, uk kmu-2010."
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "text",
        nargs="*",
        metavar="TEXT",
        help=_("text to romanize ('-' or nothing with piped input reads stdin)"),
    )
    parser.add_argument(
        "--in", dest="infile", metavar="FILE", action="append", help=_("read the text from FILE (repeatable)")
    )
    parser.add_argument("--lang", choices=("ru", "uk"), help=_("language of the text (default: detected)"))
    parser.add_argument(
        "--scheme", metavar="ID", help=_("scheme id, see --list (default: bgn-pcgn / kmu-2010)")
    )
    parser.add_argument(
        "--all", action="store_true", help=_("show every scheme of the language side by side")
    )
    parser.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    parser.add_argument(
        "--reverse", action="store_true", help=_("Latin → Cyrillic: candidate spellings, best first")
    )
    parser.add_argument(
        "--top",
        type=int,
        default=5,
        metavar="N",
        help=_("with --reverse: show the N best candidates (default 5)"),
    )
    parser.add_argument(
        "--list", action="store_true", help=_("list the schemes: id, language, standard, reversible")
    )
    parser.add_argument(
        "--bgn-dots",
        action="store_true",
        help=_("BGN/PCGN's optional middle dots (note 3: Ulan-Ud·e, Vyart·silya, Ty·ay·a)"),
    )
    parser.add_argument(
        "--by-word",
        action="store_true",
        help=_("detect the language word by word (a Ukrainian name in a Russian title)"),
    )


def _read_text(args: argparse.Namespace) -> str:
    """The input: files, else arguments, else stdin ('-' or piped)."""
    parts: list[str] = []
    for name in args.infile or []:
        try:
            with open(name, encoding="utf-8") as fh:
                parts.append(fh.read())
        except OSError as exc:
            raise UsageError(
                _("cannot read {file}: {reason}").format(file=name, reason=exc.strerror)
            ) from exc
    if args.text and args.text != ["-"]:
        parts.append(" ".join(args.text))
    elif args.text == ["-"] or (not parts and not sys.stdin.isatty()):
        parts.append(sys.stdin.read())
    if not parts:
        raise UsageError(_("nothing to transliterate: give TEXT, --in FILE or pipe text in"))
    return "".join(parts)


def _dump(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _table(rows: list[list[str]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())


def reverse_json(
    glossary: Glossary, text: str, *, lang: str, scheme: str | None = None, top: int = 5
) -> dict[str, Any]:
    """``--reverse --json`` for one text: candidates best first, each with score, reason and schemes.

    The glossary is asked for its own Cyrillic forms, which rank first; so do pymorphy3's dictionary
    words and the given names of data/given-names.yaml. The web page's API returns the same.
    """
    from functools import partial

    from glossary import translit

    if not 1 <= top <= 50:
        raise UsageError(_("top must be between 1 and 50"))
    found = translit.reverse_candidates(
        text, lang=lang, scheme=scheme, top=top, forms=partial(glossary.concept_of_form, lang=lang)
    )
    return {"text": text, "lang": lang, "scheme": scheme, "candidates": [c.to_json() for c in found]}


def run(args: argparse.Namespace) -> int:
    from glossary import translit

    if args.list:
        infos = translit.schemes(args.lang)
        if args.json:
            _dump(
                [
                    {
                        "id": i.id,
                        "lang": i.lang,
                        "name": i.name,
                        "standard": i.standard,
                        "reference": i.reference,
                        "reversible": i.reversible,
                    }
                    for i in infos
                ]
            )
        else:
            yes, no = _("yes"), _("no")
            rows = [[_("id"), _("lang"), _("reversible"), _("standard")]]
            rows += [[i.id, i.lang, yes if i.reversible else no, i.name] for i in infos]
            _table(rows)
        return 0

    if args.bgn_dots and (args.all or args.reverse):
        raise UsageError(_("--bgn-dots applies to one romanization, not to --all or --reverse"))
    text = _read_text(args)
    lines = [line for line in text.splitlines() if line.strip()] if (args.all or args.reverse) else [text]

    if args.reverse:
        if args.lang is None and args.scheme is None:
            raise UsageError(_("--reverse needs --lang (or a --scheme that names one language)"))
        lang = args.lang
        if lang is None:
            langs = sorted({i.lang for i in translit.schemes() if i.id == args.scheme})
            lang = langs[0] if len(langs) == 1 else "ru"
        from glossary.store import load

        glossary = load(args.terms)
        data = [reverse_json(glossary, line.strip(), lang=lang, scheme=args.scheme, top=args.top)
                for line in lines]
        if args.json:
            _dump(data[0] if len(data) == 1 else data)
        else:
            for n, item in enumerate(data):
                if len(data) > 1:
                    print(("\n" if n else "") + item["text"])
                _table([[c["text"], str(c["score"]), c["explanation"]] for c in item["candidates"]])
        return 0

    if args.all:
        out: list[dict[str, Any]] = []
        for line in lines:
            lang = args.lang or translit.detect_language(line) or translit.DEFAULT_LANG
            out.append({"text": line, "lang": lang, "romanizations": translit.romanizations(line, lang=lang)})
        if args.json:
            _dump(out[0] if len(out) == 1 else out)
        else:
            for n, item in enumerate(out):
                if n:
                    print()
                _table([[sid, form] for sid, form in item["romanizations"].items()])
        return 0

    result = translit.transliterate(
        text, lang=args.lang, scheme=args.scheme, by_word=args.by_word, dots=args.bgn_dots
    )
    if args.json:
        lang = args.lang or translit.detect_language(text) or translit.DEFAULT_LANG
        scheme = args.scheme or translit.DEFAULT_SCHEME[lang]
        payload: dict[str, Any] = {"text": text, "lang": lang, "scheme": scheme, "result": result}
        if args.bgn_dots:
            payload["dots"] = True
        _dump(payload)
    else:
        sys.stdout.write(result if result.endswith("\n") else result + "\n")
    return 0
