"""Which bibliography entry a footnote citation cites.

Different sources that look alike are kept apart: outlets are compared by glossary concept (Interfax is not
Interfax-Ukraine), and two reports of a series with one title but different dates are two entries.
Candidates come from the store's indexes (title key, outlet and date, surname), so a long bibliography stays
fast.
"""

from __future__ import annotations

from glossary.citations.checks.store import Store, outlet_key, surname_key
from glossary.citations.keys import fold_key, fold_name, outlet_name
from glossary.citations.model import Citation
from glossary.citations.persons import compare as compare_names


def match_oral(store: Store, f: Citation) -> tuple[int, Citation] | None:
    """The oral-source entry for a footnote: same surname key first, then similar surnames."""
    key = surname_key(f.authors[0])
    name = fold_key(f.authors[0])
    db = store.db
    exact = db.execute("SELECT id, a0 FROM oral WHERE skey = ? ORDER BY id", (key,))
    prefix = db.execute("SELECT id, a0 FROM oral WHERE pre = ? ORDER BY id LIMIT 200", (key[:3],))
    head = ((eid, e.authors[0] if e.authors else "") for eid, e in store.oral_head)
    for candidates in (exact, prefix, head):
        for eid, author in candidates:
            if author and (fold_key(author) == name or compare_names(f.authors[0], author).same_person):
                return eid, store.entry(eid)
    return None


def match_entry(store: Store, f: Citation) -> tuple[int, Citation] | None:
    """The entry a footnote citation cites: same title (exactly, else closely) and outlet, preferring the same
    date."""
    from rapidfuzz import fuzz

    cols = "SELECT en.id, en.data, en.tkey FROM "
    dates = set(f.date_iso)
    fkey = fold_key(f.title) if f.title else None
    candidates = store.candidates(cols + "en WHERE tkey = ? ORDER BY id", (fkey,)) if fkey is not None else []
    if not candidates:
        okey = outlet_key(f)
        for d in sorted(dates) or [""]:
            candidates += store.candidates(
                cols + "ed JOIN en ON en.id = ed.id WHERE ed.okey = ? AND ed.d = ? ORDER BY ed.id", (okey, d)
            )
        if not candidates:
            candidates = store.candidates(cols + "en WHERE okey = ? ORDER BY id LIMIT 200", (okey,))
        if not candidates and f.title:  # an outlet printed another way: entries of the same date
            for d in sorted(dates):
                candidates += store.candidates(
                    cols + "ed JOIN en ON en.id = ed.id WHERE ed.d = ? ORDER BY ed.id LIMIT 200", (d,)
                )
            candidates = candidates[:200]
    best: tuple[float, int, Citation] | None = None
    for eid, e, ekey in candidates:
        same_title = bool(fkey and ekey and fkey == ekey)
        if fkey and ekey:
            sim = 100.0 if same_title else fuzz.ratio(fkey, ekey)
        elif not f.title and not e.title:
            sim = 100.0 if (f.medium or "").lower() == (e.medium or "").lower() else 60.0
        else:
            sim = 0.0
        shared = bool(set(e.date_iso) & dates) or (not dates and not e.date_iso)
        if not same_outlet(f, e) and not same_title and not (sim >= 90 and shared):
            continue
        if sim < 75:
            continue
        if dates and e.date_iso and not shared and (not f.title or series(f, e)):
            continue  # untitled posts on other days, or another report of a series
        score = sim + (20 if shared else 0)
        if best is None or score > best[0]:
            best = (score, eid, e)
    return (best[1], best[2]) if best else None


def same_outlet(a: Citation, b: Citation) -> bool:
    """One outlet: the same concept, else the same folded name (or one the start of the other)."""
    if a.outlet and b.outlet and a.outlet.id and b.outlet.id:
        return a.outlet.id == b.outlet.id
    na, nb = fold_name(outlet_name(a)), fold_name(outlet_name(b))
    return bool(na and nb and (na == nb or na.startswith(nb + " ") or nb.startswith(na + " ")))


def series(a: Citation, b: Citation) -> bool:
    """Same title, both dated to the day: reports of one series (ISW's daily assessments)."""
    daily = all(any(len(d) == 10 for d in c.date_iso) for c in (a, b))
    return bool(daily and a.title and b.title and fold_key(a.title) == fold_key(b.title))
