"""The lookup index: every form of every concept under its match key, plus a word index.

Attested forms come from ``terms/``; *generated* forms (every romanization of a concept's Cyrillic
terms under every transliteration scheme of its language) are added when ``glossary.translit`` is
available, and kept apart from attested ones by their kind.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from glossary.model.concept import Concept, Form
from glossary.text.fold import fold
from glossary.text.scripts import has_cyrillic

if TYPE_CHECKING:
    from glossary.match.fuzzy import FuzzyIndex

T = TypeVar("T")

#: Kinds of Cyrillic forms whose romanizations are generated.
GENERATE_FROM = frozenset({"preferred", "full", "admitted", "abbreviation", "derived", "title"})
#: Kinds of Cyrillic forms whose case and number forms are generated.
INFLECT_FROM = frozenset({"preferred", "full", "admitted", "abbreviation", "expansion", "derived", "title",
                          "deprecated"})
#: Kinds of English forms whose plurals are generated (titles of laws and articles have none).
PLURAL_FROM = frozenset({"preferred", "full", "admitted", "expansion", "derived", "deprecated"})
#: Types of concepts that are one named thing, whose names have no plural to find (Vladimir Putins,
#: Memorials, Meduzas); the others name kinds of things (deserters, military commissariats, district courts).
NAMES = frozenset({"person", "place", "media-outlet", "news-agency", "website", "ngo", "event", "legal-act",
                   "legal-article", "international-organisation"})
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

    #: Parts of the index that exact lookup does not need; a cached index loads them on first use.
    EXTENDED = ("inflected", "words", "skeletons", "acronyms", "lemmas", "fuzzy_keys")

    def __init__(self) -> None:
        #: fold key → hits of attested and generated forms
        self.forms: dict[str, list[tuple[str, str, str, str | None, str | None, str | None]]] = {}
        #: article number → [(concept id, act id)] for legal references such as "ст. 338 УК РФ"
        self.articles: dict[str, list[tuple[str, str]]] = {}
        #: CRC-32 of the fold keys that have inflected hits: a small set that tells exact lookup
        #: when the (lazily loaded) inflected forms must be read; a collision only costs that read
        self.inflected_crcs: set[int] = set()
        self._extended: Callable[[], dict[str, Any]] | None = None
        #: fold key → hits of inflected (case and number) forms
        self.inflected: dict[str, list[tuple[str, str, str, str | None, str | None, str | None]]] = {}
        #: word → fold keys containing it
        self.words: dict[str, list[str]] = {}
        #: scheme-neutral key (glossary.text.skeleton.skeleton) → fold keys filed under it
        self.skeletons: dict[str, list[str]] = {}
        #: initials of multi-word forms → fold keys ("гвсу" → the Main Military Investigations Department)
        self.acronyms: dict[str, list[str]] = {}
        #: "lang:lemma key" → fold keys (glossary.text.morph.lemma_key of attested forms)
        self.lemmas: dict[str, list[str]] = {}
        #: skeleton keys of forms that are not inflections: what fuzzy search scans
        self.fuzzy_keys: list[str] = []
        self._derived_init()

    def _derived_init(self) -> None:
        """Indexes derived from the parts above on first use (never cached to disk)."""
        self._fuzzy: object | None = None
        self._lemma_words: dict[str, list[str]] | None = None
        self._anchored: dict[str, list[str]] = {}
        self._derived: dict[str, Any] = {}

    def __getattr__(self, name: str) -> Any:
        """Load the extended parts of a cached index the first time one of them is read."""
        loader = self.__dict__.get("_extended")
        if name in Index.EXTENDED and loader is not None:
            self._extended = None
            self.__dict__.update(loader())
            return self.__dict__[name]
        raise AttributeError(name)

    def hits(self, key: str) -> list[Hit]:
        """The forms filed under *key*, attested and generated first, then inflected ones."""
        found = [Hit._make(t) for t in self.forms.get(key, ())]
        if self.inflected_crcs and zlib.crc32(key.encode()) in self.inflected_crcs:
            found += [Hit._make(t) for t in self.inflected.get(key, ())]
        return found

    def all_forms(self) -> Iterator[tuple[str, list[Hit]]]:
        """Every key with its hits (for building the text automaton)."""
        for key in self.forms.keys() | self.inflected.keys():
            yield key, self.hits(key)

    def to_data(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """(core, extended): what exact lookup needs, and the rest; both plain data for marshal."""
        core = {"forms": self.forms, "articles": self.articles, "inflected_crcs": self.inflected_crcs}
        return core, {name: getattr(self, name) for name in Index.EXTENDED}

    @classmethod
    def from_data(cls, core: dict[str, Any], extended: Callable[[], dict[str, Any]]) -> Index:
        index = cls.__new__(cls)
        index.__dict__.update(core)
        index._extended = extended
        index._derived_init()
        return index

    def add(self, concept_id: str, form: Form) -> bool:
        """Index *form*; False when the concept already has a form under the same key."""
        key = fold(form.text)
        if not key:
            return False
        if any(h[0] == concept_id for h in self.hits(key)):
            return False
        from glossary.text.skeleton import skeleton  # only when building; a cached index never calls add()

        hit = (concept_id, form.text, form.kind, form.lang, form.scheme, form.of)
        first = key not in self.forms and key not in self.inflected
        if form.kind == "inflected":
            self.inflected.setdefault(key, []).append(hit)
            self.inflected_crcs.add(zlib.crc32(key.encode()))
        else:
            self.forms.setdefault(key, []).append(hit)
        skel = skeleton(form.text)
        if first:
            for word in set(key.split(" ")):
                self.words.setdefault(word, []).append(key)
        filed = self.skeletons.setdefault(skel, [])
        if key not in filed:
            filed.append(key)
        if form.kind != "inflected" and len(self.forms[key]) == 1:  # first attested/generated form here
            self.fuzzy_keys.append(skel)
            words = [w for w in key.split(" ") if w not in _ACRONYM_SKIP and not w.isdigit()]
            if len(words) >= 3 and form.kind != "generated":
                self.acronyms.setdefault("".join(w[0] for w in words), []).append(key)
        return True

    def fuzzy(self) -> FuzzyIndex:
        """The partition index (glossary.match.fuzzy) over skeleton keys, built on first use (it is not cached).

        Inflected forms are left out: exact and skeleton lookup find them, and a typo inside an
        inflected form still lands within the edit budget of its nominative.
        """
        if self._fuzzy is None:
            from glossary.match.fuzzy import FuzzyIndex

            self._fuzzy = FuzzyIndex(self.fuzzy_keys)
        return self._fuzzy  # type: ignore[return-value]

    def derived(self, name: str, build: Callable[[Index], T]) -> T:
        """The table *name* that another matcher module builds from this index with *build*, built on
        first use and kept with the index (never cached to disk)."""
        if name not in self._derived:
            self._derived[name] = build(self)
        return self._derived[name]  # type: ignore[no-any-return]

    def lemma_words(self) -> dict[str, list[str]]:
        """Each ``lang:word`` → the ``lang:lemma key`` entries of ``lemmas`` holding that word, in their
        order; built on first use, so that partial lemma matching reads a few lists instead of scanning
        every lemma (the bundled glossary has about four per concept)."""
        if self._lemma_words is None:
            by_word: dict[str, list[str]] = {}
            for lemma in self.lemmas:
                lang = lemma[:2]
                for word in set(lemma[3:].split(" ")):
                    by_word.setdefault(f"{lang}:{word}", []).append(lemma)
            self._lemma_words = by_word
        return self._lemma_words

    def anchored(self, word: str) -> list[str]:
        """The forms of two or more words whose rarest word is *word*, worked out the first time a query
        has the word (the glossary's vocabulary bounds the memo).

        A form whose words all occur in a query has its rarest word there too, so the query reads the
        forms anchored at its own words instead of every form sharing a word with it (``федерации``
        alone is in 391 forms of the bundled glossary). Working it out for all words at once would cost
        seconds at 100,000 concepts on the first lookup that needs it."""
        words = self.words
        pool = words.get(word)
        if pool is None:
            return []
        found = self._anchored.get(word)
        if found is None:
            def rank(w: str) -> tuple[int, str]:
                return len(words.get(w, ())), w

            own = rank(word)
            found = self._anchored[word] = [k for k in pool if " " in k and min(map(rank, set(k.split(" ")))) == own]
        return found

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
        for concept in concepts:  # last, so that any form of the concept's own under the same key wins
            for name in concept.ambiguous:
                index.add(concept.id, Form(name, "shared"))
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
            from glossary.text.morph import english_plurals, lemma_key, phrase_forms
        except ImportError:  # pragma: no cover - pymorphy3 is a declared dependency
            return
        for concept in concepts:
            for form in list(concept.forms()):
                if form.lang in ("en", "ru", "uk") and form.kind in INFLECT_FROM:
                    key = fold(form.text)
                    lemma = f"{form.lang}:{lemma_key(key, form.lang)}"
                    if key and key not in self.lemmas.get(lemma, ()):
                        self.lemmas.setdefault(lemma, []).append(key)
                if form.kind in PLURAL_FROM and form.lang == "en" and concept.type not in NAMES:
                    for text in sorted(english_plurals(form.text)):
                        self.add(concept.id, Form(text, "inflected", "en", of=form.text))
                    continue
                if form.kind not in INFLECT_FROM or form.lang not in ("ru", "uk") or not has_cyrillic(form.text):
                    continue
                for text in sorted(phrase_forms(form.text, form.lang)):
                    self.add(concept.id, Form(text, "inflected", form.lang, of=form.text))
