"""The checks of one record as it streams in: a citation (``CITATION_CHECKS``), a bibliography entry against
the entries before it (``ENTRY_CHECKS``), a line of body text (``TEXT_CHECKS``).

Each check is a small function for one finding kind, ``check(store, record)``, that writes its findings to
the store; the romanization check gathers its words here and reports at the end (``document.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from glossary.citations.checks import wording
from glossary.citations.checks.store import Store, outlet_key
from glossary.citations.keys import (
    LATIN_WORD,
    author_key,
    fold_key,
    fold_name,
    mixed_tokens,
    outlet_name,
    romanized_words,
    sort_key,
)
from glossary.citations.model import Citation
from glossary.citations.persons import compare as compare_names
from glossary.citations.persons import is_given_name, romanization_key
from glossary.text.fold import repair_homoglyphs
from glossary.text.scripts import has_cyrillic

if TYPE_CHECKING:
    from glossary.citations.euaa import Text
    from glossary.model.concept import Concept

_URLISH = re.compile(
    r"<?(?:https?|ftp)://\S+|\[url\]\(#\)|(?<![\w.])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
    r"\.(?:ru|ua|com|org|net|io|info|tv|eu|me)(?:/\S*)?(?![\w.])"
)
_CYR_NAME = re.compile(r"(?<![\w«“\"])([А-ЯЁІЇЄҐ][а-яёіїєґʼ'’]+)\s+([А-ЯЁІЇЄҐ][а-яёіїєґʼ'’-]+)")
_LAT_NAME = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
_BRACKETED = re.compile(r"\[([^\[\]]{2,80})\]")
#: a token with a Cyrillic letter and a letter of another script (a quick test before the exact one)
_MIXED_TOKEN = re.compile(r"[\u0400-\u04ff]\S*?[^\W\d_\u0400-\u04ff]|[^\W\d_\u0400-\u04ff]\S*?[\u0400-\u04ff]")
#: how a linked outlet was recognised by one of its printed names (not by URL or a misspelling)
_BY_NAME = ("preferred", "full", "admitted", "abbreviation", "romanized")

CitationCheck = Callable[[Store, Citation], None]
TextCheck = Callable[[Store, "Text"], None]


# -- a citation ---------------------------------------------------------------------------------------------
def mixed_script(store: Store, c: Citation) -> None:
    """``mixed-script``: a token mixing Cyrillic and Latin letters (``МК.ru``), with its repair."""
    # removing URLs only splits tokens, so a text without a mixed token needs no URL removal
    text = _URLISH.sub(" ", c.text) if _MIXED_TOKEN.search(c.text) else ""
    for tok in mixed_tokens(text):
        _mixed_token(store, tok.strip('.,;:()[]«»"“”'), c.lines)


def outlet_misspelling(store: Store, c: Citation) -> None:
    """``misspelling``: an outlet printed under a name the glossary knows as a misspelling."""
    if not (c.outlet and c.outlet.how and store.glossary):
        return
    if not (c.outlet.how.startswith("misspelling") or _printed_misspelling(store, c)):
        return
    concept = store.concept(c.outlet.id)
    name = outlet_name(c)
    _misspelling(store, name, _right_form(store, name), concept.label if concept else c.outlet.en or "", c.lines)


def outlet_form(store: Store, c: Citation) -> None:
    """``outlet-variant``: a name linked by its match key but printed unlike every attested form (``ZN,UA``)."""
    if not (store.glossary and c.outlet and c.outlet.id and c.outlet.how):
        return
    if c.outlet.how.split("+")[0] not in _BY_NAME:
        return
    name = outlet_name(c)
    concept = store.concept(c.outlet.id)
    if not concept or not name or has_cyrillic(name):
        return
    forms = store.cached("forms", concept.id, lambda: {_without_article(f.text) for f in concept.forms()})
    if _without_article(name) not in forms and not mixed_tokens(name):  # "The Moscow Times" is fine
        right = concept.preferred("en") or concept.label
        store.group(
            ("outlet-form", concept.id, name),
            "outlet-variant",
            "warning",
            lambda g: f"'{name}' is printed unlike any attested name of {right}" + wording.times(g.count),
            c.lines,
            [name],
            right,
        )


def outlet_english(store: Store, c: Citation) -> None:
    """``outlet-variant``: a linked outlet's bracketed English name that is not the glossary's."""
    if not (c.outlet and c.outlet.id and store.glossary and c.outlet.text.rstrip().endswith("]")):
        return
    m = _BRACKETED.search(c.outlet.text)
    concept = store.concept(c.outlet.id)
    if m and concept and _is_wrong_english(store, m.group(1).strip(), concept):
        _wrong_english(store, m.group(1).strip(), concept, c.lines)


def parser_notes(store: Store, c: Citation) -> None:
    """``style`` (a missing comma) and ``page-break`` (a repair): what the parser noticed."""
    for issue in c.issues:
        kind = "style" if issue.startswith("missing comma") else "page-break"
        store.add(kind, "warning" if kind == "style" else "info", issue, c.lines, [c.text])


def romanized_seen(store: Store, c: Citation) -> None:
    """The romanization check's first half: remember the romanized words of the citation."""
    for word in romanized_words(c):
        store.romanized[romanization_key(word)][word].extend(c.lines)


