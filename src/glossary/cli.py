"""The ``glossary`` command: a thin argparse layer over the API.

Each sub-command lives in ``glossary.commands.<name>`` and exposes ``HELP`` (one line),
``configure(parser)`` and ``run(args) -> int``. Command modules import nothing heavy at
module level, so ``glossary --help`` and a lookup start fast.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import NoReturn

from glossary import i18n
from glossary.errors import DataError, GlossaryError
from glossary.i18n import _

#: Sub-commands in the order ``--help`` lists them.
COMMANDS = ("lookup", "annotate", "validate", "translit", "cite", "check", "normalize", "export", "import",
            "po-check", "serve")


def _module_name(command: str) -> str:
    """``po-check`` → ``glossary.commands.po_check``; ``import`` → ``glossary.commands.import_``."""
    name = command.replace("-", "_")
    return f"glossary.commands.{name}_" if name == "import" else f"glossary.commands.{name}"

EXIT_OK, EXIT_NOTHING, EXIT_ERROR = 0, 1, 2


def _ui_lang_from_argv(argv: Sequence[str]) -> str | None:
    """Read ``--ui-lang`` before argparse runs, so that help and usage text are translated too."""
    for i, arg in enumerate(argv):
        if arg == "--ui-lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--ui-lang="):
            return arg.split("=", 1)[1]
    return None


def available_commands() -> list[str]:
    """The sub-commands present in this build, in ``--help`` order."""
    return [n for n in COMMANDS if importlib.util.find_spec(_module_name(n)) is not None]


def _command(name: str) -> ModuleType:
    return importlib.import_module(_module_name(name))


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one ``Error:`` line (argparse prints the usage and then its error)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, _("Error: {prog}: {message} (see '{prog} --help')").format(
            prog=self.prog, message=message) + "\n")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser, built per call so the help text follows the interface language.

    With *only*, just that sub-command is added and configured (a one-shot run imports one
    command module, not all of them); without it, every command is listed.
    """
    common = _Parser(add_help=False)
    common.add_argument(
        "--terms",
        metavar="DIR",
        help=_("glossary folder to use instead of the bundled one (also $GLOSSARY_TERMS; "
               "'bundled:DIR' extends the bundled glossary)"),
    )
    common.add_argument(
        "--ui-lang", metavar="LANG", choices=("en", "ru", "uk"),
        help=_("language of the tool's messages: en, ru or uk (default: from LANGUAGE/LC_ALL/LANG)"),
    )
    parser = _Parser(
        prog="glossary",
        description=_("Russian and Ukrainian terms, names and romanizations for COI reports: "
                      "look them up, transliterate them, find them in text."),
        epilog=_("Run 'glossary COMMAND --help' for a command's options. "
                 "Exit status: 0 success, 1 nothing found, 2 usage or data error."),
    )
    parser.add_argument("--version", action=_VersionAction, help=_("show the version and exit"))
    # the common options are accepted before the command too (glossary --ui-lang ru lookup ...)
    parser.add_argument("--terms", metavar="DIR", dest="top_terms", help=argparse.SUPPRESS)
    parser.add_argument("--ui-lang", metavar="LANG", dest="top_ui_lang", choices=("en", "ru", "uk"),
                        help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    # with a command given, only its module is imported; the full list is for `glossary --help`
    for name in [only] if only is not None else available_commands():
        module = _command(name)
        p = sub.add_parser(
            name, parents=[common], help=_(module.HELP), description=_(module.HELP),
            formatter_class=argparse.RawDescriptionHelpFormatter,
            epilog=_(getattr(module, "EPILOG", "")) or None,
        )
        if only is None or name == only:  # configuring every command costs start-up time
            module.configure(p)
    return parser


class _VersionAction(argparse.Action):
    """``--version``, reading package metadata only when asked (importlib.metadata is slow to import)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help=str(kwargs.get("help")))

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        print(f"glossary {_version()}")
        parser.exit()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("glossary")
    except PackageNotFoundError:
        return "unknown"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``glossary`` script and ``python -m glossary``."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    i18n.set_language(_ui_lang_from_argv(args_list))
    chosen = next((a for a in args_list if a in COMMANDS), None)
    parser = build_parser(chosen if chosen in COMMANDS else None)
    args = parser.parse_args(args_list)
    if getattr(args, "terms", None) is None:
        args.terms = args.top_terms
    if not args.command:
        parser.print_help()
        return EXIT_ERROR
    try:
        code: int = _command(args.command).run(args)
    except DataError as exc:
        for problem in exc.problems:
            print(_("Error: {problem}").format(problem=problem), file=sys.stderr)
        return EXIT_ERROR
    except GlossaryError as exc:
        print(_("Error: {message}").format(message=exc), file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # `glossary ... | head`: stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
