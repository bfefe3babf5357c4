"""What the checker and the normalizer both read off a citation: match keys, sort keys, outlet names and
the words that count as romanized. One module, so a fix the normalizer makes is the one the checker asked for.

``fold_key`` is :func:`glossary.text.fold.fold` without its shared cache: ``fold`` is cached per distinct
string (an lru_cache of 65,536 entries), and a long report's titles are nearly all distinct, so filling that
cache with them would cost memory and evict the glossary's own keys (one normaliser for index and query).
Names (outlets, organisations, authors) repeat through a report, so their keys have small caches of their own.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from glossary.citations.persons import romanization_key
from glossary.text.fold import fold
from glossary.text.scripts import has_cyrillic
from glossary.text.scripts import mixed_tokens as _exact_mixed_tokens

if TYPE_CHECKING:
    from glossary import Glossary
    from glossary.citations.model import Citation

_full = fold.__wrapped__  # the pipeline without the shared cache

#: a Latin word long enough to be a romanization worth comparing ("Federacii", "Federatsii")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")
_CYR = re.compile("[\u0400-\u04ff]")
_NON_CYR_LETTER = re.compile(r"[^\W\d_\u0400-\u04ff]")
#: how a linked outlet was recognised when its printed name is a romanization (not an English name)
_ROMANIZED_HOW = ("romanized", "misspelling", "generated")


def fold_key(text: str) -> str:
    """``fold(text)``, computed without filling the shared cache."""
    return str(_full(text))


#: the fold key of a name
fold_name = lru_cache(maxsize=1024)(fold_key)


def sort_key(text: str) -> str:
    """Alphabetical key: folded, leading article dropped; the first 80 characters decide (fold is costly)."""
    key = fold_key(text[:80])
    return re.sub(r"^(?:the|a|an) ", "", key)


#: the sort key of a name (names repeat through a report)
name_sort_key = lru_cache(maxsize=1024)(sort_key)


@lru_cache(maxsize=4096)
def bare_name(text: str) -> str:
    """A printed outlet name without emphasis, a bracketed translation or an expansion (``(The)`` stays)."""
    text = re.sub(r"[*_]", "", text)
    text = re.sub(r"\s*\[[^\]]*\]$", "", text)
    text = re.sub(r"\s*\((?!The\))[^()]*\)$", "", text)
    return text.strip()


def outlet_name(c: Citation) -> str:
    """The outlet's name without expansion, translation, emphasis or a trailing '(The)'."""
    return bare_name(c.outlet.text) if c.outlet else ""


def author_key(c: Citation) -> str:
    """What a bibliography is sorted by: the author or issuing body (one author's entries keep their order)."""
    if c.authors:
        return name_sort_key(c.authors[0])
    parts = [c.organisation or "", outlet_name(c) if c.outlet else ""]
    if c.organisation and fold_name(outlet_name(c)) == fold_name(c.organisation):
        parts = [c.organisation]
    key = " ".join(name_sort_key(p) for p in parts if p)
    return key or sort_key(c.text)


def mixed_tokens(text: str) -> list[str]:
    """Tokens mixing Cyrillic and Latin letters; cheap regular expressions find the candidates first."""
    if not _CYR.search(text) or not _NON_CYR_LETTER.search(text):
        return []
    return [
        t for tok in text.split() if _CYR.search(tok) and _NON_CYR_LETTER.search(tok) for t in _exact_mixed_tokens(tok)
    ]


# -- romanized words: what the romanization check compares and the normalizer makes consistent -------------
def romanized_outlet(c: Citation) -> bool:
    """Whether the outlet's printed name is a romanization (so its words join the consistency check)."""
    from glossary.citations.euaa import looks_english

    if c.outlet and c.outlet.text.rstrip().endswith("]") and not looks_english(outlet_name(c)):
        return True  # "Oficialny internet-portal pravovoy informacii [Official Internet Portal ...]"
    how = c.outlet.how if c.outlet else None
    return bool(how and how.split("+")[0] in _ROMANIZED_HOW)


def romanized_words(c: Citation) -> list[str]:
    """The romanized words a citation prints: its romanized title's and a romanized outlet name's."""
    words: list[str] = []
    for source in (c.title_romanized, outlet_name(c) if romanized_outlet(c) else None):
        if source:
            words.extend(LATIN_WORD.findall(source))
    return words


def glossary_romanization_keys(glossary: Glossary | None) -> set[str]:
    """The romanization keys of the glossary's one-word romanizations: body text counts for these words."""
    keys: set[str] = set()
    for concept in glossary or ():
        for rom in concept.romanized:
            if " " not in rom.form and not rom.misspelling:
                keys.add(romanization_key(rom.form))
    return keys


@lru_cache(maxsize=8192)
def russian_readings(word: str) -> tuple[str, ...]:
    """The three best Cyrillic readings of a romanized Russian *word*, the one most schemes agree on first.

    A bibliography's variants are compared through the word they read as: ``Federatsii`` is Федерации under
    BGN/PCGN, ALA-LC, ICAO and Wikipedia's scheme, Федераций only where й is written ``i``; both are real words,
    so the number of standards that give the spelling decides. Cached: the reverse search costs milliseconds and
    a bibliography spells the same words again and again."""
    from glossary.translit import reverse_candidates

    best = reverse_candidates(word, lang="ru")[:3]
    return tuple(c.text for c in sorted(best, key=lambda c: -len(c.schemes)))


def scheme_form(words: list[str], glossary: Glossary | None = None) -> str | None:
    """The spelling a group of variants of one word should take: the glossary's attested spelling among them,
    else the default scheme's spelling of the Cyrillic word they all read as (when the reading is a known
    word)."""
    from glossary.text.morph import analyzer
    from glossary.translit import transliterate

    if glossary is not None:
        for concept in glossary:
            forms = [r.form for r in concept.romanized if not r.misspelling]
            hits = [f for f in forms if f in words]
            if hits:
                return hits[0]  # the concept's first-listed romanization is its preferred one
    for w in words:
        try:
            for cyr in russian_readings(w):
                if not all(ch.isalpha() and has_cyrillic(ch) for ch in cyr):
                    continue
                if not analyzer("ru").word_is_known(cyr.lower()):
                    continue
                form = transliterate(cyr, lang="ru")
                return form.capitalize() if w[:1].isupper() else form.lower()
        except Exception:
            continue
    return None