def entry_date(store: Store, c: Citation) -> None:
    """``missing-date`` / ``malformed-date``: an entry with no date, or a date without a year."""
    if c.kind != "entry":
        return
    if not c.date and not (c.medium and "mail" in c.medium):
        store.add("missing-date", "warning", "entry has no date (write n.d. if the source has none)", c.lines, [c.text])
    elif c.date and not c.date_iso and "n.d" not in c.date:
        store.add("malformed-date", "error", f"date '{c.date}' has no year", c.lines, [c.date])


def name_translation(store: Store, c: Citation) -> None:
    """``name-translation``: a person in the bracketed translation who is not the one the Cyrillic title names
    (read through transliteration and inflection: ``Альберта Сахибгареева`` ↔ ``Albert Sakhigareev``)."""
    if not (c.title and c.translation and has_cyrillic(c.title)):
        return
    latin = [f"{a} {b}" for a, b in _LAT_NAME.findall(c.translation)]
    if not latin:
        return
    for given, surname in _CYR_NAME.findall(c.title):
        if not is_given_name(given):
            continue
        cyr = f"{given} {surname}"
        verdicts = [(lat, compare_names(cyr, lat)) for lat in latin]
        if any(v.verdict in ("same", "equivalent") for _, v in verdicts):
            continue
        close = [(lat, v) for lat, v in verdicts if v.verdict == "variant"]
        if close:
            lat, v = close[0]
            store.add(
                "name-translation",
                "error",
                f"the translation names '{lat}' but the title names '{cyr}' ({v.reason})",
                c.lines,
                [cyr, lat],
                romanized_name(cyr, lat),
            )


# -- a bibliography entry against the earlier ones -----------------------------------------------------------
def order(store: Store, e: Citation) -> None:
    """``order``: an entry that sorts before the previous one of its section (one author's entries keep their
    order)."""
    ak, sk = author_key(e), sort_key(e.text)
    prev = store.previous.get(e.section)
    if prev is not None and prev[0] != ak and prev[1] > sk:
        store.add(
            "order",
            "warning",
            "bibliography entries out of alphabetical order",
            [prev[2], e.lines[0]],
            [prev[3], e.text],
            f"put '{wording.short(e.text)}' before '{wording.short(prev[3])}'",
        )
    store.previous[e.section] = (ak, sk, e.lines[0], e.text)


