"""Text primitives every wing shares: script tests, the match-key fold, the scheme-neutral skeleton, morphology.

Data flows text → model → translit → match → store → citations/exchange → commands; nothing here imports
from a later layer (docs/architecture.md).
"""
