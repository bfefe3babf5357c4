"""gettext for the tool's own messages: ``_`` and ``ngettext``, language chosen once per process.

The language comes from ``--ui-lang`` (``set_language``), else the first of ``LANGUAGE`` /
``LC_ALL`` / ``LC_MESSAGES`` / ``LANG`` that is set, else English. Both ``LANGUAGE=ru`` and
``LANG=ru_RU.UTF-8`` select Russian; ``C``/``POSIX`` or a language we have no catalog for means
English. Catalogs (``locales/<lang>/LC_MESSAGES/glossary.mo``) are read lazily on first use.
"""

from __future__ import annotations

import gettext as _gettext
import os
from collections.abc import Mapping

from glossary.resources import bundled

DOMAIN = "glossary"
#: Interface languages with a catalog (English is the source language and needs none).
UI_LANGS = ("en", "ru", "uk")
ENV_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_translation: _gettext.NullTranslations | None = None
_language: str | None = None


def language_from_env(env: Mapping[str, str] | None = None) -> str:
    """The interface language the environment asks for, as gettext reads it, limited to ``UI_LANGS``.

    The first variable of ``ENV_VARS`` that is set decides; ``LANGUAGE`` may list several languages
    (``uk:ru``) and the first one we have wins.
    """
    env = os.environ if env is None else env
    for var in ENV_VARS:
        value = env.get(var, "")
        if not value:
            continue
        for part in value.split(":") if var == "LANGUAGE" else [value]:
            code = part.split(".", 1)[0].split("@", 1)[0].replace("-", "_").split("_", 1)[0].lower()
            if code in UI_LANGS:
                return code
            if code in ("c", "posix"):
                return "en"
        if var != "LANGUAGE":
            return "en"  # LC_ALL=de_DE.UTF-8: a language we do not have; do not look further
    return "en"


def set_language(lang: str | None) -> None:
    """Force the interface language (``en``, ``ru``, ``uk``); ``None`` returns to the environment's.

    Also routes argparse's own words ("usage:", "options:", its error messages; listed for
    extraction in ``glossary._argparse_messages``) through our catalog, so that ``--help`` and
    usage errors are wholly in the chosen language.
    """
    global _translation, _language
    _language = lang if lang in UI_LANGS else None  # argparse reports a bad --ui-lang itself
    _translation = None
    import argparse

    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def current_language() -> str:
    """The interface language in use: ``en``, ``ru`` or ``uk`` (for locale-aware formatting too)."""
    return _language or language_from_env()


def _current() -> _gettext.NullTranslations:
    global _translation
    if _translation is None:
        lang = current_language()
        if lang == "en":
            _translation = _gettext.NullTranslations()
        else:
            _translation = _gettext.translation(
                DOMAIN, localedir=str(bundled("locales")), languages=[lang], fallback=True
            )
    return _translation


def _(message: str) -> str:
    """Translate *message* into the interface language."""
    return _current().gettext(message) if message else message


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate with the plural form the interface language needs for *n*."""
    return _current().ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark *message* for extraction without translating it yet (module-level constants)."""
    return message
