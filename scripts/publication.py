"""``publication.yml``: what is specific to the published document.

Today it holds ``structure``, what ``python -m scripts split`` expects the source to produce: the
number of parts and articles, whether a closing paragraph follows the last article, and the sha256 of
the source's text as last accepted. ``split`` refuses a source that differs (a truncated download, an
accidental edit); ``split --accept`` rewrites the block after a deliberate change, leaving the rest of
the file as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import InputError
from .source import Document
from .templating import render
from .yamldata import Field, check_record, load_yaml

FIELDS = (Field("structure", dict),)
STRUCTURE_FIELDS = (
    Field("parts", int, required=True),
    Field("articles", int, required=True),
    Field("closing", bool, required=True),
    Field("sha256", str, required=True),
)
SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class Structure:
    parts: int
    articles: int
    closing: bool
    sha256: str  # of the source's paragraphs as split reads them (Document.digest)

    def outline(self) -> tuple[int, int, bool]:
        return self.parts, self.articles, self.closing

    def describe(self) -> str:
        return f"{self.parts} parts, {self.articles} articles and {'a' if self.closing else 'no'} closing paragraph"


def structure_of(document: Document) -> Structure:
    count = sum(len(part.articles) for part in document.parts)
    return Structure(len(document.parts), count, bool(document.closing), document.digest)


@dataclass(frozen=True)
class Publication:
    path: Path
    structure: Structure | None  # None: no source accepted yet
    block: tuple[int, int] | None = None  # first and last line (0-based) of the structure block in the file


def load_publication(path: str | Path) -> Publication:
    """The file's data, validated; a missing file is a publication with nothing accepted yet."""
    path = Path(path)
    if not path.exists():
        return Publication(path, None)
    data, node = load_yaml(path)
    if node is None:
        return Publication(path, None)
    check_record(path, data, node, FIELDS, what="publication.yml")
    entry = next(((key, value) for key, value in node.value if key.value == "structure"), None)
    if entry is None:
        return Publication(path, None)
    key, value = entry
    record = check_record(path, data["structure"], value, STRUCTURE_FIELDS, what="structure")
    structure = Structure(**record.data)
    for name in ("parts", "articles"):
        if record.data[name] < 1:
            raise InputError(path, record.line_of(name), f"{name} must be at least 1")
    if not SHA256.match(structure.sha256):
        raise InputError(path, record.line_of("sha256"), "sha256 must be 64 lower-case hexadecimal digits")
    return Publication(path, structure, (key.start_mark.line, _last_line(value)))


def with_structure(publication: Publication, structure: Structure) -> str:
    """The file's text with ``structure`` as its structure block; every other line stays as it is."""
    block = render("publication_structure.yml.j2", structure=structure)
    lines = publication.path.read_text(encoding="utf-8").splitlines(keepends=True) if publication.path.exists() else []
    if publication.block is not None:
        first, last = publication.block
        return "".join(lines[:first]) + block + "".join(lines[last + 1 :])
    text = "".join(lines)
    return text + ("\n" if text and not text.endswith("\n") else "") + block


def _last_line(node: yaml.Node) -> int:
    """The last line with content of a node (its end mark is on the next line after a block scalar)."""
    if isinstance(node, yaml.MappingNode):
        return max(_last_line(child) for pair in node.value for child in pair)
    if isinstance(node, yaml.SequenceNode) and node.value:
        return max(_last_line(child) for child in node.value)
    return node.end_mark.line - (1 if node.end_mark.column == 0 and node.end_mark.line > node.start_mark.line else 0)
