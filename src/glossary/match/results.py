"""What the matcher returns, and the one vocabulary that says how a concept was found.

:class:`Match` is a concept found for a query (``lookup``), :class:`Mention` one found in running
text (``annotate``). Both carry a *how*: the kind of form that matched (``preferred``, ``romanized``
…, the kinds of :data:`glossary.model.concept.KINDS`) or the matcher stage that found it
(``inflected``, ``fuzzy`` …). :data:`HOW` holds each one's score on the one 0–100 scale and the
words the explanation uses for it; every score the matcher gives comes from this table.
"""

from __future__ import annotations

from typing import NamedTuple

from glossary.i18n import N_, _, ngettext
from glossary.model.concept import KINDS as FORM_KINDS
from glossary.model.concept import Concept


class Kind(NamedTuple):
    """One way of matching: its score (for a computed score, the most it can be) and how it is explained."""

    score: int
    text: str  # marked for translation; translated when an explanation is asked for


#: Every *how*, with its score: 100 is an attested form of the concept; the matcher's stages score below.
HOW: dict[str, Kind] = {
    "preferred": Kind(100, N_("preferred term")),
    "full": Kind(100, N_("full official name")),
    "admitted": Kind(100, N_("admitted term")),
    "abbreviation": Kind(100, N_("abbreviation")),
    "expansion": Kind(100, N_("expansion of an abbreviation")),
    "title": Kind(100, N_("official title")),
    "romanized": Kind(100, N_("attested romanization")),
    "derived": Kind(100, N_("derived word")),
    "web": Kind(100, N_("web domain or channel")),
    "deprecated": Kind(100, N_("deprecated term")),
    "misspelling": Kind(100, N_("attested misspelling")),
    # a legal reference naming its act (ст. 328 УК РФ); LEGAL_UNNAMED without it (статья 328)
    "legal-reference": Kind(100, N_("legal reference")),
    # the query with look-alike letters of the other script read as this one's (МК.ru typed in Cyrillic)
    "homoglyph": Kind(98, N_("homoglyph repair: look-alike letters read as")),
    # a romanization of a Cyrillic form under a named scheme, made when the index is built
    "generated": Kind(97, N_("generated romanization")),
    # a case or number form made when the index is built; LEMMA when found through dictionary forms
    "inflected": Kind(96, N_("inflected form")),
    # the scheme-neutral key of the query is a form's (Rosgvardija, Rosgvardiya)
    "cross-scheme": Kind(94, N_("same spelling across romanization schemes as")),
    # a Cyrillic query that the scheme-neutral key found, explained by the concept's own Cyrillic
    # form holding its words (Зеленский: Владимир Зеленский), never as a romanization
    "part-of": Kind(94, N_("part of")),
    # the most a fuzzy match scores, minus what its edits cost (fuzzy_score)
    "fuzzy": Kind(93, N_("fuzzy match with")),
    # a name another concept owns that may also mean this one ("Pravda" for Ukrainska Pravda): shown
    # beside the owner, both flagged ambiguous, never above it
    "shared": Kind(90, N_("shared name")),
    # the most an all-words match scores (partial_score)
    "partial": Kind(89, N_("all words found in")),
    "acronym": Kind(85, N_("acronym of")),
}

#: A legal reference whose act is not named (``статья 338``, ``Article 338``).
LEGAL_UNNAMED = 90
#: An inflected form found through dictionary forms (lemmas), one below an indexed inflection.
LEMMA = HOW["inflected"].score - 1
#: The most a partial match through dictionary forms (``Залужного`` → Валерій Залужний) scores.
LEMMA_PARTIAL = 85
#: What a match of another reading of the query (without a leading preposition, …) loses.
VARIANT_COST = 1

#: Equal scores rank by the kind of form, best first (the data model's order); the matcher's own
#: stages come after every form kind, equal among themselves.
RANK: dict[str, int] = {how: FORM_KINDS.index(how) if how in FORM_KINDS else len(FORM_KINDS) for how in HOW}


def score(how: str) -> int:
    """The score of a match made this way."""
    return HOW[how].score


def rank(how: str) -> int:
    """Where a match made this way ranks among equal scores (lower first)."""
    return RANK.get(how, len(FORM_KINDS))


def fuzzy_score(edits: int, length: int) -> int:
    """A fuzzy match's score: the ceiling less the share of the key's *length* its *edits* change."""
    return round(HOW["fuzzy"].score * (1 - edits / max(length, 1)))


def partial_score(part: int, whole: int, *, ceiling: int = HOW["partial"].score) -> int:
    """An all-words match's score: 50, plus up to 40 for the share of the longer text (*whole*) the
    shorter (*part*) covers, at most *ceiling*."""
    return min(ceiling, int(50 + 40 * part / max(whole, 1)))


class Match(NamedTuple):
    """One concept found for a query, and why."""

    concept: Concept
    score: int
    how: str
    matched: str
    lang: str | None = None
    scheme: str | None = None
    of: str | None = None
    ambiguous: bool = False

    @property
    def explanation(self) -> str:
        """A sentence, in the interface language, saying why this concept matched."""
        return explain(self)


class Mention(NamedTuple):
    """One glossary concept named in the text, and how it was recognised."""

    start: int
    end: int
    line: int
    text: str
    concept: Concept
    score: int
    how: str
    matched: str
    ambiguous: bool


def explain(match: Match) -> str:
    """Why *match* matched, in words: the kind of form, the form, and what the kind adds (the scheme
    and source of a generated romanization, the word an inflection is of, the edits of a fuzzy match)."""
    kind = HOW.get(match.how)
    # TRANSLATORS: {how} is one of the kinds above (preferred term, fuzzy match with, …), {form} the form matched
    text = _("{how} '{form}'").format(how=_(kind.text) if kind else match.how, form=match.matched)
    if match.lang:
        text += f" ({match.lang})"
    if match.how == "generated" and match.scheme:
        # TRANSLATORS: after "generated romanization 'Rosgvardiya' (ru)"; {schemes} are scheme names (bgn-pcgn)
        text += " " + _("under {schemes}, from '{source}'").format(
            schemes=match.scheme.replace(",", ", "), source=match.of)
    elif match.how == "inflected" and match.of:
        # TRANSLATORS: after "inflected form 'росгвардии' (ru)": the form it is a case or number form of
        text += " " + _("of '{source}'").format(source=match.of)
    elif match.how == "fuzzy" and match.of:
        edits = int(match.of)
        # TRANSLATORS: the number of letters changed, added, removed or swapped between the query and the form
        text += ", " + ngettext("{n} edit", "{n} edits", edits).format(n=edits)
    elif match.how == "misspelling" and match.of:
        text += "; " + _("write '{correct}'").format(correct=match.of)
    elif match.how == "deprecated" and match.of:
        text += "; " + _("preferred: '{preferred}'").format(preferred=match.of)
    elif match.scheme:
        text += f", {match.scheme}"
    return text
