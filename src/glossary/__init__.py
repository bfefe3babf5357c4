"""glossary: Russian and Ukrainian terms, names and romanizations for COI reports.

The public API is small: ``load()`` a :class:`Glossary`, then ``Glossary.match(query)``; the
data model is in :mod:`glossary.model`. Names are resolved lazily so ``import glossary`` is cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from glossary.errors import DataError, GlossaryError, Problem, UsageError
    from glossary.match.results import Match, Mention
    from glossary.model.concept import Concept
    from glossary.store import Glossary, load
    from glossary.translit import romanizations, transliterate, untransliterate

__all__ = [
    "Concept", "DataError", "Glossary", "GlossaryError", "Match", "Mention", "Problem", "UsageError", "load",
    "romanizations", "transliterate", "untransliterate",
]

_WHERE = {
    "Concept": "glossary.model",
    "DataError": "glossary.errors",
    "Glossary": "glossary.store",
    "GlossaryError": "glossary.errors",
    "Match": "glossary.match.results",
    "Problem": "glossary.errors",
    "UsageError": "glossary.errors",
    "load": "glossary.store",
    "Mention": "glossary.match.results",
    "romanizations": "glossary.translit",
    "transliterate": "glossary.translit",
    "untransliterate": "glossary.translit",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        msg = f"module 'glossary' has no attribute {name!r}"
        raise AttributeError(msg)
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)
