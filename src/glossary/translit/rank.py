"""Rank the Cyrillic readings of a romanized text: real words and names first, each with a score and a reason.

Each whitespace-separated token is read on its own (``reverse.py``); a reading costs its search cost
plus its letter-bigram implausibility (``plausible.py``) plus a penalty when it does not romanize back
to the input, less a bonus for the evidence that it is a real word (``lexicon.py``). Readings of the
tokens are combined into candidates for the whole text, best first: every candidate whose words are
all real ranks above one with a word that is not (``reason`` is then ``spelling``). ``score`` is the
candidate's share, 0–100, of the likelihood (``exp(-cost)``) of all the candidates found.

A token no scheme can read whole (a letter the language's schemes never write) is kept in Latin,
romanized if it held Cyrillic letters, so that no candidate mixes the two scripts.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from glossary.i18n import _
from glossary.text.scripts import has_latin, mixed_tokens
from glossary.translit.lexicon import Attestation, FormLookup, Lexicon
from glossary.translit.plausible import bigrams
from glossary.translit.reverse import Reverser

#: how many candidates a text gets at most
MAX_CANDIDATES = 12
#: weight of the bigram model's cost (nats) against the search cost (about 1 per letter read)
PLAUSIBILITY_WEIGHT = 1.0
#: cost of a reading that romanizes back to the input only loosely (1) or not at all (2)
TIER_COST = {0: 0.0, 1: 0.5, 2: 3.0}
#: bonus (nats) for the evidence that a token's words are real, by strength (lexicon.STRENGTH)
BONUS = {4: 14.0, 3: 12.0, 2: 8.0, 0: 0.0}
#: added to a token whose reading is not a known word: real words come first, and scores say so
UNKNOWN_COST = 30.0
_CYR_WORD = re.compile("[\u0400-\u04ff]+(?:[ʼ'’][\u0400-\u04ff]+)*")
_SPACE = re.compile(r"(\s+)")


@dataclass(frozen=True)
class Word:
    """A word of a candidate and the evidence that it is real."""

    text: str
    attestation: Attestation


@dataclass(frozen=True)
class Candidate:
    """A Cyrillic reading of the whole text.

    ``reason`` is the weakest evidence among its words (``glossary``, ``name``, ``dictionary``,
    ``inflected``, ``spelling``; ``latin`` when nothing could be read); ``schemes`` are the schemes
    under which it romanizes back to exactly the input; ``score`` is 0–100.
    """

    text: str
    score: int
    reason: str
    words: tuple[Word, ...]
    schemes: tuple[str, ...]

    @property
    def explanation(self) -> str:
        """The reason in words, in the interface language; one clause per word for several words."""
        if self.reason == "latin":
            return _("left in Latin: a letter no scheme of the language reads")
        if len(self.words) == 1:
            return explain(self.words[0].attestation)
        return "; ".join(f"{w.text}: {explain(w.attestation)}" for w in self.words)

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "score": self.score,
            "reason": self.reason,
            "explanation": self.explanation,
            "schemes": list(self.schemes),
        }


def explain(att: Attestation) -> str:
    """One word's evidence in words."""
    if att.reason == "glossary":
        return _("a form of '{concept}' in the glossary").format(concept=att.detail)
    if att.reason == "name":
        return _("a given name in the names list")
    if att.reason == "inflected":
        return _("a form of '{lemma}' in the dictionary").format(lemma=att.detail)
    if att.reason == "dictionary":
        kinds = {
            "place": _("a place name in the dictionary"),
            "surname": _("a surname in the dictionary"),
            "given-name": _("a given name in the dictionary"),
            "patronymic": _("a patronymic in the dictionary"),
            "organisation": _("an organisation's name in the dictionary"),
        }
        return kinds.get(att.kind, _("a word in the dictionary"))
    return _("not a known word: ranked by spelling only")


@dataclass(frozen=True)
class _Alt:
    """One reading of one token, costed."""

    text: str
    cost: float
    unknown: int
    words: tuple[Word, ...]
    schemes: tuple[str, ...] | None  # None: the token needed no reading (whitespace, no Latin)
    latin: bool = False


@cache
def _default_lexicon(lang: str) -> Lexicon:
    return Lexicon(lang)


