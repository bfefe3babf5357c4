"""Merge imported entries into a user's glossary folder as an ordinary YAML file.

Nothing is overwritten: an imported concept whose id already exists is either identical (left as it
is) or a conflict (reported, not written). The new entries are validated together with the folder's
existing ones by the same code as ``glossary validate`` before the file is written, atomically.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glossary.errors import Problem
from glossary.exchange.records import RELATION_FIELDS_ALL, normalise_entry
from glossary.model.concept import Concept


@dataclass
class Conflict:
    id: str
    where: str
    fields: list[str]


@dataclass
class MergeResult:
    path: Path
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    written: bool = False


def slug(ident: str) -> str:
    """A foreign id as a glossary id: ``IATE-1234`` → ``iate-1234``, ``C_12`` → ``c-12``."""
    return re.sub(r"[^a-z0-9]+", "-", ident.lower()).strip("-") or "concept"


def complete(
    entry: dict[str, Any],
    *,
    source: str,
    default_type: str,
    jurisdiction: str | None,
    renamed: dict[str, str],
) -> dict[str, Any]:
    """Fill what a foreign file may lack: type, jurisdiction (only if given), a source naming the file."""
    out = dict(entry)
    new_id = slug(str(out["id"]))
    if new_id != out["id"]:
        renamed[str(out["id"])] = new_id
        out["id"] = new_id
    for rel in RELATION_FIELDS_ALL:
        if rel in out:
            out[rel] = [slug(t) for t in out[rel]]
    out.setdefault("type", default_type)
    if "jurisdiction" not in out and jurisdiction:
        out["jurisdiction"] = [jurisdiction]
    out.setdefault("sources", [{"ref": f"imported from {source}"}])
    return normalise_entry(out)


def dump_yaml(entries: list[dict[str, Any]]) -> str:
    import yaml

    return yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)


def _differences(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    return sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))


def merge(entries: list[dict[str, Any]], into: Path, filename: str, *, dry_run: bool = False) -> MergeResult:
    """Add *entries* to folder *into* as ``into/filename``, validating everything first."""
    from glossary.model.schema import check_concepts, check_dirs, check_file, duplicate_ids

    target = into / filename
    result = MergeResult(target)
    existing: list[Concept] = []
    if into.is_dir() and any(p.suffix in (".yaml", ".yml") for p in into.rglob("*")):
        existing, problems, _ = check_dirs([into])
        if problems:
            result.problems = problems  # the folder must be valid before we add to it
            return result
    by_id = {c.id: c for c in existing}
    new: list[dict[str, Any]] = []
    for entry in entries:
        old = by_id.get(entry["id"])
        if old is None:
            new.append(entry)
            continue
        diff = _differences(normalise_entry(old.to_dict()), entry)
        if diff:
            result.conflicts.append(Conflict(old.id, f"{old.file}:{old.line}", diff))
        else:
            result.unchanged.append(old.id)
    if not new:
        return result
    old_text = target.read_text(encoding="utf-8") if target.is_file() else ""
    text = old_text + ("\n" if old_text and not old_text.endswith("\n") else "") + dump_yaml(new)
    with tempfile.TemporaryDirectory() as tmp:
        trial = Path(tmp) / filename
        trial.write_text(text, encoding="utf-8")
        checked = check_file(trial, display=str(target))
    others = [c for c in existing if Path(c.file).resolve() != target.resolve()]
    problems = checked.problems + duplicate_ids(others + checked.concepts)
    if not problems:
        problems = check_concepts(others + checked.concepts)
    if problems:
        result.problems = sorted(set(problems))
        return result
    result.added = [e["id"] for e in new]
    if not dry_run:
        from glossary.fileio import atomic_write

        atomic_write(target, text.encode("utf-8"))
        result.written = True
    return result
