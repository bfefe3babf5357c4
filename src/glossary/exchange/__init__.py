"""Glossary exchange: gettext catalogs (po.py), TBX (tbx.py), CSV/TSV (csv.py), merging imports (merge.py).

Every format converts between :class:`~glossary.model.concept.Concept` and the entry dicts of the YAML files
(``Concept.to_dict()``), through the flat records of ``records.py``; an import is validated by the
same code as ``terms/`` before anything is written.
"""
