"""Term consistency of a translator's gettext catalog against the glossary (``glossary po-check``).

Where a msgid contains a glossary term (any English form of a concept: preferred, admitted, full
name, abbreviation), the msgstr should contain one of that concept's approved forms in the target
language (preferred, admitted, full name, abbreviation, derived word) in any case and number — the
inflected forms come from the matcher's morphology (``glossary.text.morph``). A deprecated form, or a
word that is a near miss of an approved form, is reported as such; otherwise the term is missing.
A msgctxt that is a concept id (as in ``glossary export --format po``) checks that concept too.

Some English terms are ambiguous in COI text: "officers" of a police or guard unit are its *сотрудники*,
not the rank *офицер*. A concept's ``context_renderings`` (in the data) name those translations and the
context that calls for them (concept types, concepts, English words); where the msgid gives that context,
the contextual rendering is accepted (status ``context``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from glossary.model.concept import Concept

#: A near miss of an approved form at or above this rapidfuzz ratio is reported as a misspelling.
MISSPELLING_RATIO = 85
_WORD = re.compile(r"[^\W_]+(?:['ʼ’-][^\W_]+)*")
_APOSTROPHES = str.maketrans({"'": "’", "ʼ": "’", "ё": "е"})


def _norm(text: str) -> str:
    """Lowercase, NFC, ``ё`` → ``е``, one apostrophe: how both sides are compared."""
    return unicodedata.normalize("NFC", text).lower().translate(_APOSTROPHES)


@dataclass(frozen=True)
class Finding:
    """One glossary term met in one msgid, and how its translation fares."""

    line: int
    msgid: str
    msgctxt: str | None
    concept: str
    english: str
    expected: str
    #: ok | inflected | context | missing | deprecated | misspelled
    status: str
    found: str | None = None
    plural_index: int | None = None
    #: for status ``context``: the words of the msgid that call for the contextual rendering
    context: str | None = None

    @property
    def is_error(self) -> bool:
        return self.status in ("missing", "deprecated", "misspelled")

    def to_json(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "msgctxt": self.msgctxt,
            "msgid": self.msgid,
            "concept": self.concept,
            "term": self.english,
            "expected": self.expected,
            "status": self.status,
            "found": self.found,
            "plural_index": self.plural_index,
            "context": self.context,
        }


@dataclass
class Report:
    language: str
    findings: list[Finding] = field(default_factory=list)
    checked: int = 0
    untranslated: int = 0
    obsolete: int = 0
    fuzzy: int = 0

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]


class TermChecker:
    """Finds English glossary terms in text and checks the target-language side."""

    def __init__(self, concepts: Iterable[Concept], lang: str) -> None:
        self.lang = lang
        every = list(concepts)
        self.concepts = {c.id: c for c in every if c.preferred(lang)}
        self._contexts = _context_patterns(every, self.concepts.values(), lang)
        by_form: dict[str, list[str]] = {}
        exact: dict[str, list[str]] = {}
        for c in self.concepts.values():
            en = c.terms.get("en")
            if en is None:
                continue
            for form in (en.preferred, en.full, *en.admitted):
                if form and len(form) >= 3:
                    by_form.setdefault(_norm(form), []).append(c.id)
            for abbr in en.abbreviations:
                if len(abbr.form) >= 2:  # abbreviations match with their case: FSB, not "fsb" in a word
                    exact.setdefault(abbr.form, []).append(c.id)
        self._by_form, self._exact = by_form, exact
        words = sorted(by_form, key=len, reverse=True)
        self._words = (
            re.compile(r"(?<![\w])(" + "|".join(map(re.escape, words)) + r")(?:'s|s|es)?(?![\w])")
            if words
            else None
        )
        abbrs = sorted(exact, key=len, reverse=True)
        self._abbrs = (
            re.compile(r"(?<![\w])(" + "|".join(map(re.escape, abbrs)) + r")(?![\w])") if abbrs else None
        )

    def terms_in(self, msgid: str) -> list[tuple[str, list[str]]]:
        """The English glossary forms in *msgid* (as written) with the concepts they may stand for."""
        found: list[tuple[int, int, str, list[str]]] = []
        if self._words:
            low = _norm(msgid)
            found += [
                (m.start(), m.end(), msgid[m.start(1) : m.end(1)], self._by_form[m.group(1)])
                for m in self._words.finditer(low)
            ]
        if self._abbrs:
            for m in self._abbrs.finditer(msgid):
                if not any(s <= m.start() < e for s, e, _, _ in found):
                    found.append((m.start(), m.end(), m.group(1), self._exact[m.group(1)]))
        return [(text, ids) for _, _, text, ids in sorted(found)]

    @lru_cache(maxsize=4096)  # noqa: B019 — one checker per run; the cache dies with it
    def forms(self, concept_id: str, kind: str) -> frozenset[str]:
        """Normalised forms (with every case and number) of a concept's approved or deprecated terms."""
        from glossary.text.morph import phrase_forms

        base = (
            self._base(concept_id)
            if kind == "approved"
            else list(self.concepts[concept_id].terms[self.lang].deprecated)
        )
        out: set[str] = set()
        for term in filter(None, base):
            out.add(_norm(term))
            out.update(_norm(f) for f in phrase_forms(term, self.lang))
        return frozenset(out)

    def locate(self, concept_id: str, kind: str, msgstr: str) -> tuple[int, int, bool] | None:
        """Where *msgstr* uses one of the concept's approved (or deprecated) terms: (start, end, as given).

        First the forms the matcher's morphology generates; then, for words it could not inflect, a
        word-by-word comparison of pymorphy3 lemmas (``Офісу Президента України``).
        """
        text = _norm(msgstr)
        block = self.concepts[concept_id].terms[self.lang]
        base = self._base(concept_id) if kind == "approved" else list(block.deprecated)
        as_given = {_norm(t) for t in base}
        for form in sorted(self.forms(concept_id, kind), key=len, reverse=True):
            hit = _find(form, text)
            if hit is not None:
                return hit[0], hit[1], form in as_given
        for term in sorted(base, key=len, reverse=True):
            span = _lemma_hit(term, msgstr, self.lang)
            if span is not None:
                return span[0], span[1], False
        return None

    def contextual(self, concept_ids: list[str], msgid: str, msgstr: str) -> tuple[str, str] | None:
        """(what was found, the context in *msgid*) when *msgstr* uses a rendering the msgid's context calls for."""
        for cid in concept_ids:
            for forms, patterns in self._contexts.get(cid, ()):
                context = next((m.group() for p in patterns if (m := p.search(msgid))), None)
                if context is None:
                    continue
                text = _norm(msgstr)
                for term in forms:
                    variants = sorted({_norm(f) for f in _phrase_forms(term, self.lang)}, key=len, reverse=True)
                    hit = next((h for f in variants if (h := _find(f, text))), None)
                    hit = hit or _lemma_hit(term, msgstr, self.lang)
                    if hit is not None:
                        return msgstr[hit[0] : hit[1]], context
        return None

    def judge(
        self, concept_ids: list[str], msgstr: str, msgid: str = ""
    ) -> tuple[str, str | None, str, str | None]:
        """(status, what was found, the expected preferred term, the context) for one term in one translation."""
        expected = self.concepts[concept_ids[0]].terms[self.lang].preferred or ""
        approved = next(
            ((cid, hit) for cid in concept_ids if (hit := self.locate(cid, "approved", msgstr)) is not None),
            None,
        )
        deprecated = next(
            (
                (cid, hit)
                for cid in concept_ids
                if (hit := self.locate(cid, "deprecated", msgstr)) is not None
            ),
            None,
        )
        # a deprecated form that contains the approved one ("Верховний Суд України") is still deprecated
        if deprecated and (
            approved is None or (deprecated[1][0] <= approved[1][0] and approved[1][1] <= deprecated[1][1])
        ):
            cid, (start, end, _) = deprecated
            return "deprecated", msgstr[start:end], self.concepts[cid].terms[self.lang].preferred or "", None
        if approved:
            _cid, (start, end, exact) = approved
            return ("ok" if exact else "inflected"), msgstr[start:end], expected, None
        contextual = self.contextual(concept_ids, msgid, msgstr) if msgid else None
        if contextual is not None:
            return "context", contextual[0], expected, contextual[1]
        near = _near_miss([f for cid in concept_ids for f in self.forms(cid, "approved")], msgstr)
        if near is not None:
            return "misspelled", near, expected, None
        return "missing", None, expected, None

    def _base(self, cid: str) -> list[str]:
        """The approved forms as the glossary gives them (abbreviations with their expansions)."""
        block = self.concepts[cid].terms[self.lang]
        out = [block.preferred or "", *block.admitted, *block.derived, *([block.full] if block.full else [])]
        for abbr in block.abbreviations:
            out += [abbr.form, abbr.expansion or ""]
        return [t for t in out if t]


