"""gettext for the tool's own messages: ``_`` and ``ngettext``, language chosen once per process.

The language comes from ``--ui-lang`` (``set_language``), else the usual ``LANGUAGE`` / ``LC_ALL`` /
``LC_MESSAGES`` / ``LANG`` variables, else English. Catalogs are read lazily on first use.
"""

from __future__ import annotations

import gettext as _gettext

from glossary.resources import bundled

DOMAIN = "glossary"
_translation: _gettext.NullTranslations | None = None
_language: str | None = None


def set_language(lang: str | None) -> None:
    """Force the interface language (``en``, ``ru``, ``uk``); ``None`` returns to the environment's."""
    global _translation, _language
    _language = lang
    _translation = None


def _current() -> _gettext.NullTranslations:
    global _translation
    if _translation is None:
        languages = [_language] if _language else None
        _translation = _gettext.translation(
            DOMAIN, localedir=str(bundled("locales")), languages=languages, fallback=True
        )
    return _translation


def _(message: str) -> str:
    """Translate *message* into the interface language."""
    return _current().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate with the plural form the interface language needs for *n*."""
    return _current().ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark *message* for extraction without translating it yet (module-level constants)."""
    return message
