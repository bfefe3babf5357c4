"""Fuzzy search over match keys: trigram blocking, then edit distance on the few candidates.

Scanning every key with an edit-distance scorer costs ~17 ms at 100,000 keys; collecting
candidates that share trigrams with the query (a C-level ``Counter.update`` over posting lists)
and scoring only the best-sharing ones keeps a lookup near a millisecond with the same answers
(``bench/match`` measures recall against the brute-force scan).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable


def edit_budget(length: int) -> int:
    """Edits allowed for a key of *length*: none for short keys and acronyms (OMON is not Amon)."""
    if length <= 4:
        return 0
    if length <= 7:
        return 1
    if length <= 12:
        return 2
    return 3


def _grams(key: str) -> set[str]:
    padded = f" {key} "
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


class FuzzyIndex:
    """Trigram postings over a list of keys."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.keys: list[str] = sorted(set(keys))
        postings: dict[str, list[int]] = {}
        for i, key in enumerate(self.keys):
            padded = f" {key} "
            for gram in {padded[j:j + 3] for j in range(len(padded) - 2)}:
                postings.setdefault(gram, []).append(i)
        self.postings = postings

    def search(self, key: str, *, max_edits: int | None = None, candidates: int = 64) -> list[tuple[str, int]]:
        """Keys within the edit budget of *key*, closest first, as (key, edits)."""
        from rapidfuzz.distance import OSA  # Levenshtein plus adjacent transpositions (Chechyna)

        budget = edit_budget(len(key)) if max_edits is None else max_edits
        if budget == 0 or not key:
            return []
        counts: Counter[int] = Counter()
        for gram in _grams(key):
            posting = self.postings.get(gram)
            if posting:
                counts.update(posting)
        # two strings within d edits share at least |grams| - 3d trigrams: a safe floor
        floor = max(1, len(_grams(key)) - 3 * budget)
        found: list[tuple[str, int]] = []
        for i, shared in counts.most_common(candidates):
            if shared < floor:
                break
            other = self.keys[i]
            if abs(len(other) - len(key)) > budget:
                continue
            d = OSA.distance(key, other, score_cutoff=budget)
            if d <= budget:
                found.append((other, d))
        found.sort(key=lambda kd: (kd[1], kd[0]))
        return found
