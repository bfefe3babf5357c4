"""Load and validate the scheme data files, so a broken file fails with its file:line, not a KeyError."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from glossary.errors import DataError, Problem, UsageError
from glossary.model.yamlio import YamlError, read_yaml
from glossary.text.scripts import has_cyrillic

#: Folder of the scheme files: ``<lang>-<id>.yaml``.
SCHEME_DIR = Path(__file__).resolve().parent / "schemes"

#: The apostrophe every apostrophe form between two Cyrillic letters is normalised to.
APOSTROPHE = "ʼ"
#: Characters read as an apostrophe when they stand between two Cyrillic letters.

ALPHABETS: dict[str, str] = {
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
}
VOWELS: dict[str, str] = {
    "ru": "аеёиоуыэюя",
    "uk": "аеєиіїоуюя",
}
#: Consonants include й (a semivowel the standards treat as a consonant letter); ъ ь are neither.
CONSONANTS: dict[str, str] = {
    lang: "".join(c for c in letters if c not in VOWELS[lang] and c not in "ъь")
    for lang, letters in ALPHABETS.items()
}
DEFAULT_SCHEME = {"ru": "bgn-pcgn", "uk": "kmu-2010"}
TOKENS = ("VOWEL", "CONSONANT", "LETTER", "NONLETTER")
AT_VALUES = ("word-start", "word-end")

_TOP_KEYS = {
    "id",
    "lang",
    "name",
    "standard",
    "reference",
    "reversible",
    "notes",
    "letters",
    "rules",
    "reverse",
    "samples",
    "variants",
}
_VARIANT_KEYS = {"name", "notes", "rules", "samples"}
_REQUIRED = ("id", "lang", "name", "standard", "reference", "reversible", "letters", "samples")
_RULE_KEYS = {"id", "match", "at", "after", "not_after", "before", "not_before", "out"}


@dataclass(frozen=True)
class Rule:
    """A context rule: ``match`` becomes ``out`` where the context holds."""

    id: str
    match: str
    out: str
    at: str | None = None
    after: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    before: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class Sample:
    """One example copied from the standard, with where it was copied from."""

    cyrillic: str
    latin: str
    source: str
    line: int = 0


@dataclass(frozen=True)
class ReverseEntry:
    """Extra ranked Cyrillic readings of a Latin string, for lossy schemes."""

    latin: str
    cyrillic: tuple[str, ...]


@dataclass(frozen=True)
class Variant:
    """An option the standard itself offers (BGN/PCGN's middle dots): extra rules, tried first, and samples."""

    name: str
    rules: tuple[Rule, ...]
    samples: tuple[Sample, ...]


@dataclass(frozen=True)
class SchemeInfo:
    """What ``--list`` shows about a scheme."""

    id: str
    lang: str
    name: str
    standard: str
    reference: str
    reversible: bool


@dataclass(frozen=True)
class Scheme:
    """A whole scheme file, validated."""

    id: str
    lang: str
    name: str
    standard: str
    reference: str
    reversible: bool
    notes: str
    letters: dict[str, str]
    rules: tuple[Rule, ...]
    reverse: tuple[ReverseEntry, ...]
    samples: tuple[Sample, ...]
    path: Path = field(compare=False)
    variants: dict[str, Variant] = field(default_factory=dict, compare=False)

    @property
    def info(self) -> SchemeInfo:
        return SchemeInfo(self.id, self.lang, self.name, self.standard, self.reference, self.reversible)

    def with_variant(self, variant: str) -> Scheme:
        """The scheme with *variant*'s rules ahead of its own and the variant's samples as its samples."""
        v = self.variants.get(variant)
        if v is None:
            have = ", ".join(sorted(self.variants)) or "none"
            msg = f"scheme '{self.id}' ({self.lang}) has no option '{variant}' (its options: {have})"
            raise UsageError(msg)
        return replace(self, rules=v.rules + self.rules, samples=v.samples, variants={})


def _line(node: Any, default: int) -> int:
    """The 1-based line of a mapping read by :func:`glossary.model.yamlio.read_yaml` (else *default*)."""
    return int(getattr(node, "line", 0) or default)


def _strings(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def load_scheme(path: Path) -> Scheme:
    """Parse and validate one scheme file; raise DataError with every problem found."""
    name = path.name
    problems: list[Problem] = []

    def bad(line: int, message: str, entry: str | None = None, fld: str | None = None) -> None:
        problems.append(Problem(name, line, entry, fld, message))

    try:  # the terms' reader: line numbers, and a duplicate key is an error, not a silent overwrite
        raw = read_yaml(path)
    except YamlError as exc:
        raise DataError([Problem(name, exc.line, None, None, str(exc))]) from None
    except OSError as exc:
        raise DataError([Problem(name, 0, None, None, str(exc))]) from exc
    if not isinstance(raw, dict):
        raise DataError([Problem(name, 1, None, None, "a scheme file must be a mapping")])
    top = _line(raw, 1)
    for key in raw:
        if key not in _TOP_KEYS:
            bad(top, f"unknown key (expected one of {', '.join(sorted(_TOP_KEYS))})", fld=str(key))
    for key in _REQUIRED:
        if key not in raw:
            bad(top, "missing", fld=key)
    for key in ("id", "lang", "name", "standard", "reference"):
        if key in raw and not isinstance(raw[key], str):
            bad(top, "must be a string", fld=key)
    if "reversible" in raw and not isinstance(raw["reversible"], bool):
        bad(top, "must be true or false", fld="reversible")
    lang = raw.get("lang")
    if isinstance(lang, str) and lang not in ALPHABETS:
        bad(top, f"unknown language (expected one of {', '.join(ALPHABETS)})", fld="lang")
        lang = None
    sid = raw.get("id")
    if isinstance(sid, str) and isinstance(lang, str) and name != f"{lang}-{sid}.yaml":
        bad(top, f"file name must be '{lang}-{sid}.yaml'", fld="id")

    def check_latin(line: int, text: str, entry: str | None, fld: str) -> None:
        if has_cyrillic(text):
            bad(line, f"Latin output {text!r} contains Cyrillic", entry, fld)
        if unicodedata.normalize("NFC", text) != text:
            bad(line, f"{text!r} is not NFC", entry, fld)

    letters: dict[str, str] = {}
    raw_letters = raw.get("letters")
    if "letters" in raw:
        if not isinstance(raw_letters, dict):
            bad(top, "must be a mapping letter: latin", fld="letters")
        else:
            lline = _line(raw_letters, top)
            for k, v in raw_letters.items():
                if not isinstance(k, str) or not isinstance(v, str):
                    bad(lline, f"{k!r}: keys and values must be strings (quote them)", fld="letters")
                    continue
                if k != APOSTROPHE and (len(k) != 1 or k != k.lower() or not has_cyrillic(k)):
                    bad(lline, f"{k!r} is not one lowercase Cyrillic letter", fld="letters")
                check_latin(lline, v, k, "letters")
                letters[k] = v
            if isinstance(lang, str):
                missing = [c for c in ALPHABETS[lang] if c not in letters]
                extra = [c for c in letters if c not in ALPHABETS[lang] and c != APOSTROPHE]
                if missing:
                    bad(lline, f"letters of the alphabet not covered: {' '.join(missing)}", fld="letters")
                if extra:
                    bad(lline, f"letters not in the {lang} alphabet: {' '.join(extra)}", fld="letters")

    rules = _rules(raw.get("rules"), top, lang, bad, check_latin)

    if lang == "uk" and APOSTROPHE not in letters and not any(r.match == APOSTROPHE for r in rules):
        bad(top, "a Ukrainian scheme must map the apostrophe ʼ (in letters or a rule)", fld="letters")

    reverse: list[ReverseEntry] = []
    raw_rev = raw.get("reverse") or []
    if not isinstance(raw_rev, list):
        bad(top, "must be a list", fld="reverse")
        raw_rev = []
    for e in raw_rev:
        line = _line(e, top)
        cyr = _strings(e.get("cyrillic")) if isinstance(e, dict) else None
        if not isinstance(e, dict) or not isinstance(e.get("latin"), str) or not cyr:
            bad(line, "each entry needs latin: str and cyrillic: [str, ...]", fld="reverse")
            continue
        reverse.append(ReverseEntry(e["latin"], cyr))

    samples = _samples(raw.get("samples"), top, bad)

    variants: dict[str, Variant] = {}
    raw_variants = raw.get("variants") or {}
    if not isinstance(raw_variants, dict):
        bad(top, "must be a mapping name: {rules, samples}", fld="variants")
        raw_variants = {}
    for vname, body in raw_variants.items():
        vline = _line(body, top)
        if not isinstance(vname, str) or not isinstance(body, dict):
            bad(vline, "each variant must be a mapping with rules and samples", str(vname), "variants")
            continue
        for key in body:
            if key not in _VARIANT_KEYS:
                bad(vline, f"unknown key (expected one of {', '.join(sorted(_VARIANT_KEYS))})", vname, str(key))
        vrules = _rules(body.get("rules"), vline, lang, bad, check_latin, {r.id for r in rules})
        vsamples = _samples(body.get("samples"), vline, bad)
        if not vrules or not vsamples:
            bad(vline, "a variant needs rules and samples from the standard", vname, "variants")
        variants[vname] = Variant(vname, tuple(vrules), tuple(vsamples))

    if problems:
        raise DataError(problems)
    return Scheme(
        id=raw["id"],
        lang=raw["lang"],
        name=raw["name"],
        standard=raw["standard"],
        reference=raw["reference"],
        reversible=raw["reversible"],
        notes=str(raw.get("notes") or ""),
        letters=letters,
        rules=tuple(rules),
        reverse=tuple(reverse),
        samples=tuple(samples),
        path=path,
        variants=variants,
    )


_Bad = Callable[..., None]


def _rules(
    raw_rules: Any, top: int, lang: Any, bad: _Bad, check_latin: _Bad, taken: set[str] | None = None
) -> list[Rule]:
    """The context rules of a scheme (or of one of its variants), every problem reported."""
    rules: list[Rule] = []
    seen_ids: set[str] = set(taken or ())
    raw_rules = raw_rules or []
    if not isinstance(raw_rules, list):
        bad(top, "must be a list", fld="rules")
        raw_rules = []
    for r in raw_rules:
        if not isinstance(r, dict):
            bad(top, "each rule must be a mapping", fld="rules")
            continue
        line = _line(r, top)
        rid = r.get("id")
        entry = str(rid) if rid is not None else None
        for key in r:
            if key not in _RULE_KEYS:
                bad(line, "unknown key", entry, str(key))
        if not isinstance(rid, str) or not rid:
            bad(line, "rule needs a string id", entry, "id")
            continue
        if rid in seen_ids:
            bad(line, "duplicate rule id", entry, "id")
        seen_ids.add(rid)
        match, out = r.get("match"), r.get("out")
        if not isinstance(match, str) or not match:
            bad(line, "must be a non-empty string", entry, "match")
            continue
        if match != APOSTROPHE and (match != match.lower() or not all(has_cyrillic(c) for c in match)):
            bad(line, "must be lowercase Cyrillic letters (or the apostrophe ʼ)", entry, "match")
        if not isinstance(out, str):
            bad(line, "must be a string", entry, "out")
            continue
        check_latin(line, out, entry, "out")
        at = r.get("at")
        if at is not None and at not in AT_VALUES:
            bad(line, f"must be one of {', '.join(AT_VALUES)}", entry, "at")
        ctx: dict[str, tuple[str, ...]] = {}
        for key in ("after", "not_after", "before", "not_before"):
            vals = _strings(r.get(key, []))
            if vals is None:
                bad(line, "must be a list of characters or tokens", entry, key)
                vals = ()
            for v in vals:
                if v not in TOKENS and len(v) != 1:
                    bad(line, f"{v!r}: expected one character or one of {', '.join(TOKENS)}", entry, key)
            ctx[key] = vals
        rules.append(
            Rule(rid, match, out, at, ctx["after"], ctx["not_after"], ctx["before"], ctx["not_before"], line)
        )
    return rules


def _samples(raw_samples: Any, top: int, bad: _Bad) -> list[Sample]:
    """The standard's examples, each with its source; outputs Latin and NFC."""
    samples: list[Sample] = []
    raw_samples = raw_samples or []
    if not isinstance(raw_samples, list):
        bad(top, "must be a list", fld="samples")
        raw_samples = []
    for s in raw_samples:
        line = _line(s, top)
        if not isinstance(s, dict) or not all(
            isinstance(s.get(k), str) and s.get(k) for k in ("in", "out", "source")
        ):
            bad(line, "each sample needs non-empty strings in, out and source", fld="samples")
            continue
        if unicodedata.normalize("NFC", s["out"]) != s["out"]:
            bad(line, "expected output is not NFC", str(s["in"]), "out")
        if has_cyrillic(s["out"]):
            bad(line, "expected output contains Cyrillic", str(s["in"]), "out")
        samples.append(Sample(s["in"], s["out"], s["source"], line))
    return samples


@cache
def scheme_paths() -> dict[tuple[str, str], Path]:
    """Every scheme file by (lang, id), from the file names alone (cheap: nothing is parsed)."""
    found: dict[tuple[str, str], Path] = {}
    for path in sorted(SCHEME_DIR.glob("*.yaml")):
        lang, _, sid = path.stem.partition("-")
        if lang in ALPHABETS and sid:
            found[(lang, sid)] = path
    return found


@cache
def get_scheme(lang: str, scheme_id: str) -> Scheme:
    """The validated scheme *scheme_id* of *lang*; UsageError naming the valid ones if unknown."""
    if lang not in ALPHABETS:
        msg = f"unknown language '{lang}' (expected one of: {', '.join(ALPHABETS)})"
        raise UsageError(msg)
    path = scheme_paths().get((lang, scheme_id))
    if path is None:
        valid = ", ".join(sid for (lg, sid) in scheme_paths() if lg == lang)
        msg = f"unknown {lang} scheme '{scheme_id}' (expected one of: {valid})"
        raise UsageError(msg)
    return load_scheme(path)


def scheme_ids(lang: str | None = None) -> list[tuple[str, str]]:
    """(lang, id) of every scheme, Russian first, defaults first within a language."""
    if lang is not None and lang not in ALPHABETS:
        msg = f"unknown language '{lang}' (expected one of: {', '.join(ALPHABETS)})"
        raise UsageError(msg)
    keys = [k for k in scheme_paths() if lang is None or k[0] == lang]
    order = list(ALPHABETS)
    return sorted(keys, key=lambda k: (order.index(k[0]), k[1] != DEFAULT_SCHEME[k[0]], k[1]))


def clear_cache() -> None:
    """Forget loaded and compiled schemes (tests that edit scheme files call this)."""
    scheme_paths.cache_clear()
    get_scheme.cache_clear()
    from glossary.translit import engine, reverse

    engine.compiled.cache_clear()
    reverse.reverser.cache_clear()
