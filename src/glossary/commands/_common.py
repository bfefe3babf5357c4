"""Small helpers shared by sub-commands (kept import-light)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from glossary.errors import UsageError
from glossary.i18n import _
from glossary.model.concept import LANGS


def print_json(data: Any) -> None:
    """JSON on stdout, UTF-8 as written (no \\u escapes), for scripts."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def parse_langs(value: str | None) -> tuple[str, ...]:
    """``--lang en,ru`` → ('en', 'ru'); an unknown language is a usage error listing the valid ones."""
    if not value:
        return LANGS
    langs = tuple(part.strip() for part in value.split(",") if part.strip())
    bad = [lang for lang in langs if lang not in LANGS]
    if bad:
        raise UsageError(_("unknown language {bad} (choose from: {valid})").format(
            bad=", ".join(bad), valid=", ".join(LANGS)))
    return langs


def read_queries(args: argparse.Namespace, name: str = "query") -> list[str]:
    """Queries from the arguments, or one per line from stdin when the argument is '-'."""
    words: list[str] = getattr(args, name)
    if words == ["-"]:
        return [line.strip() for line in sys.stdin if line.strip()]
    return [" ".join(words)]
