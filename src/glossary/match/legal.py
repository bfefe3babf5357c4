"""Legal article references: one grammar for a lookup query and for running text.

A reference is an article keyword and one or more numbers (``ст. 338``, ``Articles 337 and 338``,
``статті 111-1``), with the part, paragraph or point that narrows it written before
(``ч. 2 ст. 328``, ``п. «а» ч. 2 ст. 328``, ``part 2 of Article 328``) or after (``Article 328(2)``,
``ст. 328 ч. 2``), and the act it belongs to after it (``УК РФ``, ``КК України``,
``of the Criminal Code``). The whole of it is one reference, found as one span.

An act is *named* when the words after the reference are one of the act's forms (any case form:
``Уголовного кодекса РФ``) or their first words (``УК`` of ``УК РФ``, ``Criminal Code`` of ``Criminal
Code of Ukraine``): a named act chooses among the concepts filed under an article number, an
article the act does not have is no reference to a glossary concept at all. Written without its
act, a reference scores :data:`~glossary.match.results.LEGAL_UNNAMED` unless what is written is an
attested form of the article (``Article 338``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from glossary.match import results
from glossary.text.fold import fold
from glossary.text.scripts import has_cyrillic

if TYPE_CHECKING:
    from glossary.match.index import Index
    from glossary.model.concept import Concept

_RU_KEYWORDS = "статья|статьи|статье|статьей|статьёй|статью|статей|статьям|статьями|статьях|ст\\.?"
_UK_KEYWORDS = "стаття|статті|статтею|статтю|статтям|статтями|статтях"
#: every keyword starts with "art" or "ст" (``ARTICLE_HINT`` relies on it; a test checks it)
_KEYWORD = f"(?:articles?|arts?\\.?|{_UK_KEYWORDS}|{_RU_KEYWORDS})"
_UK_ONLY = frozenset(_UK_KEYWORDS.split("|"))
_NUMBER_TEXT = r"\d+(?:[.\-]\d+)*"
#: the keyword and its numbers; group 1 is the numbers, as a list (``337 and 338``, ``328, 339``)
ARTICLES = re.compile(
    rf"\b{_KEYWORD}\s*({_NUMBER_TEXT}(?:(?:\s*,\s*|\s+(?:and|и|та|і)\s+){_NUMBER_TEXT})*)",
    re.IGNORECASE,
)
NUMBER = re.compile(_NUMBER_TEXT)
# Searched for first, led by the literal first letters of every keyword in each case form (the re
# module's IGNORECASE equivalents, a test checks them), at a word start and before a number: re skips
# ahead in C, where ARTICLES itself (\b, IGNORECASE) has no prefix to skip by and is tried everywhere.
ARTICLE_HINT = re.compile("|".join(
    first + rest + r"(?<![^\W\d_]" + first + rest + r")[^\W\d_]*\.?\s*\d"
    for firsts, rest in (("aA", "[rR][tT]"), ("сСᲃ", "[тТᲄᲅ]"))
    for first in firsts
))

_LETTERS = "a-zа-яёієїґ"
_AFTER_WORD = r"(?:\.\s*|\s+)"  # "ч. 2", "ч.2", "part 2": not "п" of "по"
_ORDINAL = (r"(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят|перш|друг|четверт|п['’ʼ]?ят|шост"
            rf"|сьом|дев['’ʼ]?ят)[{_LETTERS}]*")
_PART = rf"(?:ч|част[{_LETTERS}]*|part|pt|p){_AFTER_WORD}(?:\d+|{_ORDINAL})"
_PART_AFTER = rf"(?:ч|част[{_LETTERS}]*|part|pt){_AFTER_WORD}(?:\d+|{_ORDINAL})"  # "Article 35, p. 12" is a page
_SIGN = rf"[{_LETTERS}\d]{{1,3}}"  # what a point is numbered or lettered with: 2, а, 1а
#: a point's number or letter: «а», "а", (а), а), 2, or a letter standing alone
_MARK = rf"(?:«{_SIGN}»|\"{_SIGN}\"|“{_SIGN}”|\({_SIGN}\)|\d+|[{_LETTERS}]\)|[{_LETTERS}]\b)"
_POINT = (rf"(?:пп|п|пункт[{_LETTERS}]*|подпункт[{_LETTERS}]*|підпункт[{_LETTERS}]*|paragraph|para|subparagraph|clause"
          rf"|item|point)(?:{_AFTER_WORD}|\s*(?=[«\"“(])){_MARK}")
_JOIN = r"(?:\s*,\s*|\s+of\s+|\s+)"
#: what narrows a reference, written before its keyword (matched against the text just before it)
_BEFORE = re.compile(rf"\b(?:{_POINT}{_JOIN}(?:{_PART}{_JOIN})?|{_PART}{_JOIN})\Z", re.IGNORECASE)
_BEFORE_REACH = 60
#: ... or after its number: "Article 328(2)(a)", "ст. 328 ч. 2", "Article 328, part 2"
_AFTER = re.compile(
    rf"(?:\s*\({_SIGN}\))+|(?:\s*,)?\s+(?:{_PART_AFTER}|{_POINT})(?:{_JOIN}(?:{_PART_AFTER}|{_POINT}))*",
    re.IGNORECASE)
_ACT_LEAD = re.compile(r"\s*,?\s+(?:of\s+)?(?:the\s+)?", re.IGNORECASE)
_ACT_WORD = re.compile(r"(?:[.\-]\s*|\s+)?([^\W_]+)")
_ACT_WORDS = 10
#: words an act name's first words cannot end on ("Code of" is not the Code of Administrative Offences)
_CONNECTORS = frozenset({"of", "the", "and", "for", "in", "on", "и", "по", "в", "на", "с", "о", "об", "з", "та", "і",
                         "й", "про"})


class Cited(NamedTuple):
    """One article referred to: the span in the text, the concepts it may be, its score, the language."""

    start: int
    end: int
    concepts: tuple[str, ...]
    score: int
    lang: str


def article_matches(text: str) -> list[re.Match[str]]:
    """``ARTICLES.finditer(text)``, trying the pattern only where a hint says a reference may start."""
    found: list[re.Match[str]] = []
    end = 0
    for hint in ARTICLE_HINT.finditer(text):
        start = hint.start()
        if start >= end and (m := ARTICLES.match(text, start)):
            found.append(m)
            end = m.end()
    return found


def references(text: str, index: Index) -> list[Cited]:
    """Every article of the glossary that *text* refers to, in order."""
    if not index.articles:
        return []
    out: list[Cited] = []
    for m in article_matches(text):
        out += _cited(text, m, index)
    return out


def whole_reference(query: str, index: Index) -> list[Cited]:
    """The articles *query* refers to when the query is one reference and nothing else (``ч. 2 ст. 328
    УК РФ``); else none, also when the words after it name no act (``статья 328 чего-то``)."""
    text = query.strip().rstrip(".;,")
    if not index.articles:
        return []
    hint = ARTICLE_HINT.search(text)
    m = ARTICLES.match(text, hint.start()) if hint else None
    if m is None:
        return []
    cited = _cited(text, m, index, whole=True)
    if not cited or cited[0].start != 0 or cited[-1].end != len(text):
        return []
    return cited


def _cited(text: str, m: re.Match[str], index: Index, *, whole: bool = False) -> list[Cited]:
    start = m.start()
    before = _BEFORE.search(text, max(0, start - _BEFORE_REACH), start)
    if before is not None:
        start = before.start()
    numbers = list(NUMBER.finditer(m.group(1)))
    end = m.end()
    if len(numbers) == 1 and (after := _AFTER.match(text, end)):
        end = after.end()
    acts, act_end = _act(text, end, index)
    if acts is None and whole and end < len(text):
        return []  # a query going on after the reference with words that are no act
    keyword = m.group()[: m.start(1) - m.start()].strip().rstrip(".").lower()
    lang = "en" if keyword.isascii() else "uk" if keyword in _UK_ONLY or _ukrainian(text[m.start():act_end]) else "ru"
    out = []
    for i, num in enumerate(numbers):
        owners = _owners(num.group(), index)
        if acts is not None:
            owners = [(cid, act) for cid, act in owners if act in acts]
        if not owners:
            continue
        ids = tuple(cid for cid, _ in owners)
        span_start = start if i == 0 else m.start(1) + num.start()
        span_end = m.start(1) + num.end() if i < len(numbers) - 1 else (act_end if acts is not None else end)
        if acts is not None:
            score = results.score("legal-reference")
        else:
            written = fold(text[m.start():m.start(1) + num.end()]) if i == 0 else ""
            attested = written and any(h.concept in ids for h in index.hits(written))
            score = results.score("legal-reference") if attested else results.LEGAL_UNNAMED
        out.append(Cited(span_start, span_end, ids, score, lang))
    return out


def _owners(number: str, index: Index) -> list[tuple[str, str]]:
    """The (article concept, act) pairs filed under *number*; "337.3" is article 337 part 3 unless an
    article 337.3 exists (and "331-352", a range, its first article)."""
    owners = index.articles.get(number)
    if owners:
        return owners
    head = re.split(r"[.\-]", number, maxsplit=1)[0]
    return index.articles.get(head, []) if head != number else []


def _act(text: str, at: int, index: Index) -> tuple[frozenset[str] | None, int]:
    """The acts named by the words from *at* on, and where the name ends; (None, at) when they name none."""
    lead = _ACT_LEAD.match(text, at)
    if lead is None:
        return None, at
    names = act_names(index)
    pos = first = lead.end()
    best: tuple[frozenset[str] | None, int] = (None, at)
    for n in range(_ACT_WORDS):
        word = _ACT_WORD.match(text, pos)
        if word is None or (n == 0 and word.start(1) != first):
            break
        pos = word.end()
        acts = names.get(fold(text[first:pos]))
        if acts:
            best = (acts, pos)
    return best


def act_names(index: Index) -> dict[str, frozenset[str]]:
    """Fold key → the acts it names: every form of an act that has articles in the glossary, and the
    first words of each (``уголовного кодекса``; one word only when written as an abbreviation in
    Cyrillic, ``УК`` of ``УК РФ``; never ending on a connector, ``code of``). Built once per index."""
    return index.derived("legal.act_names", _build_act_names)


def _build_act_names(index: Index) -> dict[str, frozenset[str]]:
    acts = {act for owners in index.articles.values() for _, act in owners}
    table: dict[str, set[str]] = {}
    for forms in (index.forms, index.inflected):
        for key, hits in forms.items():
            for concept, written, *_ in hits:
                if concept not in acts:
                    continue
                table.setdefault(key, set()).add(concept)
                words = key.split(" ")
                first = written.split()[0] if written.split() else ""
                abbreviation = has_cyrillic(first) and sum(ch.isupper() for ch in first) >= 2
                for n in range(1 if abbreviation else 2, len(words)):
                    if words[n - 1] not in _CONNECTORS:
                        table.setdefault(" ".join(words[:n]), set()).add(concept)
    return {key: frozenset(ids) for key, ids in table.items()}


def _ukrainian(text: str) -> bool:
    return any(ch in "іїєґІЇЄҐ" for ch in text)


def form_in(concept: Concept, lang: str) -> str:
    """The article's preferred form in the reference's language (else Russian, Ukrainian, its label)."""
    return concept.preferred(lang) or concept.preferred("ru") or concept.preferred("uk") or concept.label
