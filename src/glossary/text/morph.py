"""Russian and Ukrainian inflection of glossary terms, with pymorphy3 loaded only when needed.

Rather than lemmatizing every word of every text at match time, the index is given the inflected
forms of each Cyrillic term once, when it is built (and then cached): ``Росгвардия`` gains
``Росгвардии``, ``Росгвардию`` …; ``Главное военное следственное управление`` gains
``Главного военного следственного управления`` …. Exact lookup and the Aho-Corasick text scan
then find inflected mentions at full speed.

A phrase is inflected the way Russian and Ukrainian noun phrases inflect: the adjectives before
the head noun agree with it, the head takes the case and number, and whatever follows the head
(a genitive complement, a number, an abbreviation: ``служба безопасности``, ``статья 338 УК РФ``)
stays as it is. Words the dictionary lacks are left alone, except all-capital acronyms read as
words, which take the common case endings (the dictionary's fallback).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

CASES = {
    "ru": ("nomn", "gent", "datv", "accs", "ablt", "loct"),
    "uk": ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct"),
}
NUMBERS = ("sing", "plur")
_MODIFIERS = frozenset({"ADJF", "PRTF", "NUMR"})
#: Case endings an unknown acronym read as a word takes (ОМОНа, ОМОНом; СБУ stays СБУ).
_ACRONYM_ENDINGS = {
    "ru": ("а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"),
    "uk": ("у", "а", "ом", "і", "ові", "и", "ів", "ам", "ами", "ах"),
}
_VOWELS = frozenset("аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ")


@lru_cache(maxsize=2)
def analyzer(lang: str) -> Any:
    """The pymorphy3 analyzer for *lang* ('ru' or 'uk'), created on first use (~0.1–0.2 s)."""
    import pymorphy3  # type: ignore[import-untyped]

    return pymorphy3.MorphAnalyzer(lang=lang)


def _nominative(parses: list[Any]) -> list[Any]:
    return [p for p in parses if p.tag.case == "nomn"]


def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and word.isalpha()


def word_forms(word: str, lang: str) -> set[str]:
    """Every form of a single word (its whole paradigm), lowercase; empty if the word is unknown."""
    morph = analyzer(lang)
    forms: set[str] = set()
    parses = [p for p in morph.parse(word) if p.tag.POS is not None and p.word == word.lower()]
    # a dictionary word, else the predictor's nominative noun reading (Росгвардия, росгвардеец)
    chosen = next((p for p in parses if p.is_known), None) or next(
        (p for p in parses if p.tag.POS == "NOUN" and p.tag.case == "nomn"), None)
    if chosen is not None and not (_is_acronym(word) and not chosen.is_known):
        lexeme = chosen.lexeme
        if chosen.tag.POS in ("ADJF", "PRTF"):
            # an adjective used as a noun (военный, військовий: a serviceman) declines as one: its own
            # gender and the plural, full forms only; военная, военен, военнее never name a serviceman
            lexeme = [f for f in lexeme if f.tag.POS == chosen.tag.POS
                      and (f.tag.number == "plur" or f.tag.gender == chosen.tag.gender)]
        forms.update(f.word for f in lexeme)
        if chosen.tag.POS == "NOUN" and chosen.is_known:
            for twin in _twin_lexemes(chosen, parses):
                forms.update(f.word for f in twin.lexeme)
    if not forms and _is_acronym(word) and word[-1] not in _VOWELS:
        forms.update(word.lower() + ending for ending in _ACRONYM_ENDINGS[lang])
    forms.discard(word.lower())
    return forms


def _twin_lexemes(noun: Any, parses: list[Any]) -> list[Any]:
    """Other dictionary lexemes of a masculine common noun spelt like *noun*: the genitive in -у or -а
    tells meanings apart (Ukrainian стан: стану, a state, as in воєнного стану; стана, a camp), and the
    analyser's first reading may be the other one. Names and other genders have no such pairs."""
    proper = {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"}
    if noun.tag.gender != "masc" or proper & set(noun.tag.grammemes):
        return []
    return [p for p in parses
            if p.is_known and p.tag.POS == "NOUN" and p.tag.case == "nomn" and p.tag.gender == "masc"
            and p.tag.animacy == noun.tag.animacy
            and not proper & set(p.tag.grammemes) and p.normal_form == noun.normal_form
            and {f.word for f in p.lexeme} != {f.word for f in noun.lexeme}]


def _agreeing(parses: list[Any], head: Any) -> Any | None:
    """The modifier parse that agrees with the head noun in gender and number."""
    for p in parses:
        if p.tag.POS in _MODIFIERS and p.tag.number == head.tag.number and (
                head.tag.number == "plur" or p.tag.gender == head.tag.gender):
            return p
    return next((p for p in parses if p.tag.POS in _MODIFIERS), None)


def phrase_forms(phrase: str, lang: str) -> set[str]:
    """The case and number forms of a multi-word term in the nominative, lowercase.

    Returns an empty set when the phrase has no recognisable head noun in the nominative.
    """
    words = phrase.split()
    if len(words) == 1:
        return word_forms(words[0], lang)
    morph = analyzer(lang)
    head_at = None
    nominative: list[list[Any]] = []
    for i, word in enumerate(words):
        parses = _nominative([p for p in morph.parse(word) if p.is_known])
        nominative.append(parses)
        has_modifier = any(p.tag.POS in _MODIFIERS for p in parses)
        has_noun = any(p.tag.POS == "NOUN" for p in parses)
        if has_modifier and i + 1 < len(words) and not (has_noun and not _could_agree(words[i + 1], morph)):
            continue
        if has_noun:
            head_at = i
        break
    if head_at is None:
        return set()
    head = next(p for p in nominative[head_at] if p.tag.POS == "NOUN")
    heads = [head, *_twin_lexemes(head, nominative[head_at])]
    agreeing = [_agreeing(nominative[i], head) for i in range(head_at)]
    modifiers = [m for m in agreeing if m is not None]
    if len(modifiers) != len(agreeing):
        return set()
    tail = " ".join(words[head_at + 1:]).lower()
    out: set[str] = set()
    for noun, number, case in ((h, n, c) for h in heads for n in NUMBERS for c in CASES[lang]):
        # pymorphy3's Ukrainian dictionary leaves singular unmarked: then ask for the case alone
        head_form = noun.inflect({case, number}) or (
            noun.inflect({case}) if number == "sing" and noun.tag.number != "plur" else None)
        if head_form is None:
            continue
        parts = []
        for m in modifiers:
            grammemes = {case, number}
            if case == "accs" and (number == "plur" or noun.tag.gender == "masc"):
                # an adjective's accusative follows the head's animacy, in the masculine singular and
                # the plural only: asked of a neuter one (военное положение) it turns masculine
                grammemes.add("anim" if "anim" in noun.tag else "inan")
            form = m.inflect(grammemes) or (m.inflect(grammemes - {"sing"}) if number == "sing" else None)
            if form is None:
                break
            parts.append(form.word)
        else:
            parts.append(head_form.word)
            out.add(" ".join([*parts, tail]).strip())
    out.discard(phrase.lower())
    return out


def _could_agree(word: str, morph: Any) -> bool:
    """Whether the next word can be a noun or adjective in the nominative (so this one modifies it)."""
    return any(p.tag.POS in ("NOUN", *_MODIFIERS) and p.tag.case == "nomn" for p in morph.parse(word))


_ENGLISH_PLURAL = (("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("sses", "ss"), ("s", ""))


def _english_singular(word: str) -> str:
    if len(word) <= 3 or word.endswith("ss") or not word.isascii():
        return word
    for suffix, repl in _ENGLISH_PLURAL:
        if word.endswith(suffix):
            return word[: -len(suffix)] + repl
    return word


#: Words after which an English noun phrase's head is done: "Main Directorate of Intelligence".
_ENGLISH_COMPLEMENT = frozenset({"of", "for", "in", "on", "against", "under", "with", "to", "at", "by", "from"})
#: Words ending in "man" that are no compounds of it (Germans, humans).
_NOT_MAN = frozenset({"german", "human", "roman", "ottoman", "shaman", "talisman", "caiman", "cayman"})


def english_plural(word: str) -> str | None:
    """The plural of an English noun by the regular rules (servicemen, commissariats, bodies, crises), or
    None where the rules cannot tell: not a lower-case word of letters (acronyms, names in capitals,
    numbers), or ending in a single s (forces, troops: plural already, or a word the rules do not know)."""
    lower = word.lower()
    if len(word) < 3 or not word.isascii() or not word.isalpha() or word.isupper():
        return None
    if lower.endswith("man") and len(lower) > 4 and lower not in _NOT_MAN:
        plural = word[:-3] + "men"
    elif lower.endswith("child"):
        plural = word + "ren"
    elif lower.endswith(("ss", "x", "z", "ch", "sh")):
        plural = word + "es"
    elif lower.endswith("us"):
        plural = word + "es"  # census, status
    elif lower.endswith("is"):
        plural = word[:-2] + "es"  # crisis, basis
    elif lower.endswith("s"):
        return None
    elif lower.endswith("y") and lower[-2] not in "aeiou":
        plural = word[:-1] + "ies"
    else:
        plural = word + "s"
    return plural


def english_plurals(phrase: str) -> set[str]:
    """The plural of an English noun phrase, its head made plural: the word before the first
    preposition, else the last (military commissariats, Main Directorates of Intelligence); empty
    when the head has no regular plural."""
    words = phrase.split(" ")
    head = next((i - 1 for i, w in enumerate(words) if i and w.lower() in _ENGLISH_COMPLEMENT), len(words) - 1)
    plural = english_plural(words[head]) if head >= 0 else None
    if plural is None:
        return set()
    return {" ".join([*words[:head], plural, *words[head + 1:]])}


def lemma_key(key: str, lang: str) -> str:
    """Every word of a folded *key* in its dictionary form: ``лемма`` for ru/uk, singular for en.

    Used on both sides: for the glossary's forms when the index is built, and for a query that
    no exact form matched (``Харківської правозахисної групи`` → ``харківський правозахисний група``).
    """
    if lang == "en":
        return " ".join(_english_singular(w) for w in key.split(" "))
    return " ".join(_lemma(w, lang) for w in key.split(" "))


@lru_cache(maxsize=65536)
def _lemma(word: str, lang: str) -> str:
    if not word.isalpha() or word.isascii():
        return word
    parses = analyzer(lang).parse(word)
    return str(parses[0].normal_form) if parses else word
