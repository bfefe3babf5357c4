"""Find concepts by any of their forms; one result type, one 0–100 score, a reason for each match.

Stages, each a plug-in point for later matchers: exact key (every attested and generated form),
legal references (``ст. 338 УК РФ``, ``Article 338 of the Criminal Code``), then all-words partial
matches. Fuzzy, inflected and cross-scheme matching plug in after the exact stage.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from glossary.match import results
from glossary.match.index import Hit, Index
from glossary.match.results import LEMMA, LEMMA_PARTIAL, VARIANT_COST, Match, fuzzy_score, partial_score
from glossary.text.fold import fold, homoglyph_readings, repair_mixed

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from glossary.model.concept import Concept

_RANK = results.RANK.get  # a C call: ranking runs for every candidate
_LAST = max(results.RANK.values())


def _rank(match: Match) -> tuple[int, int, int, str]:
    return (-match.score, match.ambiguous, _RANK(match.how, _LAST), match.concept.id)


def _from_hit(hit: Hit, concepts: Mapping[str, Concept], score: int, ambiguous: bool,
              how: str | None = None) -> Match:
    return Match(concepts[hit.concept], score, how or hit.kind, hit.text, hit.lang, hit.scheme, hit.of, ambiguous)


def _best_per_concept(matches: list[Match]) -> list[Match]:
    best: dict[str, Match] = {}
    for m in sorted(matches, key=_rank):
        best.setdefault(m.concept.id, m)
    return sorted(best.values(), key=_rank)


def _legal_reference(query: str, index: Index, concepts: Mapping[str, Concept]) -> list[Match]:
    """The articles a query that is one legal reference cites (``ч. 2 ст. 328 УК РФ``: match.legal)."""
    from glossary.match.legal import form_in, whole_reference

    out = []
    for cited in whole_reference(query, index):
        for cid in cited.concepts:
            concept = concepts[cid]
            out.append(Match(concept, cited.score, "legal-reference", form_in(concept, cited.lang),
                             ambiguous=len(cited.concepts) > 1))
    return out


def _partial(key: str, index: Index, concepts: Mapping[str, Concept]) -> list[Match]:
    words = key.split(" ")
    pools = [index.words.get(w) for w in words]
    if not all(pools):
        return []
    wanted = set(words)
    out: list[Match] = []
    # the forms holding the rarest word, checked for the others: no set of a common word's forms
    for form_key in min((p for p in pools if p is not None), key=len):
        if not wanted <= set(form_key.split(" ")):
            continue
        score = partial_score(len(key), len(form_key))
        for hit in index.hits(form_key):
            out.append(_from_hit(hit, concepts, score, False, how="partial"))
    return out


def _exact(query: str, key: str, index: Index, concepts: Mapping[str, Concept]) -> list[Match]:
    hits = index.hits(key)
    owners = {h.concept for h in hits}
    repaired = repair_mixed(query) != unicodedata.normalize("NFC", query)
    out = []
    for h in hits:
        score = results.score(h.kind)
        how = h.kind
        if repaired:
            score, how = min(score, results.score("homoglyph")), "homoglyph"
        out.append(Match(concepts[h.concept], score, how, h.text, h.lang, h.scheme,
                         h.of if how != "homoglyph" else h.text, len(owners) > 1))
    return out


def _explains_first(query_cyrillic: bool) -> Callable[[Hit], tuple[bool, int, int]]:
    """The order in which a concept's hits under one key explain a match: a form in the query's own script
    first (a Latin query is explained by a Latin form), then the better kind of form, then the shorter."""
    from glossary.text.scripts import has_cyrillic

    return lambda h: (has_cyrillic(h.text) != query_cyrillic, results.rank(h.kind), len(h.text))


def _cross_scheme(query: str, skel: str, index: Index, concepts: Mapping[str, Concept]) -> list[Match]:
    """Forms whose scheme-neutral key is the query's (Rosgvardija: Rosgvardiya). A Cyrillic query that meets
    only romanizations of a concept (Зеленский: Zelensky) is explained by the concept's own Cyrillic form that
    holds its words (Владимир Зеленский), never as a romanization of it."""
    from glossary.text.scripts import has_cyrillic

    cyrillic = has_cyrillic(query)
    first = _explains_first(cyrillic)
    found: list[tuple[tuple[bool, int, int], Match]] = []
    for key in index.skeletons.get(skel, ()):
        hits = index.hits(key)
        ambiguous = len({h.concept for h in hits}) > 1
        found += [(first(h), Match(concepts[h.concept], results.score("cross-scheme"), "cross-scheme", h.text,
                                   h.lang, h.scheme, h.of, ambiguous)) for h in hits]
    found.sort(key=lambda pair: pair[0])
    out = [m for _, m in found]
    if not cyrillic:
        return out
    seen = {m.concept.id for m in out if has_cyrillic(m.matched)}  # explained in Cyrillic already
    parts = []
    for m in out:
        if m.concept.id not in seen:
            seen.add(m.concept.id)
            part = _own_form_holding(fold(query), m.concept.id, index)
            if part is not None:
                parts.append(Match(m.concept, results.score("part-of"), "part-of", part.text, part.lang,
                                   ambiguous=m.ambiguous))
    return parts + out


def _own_form_holding(key: str, concept_id: str, index: Index) -> Hit | None:
    """The concept's shortest Cyrillic form, not an inflection, holding every word of *key*."""
    from glossary.text.scripts import has_cyrillic

    words = key.split(" ")
    pools = [index.words.get(w, []) for w in words]
    wanted = set(words)
    best: Hit | None = None
    for form_key in min(pools, key=len):
        if not wanted <= set(form_key.split(" ")):
            continue
        for h in index.hits(form_key):
            if (h.concept == concept_id and h.kind != "inflected" and has_cyrillic(h.text)
                    and (best is None or len(h.text) < len(best.text))):
                best = h
    return best


