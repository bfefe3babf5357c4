"""Fuzzy search over match keys: partition filtering, then edit distance on the few candidates.

Scanning every key with an edit-distance scorer costs ~17 ms at 100,000 concepts. Trigram
blocking did not help enough there: a short key's budget (2 edits in 8 letters) lets almost every
trigram be destroyed, so the candidates ran to thousands. Instead each key is cut into d + 1
pieces (PassJoin, Li et al., VLDB 2011): a key within d edits of the query keeps one piece intact,
so the candidates are the keys one of whose pieces occurs in the query near the piece's own
position — a few dictionary probes per piece. Every candidate is then verified with the real
distance: the same answers as a full scan (``tests/test_fuzzy_partition.py`` compares them).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain


def edit_budget(length: int) -> int:
    """Edits allowed for a key of *length*: none for short keys and acronyms (OMON is not Amon)."""
    if length <= 4:
        return 0
    if length <= 7:
        return 1
    if length <= 12:
        return 2
    return 3


def _pieces(length: int, edits: int) -> list[tuple[int, int]]:
    """(start, length) of the *edits* + 1 pieces of a key of *length*; the longer pieces last."""
    count = edits + 1
    short, longer = divmod(length, count)
    out, start = [], 0
    for i in range(count):
        size = short + (i >= count - longer)
        out.append((start, size))
        start += size
    return out


class FuzzyIndex:
    """Keys by length, each length cut into pieces for every edit budget a query can bring to it.

    A piece's table maps the piece's text to the keys that have it there. Tables for the budgets
    :func:`edit_budget` gives are built up front; any other ``max_edits`` builds its tables on
    first use.
    """

    def __init__(self, keys: Iterable[str]) -> None:
        self.keys: list[str] = sorted(set(keys))
        self.by_length: dict[int, list[str]] = {}
        for key in self.keys:
            self.by_length.setdefault(len(key), []).append(key)
        #: (key length, budget) → one table per piece: piece text → keys with that piece there
        self.tables: dict[tuple[int, int], list[dict[str, tuple[str, ...]]]] = {}
        self._texts: dict[str, str] = {}  # one copy of each piece's text across tables
        longest, query_length = max(self.by_length, default=0), 1
        while query_length - edit_budget(query_length) <= longest:  # every query length that reaches a key
            d = edit_budget(query_length)
            for length in range(query_length - d, query_length + d + 1):
                if d and length in self.by_length:
                    self._tables(length, d)
            query_length += 1

    def _tables(self, length: int, edits: int) -> list[dict[str, tuple[str, ...]]]:
        """The piece tables of the keys of *length* for a budget of *edits* (built once)."""
        tables = self.tables.get((length, edits))
        if tables is None:
            pieces = _pieces(length, edits)
            lists: list[dict[str, list[str]]] = [{} for _ in pieces]
            for key in self.by_length.get(length, ()):
                for table, (start, size) in zip(lists, pieces, strict=True):
                    piece = key[start:start + size]
                    table.setdefault(self._texts.setdefault(piece, piece), []).append(key)
            # tuples: most pieces belong to one key, and a one-item list takes twice a tuple's memory
            tables = [{piece: tuple(keys) for piece, keys in table.items()} for table in lists]
            self.tables[(length, edits)] = tables
        return tables

    def candidates(self, key: str, edits: int) -> list[str]:
        """Keys that keep one piece intact in *key* (a few may repeat): a superset of those within *edits*.

        Piece *i* of an indexed key of length M starts at position p; if the key is within d edits
        of the query (length L, Δ = L − M), some piece i is untouched and sits in the query at
        p + s with −i ≤ s ≤ i and Δ − (d − i) ≤ s ≤ Δ + (d − i) (the multi-match-aware windows of
        PassJoin). An adjacent transposition across the end of piece i (OSA counts it as one edit)
        leaves the piece readable in the query with its last letter one place on, so each window
        is read both ways. The lists are chained, not merged into a set: they rarely overlap, and
        verifying a repeat costs less than hashing every candidate.
        """
        hits: list[tuple[str, ...]] = []
        n = len(key)
        if edits <= 0 or n == 0:
            return []
        for length in range(max(0, n - edits), n + edits + 1):
            if length not in self.by_length:
                continue
            delta = n - length
            tables = self._tables(length, edits)
            for i, (start, size) in enumerate(_pieces(length, edits)):
                table = tables[i]
                for shift in range(max(-i, delta - (edits - i)), min(i, delta + (edits - i)) + 1):
                    at = start + shift
                    if at < 0 or at + size > n:
                        continue
                    hit = table.get(key[at:at + size])
                    if hit is not None:
                        hits.append(hit)
                    if i < edits and size and at + size < n:
                        hit = table.get(key[at:at + size - 1] + key[at + size])
                        if hit is not None:
                            hits.append(hit)
        return list(chain.from_iterable(hits))

    def search(self, key: str, *, max_edits: int | None = None) -> list[tuple[str, int]]:
        """Keys within the edit budget of *key*, closest first, as (key, edits).

        Distance is OSA (Levenshtein plus adjacent transpositions: Chechyna). Same answers as
        scanning every key.
        """
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        budget = edit_budget(len(key)) if max_edits is None else max_edits
        if budget <= 0 or not key:
            return []
        found = {other: int(d) for other, d, _ in
                 process.extract(key, self.candidates(key, budget), scorer=OSA.distance, score_cutoff=budget,
                                 limit=None)}
        return sorted(found.items(), key=lambda kd: (kd[1], kd[0]))