def duplicate(store: Store, e: Citation) -> None:
    """``duplicate-entry``: the same outlet, title (or text) and dates as an earlier entry."""
    import hashlib
    import marshal

    tkey = store.title_key(e)
    what = tkey if tkey is not None else fold_key(e.text)
    key = "\x1f".join((outlet_key(e), what, "|".join(e.date_iso) or fold_name(e.date or "")))
    digest = hashlib.blake2b(key.encode(), digest_size=16).digest()
    added = store.db.execute("INSERT OR IGNORE INTO dup VALUES (?, ?)", (digest, marshal.dumps(e.lines)))
    if not added.rowcount:
        row = store.db.execute("SELECT lines FROM dup WHERE key = ?", (digest,)).fetchone()
        store.add(
            "duplicate-entry",
            "error",
            "the same entry appears twice in the bibliography",
            [*marshal.loads(row[0]), *e.lines],
            [e.text],
            "remove one of them",
        )


# -- a line of body text -------------------------------------------------------------------------------------
def text_mixed_script(store: Store, t: Text) -> None:
    """``mixed-script`` in the report's prose."""
    for tok in mixed_tokens(_URLISH.sub(" ", t.text)):
        _mixed_token(store, tok.strip('.,;:()[]«»"“”*'), [t.line])


def text_misspelling(store: Store, t: Text) -> None:
    """``misspelling``: an attested misspelling of a glossary name in the prose."""
    seen: set[tuple[int, int]] = set()
    for pattern, right, label in store.misspelling_patterns():
        for m in pattern.finditer(t.text):
            if m.span() in seen:
                continue
            seen.add(m.span())
            _misspelling(store, m.group(), right, label, [t.line])


def text_romanized_seen(store: Store, t: Text) -> None:
    """The romanization check's first half in prose: words the citations or the glossary romanize."""
    for word in LATIN_WORD.findall(t.text):
        key = romanization_key(word)
        if key in store.romanized or key in store.glossary_keys():
            store.romanized[key][word].append(t.line)


def text_english(store: Store, t: Text) -> None:
    """``outlet-variant``: a deprecated English name in brackets after the outlet's name in prose."""
    if "[" not in t.text:
        return
    for m in _BRACKETED.finditer(t.text):
        concept = store.deprecated_english().get(m.group(1).strip().casefold())
        if concept is not None and _named_before(store, concept, t.text[max(0, m.start() - 100) : m.start()]):
            _wrong_english(store, m.group(1).strip(), concept, [t.line])


# -- shared by the checks above -----------------------------------------------------------------------------
def _mixed_token(store: Store, tok: str, lines: list[int]) -> None:
    fixed = repair_homoglyphs(tok)
    store.add(
        "mixed-script",
        "error",
        f"'{tok}' mixes Cyrillic and Latin letters",
        lines,
        [tok],
        fixed if fixed != tok else None,
    )


def _misspelling(store: Store, printed: str, right: str | None, label: str, lines: Iterable[int]) -> None:
    """One finding per misspelt name (its printings differing only in case together), with every line."""
    store.group(
        ("misspelling", printed.casefold(), right or "", label),
        "misspelling",
        "warning",
        lambda g: f"{wording.quoted(g.strings)} is an attested misspelling of {label}" + wording.times(g.count),
        lines,
        [printed],
        right,
    )


def _printed_misspelling(store: Store, c: Citation) -> bool:
    concept = store.concept(c.outlet.id) if store.glossary and c.outlet else None
    name = outlet_name(c)
    return bool(
        concept
        and store.cached(
            "printed-misspelling",
            f"{concept.id}\x1f{name}",
            lambda: any(f.kind == "misspelling" and f.text == name for f in concept.forms()),
        )
    )


def _right_form(store: Store, printed: str) -> str | None:
    result: str | None = store.cached("right-form", printed, lambda: _find_right_form(store, printed))
    return result


