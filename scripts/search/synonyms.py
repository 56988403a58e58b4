"""search-synonyms.yml: the words readers type, mapped to the words each edition of the plan uses.

Optional (a new publication has none). Per edition (``zh:``, ``en:``) a list of entries
``{reader: [...], plan: [...], note: ...}``: a query holding a ``reader`` word also finds the ``plan``
words, with a lower weight than the word itself. A ``plan`` string that no longer occurs in its edition's
pages (English ignoring case) finds nothing: ``check`` warns about it (``scripts/check/synonyms.py``); the build
does not stop for it, so a retranslated block never breaks the site.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import InputError
from ..project import Project
from ..yamldata import Field, check_record, load_yaml

EDITIONS = ("zh", "en")
FIELDS = (Field("reader", list, required=True), Field("plan", list, required=True), Field("note", str))


@dataclass(frozen=True)
class Synonym:
    reader: list[str]
    plan: list[str]
    line: int
    plan_lines: tuple[int, ...] = field(default=(), compare=False)  # the line of each plan word


Synonyms = dict[str, list[Synonym]]


def edition_texts(project: Project) -> dict[str, str]:
    """Each edition's pages as one text (English lower-cased), to check ``plan`` strings against."""
    texts = {}
    for edition, folder in (("zh", project.zh_dir), ("en", project.en_dir)):
        text = "\n".join(page.read_text(encoding="utf-8") for page in sorted(folder.glob("*.md")))
        texts[edition] = text.lower() if edition == "en" else text
    return texts


def load_synonyms(path: Path) -> Synonyms:
    """The validated file; InputError with file and line on the first problem."""
    data, node = load_yaml(path)
    if not isinstance(data, dict):
        raise InputError(path, 1, f"expected a mapping of editions ({', '.join(EDITIONS)}) to lists of entries")
    found: Synonyms = {edition: [] for edition in EDITIONS}
    for key_node, list_node in node.value:
        edition = key_node.value
        if edition not in EDITIONS:
            raise InputError(path, key_node.start_mark.line + 1, f"unknown edition {edition!r} (known: {', '.join(EDITIONS)})")
        if not isinstance(list_node, yaml.SequenceNode):
            raise InputError(path, list_node.start_mark.line + 1, f"{edition}: expected a list of entries (lines starting with '- ')")
        for item, item_node in zip(data[edition] or [], list_node.value):
            record = check_record(path, item, item_node, FIELDS)
            values = dict((k.value, v) for k, v in item_node.value)
            for field in ("reader", "plan"):
                for value, value_node in zip(item[field], values[field].value):
                    _check_word(path, value_node.start_mark.line + 1, field, value)
            plan_lines = tuple(value_node.start_mark.line + 1 for value_node in values["plan"].value)
            found[edition].append(Synonym(item["reader"], item["plan"], record.line, plan_lines))
    return found


def _check_word(path, line: int, field: str, value) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InputError(path, line, f"each {field} word must be non-empty text")
