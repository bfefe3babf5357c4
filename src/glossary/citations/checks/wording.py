"""How findings put things in words: lists of footnotes, what differs between two printings, short quotes."""

from __future__ import annotations

import re


def quoted(strings: list[str]) -> str:
    return " / ".join(f"'{s}'" for s in strings)


def times(n: int) -> str:
    return f" (printed {n} times)" if n > 1 else ""


def footnotes(numbers: list[int]) -> str:
    """'footnote 8', 'footnotes 8 and 9', 'footnotes 8, 9 and 12'."""
    ns = [str(n) for n in numbers] or ["?"]
    if len(ns) == 1:
        return f"footnote {ns[0]}"
    return f"footnotes {', '.join(ns[:-1])} and {ns[-1]}"


def their(numbers: list[int]) -> str:
    return "their" if len(numbers) > 1 else "its"


def verb(numbers: list[int], one: str, many: str) -> str:
    return many if len(numbers) > 1 else one


def diff(a: str, b: str) -> str:
    """What differs between the footnote's text *a* and the bibliography's *b*, in words: the differing words
    of each side, or what one side adds when the other has nothing there."""
    wa, wb = a.split(), b.split()
    i = 0
    while i < min(len(wa), len(wb)) and wa[i] == wb[i]:
        i += 1
    j = 0
    while j < min(len(wa), len(wb)) - i and wa[-1 - j] == wb[-1 - j]:
        j += 1
    da = " ".join(wa[i : len(wa) - j])
    db = " ".join(wb[i : len(wb) - j])
    tail = re.match(r".*?([,.;:]+)$", da)
    if tail and db.endswith(tail.group(1)) and len(tail.group(1)) < min(len(da), len(db)):
        da, db = da[: -len(tail.group(1))], db[: -len(tail.group(1))]  # "Sakhibgareev," / "Sakhigareev,"
    if not da:
        return f"the bibliography adds '{db}'"
    if not db:
        return f"the footnote adds '{da}'"
    return f"'{da}' in the footnote, '{db}' in the bibliography"


def short(text: str, limit: int = 60) -> str:
    """*text* shortened at a word boundary, with an ellipsis when it is cut (never mid-word)."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,;:") + "…"
