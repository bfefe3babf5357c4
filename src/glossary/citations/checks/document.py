"""The checks that need the whole document (``DOCUMENT_CHECKS``): romanization across the report, and each
footnote against the bibliography entry it cites (``PAIR_CHECKS``, ``ORAL_PAIR_CHECKS``).

A check is a small function for one finding kind that reads the store and writes its findings there. A pair
check, ``check(store, footnote, entry)``, returns True when it has explained the pair (a title that is a
person's name spelled two ways is not also a title mismatch), so the checks after it skip that pair. A
discrepancy several footnotes share is one finding.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from glossary.citations.checks import wording
from glossary.citations.checks.matching import match_entry, match_oral
from glossary.citations.checks.store import Store
from glossary.citations.keys import fold_key, fold_name, outlet_name, scheme_form
from glossary.citations.model import Citation
from glossary.citations.persons import compare as compare_names

DocumentCheck = Callable[[Store], None]
PairCheck = Callable[[Store, Citation, Citation], bool]

_AMENDED = re.compile(r"\bamend|\bas of\b|\bin the version\b|\bредакц|\bзмін", re.IGNORECASE)


def romanization(store: Store) -> None:
    """``romanization``: one Cyrillic word romanized two ways in the document (``Federacii``/``Federatsii``)."""
    for spellings in store.romanized.values():
        distinct: dict[str, list[int]] = {}
        for word, lines in spellings.items():
            distinct.setdefault(word.casefold(), []).extend(lines)
        if len(distinct) < 2:
            continue
        words = sorted(spellings)
        store.add(
            "romanization",
            "warning",
            "one word romanized two ways: " + ", ".join(f"'{w}'" for w in words),
            [n for ls in spellings.values() for n in ls],
            words,
            scheme_form(words, store.glossary),
        )


def cited_sources(store: Store) -> None:
    """``missing-from-bibliography``: a footnote citing a source the bibliography lacks; every footnote that
    has its entry goes through the pair checks (and marks the entry cited)."""
    store.cited = bytearray(store.n_entries + 1)
    db = store.db
    for fid, f in store.footnotes():
        if f.authors and f.medium:
            oral = match_oral(store, f)
            if oral is not None:
                eid, e = oral
                store.cited[eid] = 1
                db.executemany("INSERT INTO od VALUES (?, ?, ?)", [(eid, fid, d) for d in f.date_iso or []])
                _pair_checks(store, f, e, ORAL_PAIR_CHECKS)
                continue
        elif f.title or f.outlet:
            found = match_entry(store, f)
            if found is not None:
                eid, e = found
                store.cited[eid] = 1
                _pair_checks(store, f, e, PAIR_CHECKS)
                continue
        else:
            continue
        if not store.n_entries:
            continue
        store.add(
            "missing-from-bibliography",
            "error",
            f"footnote {f.footnote} cites a source that is not in the bibliography",
            f.lines,
            [f.text],
            None,
        )


def oral_dates(store: Store) -> None:
    """``oral-date``: an oral source's date in a footnote that the bibliography's list of dates lacks."""
    from glossary.citations.dates import find_dates

    for eid in store.entry_ids("oral"):
        pairs = store.db.execute("SELECT fid, d FROM od WHERE eid = ? ORDER BY rowid", (eid,)).fetchall()
        if not pairs:
            continue
        e = store.entry(eid)
        listed = set(e.date_iso)
        for _, _, pd in find_dates(e.date or ""):  # "22 March" (no year) still lists the day
            listed |= {f"{pd.month:02d}-{d:02d}" for d in pd.days if pd.month}
        missing = sorted({d for _, d in pairs if d not in listed and d[5:] not in listed})
        for d in missing:
            fid = next(fid for fid, dd in pairs if dd == d)
            first = store.footnote(fid)
            store.add(
                "oral-date",
                "error",
                f"footnote {first.footnote} dates the correspondence with '{e.authors[0]}' "
                f"{first.date}, "
                f"which the bibliography's dates ({e.date}) do not list",
                [*first.lines, *e.lines],
                [first.date or "", e.date or ""],
                None,
            )


def uncited_entries(store: Store) -> None:
    """``uncited-entry``: a "sources used" entry no footnote cites (when the document has footnotes)."""
    if not store.n_footnotes:
        return
    for eid in store.entry_ids("used"):
        if not store.cited[eid]:
            e = store.entry(eid)
            store.add("uncited-entry", "warning", "no footnote cites this bibliography entry", e.lines, [e.text])


# -- a footnote against its entry ---------------------------------------------------------------------------
def title_differs(store: Store, f: Citation, e: Citation) -> bool:
    """``name-variant`` (the titles are one person's name spelled two ways) or ``title-mismatch``."""
    if not (f.title and e.title and f.title != e.title and fold_key(f.title) != fold_key(e.title)):
        return False
    lines = [*f.lines, *e.lines]
    if _looks_like_name(f.title) and _looks_like_name(e.title):
        v = compare_names(f.title, e.title)
        if v.verdict == "variant":
            reason = v.reason
            store.group(
                ("name-variant", f.title, e.title),
                "name-variant",
                "error",
                lambda g: f"one person spelled two ways: {reason}",
                lines,
                [f.title, e.title],
            )
            return True
    diff = wording.diff(f.title, e.title)
    store.group(
        ("title-mismatch", f.title, e.title),
        "title-mismatch",
        "error",
        lambda g: (
            f"{wording.footnotes(g.footnotes)} and {wording.their(g.footnotes)} bibliography entry print the "
            f"title differently ({diff})"
        ),
        lines,
        [f.title, e.title],
        footnote=f.footnote,
    )
    return False


def translation_differs(store: Store, f: Citation, e: Citation) -> bool:
    """``translation-mismatch``: the footnote translates the title unlike its entry."""
    if not (
        f.translation
        and e.translation
        and f.translation != e.translation
        and fold_key(f.translation) != fold_key(e.translation)
    ):
        return False
    diff = wording.diff(f.translation, e.translation)
    store.group(
        ("translation-mismatch", f.translation, e.translation),
        "translation-mismatch",
        "warning",
        lambda g: (
            f"{wording.footnotes(g.footnotes)} and {wording.their(g.footnotes)} bibliography entry translate "
            f"the title differently ({diff})"
        ),
        [*f.lines, *e.lines],
        [f.translation, e.translation],
        footnote=f.footnote,
    )
    return False


def date_differs(store: Store, f: Citation, e: Citation) -> bool:
    """``date-mismatch``: no date in common (an amended law dated by its amendment is the same act)."""
    if not (f.date_iso and e.date_iso and not set(f.date_iso) & set(e.date_iso) and not _amended(f, e)):
        return False
    fd, ed = f.date or "", e.date or ""
    store.group(
        ("date-mismatch", fd, ed),
        "date-mismatch",
        "warning",
        lambda g: (
            f"{wording.footnotes(g.footnotes)} {wording.verb(g.footnotes, 'dates', 'date')} the source "
            f"'{fd}', the bibliography '{ed}'"
        ),
        [*f.lines, *e.lines],
        [fd, ed],
        footnote=f.footnote,
    )
    return False


def outlet_differs(store: Store, f: Citation, e: Citation) -> bool:
    """``outlet-variant``: one outlet printed under two names that are not its short and long forms."""
    fo, eo = outlet_name(f), outlet_name(e)
    if not (fo and eo and fold_name(fo) != fold_name(eo) and not _linked_names(f, e)):
        return False
    store.group(
        ("outlet-variant", fo, eo),
        "outlet-variant",
        "warning",
        lambda g: (
            f"{wording.footnotes(g.footnotes)} {wording.verb(g.footnotes, 'names', 'name')} the outlet "
            f"'{fo}', the bibliography '{eo}'"
        ),
        [*f.lines, *e.lines],
        [fo, eo],
        eo,
        footnote=f.footnote,
    )
    return False


def person_differs(store: Store, f: Citation, e: Citation) -> bool:
    """``name-variant``: an oral source's person spelled two ways (``Olikier``/``Oliker``)."""
    v = compare_names(f.authors[0], e.authors[0])
    if v.verdict != "variant":
        return False
    reason = v.reason
    store.group(
        ("name-variant", f.authors[0], e.authors[0]),
        "name-variant",
        "error",
        lambda g: f"one person spelled two ways: {reason}",
        [*f.lines, *e.lines],
        [f.authors[0], e.authors[0]],
    )
    return True


def _pair_checks(store: Store, f: Citation, e: Citation, checks: tuple[PairCheck, ...]) -> None:
    for check in checks:
        if check(store, f, e):
            return


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def _amended(f: Citation, e: Citation) -> bool:
    """One side dates a law by an amendment ('amended 1 March 2012'), the other by its adoption ('1996') — the
    same act, not a discrepancy."""
    for a, b in ((f, e), (e, f)):
        if a.date and _AMENDED.search(a.date) and not (b.date and _AMENDED.search(b.date)):
            return min(d[:4] for d in b.date_iso) <= max(d[:4] for d in a.date_iso)
    return False


def _linked_names(a: Citation, b: Citation) -> bool:
    """Short and long names of one outlet (ISW / ISW (Institute ...); Kavkaz.Realii / RFE/RL, Kavkaz.Realii)
    are linked, not variants."""
    if a.outlet and b.outlet and a.outlet.id and a.outlet.id == b.outlet.id:
        return True
    if (a.organisation and fold_name(outlet_name(a)) == fold_name(a.organisation)) or (
        b.organisation and fold_name(outlet_name(b)) == fold_name(b.organisation)
    ):
        return True  # "Russia, <title>" against "Russia, <issuing body>, <title>": the same state
    ea = fold_name(a.outlet.expansion or "") if a.outlet else ""
    eb = fold_name(b.outlet.expansion or "") if b.outlet else ""
    na, nb = fold_name(outlet_name(a)), fold_name(outlet_name(b))
    return bool((ea and ea == nb) or (eb and eb == na))


#: for a footnote and the entry it cites, in this order
PAIR_CHECKS: tuple[PairCheck, ...] = (title_differs, translation_differs, date_differs, outlet_differs)
#: for a footnote citing an oral source and that source's entry
ORAL_PAIR_CHECKS: tuple[PairCheck, ...] = (person_differs,)
#: once the document has been read, in this order (oral dates and uncited entries need the cross-reference)
DOCUMENT_CHECKS: tuple[DocumentCheck, ...] = (romanization, cited_sources, oral_dates, uncited_entries)
