"""Precision and recall@1 of the matcher on the evaluation set; both halves are reported.

The held-out half is never used for tuning (tests/matcher/README.md).
"""

from __future__ import annotations

import pytest

from glossary import Glossary

from .evalset import evaluate, rows


def _top1(g: Glossary, query: str) -> str | None:
    found = g.match(query, top=1)
    return found[0].concept.id if found else None


@pytest.mark.parametrize("half", ["dev", "heldout"])
def test_eval_set_precision_and_recall(bundled: Glossary, half: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert len(rows(half)) >= 150
    score = evaluate(half, lambda q: _top1(bundled, q))
    with capsys.disabled():
        print(f"\n[{half}] recall@1 {score.recall:.3f}  precision {score.precision:.3f}  "
              f"({score.hits}/{score.positives} found, {score.correct}/{score.answered} answers right)")
    assert score.recall >= 0.95, "\n".join(score.misses)
    assert score.precision >= 0.98, "\n".join(score.misses)