def _phrase_forms(term: str, lang: str) -> list[str]:
    from glossary.text.morph import phrase_forms

    return [term, *phrase_forms(term, lang)]


def _context_patterns(
    every: list[Concept], checked: Iterable[Concept], lang: str
) -> dict[str, list[tuple[tuple[str, ...], list[re.Pattern[str]]]]]:
    """Per checked concept: its contextual renderings in *lang*, each with the patterns of its context.

    A context is met by an English form of a concept of the listed types or ids (abbreviations with
    their case: FSB, SBU), or by one of the listed words, in the msgid.
    """
    out: dict[str, list[tuple[tuple[str, ...], list[re.Pattern[str]]]]] = {}
    for concept in checked:
        for rendering in concept.context_renderings:
            forms = rendering.renderings.get(lang, ())
            if not forms:
                continue
            names: set[str] = set(rendering.words)
            abbrs: set[str] = set()
            for other in every:
                en = other.terms.get("en")
                if en is None or (other.type not in rendering.types and other.id not in rendering.concepts):
                    continue
                names.update(f for f in (en.preferred, en.full, *en.admitted) if f)
                abbrs.update(a.form for a in en.abbreviations if len(a.form) >= 2)
            patterns = [
                re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, sorted(group, key=len, reverse=True)))
                           + r")(?:'s|s|es)?(?![\w])", flags)
                for group, flags in ((names, re.IGNORECASE), (abbrs, 0))
                if group
            ]
            out.setdefault(concept.id, []).append((forms, patterns))
    return out


