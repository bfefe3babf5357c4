"""Russian and Ukrainian transliteration under the published standards, both directions.

Every scheme is a data file in ``schemes/`` (letters, context rules, the standard's own samples);
the engine in ``engine.py`` is generic. Language is given, or detected from letters only one of the
two alphabets has (``detect.py``), else Russian (the majority language of the sources).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING

from glossary.errors import UsageError
from glossary.i18n import _
from glossary.text.scripts import APOSTROPHES
from glossary.translit.detect import DEFAULT_LANG, detect_language, word_languages
from glossary.translit.schemes import (
    ALPHABETS,
    DEFAULT_SCHEME,
    SchemeInfo,
    clear_cache,
    get_scheme,
    scheme_ids,
)

if TYPE_CHECKING:
    from glossary.translit.rank import Candidate

__all__ = [
    "DEFAULT_LANG",
    "DEFAULT_SCHEME",
    "SchemeInfo",
    "clear_cache",
    "detect_language",
    "reverse_candidates",
    "romanizations",
    "schemes",
    "transliterate",
    "untransliterate",
]

#: the variant name of BGN/PCGN's optional middle dots in the scheme files
DOTS = "dots"
_WORD = re.compile("[\u0400-\u04ff]+(?:[" + re.escape(APOSTROPHES) + "][\u0400-\u04ff]+)*")


def _resolve(text: str, lang: str | None, scheme: str | None) -> tuple[str, str]:
    """(lang, scheme id): the caller's choice, else the scheme's only language, else detection."""
    if lang is not None and lang not in ALPHABETS:
        msg = f"unknown language '{lang}' (expected one of: {', '.join(ALPHABETS)})"
        raise UsageError(msg)
    if lang is None and scheme is not None:
        langs = [lg for lg, sid in scheme_ids() if sid == scheme]
        if len(langs) == 1:
            lang = langs[0]
        elif not langs:
            valid = ", ".join(sorted({sid for _, sid in scheme_ids()}))
            msg = f"unknown scheme '{scheme}' (expected one of: {valid})"
            raise UsageError(msg)
    if lang is None:
        lang = detect_language(text) or DEFAULT_LANG
    sid = scheme or DEFAULT_SCHEME[lang]
    get_scheme(lang, sid)  # UsageError listing the valid ones if unknown
    return lang, sid


def transliterate(
    text: str,
    *,
    lang: str | None = None,
    scheme: str | None = None,
    by_word: bool = False,
    dots: bool = False,
) -> str:
    """Romanize *text*; ``by_word`` picks the language per word (a Ukrainian name in a Russian title);
    ``dots`` writes BGN/PCGN's optional middle dots (note 3: ``Ulan-Ud·e``, ``Vyart·silya``)."""
    from glossary.translit.engine import compiled

    lang, sid = _resolve(text, lang, scheme)
    variant = DOTS if dots else None
    if variant and variant not in get_scheme(lang, sid).variants:
        with_dots = [f"{lg} {s}" for lg, s in scheme_ids() if DOTS in get_scheme(lg, s).variants]
        raise UsageError(
            _("scheme '{scheme}' ({lang}) has no optional middle dots (schemes with them: {valid})").format(
                scheme=sid, lang=lang, valid=", ".join(with_dots)
            )
        )
    if not by_word:
        return compiled(lang, sid, variant)(text)
    base = compiled(lang, sid, variant)
    others = {}
    for lg in ALPHABETS:
        osid = DEFAULT_SCHEME[lg] if lg != lang else sid
        ovar = variant if variant in get_scheme(lg, osid).variants else None
        others[lg] = compiled(lg, osid, ovar)

    matches = list(_WORD.finditer(text))
    words = [(m.group(), text[m.end() : matches[i + 1].start()] if i + 1 < len(matches) else "")
             for i, m in enumerate(matches)]
    # marker letters, else the dictionaries, else the name the word is part of (Володимиром Зеленським)
    langs = iter(word_languages(words, lang))

    def word(m: re.Match[str]) -> str:
        wl = next(langs)
        return (base if wl == lang else others[wl])(m.group())

    return base(_WORD.sub(word, text))


def reverse_candidates(
    text: str,
    *,
    lang: str,
    scheme: str | None = None,
    top: int | None = None,
    forms: Callable[[str], str | None] | None = None,
) -> list[Candidate]:
    """Scored Cyrillic readings of Latin *text*, real words and names first, each with its reason.

    Without *scheme*, every scheme of *lang* is tried at once (the spelling of a name in a report
    follows no known scheme as often as one); *forms* looks a Cyrillic word up in a glossary and
    returns the concept id (``Glossary.concept_of_form``). A reversible scheme gives one candidate.
    """
    from glossary.translit.rank import rank
    from glossary.translit.reverse import reverser

    if lang not in ALPHABETS:
        msg = f"unknown language '{lang}' (expected one of: {', '.join(ALPHABETS)})"
        raise UsageError(msg)
    if scheme is not None:
        get_scheme(lang, scheme)  # UsageError listing the valid ones if unknown
    found = rank(unicodedata.normalize("NFC", text), reverser(lang, scheme), forms=forms)
    return found if top is None else found[:top]


def untransliterate(
    text: str,
    *,
    lang: str,
    scheme: str | None = None,
    forms: Callable[[str], str | None] | None = None,
) -> list[str]:
    """Cyrillic readings of Latin *text*, best first (a single one for reversible schemes)."""
    return [c.text for c in reverse_candidates(text, lang=lang, scheme=scheme, forms=forms)]


def romanizations(text: str, *, lang: str | None = None) -> dict[str, str]:
    """{scheme id: romanization} under every scheme of the language, default scheme first."""
    from glossary.translit.engine import compiled

    lang, _ = _resolve(text, lang, None)
    return {sid: compiled(lg, sid)(text) for lg, sid in scheme_ids(lang)}


def schemes(lang: str | None = None) -> list[SchemeInfo]:
    """What is available: id, language, name, standard, reference, reversibility."""
    return [get_scheme(lg, sid).info for lg, sid in scheme_ids(lang)]
