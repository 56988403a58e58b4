"""Load a YAML list of records keeping line numbers, and validate record fields.

Shared by the glossary and the targets loaders so both report ``file:line: message`` the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError


@dataclass
class Record:
    data: dict[str, Any]
    line: int  # line of the record's first key
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


@dataclass(frozen=True)
class Field:
    name: str
    kind: type | tuple[type, ...]
    required: bool = False


def load_records(path: str | Path, fields: tuple[Field, ...]) -> list[Record]:
    """Parse the file, check each record's keys and value types; raise InputError on the first problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, None, "file not found") from None
    except UnicodeDecodeError:
        raise InputError(path, None, "not valid UTF-8") from None
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(path, mark.line + 1 if mark else None, f"YAML syntax error: {problem}") from None
    finally:
        loader.dispose()
    if not isinstance(data, list):
        raise InputError(path, 1, "expected a list of entries (lines starting with '- ')")
    by_name = {f.name: f for f in fields}
    records = []
    for item, item_node in zip(data, node.value):
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict):
            raise InputError(path, line, "entry is not a mapping of fields")
        key_lines = {k.value: k.start_mark.line + 1 for k, _ in item_node.value}
        record = Record(item, line, key_lines)
        for key, value in item.items():
            spec = by_name.get(key)
            if spec is None:
                raise InputError(path, record.line_of(key), f"unknown field {key!r} (known: {', '.join(by_name)})")
            if not isinstance(value, spec.kind) or isinstance(value, bool) and bool not in _kinds(spec.kind):
                raise InputError(path, record.line_of(key), f"field {key!r} must be {_describe(spec.kind)}")
        for spec in fields:
            if spec.required and spec.name not in item:
                raise InputError(path, line, f"missing required field {spec.name!r}")
        records.append(record)
    return records


def _kinds(kind) -> tuple:
    return kind if isinstance(kind, tuple) else (kind,)


def _describe(kind) -> str:
    names = {str: "text", list: "a list", dict: "a mapping", int: "a whole number", float: "a number"}
    return " or ".join(names.get(k, k.__name__) for k in _kinds(kind))


def require_unique(path, records: list[Record], key: str, label: str) -> None:
    seen: dict[Any, int] = {}
    for record in records:
        value = record.data.get(key)
        if value in seen:
            raise InputError(path, record.line_of(key), f"duplicate {label} {value!r} (first at line {seen[value]})")
        seen[value] = record.line_of(key)
