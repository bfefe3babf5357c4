"""Find concepts by any of their forms; one result type, one 0–100 score, a reason for each match.

Stages, each a plug-in point for later matchers: exact key (every attested and generated form),
legal references (``ст. 338 УК РФ``, ``Article 338 of the Criminal Code``), then all-words partial
matches. Fuzzy, inflected and cross-scheme matching plug in after the exact stage.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, NamedTuple

from glossary.index import Hit, Index
from glossary.model import KINDS, Concept
from glossary.normalize import fold, repair_mixed

if TYPE_CHECKING:
    from collections.abc import Mapping

_KIND_RANK = {kind: i for i, kind in enumerate(KINDS)}

_HOW_TEXT = {
    "preferred": "preferred term",
    "full": "full official name",
    "admitted": "admitted term",
    "abbreviation": "abbreviation",
    "expansion": "expansion of an abbreviation",
    "title": "official title",
    "romanized": "attested romanization",
    "derived": "derived word",
    "web": "web domain or channel",
    "deprecated": "deprecated term",
    "generated": "generated romanization",
    "misspelling": "attested misspelling",
    "legal-reference": "legal reference",
    "partial": "all words found in",
    "inflected": "inflected form",
    "homoglyph": "homoglyph repair: look-alike letters read as",
    "cross-scheme": "same spelling across romanization schemes as",
    "acronym": "acronym of",
    "fuzzy": "fuzzy match with",
}


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
        """A sentence saying why this concept matched."""
        text = f"{_HOW_TEXT.get(self.how, self.how)} '{self.matched}'"
        if self.lang:
            text += f" ({self.lang})"
        if self.how == "generated" and self.scheme:
            text += f" under {self.scheme.replace(',', ', ')}, from '{self.of}'"
        elif self.how == "inflected" and self.of:
            text += f" of '{self.of}'"
        elif self.how == "fuzzy" and self.of:
            text += f", {self.of} edit(s)"
        elif self.how == "misspelling" and self.of:
            text += f"; write '{self.of}'"
        elif self.how == "deprecated" and self.of:
            text += f"; preferred: '{self.of}'"
        elif self.scheme:
            text += f", {self.scheme}"
        return text


# Article references: "ст. 338", "статья 338 УК РФ", "стаття 338", "Article 338 of the Criminal Code",
# "Art. 337.3", "ч. 1 ст. 338". The query arrives folded (lowercase, punctuation as spaces).
_ARTICLE = re.compile(
    r"^(?:(?:ч|часть|частина|part|p)\s+\d+\s+)?"
    r"(?:ст|ст\.|статья|статьи|статье|статьей|стаття|статті|статтею|art|arts|article|articles)\s*"
    r"(?P<num>\d+(?:\.\d+)?)"
    r"(?:\s+(?:ч|часть|частина|part|p)\s+\d+)?"
    r"(?:\s+(?:of\s+)?(?:the\s+)?(?P<act>.+))?$"
)


def _rank(match: Match) -> tuple[int, int, int, str]:
    return (-match.score, match.ambiguous, _KIND_RANK.get(match.how, len(KINDS)), match.concept.id)


def _from_hit(hit: Hit, concepts: Mapping[str, Concept], score: int, ambiguous: bool,
              how: str | None = None) -> Match:
    return Match(concepts[hit.concept], score, how or hit.kind, hit.text, hit.lang, hit.scheme, hit.of, ambiguous)


def _best_per_concept(matches: list[Match]) -> list[Match]:
    best: dict[str, Match] = {}
    for m in sorted(matches, key=_rank):
        best.setdefault(m.concept.id, m)
    return sorted(best.values(), key=_rank)


def _legal_reference(key: str, index: Index, concepts: Mapping[str, Concept]) -> list[Match]:
    found = _ARTICLE.match(key)
    if not found:
        return []
    number, act_text = found["num"], (found["act"] or "").strip()
    acts: set[str] = set()
    if act_text:
        acts = {h.concept for h in index.hits(act_text)}
        if not acts:
            return []
    numbers = [number]
    if "." in number:  # "337.3" is article 337 part 3 unless an article 337.3 exists
        numbers.append(number.split(".", 1)[0])
    for num in numbers:
        ids = [cid for cid, act in index.articles.get(num, ()) if not acts or act in acts]
        if ids:
            score = 100 if acts else 90
            found_concepts = [concepts[cid] for cid in ids]
            return [Match(c, score, "legal-reference", c.preferred("ru") or c.preferred("uk") or c.label,
                          ambiguous=len(ids) > 1) for c in found_concepts]
    return []


def _partial(key: str, index: Index, concepts: Mapping[str, Concept]) -> list[Match]:
    words = key.split(" ")
    pools = [index.words.get(w) for w in words]
    if not all(pools):
        return []
    keys = set.intersection(*(set(p) for p in pools if p is not None))
    out: list[Match] = []
    for form_key in keys:
        score = int(50 + 40 * len(key) / len(form_key))
        for hit in index.hits(form_key):
            out.append(_from_hit(hit, concepts, min(score, 89), False, how="partial"))
    return out


#: Scores by how a match was made (one 0–100 scale; 100 = an attested form of the concept).
SCORES = {"homoglyph": 98, "generated": 97, "inflected": 96, "cross-scheme": 94, "acronym": 85}
#: Fuzzy matches score at most this, minus what their edits cost.
FUZZY_CEILING = 93


def _exact(query: str, key: str, index: Index, concepts: Mapping[str, Concept]) -> list[Match]:
    hits = index.hits(key)
    owners = {h.concept for h in hits}
    repaired = repair_mixed(query) != unicodedata.normalize("NFC", query)
    out = []
    for h in hits:
        score = SCORES.get(h.kind, 100)
        how = h.kind
        if repaired:
            score, how = min(score, SCORES["homoglyph"]), "homoglyph"
        out.append(Match(concepts[h.concept], score, how, h.text, h.lang, h.scheme,
                         h.of if how != "homoglyph" else h.text, len(owners) > 1))
    return out


def _keys_to_matches(keys: list[tuple[str, int]], how: str, index: Index, concepts: Mapping[str, Concept],
                     query_len: int) -> list[Match]:
    out: list[Match] = []
    for skel_key, edits in keys:
        for key in index.skeletons.get(skel_key, ()):
            hits = index.hits(key)
            owners = {h.concept for h in hits}
            for h in hits:
                if how == "fuzzy":
                    score = round(FUZZY_CEILING * (1 - edits / max(query_len, len(skel_key), 1)))
                    m = Match(concepts[h.concept], score, "fuzzy", h.text, h.lang, h.scheme, str(edits),
                              len(owners) > 1)
                else:
                    m = Match(concepts[h.concept], SCORES[how], how, h.text, h.lang, h.scheme, h.of,
                              len(owners) > 1)
                out.append(m)
    return out


def _acronym(query: str, index: Index, concepts: Mapping[str, Concept]) -> list[Match]:
    word = query.strip()
    if not (2 <= len(word) <= 6 and word.isalpha() and word.isupper()):
        return []
    out = []
    for key in index.acronyms.get(fold(word), ()):
        for h in index.hits(key):
            out.append(Match(concepts[h.concept], SCORES["acronym"], "acronym", h.text, h.lang, None, None, False))
    return out


def lookup(query: str, index: Index, concepts: Mapping[str, Concept], *, top: int = 10,
           min_score: int = 0, fuzzy: bool = True) -> list[Match]:
    """Concepts for *query*, best first, at most *top*, each with its score and reason.

    Stages: exact key (attested, generated and inflected forms; homoglyph repair), legal
    references, the scheme-neutral key, acronyms, then fuzzy (edit budget by length) and
    all-words partial matches only while nothing better was found.
    """
    from glossary.matchkey import skeleton

    key = fold(query)
    if not key:
        return []
    matches = _exact(query, key, index, concepts)
    matches += _legal_reference(key, index, concepts)
    skel = skeleton(query)
    if not any(m.score >= SCORES["cross-scheme"] for m in matches):
        matches += _keys_to_matches([(skel, 0)], "cross-scheme", index, concepts, len(skel))
        matches += _acronym(query, index, concepts)
    if fuzzy and not any(m.score >= SCORES["cross-scheme"] for m in matches):
        found = index.fuzzy().search(skel)
        matches += _keys_to_matches(found, "fuzzy", index, concepts, len(skel))
    if not matches:
        matches = _partial(key, index, concepts)
    result = [m for m in _best_per_concept(matches) if m.score >= min_score]
    return result[:top]
