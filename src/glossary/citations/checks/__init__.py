"""Find what an editor finds by eye in a report's citations, and explain it.

Kinds (``Finding.kind``), each with severity, the exact strings involved and a suggestion:

- ``mixed-script``: a token mixing Cyrillic and Latin letters (``МК.ru``, ``Подмоскowie``) — error;
- ``misspelling``: a name the glossary knows only as an attested misspelling (``Nastoyashee vremya``)
  — warning;
- ``romanization``: one Cyrillic word romanized two ways in the document (``Federacii``/``Federatsii``)
  — warning;
- ``name-translation``: a person's name in the bracketed translation that does not match the Cyrillic title,
  read through transliteration and inflection (``Альберта Сахибгареева`` ↔ ``Albert Sakhigareev``) — error;
- ``name-variant``: one person spelled two ways (``Olikier``/``Oliker``) — error;
- ``outlet-variant``: one outlet printed under two names that are not its short and long forms — warning;
- ``title-mismatch`` / ``translation-mismatch`` / ``date-mismatch``: a footnote differs from its
  bibliography entry — error / warning;
- ``missing-from-bibliography``: a footnote cites a source the bibliography lacks — error;
- ``uncited-entry``: a "sources used" entry no footnote cites — warning;
- ``oral-date``: an oral source's date in a footnote missing from the bibliography's list of dates — error;
- ``missing-date`` / ``malformed-date``: no date, or a date without a year — warning / error;
- ``order``: bibliography section out of alphabetical order — warning;
- ``duplicate-entry``: the same entry twice in the bibliography — error;
- ``page-break`` (info) and ``style`` (warning): what the parser repaired or noticed.

Built the way Babel builds its catalog checkers: one small function per finding kind, listed in a table, fed
by a short loop (``Checker``) over one shared ``Store``. The tables, in the order they run:
``record.CITATION_CHECKS`` (every citation as it streams in), ``record.ENTRY_CHECKS`` (a bibliography entry
against the earlier ones), ``record.TEXT_CHECKS`` (body text), then ``document.DOCUMENT_CHECKS`` (the whole
document; the footnote ↔ bibliography checks are ``document.PAIR_CHECKS``). To add a check, write the function
beside its kind's neighbours and list it in its table; a new kind also goes in this list, the ``glossary
check`` help and README.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from glossary.citations.checks.document import DOCUMENT_CHECKS
from glossary.citations.checks.record import CITATION_CHECKS, ENTRY_CHECKS, TEXT_CHECKS, romanized_name
from glossary.citations.checks.store import Store
from glossary.citations.model import Citation, Finding

if TYPE_CHECKING:
    from glossary import Glossary
    from glossary.citations.euaa import Text

__all__ = ["Checked", "Checker", "Store", "check", "romanized_name"]


class Checker:
    """Checks records as they stream in (``add``), keeping on disk only what the whole-document checks need;
    ``finish`` runs those, ``findings`` reads every finding back sorted by line (``run`` does both)."""

    def __init__(self, glossary: Glossary | None) -> None:
        self.store = Store(glossary)

    @property
    def counts(self) -> dict[str, int]:
        """Findings so far by severity."""
        return self.store.counts

    def add(self, item: Citation | Text) -> None:
        store = self.store
        if isinstance(item, Citation):
            for check in CITATION_CHECKS:
                check(store, item)
            if item.kind == "footnote":
                store.keep_footnote(item)
            else:
                store.keep_entry(item)
                for check in ENTRY_CHECKS:
                    check(store, item)
        elif item.kind == "body":
            for text_check in TEXT_CHECKS:
                text_check(store, item)

    def finish(self) -> None:
        """The checks that need the whole document (romanization, footnote ↔ bibliography)."""
        for check in DOCUMENT_CHECKS:
            check(self.store)
        self.store.flush_groups()

    def findings(self) -> Iterator[Finding]:
        """Every finding, by line, then severity, then kind (then the order they were found in)."""
        return self.store.findings()

    def run(self) -> list[Finding]:
        self.finish()
        return list(self.findings())

    def close(self) -> None:
        self.store.close()


class Checked:
    """The outcome of checking one document: ``citations`` read, ``counts`` by severity, and the findings by
    line when iterated (read back from disk; the store is closed when they are exhausted, on ``close()`` or
    at the end of a ``with`` block)."""

    def __init__(self, checker: Checker, citations: int) -> None:
        self._checker = checker
        self.citations = citations
        self.counts = dict(checker.counts)

    def __iter__(self) -> Iterator[Finding]:
        try:
            yield from self._checker.findings()
        finally:
            self.close()

    def close(self) -> None:
        self._checker.close()

    def __enter__(self) -> Checked:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def check(
    items: Iterable[Citation | Text], glossary: Glossary | None = None, *, progress: Callable[[int], Any] | None = None
) -> Checked:
    """Check a stream of records (``parse(..., with_text=True)``: body text has checks too); *progress* is
    called with the number of records read so far. See the module docstring for the kinds."""
    checker = Checker(glossary)
    citations = 0
    try:
        for n, item in enumerate(items, start=1):
            checker.add(item)
            citations += isinstance(item, Citation)
            if progress is not None:
                progress(n)
        checker.finish()
    except BaseException:
        checker.close()
        raise
    return Checked(checker, citations)