def _token_alts(token: str, rev: Reverser, lex: Lexicon) -> list[_Alt]:
    """The costed readings of one token, best first."""
    if not token or token.isspace() or not has_latin(token):
        kept = tuple(Word(w, lex.attest(w)) for w in _CYR_WORD.findall(token))
        return [_Alt(token, 0.0, 0, kept, None)]
    model = bigrams(rev.lang)
    readings = [r for r in rev.readings(token, lex.is_prefix) if not mixed_tokens(r.text)]
    seen = {r.text for r in readings}
    cheapest = min((r.cost for r in readings), default=0.0)
    listed: set[str] = set()
    for name in lex.names_for(token):  # a spelling the names list gives for this very name (Yuri → Юрий)
        cased = name.upper() if token.isupper() and len(token) > 1 else name
        listed.add(cased)
        if cased not in seen:
            readings.append(rev.check(cased, token, cheapest))
    if rev.strict and any(r.tier == 0 for r in readings):
        readings = [r for r in readings if r.tier == 0]  # exact inverses only; the best of them is kept below
    if not readings:  # a letter nothing reads: the token stays Latin (its Cyrillic letters romanized)
        return [_Alt(rev.fwds[0](token), UNKNOWN_COST, 0, (), (), latin=True)]
    best_tier = min(r.tier for r in readings)
    alts: list[_Alt] = []
    for r in readings:
        whole = lex.attest(r.text) if "-" in r.text else None  # Улан-Удэ is one name
        if whole is not None and whole.strength:
            words: tuple[Word, ...] = (Word(r.text, whole),)
        else:
            words = tuple(Word(w, lex.attest(w)) for w in _CYR_WORD.findall(r.text))
        strength = min((w.attestation.strength for w in words), default=0)
        if r.tier != best_tier and not strength:
            continue  # an unknown spelling that does not even romanize back as well as others do
        tier_cost = 0.0 if r.text in listed else TIER_COST[r.tier]  # the list says this spelling is the name
        cost = r.cost + PLAUSIBILITY_WEIGHT * model.cost(r.text) + tier_cost - BONUS[strength]
        unknown = 0 if strength else 1
        alts.append(_Alt(r.text, cost + UNKNOWN_COST * unknown, unknown, words, r.schemes))
    alts.sort(key=lambda a: (a.unknown, a.cost))
    if rev.strict and best_tier == 0:
        return alts[:1]  # a reversible scheme reads back one way
    return alts[:MAX_CANDIDATES]


def rank(text: str, rev: Reverser, *, forms: FormLookup | None = None) -> list[Candidate]:
    """Every candidate reading of *text* (up to MAX_CANDIDATES), best first, scored."""
    lex = Lexicon(rev.lang, forms) if forms is not None else _default_lexicon(rev.lang)
    # (unknown tokens, cost, text, words, schemes shared by every token read)
    phrases: list[tuple[int, float, str, tuple[Word, ...], frozenset[str] | None, bool]] = [
        (0, 0.0, "", (), None, True)
    ]
    for token in _SPACE.split(text):
        alts = _token_alts(token, rev, lex)
        grown = []
        for unknown, cost, out, words, schemes, all_latin in phrases:
            for a in alts:
                shared = schemes
                if a.schemes is not None:
                    shared = frozenset(a.schemes) if shared is None else shared & frozenset(a.schemes)
                latin = all_latin and (a.latin or a.schemes is None)
                grown.append((unknown + a.unknown, cost + a.cost, out + a.text, words + a.words, shared, latin))
        grown.sort(key=lambda p: (p[0], p[1]))
        phrases = grown[:MAX_CANDIDATES]
    lowest = min(p[1] for p in phrases)
    weights = [math.exp(lowest - p[1]) for p in phrases]
    total = sum(weights)
    order = [f.scheme.id for f in rev.fwds]
    found: list[Candidate] = []
    for (unknown, _cost, cand, words, schemes, latin), w in zip(phrases, weights, strict=True):
        if latin and not words:
            reason = "latin" if has_latin(cand) else "spelling"
        elif unknown or not words:
            reason = "spelling"
        else:
            reason = min(words, key=lambda wd: wd.attestation.strength).attestation.reason
        kept = tuple(s for s in order if schemes is not None and s in schemes)
        found.append(Candidate(cand, round(100 * w / total), reason, words, kept))
    return found
