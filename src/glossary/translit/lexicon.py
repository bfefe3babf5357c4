"""Is a Cyrillic reading a real word or name? The glossary's forms, the names list, pymorphy3's dictionary.

The reverse transliterator finds every spelling a romanization allows; most are not words (Шоигу,
Харков). These are what a caseworker can check a reading against, strongest first:

* ``glossary``: a form of a concept in the loaded glossary (the caller passes a look-up, since this
  layer does not know the glossary);
* ``name``: a Cyrillic given name of ``data/given-names.yaml`` (each group there cites its source);
* ``dictionary``: a dictionary form (lemma) in pymorphy3's dictionary of the language, with its
  kind (place name, surname, given name, patronymic, word);
* ``inflected``: another case or number form of a dictionary word (Сергеи, the plural of Сергей).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from glossary.translit.detect import detect_language

#: a caller's look-up: a Cyrillic word or phrase → the id of the glossary concept it is a form of
FormLookup = Callable[[str], "str | None"]

#: strength of each kind of evidence; 0 is "not a known word" (ranked by spelling only)
STRENGTH = {"glossary": 4, "name": 4, "dictionary": 3, "inflected": 2, "spelling": 0}
#: pymorphy3 grammemes of proper names, in the order a kind is chosen, with the kind's code
_PROPER = (("Surn", "surname"), ("Name", "given-name"), ("Patr", "patronymic"), ("Geox", "place"),
           ("Orgn", "organisation"))


@dataclass(frozen=True)
class Attestation:
    """Why a reading is a real word: ``reason`` (a key of STRENGTH), ``kind`` and ``detail``.

    ``kind`` is the dictionary's kind of word (``place``, ``surname``, ``given-name``,
    ``patronymic``, ``organisation``, ``word``) or ``""``; ``detail`` the concept id (glossary) or
    the dictionary form (inflected).
    """

    reason: str
    kind: str = ""
    detail: str = ""

    @property
    def strength(self) -> int:
        return STRENGTH[self.reason]


SPELLING = Attestation("spelling")


@cache
def _given_names() -> dict[str, frozenset[str]]:
    """lang → lower-case Cyrillic given names of data/given-names.yaml usable in that language."""
    return {lg: frozenset(names) for lg, names in _name_groups()[0].items()}


@cache
def _latin_names() -> dict[str, dict[str, tuple[str, ...]]]:
    """lang → a Latin spelling of the list (lower case) → the Cyrillic names of its group in that language
    that read like it (same scheme-neutral key: Yuri → Юрий; never Oleksandr → Александр)."""
    return _name_groups()[1]


@cache
def _name_groups() -> tuple[dict[str, set[str]], dict[str, dict[str, tuple[str, ...]]]]:
    """The Cyrillic names per language and the Latin → Cyrillic readings, from one read of the file."""
    import yaml

    from glossary.errors import DataError, Problem
    from glossary.resources import bundled
    from glossary.text.scripts import has_cyrillic

    path = bundled("data") / "given-names.yaml"
    try:
        groups = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError([Problem(str(path), 0, None, None, str(exc))]) from exc
    if not isinstance(groups, list):
        raise DataError([Problem(str(path), 1, None, None, "expected a list of groups")])
    from glossary.text.skeleton import skeleton

    out: dict[str, set[str]] = {"ru": set(), "uk": set()}
    latin: dict[str, dict[str, list[str]]] = {"ru": {}, "uk": {}}
    for n, group in enumerate(groups):
        forms = group.get("forms") if isinstance(group, dict) else None
        if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
            raise DataError([Problem(str(path), 0, f"group {n + 1}", "forms", "expected a list of names")])
        for form in forms:
            if not has_cyrillic(form):
                continue
            lang = detect_language(form)  # Сергій only in Ukrainian, Алексей (no marker) in both
            for lg in out:
                if lang in (None, lg):
                    out[lg].add(form.lower())
                    for lat in forms:
                        if not has_cyrillic(lat) and skeleton(lat) == skeleton(form):
                            latin[lg].setdefault(lat.lower(), []).append(form)
    return out, {lg: {k: tuple(v) for k, v in m.items()} for lg, m in latin.items()}


def _fold_yo(word: str) -> str:
    return word.replace("ё", "е")


class Lexicon:
    """The evidence for one language; ``forms`` looks a word up in the caller's glossary."""

    def __init__(self, lang: str, forms: FormLookup | None = None) -> None:
        from glossary.text.morph import analyzer

        self.lang = lang
        self.forms = forms
        self.morph = analyzer(lang)
        self.names_exact = _given_names()[lang]
        self.names = frozenset(_fold_yo(n) for n in self.names_exact)
        self._name_prefixes = frozenset(_fold_yo(n[:i]) for n in self.names for i in range(1, len(n) + 1))
        self._words = self.morph.dictionary.words
        self._seen: dict[str, Attestation] = {}
        self._prefix: dict[str, bool] = {}

    def names_for(self, latin: str) -> tuple[str, ...]:
        """The listed Cyrillic given names a Latin spelling of the list stands for (Yuri → Юрий)."""
        return _latin_names()[self.lang].get(latin.lower(), ())

    def is_prefix(self, prefix: str) -> bool:
        """Can a word of the dictionary or the names list start with *prefix* (lower case)?"""
        prefix = _dict_apostrophe(prefix)
        got = self._prefix.get(prefix)
        if got is None:
            got = (
                _fold_yo(prefix) in self._name_prefixes
                or self._words.has_keys_with_prefix(prefix)
                or ("е" in prefix and any(self._words.has_keys_with_prefix(p) for p in _yo_variants(prefix)))
            )
            self._prefix[prefix] = got
        return got

    def attest(self, word: str) -> Attestation:
        """The strongest evidence that *word* (one Cyrillic word, any case) is real."""
        low = word.lower()
        got = self._seen.get(low)
        if got is None:
            got = self._seen[low] = self._attest(word, low)
        return got

    def _attest(self, word: str, low: str) -> Attestation:
        low = _dict_apostrophe(low)
        if self.forms is not None:
            concept = self.forms(word)
            if concept:
                return Attestation("glossary", "", concept)
        if low in self.names_exact or ("ё" not in low and low in self.names):
            return Attestation("name", "given-name")
        if not self.morph.word_is_known(low):  # a look-up in the dictionary's DAWG: no parse for most readings
            return SPELLING
        parses = [p for p in self.morph.parse(low) if p.is_known and _same(p.word, low)]
        if not parses:
            return SPELLING
        for p in parses:
            if _same(p.normal_form, low):
                return Attestation("dictionary", _kind(p))
        first = parses[0]
        return Attestation("inflected", _kind(first), str(first.normal_form))


def _dict_apostrophe(word: str) -> str:
    """pymorphy3's Ukrainian dictionary writes the apostrophe as ASCII ' (об'єднання)."""
    return word.replace("ʼ", "'").replace("’", "'")


def _same(form: str, reading: str) -> bool:
    """A reading may leave off ё's dots (Потемкин for Потёмкин), never add them (Сёргей is not Сергей)."""
    return form == reading or ("ё" not in reading and _fold_yo(form) == reading)


def _kind(parse: object) -> str:
    grammemes = set(getattr(getattr(parse, "tag", None), "grammemes", ()))
    return next((code for tag, code in _PROPER if tag in grammemes), "word")


def _yo_variants(prefix: str) -> list[str]:
    """*prefix* with one е read as ё (the dictionary writes Потёмкин, romanizations Potemkin)."""
    return [prefix[:i] + "ё" + prefix[i + 1 :] for i, c in enumerate(prefix) if c == "е"]
