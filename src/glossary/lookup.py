"""Find concepts by any of their forms; one result type, one 0–100 score, a reason for each match.

Stages, each a plug-in point for later matchers: exact key (every attested and generated form),
legal references (``ст. 338 УК РФ``, ``Article 338 of the Criminal Code``), then all-words partial
matches. Fuzzy, inflected and cross-scheme matching plug in after the exact stage.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from glossary.index import Hit, Index
from glossary.model import KINDS, Concept
from glossary.normalize import fold

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


def lookup(query: str, index: Index, concepts: Mapping[str, Concept], *, top: int = 10,
           min_score: int = 0) -> list[Match]:
    """Concepts for *query*, best first, at most *top*, each with its score and reason."""
    key = fold(query)
    if not key:
        return []
    hits = index.hits(key)
    owners = {h.concept for h in hits}
    matches = [_from_hit(h, concepts, 100, len(owners) > 1) for h in hits]
    matches += _legal_reference(key, index, concepts)
    if not matches:
        matches = _partial(key, index, concepts)
    result = [m for m in _best_per_concept(matches) if m.score >= min_score]
    return result[:top]
