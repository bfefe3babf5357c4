"""Read YAML keeping the line of every mapping, key and list item, so errors can say where."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

try:  # libyaml is ~5x faster; the pure-Python loader gives the same results
    _Base: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Base = yaml.SafeLoader


class LocatedDict(dict[Any, Any]):
    """A mapping that remembers its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]


class LocatedList(list[Any]):
    """A sequence that remembers its own line and the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]


class DuplicateKey(Exception):
    def __init__(self, key: str, line: int) -> None:
        super().__init__(f"duplicate key '{key}'")
        self.key, self.line = key, line


class _Loader(_Base):  # type: ignore[misc]
    pass


def _construct_map(loader: Any, node: yaml.MappingNode) -> Any:
    data = LocatedDict()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    yield data
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in data.key_lines:
            raise DuplicateKey(str(key), line)
        data.key_lines[key] = line
        data[key] = loader.construct_object(value_node, deep=True)


def _construct_seq(loader: Any, node: yaml.SequenceNode) -> Any:
    data = LocatedList()
    data.line = node.start_mark.line + 1
    data.item_lines = [child.start_mark.line + 1 for child in node.value]
    yield data
    data.extend(loader.construct_object(child, deep=True) for child in node.value)


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


class YamlError(Exception):
    """A file that is not well-formed YAML; ``line`` is 1-based (0 when unknown)."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def read_yaml(path: Path) -> Any:
    """Parse *path*; raise :class:`YamlError` with the line of the first syntax problem."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = f"not UTF-8 (byte {exc.start})"
        raise YamlError(msg, 0) from None
    try:
        return yaml.load(text, Loader=_Loader)
    except DuplicateKey as exc:
        raise YamlError(str(exc), exc.line) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        msg = f"invalid YAML: {exc.problem or exc.context}"
        raise YamlError(msg, line) from None
    except yaml.YAMLError as exc:
        msg = f"invalid YAML: {exc}"
        raise YamlError(msg, 0) from None