def _fuzzy(key: str, found: list[tuple[str, int]], index: Index, concepts: Mapping[str, Concept],
           query_len: int) -> list[Match]:
    """Forms within the edit budget of the query's scheme-neutral key. The edits counted are the fewer of the
    key's and those between the query and the form as written (Rosgvardyia: one swap from Rosgvardiya, where
    the keys differ by two), and each concept is explained by its closest form."""
    from rapidfuzz.distance import OSA

    from glossary.text.scripts import has_cyrillic

    cyrillic = has_cyrillic(key)
    rank = _RANK
    # each concept's best candidate only (all that ranking keeps): its score, then its closest form
    best: dict[str, tuple[tuple[int, bool, int, bool, int, int], Match]] = {}
    for skel_key, edits in found:
        for form_key in index.skeletons.get(skel_key, ()):
            closest = min(edits, int(OSA.distance(key, form_key, score_cutoff=edits)))
            score = fuzzy_score(closest, max(query_len, len(skel_key)))
            other_script = has_cyrillic(form_key) != cyrillic  # the fold keeps the script of what it folds
            hits = index.hits(form_key)
            ambiguous = len({h.concept for h in hits}) > 1
            for h in hits:
                order = (-score, ambiguous, closest, other_script, rank(h.kind, _LAST), len(h.text))
                held = best.get(h.concept)
                if held is None or order < held[0]:
                    best[h.concept] = (order, Match(concepts[h.concept], score, "fuzzy", h.text, h.lang, h.scheme,
                                                    str(closest), ambiguous))
    return [m for _, m in best.values()]


def _acronym(query: str, index: Index, concepts: Mapping[str, Concept]) -> list[Match]:
    word = query.strip()
    if not (2 <= len(word) <= 6 and word.isalpha() and word.isupper()):
        return []
    out = []
    for key in index.acronyms.get(fold(word), ()):
        for h in index.hits(key):
            out.append(Match(concepts[h.concept], results.score("acronym"), "acronym", h.text, h.lang))
    return out


_FUNCTION_WORDS = frozenset({
    "the", "a", "an", "в", "во", "на", "по", "у", "к", "ко", "о", "об", "от", "с", "со", "из", "за", "до", "для",
    "при", "про", "з", "із", "зі", "від", "та", "і", "й", "и",
})
_PARENTHESIS = re.compile(r"\(([^()]*)\)")


def _variants(query: str) -> list[str]:
    """Other readings to try when a query finds nothing: the other homoglyph reading, the query
    without leading prepositions or articles (``в военкомате``, ``the Kremlin``), and the text
    outside and inside a parenthesis (``Security Service of Ukraine (SBU)``)."""
    out = homoglyph_readings(query)
    words = query.split()
    while words and words[0].casefold() in _FUNCTION_WORDS:
        words = words[1:]
    if words and len(words) < len(query.split()):
        out.append(" ".join(words))
    inner = _PARENTHESIS.findall(query)
    if inner:
        out.append(_PARENTHESIS.sub(" ", query))
        out.extend(inner)
    return [v for v in out if v.strip() and v != query]


