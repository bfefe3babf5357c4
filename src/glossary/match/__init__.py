"""The matcher: the index of every form (:mod:`~glossary.match.index`), the fuzzy partition filter,
query lookup (:mod:`~glossary.match.lookup`) and term finding in running text (:mod:`~glossary.match.annotate`).
"""
