"""Validate glossary files against the one schema (docs/data-model.md) and build concepts.

Every problem is collected, with file, line, entry and field; nothing stops at the first one and
no entry is dropped silently: an entry with problems is reported, and loading fails as a whole.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glossary.errors import Problem
from glossary.model.concept import (
    CYRILLIC_LANGS,
    JURISDICTIONS,
    LANGS,
    RELATIONS,
    TYPES,
    Abbreviation,
    Article,
    Concept,
    ContextRendering,
    LangTerms,
    Office,
    Romanized,
    Source,
)
from glossary.model.yamlio import LocatedDict, LocatedList, YamlError, read_yaml
from glossary.text.fold import fold
from glossary.text.scripts import has_cyrillic, mixed_tokens

#: Scheme ids a romanized form may name (kept in step with glossary.translit by a test).
SCHEME_IDS = frozenset({
    "bgn-pcgn", "ala-lc", "ala-lc-ascii", "iso9", "gost-7.79-b", "icao", "scholarly", "wikipedia",
    "kmu-2010", "bgn-pcgn-1965", "dstu-9112-a", "dstu-9112-b",
})

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SLUG = _ID
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")

ENTRY_KEYS = frozenset({
    "id", "type", "jurisdiction", "domains", *LANGS, "romanized", "web", *RELATIONS, "ambiguous",
    "valid_from", "valid_to", "article", "offices", "context_renderings", "sources", "notes",
})
LANG_KEYS = frozenset({"preferred", "admitted", "deprecated", "abbreviations", "full", "title", "definition",
                       "derived"})
ROMANIZED_KEYS = frozenset({"form", "lang", "scheme", "misspelling", "note"})
SOURCE_KEYS = frozenset({"ref", "url", "supports", "reliability"})
ABBR_KEYS = frozenset({"form", "expansion"})
ARTICLE_KEYS = frozenset({"act", "number"})
OFFICE_KEYS = frozenset({"title", "from", "to"})
CONTEXT_RENDERING_KEYS = frozenset({"context", *CYRILLIC_LANGS, "note", "sources"})
CONTEXT_KEYS = frozenset({"types", "concepts", "words"})


@dataclass
class _Ctx:
    """Where we are, so that each problem can be located."""

    file: str
    problems: list[Problem]
    entry: str | None = None

    def add(self, line: int, fld: str | None, message: str) -> None:
        self.problems.append(Problem(self.file, line, self.entry, fld, message))


def _line(container: Any, key: Any, default: int) -> int:
    if isinstance(container, LocatedDict):
        return container.key_lines.get(key, container.line or default)
    if isinstance(container, LocatedList) and isinstance(key, int) and key < len(container.item_lines):
        return container.item_lines[key]
    return default


def _text(ctx: _Ctx, value: Any, line: int, fld: str, script: str | None) -> str | None:
    """Check one string field: a non-empty NFC string in the right script."""
    if not isinstance(value, str):
        ctx.add(line, fld, f"expected text, got {_kind(value)}")
        return None
    if not value.strip():
        ctx.add(line, fld, "empty text")
        return None
    if value != value.strip():
        ctx.add(line, fld, f"leading or trailing white space in {value!r}")
    if not unicodedata.is_normalized("NFC", value):
        ctx.add(line, fld, f"text is not NFC: {value!r} (decomposed letters; re-save it as NFC)")
    if script == "latin" and has_cyrillic(value):
        bad = "".join(sorted({ch for ch in value if has_cyrillic(ch)}))
        ctx.add(line, fld, f"Cyrillic letter(s) {bad!r} in a Latin field: {value!r}")
    elif script in ("cyrillic", "prose"):
        for token in mixed_tokens(value):
            ctx.add(line, fld, f"token {token!r} mixes Cyrillic and Latin letters (homoglyphs?)")
    return value


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"a yes/no value ({value}; quote it if it is text)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {value!r}"


def _texts(ctx: _Ctx, value: Any, line: int, fld: str, script: str | None) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        ctx.add(line, fld, f"expected a list of texts, got {_kind(value)}")
        return ()
    out: list[str] = []
    for i, item in enumerate(value):
        text = _text(ctx, item, _line(value, i, line), f"{fld}[{i}]", script)
        if text is not None:
            out.append(text)
    return tuple(out)


def _mapping(ctx: _Ctx, value: Any, line: int, fld: str, allowed: frozenset[str]) -> LocatedDict | None:
    if not isinstance(value, dict):
        ctx.add(line, fld, f"expected a mapping, got {_kind(value)}")
        return None
    for key in value:
        if key not in allowed:
            ctx.add(_line(value, key, line), f"{fld}.{key}" if fld else str(key),
                    f"unknown key (allowed: {', '.join(sorted(allowed))})")
    return value if isinstance(value, LocatedDict) else None


def _date(ctx: _Ctx, value: Any, line: int, fld: str) -> str | None:
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str) or not _DATE.match(value):
        ctx.add(line, fld, f"expected a date YYYY, YYYY-MM or YYYY-MM-DD, got {_kind(value)}")
        return None
    return value


def _lang_block(ctx: _Ctx, lang: str, value: Any, line: int) -> LangTerms | None:
    block = _mapping(ctx, value, line, lang, LANG_KEYS)
    if block is None:
        return None
    script = "latin" if lang == "en" else "cyrillic"

    def get_text(key: str) -> str | None:
        if key not in block:
            return None
        # a definition is prose: it may quote the original name, but no token may mix scripts
        kind = "prose" if key == "definition" else script
        return _text(ctx, block[key], _line(block, key, line), f"{lang}.{key}", kind)

    def get_texts(key: str) -> tuple[str, ...]:
        if key not in block:
            return ()
        return _texts(ctx, block[key], _line(block, key, line), f"{lang}.{key}", script)

    if "preferred" not in block:
        ctx.add(line, f"{lang}.preferred", "missing field (a language block needs its preferred term)")
    if "definition" in block and lang != "en":
        ctx.add(_line(block, "definition", line), f"{lang}.definition", "definitions are given in 'en' only")
    if "derived" in block and lang == "en":
        ctx.add(_line(block, "derived", line), "en.derived", "derived forms are given in 'ru' or 'uk' only")
    abbreviations: list[Abbreviation] = []
    raw = block.get("abbreviations", [])
    aline = _line(block, "abbreviations", line)
    if not isinstance(raw, list):
        ctx.add(aline, f"{lang}.abbreviations", f"expected a list, got {_kind(raw)}")
        raw = []
    for i, item in enumerate(raw):
        iline, fld = _line(raw, i, aline), f"{lang}.abbreviations[{i}]"
        if isinstance(item, dict):
            m = _mapping(ctx, item, iline, fld, ABBR_KEYS)
            if m is None:
                continue
            if "form" not in m:
                ctx.add(iline, f"{fld}.form", "missing field")
                continue
            form = _text(ctx, m["form"], _line(m, "form", iline), f"{fld}.form", script)
            exp = (_text(ctx, m["expansion"], _line(m, "expansion", iline), f"{fld}.expansion", script)
                   if "expansion" in m else None)
            if form:
                abbreviations.append(Abbreviation(form, exp))
        else:
            form = _text(ctx, item, iline, fld, script)
            if form:
                abbreviations.append(Abbreviation(form))
    return LangTerms(
        preferred=get_text("preferred"),
        admitted=get_texts("admitted"),
        deprecated=get_texts("deprecated"),
        abbreviations=tuple(abbreviations),
        full=get_text("full"),
        title=get_text("title"),
        definition=get_text("definition"),
        derived=get_texts("derived"),
    )


def _romanized(ctx: _Ctx, value: Any, line: int) -> tuple[Romanized, ...]:
    if not isinstance(value, list):
        ctx.add(line, "romanized", f"expected a list, got {_kind(value)}")
        return ()
    out: list[Romanized] = []
    for i, item in enumerate(value):
        iline, fld = _line(value, i, line), f"romanized[{i}]"
        if not isinstance(item, dict):
            form = _text(ctx, item, iline, fld, "latin")
            if form:
                out.append(Romanized(form))
            continue
        m = _mapping(ctx, item, iline, fld, ROMANIZED_KEYS)
        if m is None:
            continue
        if "form" not in m:
            ctx.add(iline, f"{fld}.form", "missing field")
            continue
        form = _text(ctx, m["form"], _line(m, "form", iline), f"{fld}.form", "latin")
        lang = m.get("lang")
        if lang is not None and lang not in CYRILLIC_LANGS:
            ctx.add(_line(m, "lang", iline), f"{fld}.lang", f"unknown language {lang!r} (use ru or uk)")
            lang = None
        scheme = m.get("scheme")
        if scheme is not None and scheme not in SCHEME_IDS:
            ctx.add(_line(m, "scheme", iline), f"{fld}.scheme",
                    f"unknown scheme {scheme!r} (known: {', '.join(sorted(SCHEME_IDS))})")
            scheme = None
        miss = m.get("misspelling", False)
        if not isinstance(miss, bool):
            ctx.add(_line(m, "misspelling", iline), f"{fld}.misspelling", "expected true or false")
            miss = False
        note = _text(ctx, m["note"], _line(m, "note", iline), f"{fld}.note", None) if "note" in m else None
        if form:
            out.append(Romanized(form, lang, scheme, miss, note))
    return tuple(out)


def _sources(ctx: _Ctx, value: Any, line: int, name: str = "sources") -> tuple[Source, ...]:
    if not isinstance(value, list) or not value:
        ctx.add(line, name, "expected a non-empty list of sources (where is each rendering attested?)")
        return ()
    out: list[Source] = []
    for i, item in enumerate(value):
        iline, fld = _line(value, i, line), f"{name}[{i}]"
        if isinstance(item, str):
            ref = _text(ctx, item, iline, fld, None)
            if ref:
                out.append(Source(ref))
            continue
        m = _mapping(ctx, item, iline, fld, SOURCE_KEYS)
        if m is None:
            continue
        if "ref" not in m:
            ctx.add(iline, f"{fld}.ref", "missing field")
            continue
        ref = _text(ctx, m["ref"], _line(m, "ref", iline), f"{fld}.ref", None)
        url = _text(ctx, m["url"], _line(m, "url", iline), f"{fld}.url", None) if "url" in m else None
        supports = (_texts(ctx, m["supports"], _line(m, "supports", iline), f"{fld}.supports", "latin")
                    if "supports" in m else ())
        rel = (_text(ctx, m["reliability"], _line(m, "reliability", iline), f"{fld}.reliability", None)
               if "reliability" in m else None)
        if ref:
            out.append(Source(ref, url, supports, rel))
    return tuple(out)


def _context_renderings(ctx: _Ctx, value: Any, line: int) -> tuple[ContextRendering, ...]:
    """Renderings of an ambiguous English term in a context: each needs a context, a rendering, sources."""
    if not isinstance(value, list):
        ctx.add(line, "context_renderings", f"expected a list, got {_kind(value)}")
        return ()
    out: list[ContextRendering] = []
    for i, item in enumerate(value):
        iline, fld = _line(value, i, line), f"context_renderings[{i}]"
        m = _mapping(ctx, item, iline, fld, CONTEXT_RENDERING_KEYS)
        if m is None:
            continue
        before = len(ctx.problems)
        context = _mapping(ctx, m["context"], _line(m, "context", iline), f"{fld}.context", CONTEXT_KEYS) \
            if "context" in m else None
        if "context" not in m:
            ctx.add(iline, f"{fld}.context", "missing field: in which context (types, concepts, words) the "
                    "renderings apply")
        parts: dict[str, tuple[str, ...]] = {}
        for key in CONTEXT_KEYS:
            if context is not None and key in context:
                parts[key] = _texts(ctx, context[key], _line(context, key, iline), f"{fld}.context.{key}", "latin")
        for t in parts.get("types", ()):
            if t not in TYPES:
                ctx.add(iline, f"{fld}.context.types", f"unknown type {t!r} (known: {', '.join(TYPES)})")
        if context is not None and not any(parts.values()):
            ctx.add(iline, f"{fld}.context", "empty context: give types, concepts or words")
        renderings = {lang: _texts(ctx, m[lang], _line(m, lang, iline), f"{fld}.{lang}", "cyrillic")
                      for lang in CYRILLIC_LANGS if lang in m}
        if not any(renderings.values()):
            ctx.add(iline, fld, "missing field: give the renderings in ru or uk")
        note = _text(ctx, m["note"], _line(m, "note", iline), f"{fld}.note", "prose") if "note" in m else None
        sources = _sources(ctx, m.get("sources"), _line(m, "sources", iline), f"{fld}.sources")
        if len(ctx.problems) == before:
            out.append(ContextRendering(renderings, parts.get("types", ()), parts.get("concepts", ()),
                                        parts.get("words", ()), sources, note))
    return tuple(out)


def _entry(ctx: _Ctx, raw: Any, line: int) -> Concept | None:
    ctx.entry = None
    if not isinstance(raw, LocatedDict):
        ctx.add(line, None, f"an entry must be a mapping ('id: ...', 'type: ...'), got {_kind(raw)}")
        return None
    entry = raw
    line = entry.line or line
    ok_before = len(ctx.problems)
    ident = entry.get("id")
    if isinstance(ident, str) and _ID.match(ident):
        ctx.entry = ident
    else:
        ctx.add(_line(entry, "id", line), "id",
                "missing field" if ident is None else f"invalid id {ident!r} (lowercase slug like 'ru-cc-art-338')")
        ident = None
    _mapping(ctx, entry, line, "", ENTRY_KEYS)

    def at(key: str) -> int:
        return _line(entry, key, line)

    ctype = entry.get("type")
    if ctype not in TYPES:
        ctx.add(at("type"), "type", "missing field" if ctype is None else
                f"unknown type {ctype!r} (known: {', '.join(TYPES)})")
    juris_raw = entry.get("jurisdiction")
    juris = (juris_raw,) if isinstance(juris_raw, str) else tuple(juris_raw or ())
    if not juris or any(j not in JURISDICTIONS for j in juris):
        ctx.add(at("jurisdiction"), "jurisdiction",
                "missing field" if not juris else f"expected one or more of {', '.join(JURISDICTIONS)}")
    domains = _texts(ctx, entry.get("domains", []), at("domains"), "domains", "latin")
    for d in domains:
        if not _SLUG.match(d):
            ctx.add(at("domains"), "domains", f"domain {d!r} is not a lowercase slug")
    terms: dict[str, LangTerms] = {}
    for lang in LANGS:
        if lang in entry:
            block = _lang_block(ctx, lang, entry[lang], at(lang))
            if block is not None:
                terms[lang] = block
    if not any(lang in entry for lang in LANGS):
        ctx.add(line, "en", "missing field: an entry needs at least one of en, ru, uk")
    romanized = _romanized(ctx, entry["romanized"], at("romanized")) if "romanized" in entry else ()
    web = _texts(ctx, entry.get("web", []), at("web"), "web", "latin")
    relations = {rel: _texts(ctx, entry.get(rel, []), at(rel), rel, "latin") for rel in RELATIONS}
    ambiguous = _texts(ctx, entry.get("ambiguous", []), at("ambiguous"), "ambiguous", None)
    valid = {k: _date(ctx, entry[k], at(k), k) if k in entry else None for k in ("valid_from", "valid_to")}
    article = None
    if "article" in entry:
        m = _mapping(ctx, entry["article"], at("article"), "article", ARTICLE_KEYS)
        if m is not None:
            act, number = m.get("act"), m.get("number")
            if not isinstance(act, str) or not isinstance(number, str):
                ctx.add(at("article"), "article", "needs 'act' (a concept id) and 'number' (quoted text, e.g. \"338\")")
            else:
                article = Article(act, number)
    elif ctype == "legal-article":
        ctx.add(line, "article", "missing field: a legal-article needs {act, number}")
    offices: list[Office] = []
    raw_offices = entry.get("offices", [])
    if not isinstance(raw_offices, list):
        ctx.add(at("offices"), "offices", f"expected a list, got {_kind(raw_offices)}")
        raw_offices = []
    for i, item in enumerate(raw_offices):
        iline = _line(raw_offices, i, at("offices"))
        m = _mapping(ctx, item, iline, f"offices[{i}]", OFFICE_KEYS)
        if m is None:
            continue
        title = _text(ctx, m.get("title"), _line(m, "title", iline), f"offices[{i}].title", "latin")
        start = _date(ctx, m["from"], _line(m, "from", iline), f"offices[{i}].from") if "from" in m else None
        end = _date(ctx, m["to"], _line(m, "to", iline), f"offices[{i}].to") if "to" in m else None
        if title:
            offices.append(Office(title, start, end))
    contextual = (_context_renderings(ctx, entry["context_renderings"], at("context_renderings"))
                  if "context_renderings" in entry else ())
    sources = _sources(ctx, entry.get("sources"), at("sources"))
    notes = _text(ctx, entry["notes"], at("notes"), "notes", "prose") if "notes" in entry else None
    if ident is None or ctype not in TYPES or len(ctx.problems) > ok_before:
        return None
    return Concept(
        id=ident, type=str(ctype), jurisdiction=juris, terms=terms, sources=sources, domains=domains,
        romanized=romanized, web=web, ambiguous=ambiguous, valid_from=valid["valid_from"],
        valid_to=valid["valid_to"], article=article, offices=tuple(offices), context_renderings=contextual,
        notes=notes,
        file=ctx.file, line=line, **relations,
    )


@dataclass
class FileResult:
    concepts: list[Concept] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    entries: int = 0


def check_file(path: Path, display: str | None = None) -> FileResult:
    """Parse and validate one file; returns its concepts and all of its problems."""
    name = display or str(path)
    result = FileResult()
    ctx = _Ctx(name, result.problems)
    try:
        data = read_yaml(path)
    except YamlError as exc:
        ctx.add(exc.line, None, str(exc))
        return result
    except OSError as exc:
        ctx.add(0, None, f"cannot read: {exc.strerror}")
        return result
    if data is None:
        return result
    if not isinstance(data, list):
        ctx.add(getattr(data, "line", 1), None, "a glossary file is a YAML list of entries ('- id: ...')")
        return result
    for i, raw in enumerate(data):
        result.entries += 1
        concept = _entry(ctx, raw, _line(data, i, 1))
        if concept is not None:
            result.concepts.append(concept)
    return result


def duplicate_ids(concepts: Iterable[Concept]) -> list[Problem]:
    """Ids defined twice in one glossary folder."""
    problems: list[Problem] = []
    by_id: dict[str, Concept] = {}
    for c in concepts:
        if c.id in by_id:
            first = by_id[c.id]
            problems.append(Problem(c.file, c.line, c.id, "id",
                                    f"duplicate id (first defined at {first.file}:{first.line})"))
        else:
            by_id[c.id] = c
    return problems


def check_concepts(concepts: Iterable[Concept]) -> list[Problem]:
    """Cross-entry checks on a merged glossary: dangling relations, forms claimed by two concepts."""
    problems: list[Problem] = []
    by_id = {c.id: c for c in concepts}
    claims: dict[str, list[tuple[Concept, str, str]]] = {}
    for c in by_id.values():
        for rel in RELATIONS:
            for target in getattr(c, rel):
                if target not in by_id:
                    problems.append(Problem(c.file, c.line, c.id, rel, f"unknown concept id {target!r}"))
        for i, rendering in enumerate(c.context_renderings):
            for target in rendering.concepts:
                if target not in by_id:
                    problems.append(Problem(c.file, c.line, c.id, f"context_renderings[{i}].context.concepts",
                                            f"unknown concept id {target!r}"))
        if c.article and c.article.act not in by_id:
            problems.append(Problem(c.file, c.line, c.id, "article.act", f"unknown concept id {c.article.act!r}"))
        seen: set[str] = set()
        for form in c.forms():
            if form.kind not in ("romanized", "misspelling", "abbreviation"):
                continue
            key = fold(form.text)
            if key and key not in seen:
                seen.add(key)
                claims.setdefault(key, []).append((c, form.text, form.kind))
    # a name an entry lists as shared but does not itself use must be another entry's form, so that
    # matching it (kind "shared") rests on that entry's sources
    every_form = {fold(form.text) for c in by_id.values() for form in c.forms()}
    for c in by_id.values():
        for name in c.ambiguous:
            if fold(name) not in every_form:
                problems.append(Problem(c.file, c.line, c.id, "ambiguous",
                                        f"{name!r} is no form of this or any other concept; a shared name "
                                        f"must be a form of the concept it is shared with"))
    for key, owners in claims.items():
        if len(owners) < 2:
            continue
        unmarked = [(c, text) for c, text, _ in owners if key not in {fold(a) for a in c.ambiguous}]
        if unmarked:
            ids = ", ".join(c.id for c, _, _ in owners)
            for c, text in unmarked:
                problems.append(Problem(c.file, c.line, c.id, "romanized/abbreviations",
                                        f"form {text!r} is claimed by several concepts ({ids}); "
                                        f"list it under 'ambiguous' in each, or remove it"))
    return problems


def check_dirs(
    dirs: Iterable[Path], on_file: Callable[[Path], None] | None = None
) -> tuple[list[Concept], list[Problem], int]:
    """Validate every ``*.yaml``/``*.yml`` file under *dirs*; later folders override earlier ones by id."""
    problems: list[Problem] = []
    per_dir: list[list[Concept]] = []
    entries = 0
    for d in dirs:
        if not d.is_dir():
            problems.append(Problem(str(d), 0, None, None, "not a folder of glossary files"))
            continue
        files = sorted(p for p in d.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
        if not files:
            problems.append(Problem(str(d), 0, None, None, "no *.yaml files in this folder"))
        concepts: list[Concept] = []
        for path in files:
            if on_file:
                on_file(path)
            res = check_file(path)
            entries += res.entries
            concepts.extend(res.concepts)
            problems.extend(res.problems)
        per_dir.append(concepts)
    merged: dict[str, Concept] = {}
    for concepts in per_dir:
        problems.extend(duplicate_ids(concepts))  # within one folder, a duplicate id is an error
        seen_here: set[str] = set()
        for c in concepts:
            if c.id not in seen_here:  # the first definition in a folder wins; the duplicate is reported
                seen_here.add(c.id)
                merged[c.id] = c  # a later folder overrides an earlier one
    final = list(merged.values())
    problems.extend(check_concepts(final))
    return final, sorted(set(problems), key=Problem.sort_key), entries