def _find_right_form(store: Store, printed: str) -> str | None:
    if not store.glossary:
        return None
    for concept in store.glossary:
        for f in concept.forms():
            if f.kind == "misspelling" and f.text == printed:
                return f.of
    for m in store.glossary.match(printed, top=3, min_score=90):
        if m.how == "misspelling":
            return m.of
    return None


def _named_before(store: Store, concept: Concept, before: str) -> bool:
    """Whether *before* (the text before a bracket) ends with a name of *concept*, however printed."""
    names = store.cached(
        "names",
        concept.id,
        lambda: sorted({f.text.casefold() for f in concept.forms() if f.kind not in ("deprecated", "web")}, key=len),
    )
    tail = re.sub(r"[*_]", "", before).rstrip(" ,").casefold()
    return any(tail.endswith(name) for name in names)


def _is_wrong_english(store: Store, printed: str, concept: Concept) -> bool:
    """A bracketed English name of a linked outlet that is deprecated, or close to but not an English form."""
    from rapidfuzz import fuzz

    english: list[Any] = store.cached(
        "english",
        concept.id,
        lambda: [f for f in concept.forms() if f.lang == "en" and f.kind not in ("web", "title", "derived")],
    )
    if any(f.text == printed for f in english if f.kind != "deprecated"):
        return False
    return any(
        f.text.casefold() == printed.casefold() if f.kind == "deprecated" else fuzz.ratio(f.text, printed) >= 85
        for f in english
    )


def _wrong_english(store: Store, printed: str, concept: Concept, lines: Iterable[int]) -> None:
    right = concept.preferred("en") or concept.label
    native = concept.preferred("ru") or concept.preferred("uk")
    of = f"{right} ({native})" if native else right
    store.group(
        ("wrong-english", concept.id, printed),
        "outlet-variant",
        "warning",
        lambda g: f"'{printed}' is not the English name of {of}: the glossary's is '{right}'" + wording.times(g.count),
        lines,
        [printed],
        right,
    )


def _without_article(name: str) -> str:
    """A name without its leading English article: 'The Criminal Code …' is 'Criminal Code …' printed as prose."""
    return re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE)


def romanized_name(cyr: str, printed: str) -> str | None:
    """The printed Latin name with only what is wrong changed: each part (given name, surname) the Cyrillic
    part romanizes to is kept as printed; another part becomes the romanization of the Cyrillic (nominative)
    closest to it, so the spelling scheme the report uses is kept ('Albert Sakhigareev' → 'Albert
    Sakhibgareev', not 'Al’bert Sakhibgareyev')."""
    from rapidfuzz import fuzz

    from glossary.citations.persons import nominative
    from glossary.translit import romanizations

    given, surname = cyr.split(" ", 1)
    g, s = nominative(given, surname)
    parts = printed.split(" ", 1)
    if not g or not s or len(parts) != 2:
        return None
    fixed = []
    for cyr_part, lat_part in ((g, parts[0]), (s, parts[1])):
        candidates = [r for r in romanizations(cyr_part, lang="ru").values() if r.isascii()]
        key = romanization_key(lat_part)
        if lat_part in candidates or any(romanization_key(c) == key for c in candidates):
            fixed.append(lat_part)
        elif candidates:
            fixed.append(max(candidates, key=lambda c: fuzz.ratio(c, lat_part)))  # first of the best
        else:
            return None
    result = " ".join(fixed)
    return result if result != printed else None


#: run on every citation as it streams in, in this order
CITATION_CHECKS: tuple[CitationCheck, ...] = (
    mixed_script,
    outlet_misspelling,
    outlet_form,
    outlet_english,
    parser_notes,
    romanized_seen,
    entry_date,
    name_translation,
)
#: run on every bibliography entry, after the citation checks, against the entries before it
ENTRY_CHECKS: tuple[CitationCheck, ...] = (order, duplicate)
#: run on every line of body text
TEXT_CHECKS: tuple[TextCheck, ...] = (text_mixed_script, text_misspelling, text_romanized_seen, text_english)
