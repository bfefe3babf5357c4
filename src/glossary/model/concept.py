"""The concept-oriented data model (see docs/data-model.md).

Immutable ``NamedTuple``s: cheap to create and to import (dataclasses generate code at import
time, which a one-shot CLI run pays for every time).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

LANGS = ("en", "ru", "uk")
CYRILLIC_LANGS = ("ru", "uk")

TYPES = (
    "state-body", "ministry", "security-service", "security-formation", "military-formation", "military-unit",
    "law-enforcement", "court", "prosecution", "legislature", "legal-act", "legal-article", "media-outlet",
    "news-agency", "website", "ngo", "international-organisation", "place", "military-term", "legal-term", "term",
    "rank", "position", "person", "event",
)
JURISDICTIONS = ("RU", "UA", "SU", "BY", "INT")
RELATIONS = ("related", "broader", "part_of", "successor_of")

#: How a form belongs to its concept, best first; lookup ranks equal scores by this order.
KINDS = (
    "preferred", "full", "admitted", "abbreviation", "expansion", "title", "romanized", "derived",
    "web", "deprecated", "generated", "misspelling", "shared",
)


class Abbreviation(NamedTuple):
    form: str
    expansion: str | None = None


class LangTerms(NamedTuple):
    """The terms of one concept in one language."""

    preferred: str | None = None
    admitted: tuple[str, ...] = ()
    deprecated: tuple[str, ...] = ()
    abbreviations: tuple[Abbreviation, ...] = ()
    full: str | None = None
    title: str | None = None
    definition: str | None = None
    derived: tuple[str, ...] = ()


class Romanized(NamedTuple):
    """A Latin spelling of a ru/uk form as met in a source; misspellings are lookup-only."""

    form: str
    lang: str | None = None
    scheme: str | None = None
    misspelling: bool = False
    note: str | None = None


class Source(NamedTuple):
    ref: str
    url: str | None = None
    supports: tuple[str, ...] = ()
    reliability: str | None = None


class Article(NamedTuple):
    act: str
    number: str


class Office(NamedTuple):
    title: str
    start: str | None = None
    end: str | None = None


class ContextRendering(NamedTuple):
    """A translation standard usage gives an ambiguous English term next to certain other words or concepts.

    "Officers of the National Guard" are *сотрудники Росгвардии*, not *офицеры*: beside a police or security
    body, "officer" means a member of it, not the military rank. ``po-check`` accepts these renderings
    only when the English text names one of the context's concepts, concepts of its types, or words.
    """

    renderings: dict[str, tuple[str, ...]]
    types: tuple[str, ...] = ()
    concepts: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    note: str | None = None


class Form(NamedTuple):
    """One string by which a concept can be found, and how it belongs to the concept."""

    text: str
    kind: str
    lang: str | None = None
    scheme: str | None = None
    #: misspelling: the right form; generated: its Cyrillic source; deprecated: the preferred term
    of: str | None = None


class Concept(NamedTuple):
    id: str
    type: str
    jurisdiction: tuple[str, ...]
    terms: dict[str, LangTerms]
    sources: tuple[Source, ...]
    domains: tuple[str, ...] = ()
    romanized: tuple[Romanized, ...] = ()
    web: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    part_of: tuple[str, ...] = ()
    successor_of: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    valid_from: str | None = None
    valid_to: str | None = None
    article: Article | None = None
    offices: tuple[Office, ...] = ()
    context_renderings: tuple[ContextRendering, ...] = ()
    notes: str | None = None
    file: str = ""
    line: int = 0

    def preferred(self, lang: str) -> str | None:
        """The preferred term in *lang*, if the glossary attests one."""
        block = self.terms.get(lang)
        return block.preferred if block else None

    @property
    def label(self) -> str:
        """A display name: English preferred, else Russian, else Ukrainian, else the id."""
        for lang in LANGS:
            term = self.preferred(lang)
            if term:
                return term
        return self.id

    def forms(self) -> Iterator[Form]:
        """Every attested form of the concept (generated romanizations are added by the index)."""
        yield from self._term_forms()
        for rom in self.romanized:
            if rom.misspelling:
                yield Form(rom.form, "misspelling", rom.lang, rom.scheme, of=self._right_spelling(rom.form))
            else:
                yield Form(rom.form, "romanized", rom.lang, rom.scheme)
        for site in self.web:
            yield Form(site, "web")

    def _term_forms(self) -> Iterator[Form]:
        """The forms in the language blocks."""
        for lang, block in self.terms.items():
            if block.preferred:
                yield Form(block.preferred, "preferred", lang)
            if block.full:
                yield Form(block.full, "full", lang)
            for text in block.admitted:
                yield Form(text, "admitted", lang)
            for abbr in block.abbreviations:
                yield Form(abbr.form, "abbreviation", lang)
                if abbr.expansion:
                    yield Form(abbr.expansion, "expansion", lang)
            if block.title:
                yield Form(block.title, "title", lang)
            for text in block.derived:
                yield Form(text, "derived", lang)
            for text in block.deprecated:
                yield Form(text, "deprecated", lang, of=block.preferred)

    def _right_spelling(self, misspelt: str) -> str:
        """The attested form a misspelling is nearest to (fewest edits, ignoring case): ``ZN,UA`` → ``ZN.UA``,
        ``voyenny kommisariat`` → ``voennyi komissariat``; what a reader would write instead."""
        from rapidfuzz.distance import Levenshtein

        right = [f.text for f in self._term_forms() if f.kind != "deprecated"]
        right += [r.form for r in self.romanized if not r.misspelling]
        return min(right, key=lambda text: Levenshtein.distance(text.casefold(), misspelt.casefold()),
                   default=self.label)

    def to_dict(self, *, origin: bool = False) -> dict[str, Any]:
        """A JSON-ready dict in the shape of the YAML entry (empty fields left out).

        ``origin=True`` adds ``file`` and ``line`` (used by the cache, not part of the schema).
        """
        out: dict[str, Any] = {"id": self.id, "type": self.type, "jurisdiction": list(self.jurisdiction)}
        if self.domains:
            out["domains"] = list(self.domains)
        for lang in LANGS:
            block = self.terms.get(lang)
            if block is None:
                continue
            b: dict[str, Any] = {}
            for name in ("preferred", "full", "title", "definition"):
                value = getattr(block, name)
                if value:
                    b[name] = value
            for name in ("admitted", "deprecated", "derived"):
                values = getattr(block, name)
                if values:
                    b[name] = list(values)
            if block.abbreviations:
                b["abbreviations"] = [
                    {"form": a.form, "expansion": a.expansion} if a.expansion else a.form
                    for a in block.abbreviations
                ]
            out[lang] = b
        if self.romanized:
            out["romanized"] = [
                {k: v for k, v in (("form", r.form), ("lang", r.lang), ("scheme", r.scheme),
                                   ("misspelling", r.misspelling or None), ("note", r.note)) if v}
                for r in self.romanized
            ]
        for name in ("web", "ambiguous", *RELATIONS):
            values = getattr(self, name)
            if values:
                out[name] = list(values)
        for name in ("valid_from", "valid_to", "notes"):
            value = getattr(self, name)
            if value:
                out[name] = value
        if self.article:
            out["article"] = {"act": self.article.act, "number": self.article.number}
        if self.offices:
            out["offices"] = [
                {k: v for k, v in (("title", o.title), ("from", o.start), ("to", o.end)) if v}
                for o in self.offices
            ]
        if self.context_renderings:
            out["context_renderings"] = [_context_dict(r) for r in self.context_renderings]
        out["sources"] = [_source_dict(s) for s in self.sources]
        if origin:
            out["file"], out["line"] = self.file, self.line
        return out


def _source_dict(s: Source) -> dict[str, Any]:
    return {k: v for k, v in (("ref", s.ref), ("url", s.url), ("supports", list(s.supports) or None),
                              ("reliability", s.reliability)) if v}


def _source_from_dict(s: dict[str, Any]) -> Source:
    return Source(s["ref"], s.get("url"), tuple(s.get("supports", ())), s.get("reliability"))


def _context_dict(r: ContextRendering) -> dict[str, Any]:
    context = {k: list(v) for k, v in (("types", r.types), ("concepts", r.concepts), ("words", r.words)) if v}
    out: dict[str, Any] = {"context": context, **{lang: list(forms) for lang, forms in r.renderings.items()}}
    if r.note:
        out["note"] = r.note
    out["sources"] = [_source_dict(s) for s in r.sources]
    return out


def _context_from_dict(d: dict[str, Any]) -> ContextRendering:
    ctx = d.get("context", {})
    return ContextRendering(
        renderings={lang: tuple(d[lang]) for lang in CYRILLIC_LANGS if lang in d},
        types=tuple(ctx.get("types", ())), concepts=tuple(ctx.get("concepts", ())),
        words=tuple(ctx.get("words", ())), sources=tuple(_source_from_dict(s) for s in d.get("sources", ())),
        note=d.get("note"),
    )


def concept_from_dict(data: dict[str, Any]) -> Concept:
    """Rebuild a concept from :meth:`Concept.to_dict` output (trusted, already validated data)."""
    terms: dict[str, LangTerms] = {}
    for lang in LANGS:
        b = data.get(lang)
        if b is None:
            continue
        terms[lang] = LangTerms(
            preferred=b.get("preferred"), admitted=tuple(b.get("admitted", ())),
            deprecated=tuple(b.get("deprecated", ())),
            abbreviations=tuple(Abbreviation(a) if isinstance(a, str) else Abbreviation(a["form"], a.get("expansion"))
                                for a in b.get("abbreviations", ())),
            full=b.get("full"), title=b.get("title"), definition=b.get("definition"),
            derived=tuple(b.get("derived", ())),
        )
    art = data.get("article")
    return Concept(
        id=data["id"], type=data["type"], jurisdiction=tuple(data["jurisdiction"]), terms=terms,
        sources=tuple(_source_from_dict(s) for s in data["sources"]),
        domains=tuple(data.get("domains", ())),
        romanized=tuple(Romanized(r["form"], r.get("lang"), r.get("scheme"), bool(r.get("misspelling")), r.get("note"))
                        for r in data.get("romanized", ())),
        web=tuple(data.get("web", ())), related=tuple(data.get("related", ())),
        broader=tuple(data.get("broader", ())), part_of=tuple(data.get("part_of", ())),
        successor_of=tuple(data.get("successor_of", ())), ambiguous=tuple(data.get("ambiguous", ())),
        valid_from=data.get("valid_from"), valid_to=data.get("valid_to"),
        article=Article(art["act"], art["number"]) if art else None,
        offices=tuple(Office(o["title"], o.get("from"), o.get("to")) for o in data.get("offices", ())),
        context_renderings=tuple(_context_from_dict(r) for r in data.get("context_renderings", ())),
        notes=data.get("notes"), file=data.get("file", ""), line=data.get("line", 0),
    )
