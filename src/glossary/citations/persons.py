"""Is this the same person? Compare two person-name strings as COI reports print them.

``compare("Aliyev, H.", "Dr. Huseyn Aliyev")`` →
``NameVerdict("equivalent", "initial 'H.' fits 'Huseyn'; ...")``.

Steps, each one reason in the verdict: drop titles (Dr., Prof., д-р); read the order (``Surname, Given``,
``Given Patronymic Surname``, ``Surname Given Patronymic``); put Cyrillic surnames and given names into the
nominative of their gender with pymorphy3 (``Альберта Сахибгареева`` → ``Альберт Сахибгареев``); romanize
Cyrillic; compare on a loose romanization key (``Federacii`` = ``Federatsii``, ``Yevgeny`` = ``Evgenii``);
given names that are one name across languages (``Oleksandr`` = ``Alexander`` = ``Олександр``) come from
``data/given-names.yaml``, where every equivalence cites its source.

Verdicts: ``same`` (identical once punctuation, order and titles are set aside), ``equivalent`` (the same
name written another way: script, romanization, inflection, initials, cross-language form), ``variant``
(probably the same person, spelled inconsistently: ``Olikier``/``Oliker``, ``Husayn``/``Huseyn``),
``different``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from glossary.errors import DataError, Problem
from glossary.text.morph import analyzer
from glossary.text.scripts import APOSTROPHES, has_cyrillic

__all__ = ["NameVerdict", "ParsedName", "compare", "given_name_groups", "parse_name", "romanization_key"]

_KEY_DROP = re.compile("[" + re.escape(APOSTROPHES) + '"\\-.]')

_TITLES = {
    "dr",
    "prof",
    "professor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "sir",
    "dame",
    "rev",
    "col",
    "gen",
    "lt",
    "maj",
    "capt",
    "д-р",
    "др",
    "проф",
    "г-н",
    "г-жа",
    "пан",
    "пані",
    "доктор",
    "професор",
    "профессор",
}
_PATRONYMIC = re.compile(
    r"(?:ович|евич|ьич|ич|овна|евна|ична|инична|івна|ївна|овіч|ovich|evich|ovych|evych|ovna|evna|ivna|yivna|ichna)$",
    re.IGNORECASE,
)
_DOTTED_INITIAL = re.compile(r"[^\W\d_]{1,2}\.")  # Т. / Yu.
_INITIAL = re.compile(r"^(?:[^\W\d_]\.?-?)+$")


@dataclass(frozen=True, slots=True)
class NameVerdict:
    verdict: str  # same | equivalent | variant | different
    reason: str

    @property
    def same_person(self) -> bool:
        """True unless the names are different (a variant is the same person spelled inconsistently)."""
        return self.verdict != "different"


@dataclass(frozen=True, slots=True)
class ParsedName:
    given: tuple[str, ...]  # given names or initials ("H.", "O.")
    patronymic: str | None
    surname: str | None
    titles: tuple[str, ...] = ()


def _strip_marks(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


_KEY_STEPS = (
    ("shch", "щ"),
    ("sch", "щ"),
    ("shh", "щ"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ts", "ц"),
    ("tz", "ц"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("yu", "ю"),
    ("iu", "ю"),
    ("ju", "ю"),
    ("ya", "я"),
    ("ia", "я"),
    ("ja", "я"),
    ("ye", "е"),
    ("je", "е"),
    ("yo", "е"),
    ("jo", "е"),
    ("x", "кс"),
    ("w", "в"),
    ("c", "ц"),
    ("h", "х"),
    ("ks", "кс"),
)


@lru_cache(maxsize=65536)
def romanization_key(word: str) -> str:
    """A loose key under which the usual romanizations of one Cyrillic word coincide.

    ``Federatsii`` / ``Federacii``, ``Yevgeny`` / ``Evgenii``, ``Rosgvardiya`` / ``Rosgvardia`` share a key;
    ``Nastoyashee`` and ``Nastoyashchee`` do not (a letter is missing, not romanized differently).
    """
    w = _strip_marks(word.casefold())
    w = _KEY_DROP.sub("", w)
    for a, b in _KEY_STEPS:
        w = w.replace(a, b)
    # vowels to Cyrillic first, so the rules below see one alphabet (Aliev and Алиев alike)
    w = w.replace("e", "е").replace("a", "а").replace("o", "о").replace("u", "у")
    w = re.sub(r"[ijyіїйыиъь]+", "и", w)  # i/y/j and й/ы/и/і collapse; soft and hard signs drop
    w = re.sub(r"и(?=[яю])", "", w)  # Rosgvardiya / Rosgvardia (ия = я); not before е: Aliyev = Aliev = Алиев
    return re.sub(r"(.)\1+", r"\1", w)  # doubled letters: Aliyev/Aliev, Sergeyy


@lru_cache(maxsize=1)
def given_name_groups() -> dict[str, int]:
    """romanization key of every form in given-names.yaml → group number (validated on first use)."""
    import yaml

    from glossary.resources import bundled

    path = bundled("data") / "given-names.yaml"
    groups = yaml.safe_load(path.read_text(encoding="utf-8"))
    problems: list[Problem] = []
    out: dict[str, int] = {}
    if not isinstance(groups, list):
        raise DataError([Problem(str(path), 1, None, None, "expected a list of groups")])
    for n, group in enumerate(groups):
        if not isinstance(group, dict) or set(group) - {"forms", "sources"} or not group.get("forms"):
            problems.append(Problem(str(path), 0, f"group {n + 1}", None, "needs 'forms' and 'sources' only"))
            continue
        if not group.get("sources"):
            problems.append(
                Problem(str(path), 0, f"group {n + 1}", "sources", "every group must cite a source")
            )
        for form in group["forms"]:
            key = romanization_key(_latin(form))
            if key in out and out[key] != n:
                problems.append(
                    Problem(str(path), 0, f"group {n + 1}", "forms", f"'{form}' is also in another group")
                )
            out[key] = n
    if problems:
        raise DataError(problems)
    return out


def _latin(word: str) -> str:
    if not has_cyrillic(word):
        return word
    from glossary.translit import transliterate

    return transliterate(word, by_word=True)


def name_language(word: str) -> str:
    """'uk' if *word* has a letter only Ukrainian uses, else 'ru' (for choosing the analyser)."""
    return "uk" if re.search("[іїєґІЇЄҐ]", word) else "ru"


def is_given_name(word: str) -> bool:
    """Whether the analyser knows *word* (Cyrillic) as a given name in one of its first readings."""
    return any("Name" in p.tag for p in analyzer(name_language(word)).parse(word)[:3])


def nominative(given: str | None, surname: str | None) -> tuple[str | None, str | None]:
    """Cyrillic given name and surname in the nominative, agreeing in gender and case (``Альберта
    Сахибгареева`` → ``Альберт Сахибгареев``; ``Ольги Ивановой`` → ``Ольга Иванова``)."""
    if not (given and has_cyrillic(given)) and not (surname and has_cyrillic(surname)):
        return given, surname
    word = given if given and has_cyrillic(given) else surname
    assert word is not None
    morph = analyzer(name_language(word))
    gender = case = None
    if given and has_cyrillic(given):
        for p in morph.parse(given):
            if "Name" in p.tag:
                gender, case = p.tag.gender, p.tag.case
                inflected = p.inflect({"nomn"})
                given = _match_case(given, inflected.word if inflected else p.normal_form)
                break
    if surname and has_cyrillic(surname):
        parses = [p for p in analyzer(name_language(surname)).parse(surname) if "Surn" in p.tag]
        if gender:
            parses = [
                p for p in parses if p.tag.gender == gender and (case is None or p.tag.case == case)
            ] or parses
        else:  # a surname standing alone is read in the nominative: Иванова is then a woman's surname
            parses = [p for p in parses if p.tag.case == "nomn"] or parses
        if parses:
            inflected = parses[0].inflect({"nomn"})
            surname = _match_case(surname, inflected.word if inflected else parses[0].normal_form)
    return given, surname


def _match_case(original: str, word: str) -> str:
    return word.capitalize() if original[:1].isupper() else word


def parse_name(text: str) -> ParsedName:
    """Titles, given names or initials, patronymic and surname of a printed name."""
    text = unicodedata.normalize("NFC", text).strip()
    titles: list[str] = []
    surname_first = False
    if "," in text:
        head, _, tail = text.partition(",")
        text, surname_first = f"{tail.strip()} {head.strip()}", True
    tokens = [t for t in re.split(r"[\s\u00a0]+", text) if t]
    # "H.A." → "H." "A."
    expanded: list[str] = []
    for tok in tokens:
        if re.fullmatch(r"(?:[^\W\d_]\.){2,}", tok):
            expanded.extend(p + "." for p in tok.split(".") if p)
        else:
            expanded.append(tok)
    words: list[str] = []
    for tok in expanded:
        if tok.rstrip(".").casefold() in _TITLES:
            titles.append(tok)
        else:
            words.append(tok.strip('.,;:()[]«»"“”') if not _INITIAL.match(tok) or len(tok) > 3 else tok)
    words = [w for w in words if w]
    if not words:
        return ParsedName((), None, None, tuple(titles))
    if len(words) == 1:
        return ParsedName((), None, words[0], tuple(titles))
    patronymic = None
    if not surname_first and not _is_initial(words[0]) and all(_DOTTED_INITIAL.fullmatch(w) for w in words[1:]):
        # bibliographic order without a comma: "Шевченко Т. Г.", "Ivanov I.I." (dotted: "Ivan Li" is no such name)
        return ParsedName(tuple(words[1:]), None, words[0], tuple(titles))
    if not surname_first and len(words) >= 3 and _PATRONYMIC.search(words[-1]) and not _is_initial(words[-1]):
        # Russian order: Surname Given Patronymic
        return ParsedName((words[1],), words[2], words[0], tuple(titles))
    surname = words[-1]
    rest = words[:-1]
    if len(rest) >= 2 and _PATRONYMIC.search(rest[-1]) and not _is_initial(rest[-1]):
        patronymic = rest.pop()
    return ParsedName(tuple(rest), patronymic, surname, tuple(titles))


def _is_initial(word: str) -> bool:
    return bool(_INITIAL.match(word)) and len(word.rstrip(".-")) <= 2


def _ratio(a: str, b: str) -> float:
    from rapidfuzz.distance import Levenshtein

    return float(Levenshtein.normalized_similarity(a, b))


def _feminine_pair(a: str, b: str) -> bool:
    """``Ivanov``/``Ivanova``, ``Kovalskyi``/``Kovalska``: male and female forms of one surname."""
    pairs = (("", "а"), ("ии", "аа"), ("ии", "а"), ("и", "а"))
    return any(
        (a.endswith(m) and b == a[: len(a) - len(m)] + f) or (b.endswith(m) and a == b[: len(b) - len(m)] + f)
        for m, f in pairs
        if m or f
    )


def _given_verdict(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, str]:
    if not a or not b:
        return "equivalent", "given name missing on one side"
    ga, gb = a[0], b[0]
    if _is_initial(ga) or _is_initial(gb):
        ia, ib = ga.rstrip(".")[:1], gb.rstrip(".")[:1]
        la, lb = _latin(ia)[:1].casefold(), _latin(ib)[:1].casefold()
        if la == lb:
            return (
                "equivalent",
                f"initial '{ga if _is_initial(ga) else gb}' fits '{gb if _is_initial(ga) else ga}'",
            )
        full = gb if _is_initial(ga) else ga
        init = la if _is_initial(ga) else lb
        group = given_name_groups().get(romanization_key(_latin(full)))
        if group is not None and any(
            romanization_key(_latin(f))[:1] == romanization_key(init)[:1] for f in _group_forms(group)
        ):
            return "equivalent", f"initial fits a cross-language form of '{full}'"
        return "different", f"initials differ ('{ga}', '{gb}')"
    ka, kb = romanization_key(_latin(ga)), romanization_key(_latin(gb))
    if ka == kb:
        if ga == gb:
            return "same", "same given name"
        return "equivalent", f"'{ga}' and '{gb}' are romanizations of one given name"
    groups = given_name_groups()
    if ka in groups and groups.get(ka) == groups.get(kb):
        return (
            "equivalent",
            f"'{ga}' and '{gb}' are cross-language forms of one given name (given-names.yaml)",
        )
    if _ratio(ka, kb) >= 0.75:
        return "variant", f"given name spelled '{ga}' and '{gb}'"
    return "different", f"given names differ ('{ga}', '{gb}')"


@lru_cache(maxsize=1)
def _group_table() -> dict[int, list[str]]:
    import yaml

    from glossary.resources import bundled

    groups = yaml.safe_load((bundled("data") / "given-names.yaml").read_text(encoding="utf-8"))
    return {n: list(g["forms"]) for n, g in enumerate(groups)}


def _group_forms(group: int) -> list[str]:
    return _group_table().get(group, [])


@lru_cache(maxsize=16384)
def compare(a: str, b: str) -> NameVerdict:
    """Whether two printed names name the same person, and why (see the module docstring)."""
    if _norm(a) == _norm(b):
        return NameVerdict("same", "identical apart from case and punctuation")
    pa, pb = parse_name(a), parse_name(b)
    ga, sa = nominative(pa.given[0] if pa.given else None, pa.surname)
    gb, sb = nominative(pb.given[0] if pb.given else None, pb.surname)
    given_a = (ga, *pa.given[1:]) if ga else ()
    given_b = (gb, *pb.given[1:]) if gb else ()
    reasons: list[str] = []
    if (ga, sa) != (pa.given[0] if pa.given else None, pa.surname) or (gb, sb) != (
        pb.given[0] if pb.given else None,
        pb.surname,
    ):
        reasons.append("inflected forms read in the nominative")
    if not sa or not sb:
        return NameVerdict("different", "no surname to compare")
    ka, kb = romanization_key(_latin(sa)), romanization_key(_latin(sb))
    if (
        ka != kb
        and len(pa.given) == len(pb.given) == 1
        and ga
        and gb
        and not _is_initial(ga)
        and not _is_initial(gb)
        and (romanization_key(_latin(ga)), ka) == (kb, romanization_key(_latin(gb)))
    ):
        return NameVerdict("equivalent", "same name, surname first on one side")
    surname_verdict = "same"
    if ka != kb:
        if _feminine_pair(ka, kb):
            return NameVerdict("different", f"'{sa}' and '{sb}' are the female and male forms of one surname")
        if _ratio(ka, kb) >= 0.8:
            surname_verdict = "variant"
            reasons.append(f"surname spelled '{sa}' and '{sb}'")
        else:
            return NameVerdict("different", f"surnames differ ('{sa}', '{sb}')")
    elif sa != sb:
        surname_verdict = "equivalent"
        reasons.append(
            f"'{sa}' and '{sb}' are romanizations of one surname"
            if has_cyrillic(sa) == has_cyrillic(sb)
            else f"'{sa}' and '{sb}' are one surname in two scripts"
        )
    gv, greason = _given_verdict(given_a, given_b)
    if gv == "different":
        return NameVerdict("different", greason)
    if gv != "same":
        reasons.append(greason)
    if (
        pa.patronymic
        and pb.patronymic
        and romanization_key(_latin(pa.patronymic)) != romanization_key(_latin(pb.patronymic))
    ):
        return NameVerdict("different", f"patronymics differ ('{pa.patronymic}', '{pb.patronymic}')")
    if pa.patronymic != pb.patronymic and (pa.patronymic is None or pb.patronymic is None):
        reasons.append("patronymic given on one side only")
    if pa.titles != pb.titles:
        reasons.append("titles set aside")
    order = {"same": 0, "equivalent": 1, "variant": 2}
    verdict = max(surname_verdict, gv, key=order.__getitem__)
    if verdict == "same":
        verdict = "equivalent" if reasons else "same"
    return NameVerdict(verdict, "; ".join(reasons) or "same name in another order")


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", unicodedata.normalize("NFC", text).casefold()).split())
