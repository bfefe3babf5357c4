"""The lookup index: every form of every concept under its match key, plus a word index.

Attested forms come from ``terms/``; *generated* forms (every romanization of a concept's Cyrillic
terms under every transliteration scheme of its language) are added when ``glossary.translit`` is
available, and kept apart from attested ones by their kind.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from glossary.fuzzy import FuzzyIndex
from glossary.matchkey import skeleton
from glossary.model import Concept, Form
from glossary.normalize import fold
from glossary.scripts import has_cyrillic

#: Kinds of Cyrillic forms whose romanizations are generated.
GENERATE_FROM = frozenset({"preferred", "full", "admitted", "abbreviation", "derived", "title"})
#: Kinds of Cyrillic forms whose case and number forms are generated.
INFLECT_FROM = frozenset({"preferred", "full", "admitted", "abbreviation", "expansion", "derived", "title",
                          "deprecated"})
#: Words left out of acronyms (ГВСУ from Главное военное следственное управление).
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "in", "on", "и", "по", "в", "на", "с", "з", "та", "і", "й"})


class Hit(NamedTuple):
    """One form under a key: which concept, the form as written, and how it belongs there."""

    concept: str
    text: str
    kind: str
    lang: str | None
    scheme: str | None
    of: str | None


class Index:
    """Key → hits, and word → keys for partial (all-words) matching.

    Stored as plain dicts, lists and tuples so the whole index can be cached with ``marshal``.
    """

    def __init__(self) -> None:
        self.forms: dict[str, list[tuple[str, str, str, str | None, str | None, str | None]]] = {}
        self.words: dict[str, list[str]] = {}
        #: article number → [(concept id, act id)] for legal references such as "ст. 338 УК РФ"
        self.articles: dict[str, list[tuple[str, str]]] = {}
        #: scheme-neutral key (glossary.matchkey.skeleton) → fold keys filed under it
        self.skeletons: dict[str, list[str]] = {}
        #: initials of multi-word forms → fold keys ("гвсу" → the Main Military Investigations Department)
        self.acronyms: dict[str, list[str]] = {}
        #: "lang:lemma key" → fold keys (glossary.morph.lemma_key of attested forms)
        self.lemmas: dict[str, list[str]] = {}
        #: skeleton keys of forms that are not inflections: what fuzzy search scans
        self.fuzzy_keys: list[str] = []
        self._fuzzy: object | None = None

    def hits(self, key: str) -> list[Hit]:
        """The forms filed under *key*."""
        return [Hit._make(t) for t in self.forms.get(key, ())]

    def to_data(self) -> dict[str, object]:
        return {"forms": self.forms, "words": self.words, "articles": self.articles,
                "skeletons": self.skeletons, "acronyms": self.acronyms, "fuzzy_keys": self.fuzzy_keys,
                "lemmas": self.lemmas}

    @classmethod
    def from_data(cls, data: dict[str, object]) -> Index:
        index = cls()
        index.forms = data["forms"]  # type: ignore[assignment]
        index.words = data["words"]  # type: ignore[assignment]
        index.articles = data["articles"]  # type: ignore[assignment]
        index.skeletons = data["skeletons"]  # type: ignore[assignment]
        index.acronyms = data["acronyms"]  # type: ignore[assignment]
        index.fuzzy_keys = data["fuzzy_keys"]  # type: ignore[assignment]
        index.lemmas = data["lemmas"]  # type: ignore[assignment]
        return index

    def add(self, concept_id: str, form: Form) -> bool:
        """Index *form*; False when the concept already has a form under the same key."""
        key = fold(form.text)
        if not key:
            return False
        hits = self.forms.setdefault(key, [])
        if any(h[0] == concept_id for h in hits):
            return False
        hits.append((concept_id, form.text, form.kind, form.lang, form.scheme, form.of))
        if len(hits) == 1:
            for word in set(key.split(" ")):
                self.words.setdefault(word, []).append(key)
            skel = skeleton(form.text)
            self.skeletons.setdefault(skel, []).append(key)
            if form.kind != "inflected":
                self.fuzzy_keys.append(skel)
            words = [w for w in key.split(" ") if w not in _ACRONYM_SKIP and not w.isdigit()]
            if len(words) >= 3 and form.kind not in ("generated", "inflected"):
                self.acronyms.setdefault("".join(w[0] for w in words), []).append(key)
        return True

    def fuzzy(self) -> FuzzyIndex:
        """The trigram index over skeleton keys, built on first use (it is not cached).

        Inflected forms are left out: exact and skeleton lookup find them, and a typo inside an
        inflected form still lands within the edit budget of its nominative.
        """
        if self._fuzzy is None:
            self._fuzzy = FuzzyIndex(self.fuzzy_keys)
        return self._fuzzy  # type: ignore[return-value]

    @classmethod
    def build(cls, concepts: Iterable[Concept], *, generated: bool = True, inflected: bool = True) -> Index:
        index = cls()
        concepts = list(concepts)
        for concept in concepts:
            for form in concept.forms():
                index.add(concept.id, form)
            if concept.article:
                index.articles.setdefault(concept.article.number, []).append((concept.id, concept.article.act))
        if generated:
            index._add_generated(concepts)
        if inflected:
            index._add_inflected(concepts)
        return index

    def _add_generated(self, concepts: list[Concept]) -> None:
        try:
            from glossary.translit import romanizations
        except ImportError:  # transliteration not installed in this build
            return
        for concept in concepts:
            for form in list(concept.forms()):
                if form.kind not in GENERATE_FROM or form.lang not in ("ru", "uk") or not has_cyrillic(form.text):
                    continue
                if form.kind == "abbreviation" and len(form.text) <= 2:
                    continue  # УК → "UK", ВС → "VS": romanized two-letter abbreviations mean other things
                by_form: dict[str, list[str]] = {}
                for scheme, text in romanizations(form.text, lang=form.lang).items():
                    by_form.setdefault(text, []).append(scheme)
                for text, schemes in by_form.items():
                    self.add(concept.id, Form(text, "generated", form.lang, ",".join(sorted(schemes)),
                                              of=form.text))

    def _add_inflected(self, concepts: list[Concept]) -> None:
        try:
            from glossary.morph import lemma_key, phrase_forms
        except ImportError:  # pragma: no cover - pymorphy3 is a declared dependency
            return
        for concept in concepts:
            for form in list(concept.forms()):
                if form.lang in ("en", "ru", "uk") and form.kind in INFLECT_FROM:
                    key = fold(form.text)
                    lemma = f"{form.lang}:{lemma_key(key, form.lang)}"
                    if key and key not in self.lemmas.get(lemma, ()):
                        self.lemmas.setdefault(lemma, []).append(key)
                if form.kind not in INFLECT_FROM or form.lang not in ("ru", "uk") or not has_cyrillic(form.text):
                    continue
                for text in sorted(phrase_forms(form.text, form.lang)):
                    self.add(concept.id, Form(text, "inflected", form.lang, of=form.text))