def _lemmas(query: str, key: str, index: Index, concepts: Mapping[str, Concept]) -> list[Match]:
    """Match by dictionary forms: any case of any word (ru/uk via pymorphy3), English plurals."""
    from glossary.text.morph import lemma_key
    from glossary.text.scripts import has_cyrillic

    if not index.lemmas:
        return []
    if has_cyrillic(key):
        from glossary.translit import detect_language

        detected = detect_language(key)
        langs = [detected] if detected else ["ru", "uk"]
    else:
        langs = ["en"]
    out: list[Match] = []
    for lang in langs:
        for form_key in index.lemmas.get(f"{lang}:{lemma_key(key, lang)}", ()):
            hits = index.hits(form_key)
            owners = {h.concept for h in hits}
            out += [Match(concepts[h.concept], LEMMA, "inflected", h.text, h.lang, None, h.text,
                          len(owners) > 1) for h in hits]
    return out


def _contained(key: str, index: Index, concepts: Mapping[str, Concept]) -> list[Match]:
    """Forms all of whose words occur in the query (``Russian President Vladimir Putin``)."""
    words = key.split(" ")
    if len(words) < 2:
        return []
    present = set(words)
    out: list[Match] = []
    for word in present:
        for form_key in index.anchored(word):
            if set(form_key.split(" ")) <= present:
                score = partial_score(len(form_key), len(key))
                out += [_from_hit(h, concepts, score, False, how="partial") for h in index.hits(form_key)]
    return out


def _lemma_partial(key: str, index: Index, concepts: Mapping[str, Concept]) -> list[Match]:
    """Cyrillic query words, as dictionary forms, all found in a form (``Залужного`` → Валерій Залужний)."""
    from glossary.text.morph import lemma_key
    from glossary.text.scripts import has_cyrillic

    if not has_cyrillic(key) or not index.lemmas:
        return []
    by_word = index.lemma_words()
    out: list[Match] = []
    for lang in ("ru", "uk"):
        wanted = set(lemma_key(key, lang).split(" "))
        pools = [by_word.get(f"{lang}:{word}") for word in wanted]
        if not all(pools):
            continue
        # the lemmas holding the rarest wanted word, checked for the others (in the index's order)
        for lemma in min((p for p in pools if p is not None), key=len):
            if wanted <= set(lemma[3:].split(" ")):
                score = partial_score(len(key), len(lemma) - 3, ceiling=LEMMA_PARTIAL)
                for form_key in index.lemmas[lemma]:
                    out += [_from_hit(h, concepts, score, False, how="partial") for h in index.hits(form_key)]
    return out


#: A stage finding a match this good ends the search: the later stages find only worse ones.
_CLOSE = results.score("cross-scheme")


def _stages(query: str, index: Index, concepts: Mapping[str, Concept], fuzzy: bool) -> list[Match]:
    from glossary.text.skeleton import skeleton

    key = fold(query)
    if not key:
        return []
    matches = _exact(query, key, index, concepts)
    if any(ch.isdigit() for ch in key):
        matches += _legal_reference(query, index, concepts)
    if any(m.score >= _CLOSE for m in matches):
        return matches
    skel = skeleton(query)
    if len(skel) >= 4:  # two or three letters (UK, VS) mean too many things across scripts
        matches += _cross_scheme(query, skel, index, concepts)
    matches += _acronym(query, index, concepts)
    if not any(m.score >= _CLOSE for m in matches):
        matches += _lemmas(query, key, index, concepts)
    if fuzzy and not any(m.score >= _CLOSE for m in matches):
        matches += _fuzzy(key, index.fuzzy().search(skel), index, concepts, len(skel))
    return matches


def lookup(query: str, index: Index, concepts: Mapping[str, Concept], *, top: int = 10,
           min_score: int = 0, fuzzy: bool = True) -> list[Match]:
    """Concepts for *query*, best first, at most *top*, each with its score and reason.

    Stages: exact key (attested, generated and inflected forms; homoglyph repair), legal
    references, the scheme-neutral key, acronyms, dictionary forms (lemmas), then fuzzy (edit
    budget by length); while nothing is found, other readings of the query (the other homoglyph
    reading, without leading prepositions, parenthesis apart) go through the same stages; last,
    forms whose words all occur in the query, or that contain all the query's words.
    """
    if not fold(query):
        return []
    matches = _stages(query, index, concepts, fuzzy)
    if not matches:
        for variant in _variants(query):
            matches = [m._replace(score=m.score - VARIANT_COST) for m in _stages(variant, index, concepts, fuzzy)]
            if matches:
                break
    if not matches and len(fold(query)) >= 4:  # partial matches on two letters mean nothing
        key = fold(query)
        matches = (_contained(key, index, concepts) or _partial(key, index, concepts)
                   or _lemma_partial(key, index, concepts))
    result = [m for m in _best_per_concept(matches) if m.score >= min_score]
    return result[:top]
