"""``glossary po-check``: does a translator's gettext catalog use the glossary's approved terms?"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from glossary.errors import UsageError
from glossary.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from glossary.exchange.po_check import Finding, Report

HELP = N_("check that a translated gettext catalog (.po) uses the glossary's approved terms")
EPILOG = N_(
    "Examples:\n"
    "  glossary po-check app-ru.po\n"
    "  glossary po-check messages.po --lang uk --json\n\n"
    "Where a msgid contains a glossary term (English preferred or admitted term, full name or\n"
    "abbreviation), the msgstr must contain the concept's approved term in the catalog's language,\n"
    "in any case or number (Росгвардии, Росгвардией). Deprecated forms and near misses are named.\n"
    "An ambiguous English term is also accepted in the rendering its context calls for, as the\n"
    "glossary's context_renderings give it ('officers of the National Guard' = сотрудники Росгвардии).\n"
    "Every plural form is checked; a msgctxt that is a concept id selects that concept; obsolete\n"
    "(#~) and untranslated entries are counted, not checked.\n"
    "Exit status: 0 no problem, 1 problems found, 2 usage or data error."
)
STATUS_TEXT = {
    "ok": N_("uses the approved term {found!r}"),
    "inflected": N_("uses the approved term, inflected: {found!r}"),
    "context": N_("uses {found!r}, the usual rendering beside {context!r}"),
    "missing": N_("the approved term {expected!r} is missing"),
    "deprecated": N_("uses the deprecated form {found!r}; use {expected!r}"),
    "misspelled": N_("{found!r} looks misspelled; the approved term is {expected!r}"),
}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "catalog", metavar="CATALOG.po", help=_("the catalog to check ('-' reads standard input)")
    )
    parser.add_argument(
        "--lang",
        choices=("ru", "uk"),
        help=_("language of the translations (default: the catalog's Language header)"),
    )
    parser.add_argument("--all", action="store_true", help=_("also list the terms that are used correctly"))
    parser.add_argument("--json", action="store_true", help=_("print JSON for scripts"))


def _language(po: object, explicit: str | None) -> str:
    if explicit:
        return explicit
    header = str(getattr(po, "metadata", {}).get("Language", ""))
    code = header.replace("-", "_").split("_", 1)[0].lower()
    if code not in ("ru", "uk"):
        raise UsageError(
            _("the catalog's Language header is {header!r}: give --lang ru or --lang uk").format(
                header=header
            )
        )
    return code


def _line(name: str, f: Finding) -> str:
    where = f"{name}:{f.line}"
    what = _(STATUS_TEXT[f.status]).format(found=f.found, expected=f.expected, context=f.context)
    plural = (
        " " + _("(plural form {index})").format(index=f.plural_index) if f.plural_index is not None else ""
    )
    label = _("error") if f.is_error else _("ok")
    return f"{where}: {label}: {f.english!r} ({f.concept}){plural}: {what}"


def _summary(report: Report) -> str:
    parts = [
        ngettext("{n} entry checked", "{n} entries checked", report.checked).format(n=report.checked),
        ngettext("{n} term use", "{n} term uses", len(report.findings)).format(n=len(report.findings)),
        ngettext("{n} problem", "{n} problems", len(report.errors)).format(n=len(report.errors)),
    ]
    if report.untranslated:
        parts.append(
            ngettext(
                "{n} untranslated entry skipped", "{n} untranslated entries skipped", report.untranslated
            ).format(n=report.untranslated)
        )
    if report.obsolete:
        parts.append(
            ngettext("{n} obsolete entry skipped", "{n} obsolete entries skipped", report.obsolete).format(
                n=report.obsolete
            )
        )
    return ", ".join(parts)


def run(args: argparse.Namespace) -> int:
    import polib  # type: ignore[import-untyped]

    from glossary.commands._common import print_json
    from glossary.exchange import check_po
    from glossary.store import load

    name = "<stdin>" if args.catalog == "-" else args.catalog
    try:
        from pathlib import Path

        text = sys.stdin.read() if args.catalog == "-" else Path(args.catalog).read_text(encoding="utf-8")
        po = polib.pofile(text)
    except OSError as exc:
        raise UsageError(_("cannot read {file}: {reason}").format(file=name, reason=exc.strerror)) from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise UsageError(
            _("cannot read {file} as a PO catalog: {reason}").format(file=name, reason=exc)
        ) from exc
    lang = _language(po, args.lang)
    report = check_po(po, load(args.terms), lang)
    if args.json:
        print_json(
            {
                "catalog": name,
                "language": lang,
                "checked": report.checked,
                "untranslated": report.untranslated,
                "obsolete": report.obsolete,
                "fuzzy": report.fuzzy,
                "problems": len(report.errors),
                "findings": [f.to_json() for f in report.findings],
            }
        )
    else:
        for f in report.findings:
            if f.is_error or args.all:
                print(_line(name, f))
        print(_summary(report), file=sys.stderr)
    return 1 if report.errors else 0
