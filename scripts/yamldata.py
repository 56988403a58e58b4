"""Load YAML data keeping line numbers: lists of records, and single records; validate their fields.

Shared by the glossary, targets and publication loaders so all report ``file:line: message`` the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError
from .inputs import read_input

#: The largest YAML input: ten times the glossary, the largest today (160 KB).
MAX_YAML_BYTES = 2_000_000


@dataclass
class Record:
    data: dict[str, Any]
    line: int  # line of the record's first key
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


#: libyaml's C parser when PyYAML has it (five to ten times faster on glossary.yml), with the same marks.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Field:
    name: str
    kind: type | tuple[type, ...]
    required: bool = False


def load_yaml(path: str | Path) -> tuple[Any, yaml.Node | None]:
    """The file's data and its node tree (for line numbers); syntax errors raise InputError with their line."""
    path = Path(path)
    raw = read_input(path, MAX_YAML_BYTES, "file", "MAX_YAML_BYTES in scripts/yamldata.py")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(path, None, "not valid UTF-8") from None
    loader = SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(path, mark.line + 1 if mark else None, f"YAML syntax error: {problem}") from None
    finally:
        loader.dispose()


def load_records(path: str | Path, fields: tuple[Field, ...]) -> list[Record]:
    """Parse the file, check each record's keys and value types; raise InputError on the first problem."""
    data, node = load_yaml(path)
    if not isinstance(data, list):
        raise InputError(path, 1, "expected a list of entries (lines starting with '- ')")
    return [check_record(path, item, item_node, fields) for item, item_node in zip(data, node.value)]


def check_record(path, item: Any, node: yaml.Node, fields: tuple[Field, ...], what: str = "entry") -> Record:
    """``item`` as a Record: a mapping with only known keys, each of its type, none required missing."""
    line = node.start_mark.line + 1
    if not isinstance(item, dict):
        raise InputError(path, line, f"{what} is not a mapping of fields")
    record = Record(item, line, {k.value: k.start_mark.line + 1 for k, _ in node.value})
    by_name = {f.name: f for f in fields}
    for key, value in item.items():
        spec = by_name.get(key)
        if spec is None:
            raise InputError(path, record.line_of(key), f"unknown field {key!r} (known: {', '.join(by_name)})")
        if not isinstance(value, spec.kind) or isinstance(value, bool) and bool not in _kinds(spec.kind):
            raise InputError(path, record.line_of(key), f"field {key!r} must be {_describe(spec.kind)}")
    for spec in fields:
        if spec.required and spec.name not in item:
            raise InputError(path, line, f"missing required field {spec.name!r}")
    return record


def _kinds(kind) -> tuple:
    return kind if isinstance(kind, tuple) else (kind,)


def _describe(kind) -> str:
    names = {str: "text", list: "a list", dict: "a mapping", int: "a whole number", float: "a number", bool: "true or false"}
    return " or ".join(names.get(k, k.__name__) for k in _kinds(kind))


def require_unique(path, records: list[Record], key: str, label: str) -> None:
    seen: dict[Any, int] = {}
    for record in records:
        value = record.data.get(key)
        if value in seen:
            raise InputError(path, record.line_of(key), f"duplicate {label} {value!r} (first at line {seen[value]})")
        seen[value] = record.line_of(key)