@lru_cache(maxsize=65536)
def _lemmas(word: str, lang: str) -> frozenset[str]:
    from glossary.text.morph import analyzer

    return frozenset({_norm(word)} | {_norm(p.normal_form) for p in analyzer(lang).parse(word)})


def _lemma_hit(term: str, msgstr: str, lang: str) -> tuple[int, int] | None:
    """The first run of words in *msgstr* whose lemmas match the words of *term*, one by one."""
    wanted = [_lemmas(w, lang) for w in _WORD.findall(term)]
    words = list(_WORD.finditer(msgstr))
    for i in range(len(words) - len(wanted) + 1):
        if wanted and all(wanted[j] & _lemmas(words[i + j].group(), lang) for j in range(len(wanted))):
            return words[i].start(), words[i + len(wanted) - 1].end()
    return None


def _find(form: str, text: str) -> tuple[int, int] | None:
    m = re.search(r"(?<![\w’])" + re.escape(form) + r"(?![\w’])", text)
    return (m.start(), m.end()) if m else None


def _near_miss(forms: list[str], msgstr: str) -> str | None:
    """A run of words in *msgstr* close to an approved form (a typo), if there is one."""
    from rapidfuzz import fuzz

    words = list(_WORD.finditer(msgstr))
    best: tuple[float, str] | None = None
    for form in forms:
        n = len(form.split())
        for i in range(len(words) - n + 1):
            start, end = words[i].start(), words[i + n - 1].end()
            candidate = msgstr[start:end]
            score = fuzz.ratio(_norm(candidate), form)
            if score >= MISSPELLING_RATIO and score < 100 and (best is None or score > best[0]):
                best = (score, candidate)
    return best[1] if best else None


def check_catalog(po: Any, checker: TermChecker) -> Report:
    """Check every translated entry of a polib catalog; obsolete entries are counted, not checked."""
    report = Report(checker.lang)
    for entry in po:
        if entry.obsolete:
            report.obsolete += 1
            continue
        translations: list[tuple[int | None, str, str]]
        if entry.msgid_plural:
            forms = sorted(entry.msgstr_plural.items())
            translations = [(int(i), entry.msgid if int(i) == 0 else entry.msgid_plural, s) for i, s in forms]
        else:
            translations = [(None, entry.msgid, entry.msgstr)]
        if not any(s for _, _, s in translations):
            report.untranslated += 1
            continue
        report.checked += 1
        if "fuzzy" in entry.flags:
            report.fuzzy += 1
        terms = checker.terms_in(
            entry.msgid if not entry.msgid_plural else f"{entry.msgid}\n{entry.msgid_plural}"
        )
        unique: dict[tuple[str, ...], tuple[str, list[str]]] = {}
        for english, ids in terms:  # msgid and msgid_plural usually name the same terms
            unique.setdefault(tuple(ids), (english, ids))
        terms = list(unique.values())
        if entry.msgctxt in checker.concepts and not any(entry.msgctxt in ids for _, ids in terms):
            terms.insert(0, (entry.msgid, [entry.msgctxt]))
        for english, ids in terms:
            if entry.msgctxt in ids:
                ids = [entry.msgctxt]
            for index, source, msgstr in translations:
                if not msgstr:
                    continue
                status, found, expected, context = checker.judge(ids, msgstr, source)
                report.findings.append(
                    Finding(
                        entry.linenum,
                        entry.msgid,
                        entry.msgctxt,
                        ids[0],
                        english,
                        expected,
                        status,
                        found,
                        index,
                        context,
                    )
                )
    return report
