"""The ``Glossary``: concepts plus their lookup index, loaded from YAML and cached between runs.

Loading validates every file (all problems at once, as ``DataError``). The built glossary is kept
between runs by :mod:`glossary.cache`, so a one-shot ``glossary lookup`` reads one small file instead
of parsing YAML, and builds only the concepts it prints.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from glossary import cache as _cache
from glossary.errors import DataError
from glossary.match.index import Index
from glossary.match.lookup import lookup
from glossary.match.results import Match
from glossary.model.concept import Concept, concept_from_dict
from glossary.resources import terms_dirs

if TYPE_CHECKING:
    from glossary.match.results import Mention

class _Concepts(Mapping[str, Concept]):
    """Concepts by id, each rebuilt from its cached dict the first time it is asked for."""

    def __init__(self, raw: dict[str, bytes]) -> None:
        self._raw = raw  # each concept's dict, marshalled on its own: only printed ones are decoded
        self._built: dict[str, Concept] = {}

    def __getitem__(self, concept_id: str) -> Concept:
        concept = self._built.get(concept_id)
        if concept is None:
            concept = self._built[concept_id] = concept_from_dict(marshal.loads(self._raw[concept_id]))
        return concept

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


class Glossary:
    """A validated set of concepts, looked up by any of their forms."""

    def __init__(self, concepts: Iterable[Concept], *, generated: bool = True, inflected: bool = True) -> None:
        """Index *concepts*; ``generated``/``inflected`` add romanizations and case forms to the index."""
        built = {c.id: c for c in concepts}
        self._raw = {cid: marshal.dumps(c.to_dict(origin=True)) for cid, c in built.items()}
        lazy = _Concepts(self._raw)
        lazy._built.update(built)
        self.concepts: Mapping[str, Concept] = lazy
        self.index = Index.build(built.values(), generated=generated, inflected=inflected)

    @classmethod
    def _from_data(cls, core: dict[str, Any], extended: Callable[[], dict[str, Any]]) -> Glossary:
        glossary = cls.__new__(cls)
        glossary._raw = core["concepts"]
        glossary.concepts = _Concepts(glossary._raw)
        glossary.index = Index.from_data(core["index"], extended)
        return glossary

    def _to_data(self) -> tuple[dict[str, Any], dict[str, Any]]:
        core, extended = self.index.to_data()
        return {"concepts": self._raw, "index": core}, extended

    def __len__(self) -> int:
        return len(self.concepts)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts.values())

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self.concepts

    def get(self, concept_id: str) -> Concept:
        """The concept with this id (``KeyError`` if there is none)."""
        return self.concepts[concept_id]

    def match(self, query: str, *, top: int = 10, min_score: int = 0, fuzzy: bool = True) -> list[Match]:
        """Concepts whose forms match *query* in any language, script, scheme or inflection, best first."""
        return lookup(query, self.index, self.concepts, top=top, min_score=min_score, fuzzy=fuzzy)

    def lookup(self, query: str, *, top: int = 10, min_score: int = 0, fuzzy: bool = True) -> list[Match]:
        """Deprecated alias of :meth:`match` (the first API's name, after the CLI command): use ``match``."""
        import warnings

        warnings.warn("Glossary.lookup is deprecated; use Glossary.match", DeprecationWarning, stacklevel=2)
        return self.match(query, top=top, min_score=min_score, fuzzy=fuzzy)

    def concept_of_form(self, form: str, lang: str) -> str | None:
        """The id of a concept with *form* (Cyrillic, any case or inflection) among its *lang* forms.

        What reverse transliteration asks to rank the glossary's own spellings first (``forms=``).
        """
        from glossary.text.fold import fold
        from glossary.text.scripts import has_cyrillic

        for hit in self.index.hits(fold(form)):
            if hit.lang == lang and has_cyrillic(hit.text):
                return hit.concept
        return None

    def annotate(self, text: str, *, inflection: bool = True) -> list[Mention]:
        """Every mention of a glossary concept in running *text*, with offsets and reasons."""
        from glossary.match.annotate import Annotator

        annotators: dict[bool, Annotator] = self.__dict__.setdefault("_annotators", {})
        annotator = annotators.get(inflection)
        if annotator is None:
            annotator = annotators[inflection] = Annotator(self.index, self.concepts, inflection=inflection)
        return annotator.annotate(text)


def load(terms: str | os.PathLike[str] | None = None, *, cache: bool = True) -> Glossary:
    """Load and validate the glossary in *terms* (default: ``$GLOSSARY_TERMS`` or the bundled one).

    Raises :class:`~glossary.errors.DataError` listing every problem when a file is invalid.
    """
    dirs = terms_dirs(terms)
    stamp = _cache.stamp(dirs) if cache else ""
    path = _cache.cache_file(dirs) if cache else None
    if path is not None:
        cached = _cache.read(path, stamp)
        if cached is not None:
            try:
                return Glossary._from_data(*cached)
            except (KeyError, TypeError, ValueError):
                pass  # a cache from another layout: rebuild it
    from glossary.model.schema import check_dirs  # YAML and the schema: only when (re)building

    concepts, problems, _ = check_dirs(dirs)
    if problems:
        raise DataError(problems)
    glossary = Glossary(concepts)
    if path is not None:
        _cache.write(path, stamp, *glossary._to_data())
    return glossary
