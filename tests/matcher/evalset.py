"""Read the matcher evaluation set and score a matcher on it (shared by the test and bench/match)."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
FILES = {"dev": HERE / "eval_dev.tsv", "heldout": HERE / "eval_heldout.tsv"}


@dataclass
class Row:
    query: str
    accept: frozenset[str]  # empty: no match should be returned
    category: str


def rows(name: str) -> list[Row]:
    out = []
    with FILES[name].open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            expected = rec["expected"].strip()
            accept = set() if expected == "-" else {expected}
            note = rec.get("note") or ""
            if "also acceptable:" in note:
                tail = note.split("also acceptable:", 1)[1]
                accept |= {x.strip().rstrip(".;)") for x in tail.split(",") if x.strip()}
            out.append(Row(rec["query"], frozenset(accept), rec["category"]))
    return out


@dataclass
class Score:
    positives: int = 0
    hits: int = 0  # top-1 answer acceptable
    answered: int = 0  # a top-1 answer was returned
    correct: int = 0  # ... and it was acceptable
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.hits / self.positives if self.positives else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.answered if self.answered else 1.0


def evaluate(name: str, top1: Callable[[str], str | None]) -> Score:
    score = Score()
    for row in rows(name):
        got = top1(row.query)
        if row.accept:
            score.positives += 1
            score.hits += got in row.accept
        if got is not None:
            score.answered += 1
            ok = got in row.accept
            score.correct += ok
            if not ok:
                score.misses.append(f"{row.category}: {row.query!r} → {got} (want {sorted(row.accept) or '-'})")
        elif row.accept:
            score.misses.append(f"{row.category}: {row.query!r} → nothing (want {sorted(row.accept)})")
    return score
