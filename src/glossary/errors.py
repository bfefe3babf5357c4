"""Exceptions of the public API; the CLI turns each into one ``Error: ...`` line and exit 2."""

from __future__ import annotations

from typing import NamedTuple


class GlossaryError(Exception):
    """Base class for every error the toolkit raises on purpose."""


class UsageError(GlossaryError):
    """A caller asked for something that does not exist (unknown scheme, language, format)."""


class Problem(NamedTuple):
    """One problem found in a data file, located as precisely as we can."""

    file: str
    line: int
    entry: str | None
    field: str | None
    message: str

    def sort_key(self) -> tuple[str, int, str, str, str]:
        """Order by file, line, entry, field, message (None sorts first)."""
        return (self.file, self.line, self.entry or "", self.field or "", self.message)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        parts = [where]
        if self.entry:
            parts.append(f"entry '{self.entry}'")
        head = ": ".join(parts)
        if self.field:
            return f"{head}: field '{self.field}': {self.message}"
        return f"{head}: {self.message}"


class DataError(GlossaryError):
    """Data files failed validation; carries *all* problems found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=Problem.sort_key)
        n = len(self.problems)
        first = str(self.problems[0]) if self.problems else "no details"
        more = f" (and {n - 1} more)" if n > 1 else ""
        super().__init__(f"{first}{more}")
