"""The data model: :mod:`~glossary.model.concept` (what a concept is), the YAML reader that keeps line
numbers (:mod:`~glossary.model.yamlio`) and the schema check (:mod:`~glossary.model.schema`).

The concept types are re-exported here so ``from glossary.model import Concept`` reads naturally; the
YAML reader and the schema load PyYAML, so they are imported only by whoever builds the glossary.
"""

from glossary.model.concept import (
    CYRILLIC_LANGS,
    JURISDICTIONS,
    KINDS,
    LANGS,
    RELATIONS,
    TYPES,
    Abbreviation,
    Article,
    Concept,
    Form,
    LangTerms,
    Office,
    Romanized,
    Source,
    concept_from_dict,
)

__all__ = [
    "CYRILLIC_LANGS", "JURISDICTIONS", "KINDS", "LANGS", "RELATIONS", "TYPES", "Abbreviation", "Article",
    "Concept", "Form", "LangTerms", "Office", "Romanized", "Source", "concept_from_dict",
]
