"""``publication.yml``: everything specific to the published document, so the code serves any proposal.

- ``document``: titles, publisher, adopting body and date, date and address of publication, and a one-line
  description (used by the site, the translation prompts, the TBX header and citations);
- ``site``: the site's name and description in each edition, and its address;
- ``source``: the source file and the lines of the web page that are not part of the text (boilerplate);
- ``targets``: the baseline and target years of the targets chart, the categories of targets.yml and those the
  chart draws from;
- ``structure``: what ``python -m scripts split`` expects the source to produce (parts, articles, closing
  paragraph and a digest of the text as last accepted). ``split`` refuses a source that differs (a
  truncated download, an accidental edit); ``split --accept`` rewrites this block after a deliberate change,
  leaving the rest of the file as it is.

Texts given in both languages are mappings ``{zh: …, en: …}``; an English text may be left out while it
is not translated, and the English edition then shows the Chinese.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import InputError
from .source import Document
from .templating import render
from .yamldata import Field, check_record, load_yaml

FIELDS = (
    Field("document", dict),
    Field("site", dict),
    Field("source", dict),
    Field("targets", dict),
    Field("structure", dict),
)
BILINGUAL_FIELDS = (Field("zh", str, required=True), Field("en", str))
DOCUMENT_FIELDS = (
    Field("title", dict, required=True),
    Field("short_title", dict, required=True),
    Field("publisher", dict, required=True),
    Field("adopted_by", dict),
    Field("adopted_on", (str, datetime.date)),
    Field("published_on", (str, datetime.date)),
    Field("published_by", dict),
    Field("source_url", str),
    Field("description", dict, required=True),
)
SITE_FIELDS = (
    Field("name", dict, required=True),
    Field("description", dict, required=True),
    Field("url", str),
    Field("repository", str),  # https://github.com/OWNER/REPO: "edit this page" and "report an error" links
    Field("branch", str),
)
SOURCE_FIELDS = (Field("file", str), Field("boilerplate", list))
TARGETS_FIELDS = (Field("baseline_year", int), Field("target_year", int), Field("categories", dict), Field("chart_categories", list))
DEFAULT_SOURCE = "source/proposal.txt"
STRUCTURE_FIELDS = (
    Field("parts", int, required=True),
    Field("articles", int, required=True),
    Field("closing", bool, required=True),
    Field("sha256", str, required=True),
)
SHA256 = re.compile(r"^[0-9a-f]{64}$")
WEB_ADDRESS = re.compile(r"^https?://[^\s<>\"'`\\]+$")


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
class Bilingual:
    zh: str
    en: str | None = None  # None while not translated: the English edition shows the Chinese

    def __call__(self, lang: str) -> str:
        return self.en if lang == "en" and self.en else self.zh


@dataclass(frozen=True)
class DocumentInfo:
    title: Bilingual
    short_title: Bilingual
    publisher: Bilingual
    description: Bilingual
    adopted_by: Bilingual | None = None
    adopted_on: str = ""
    published_on: str = ""
    published_by: Bilingual | None = None
    source_url: str = ""


@dataclass(frozen=True)
class SiteInfo:
    name: Bilingual
    description: Bilingual
    url: str = ""
    repository: str = ""
    branch: str = "main"


@dataclass(frozen=True)
class TargetsInfo:
    baseline_year: int | None = None
    target_year: int | None = None
    categories: dict[str, Bilingual] = field(default_factory=dict)
    chart_categories: tuple[str, ...] = ()  # the categories the headline chart draws from; () for all


@dataclass(frozen=True)
class Publication:
    path: Path
    structure: Structure | None  # None: no source accepted yet
    block: tuple[int, int] | None = None  # first and last line (0-based) of the structure block in the file
    document: DocumentInfo | None = None  # None for a file that has no document section (yet)
    site: SiteInfo | None = None
    source_file: str = DEFAULT_SOURCE
    boilerplate: tuple[re.Pattern, ...] = ()
    boilerplate_notes: tuple[str, ...] = ()  # each pattern's comment in the file ("" if none), for readers
    targets: TargetsInfo = TargetsInfo()


def load_publication(path: str | Path) -> Publication:
    """The file's data, validated; a missing file is a publication with nothing accepted yet."""
    path = Path(path)
    if not path.exists():
        return Publication(path, None)
    data, node = load_yaml(path)
    if node is None:
        return Publication(path, None)
    check_record(path, data, node, FIELDS, what="publication.yml")
    sections = {key.value: value for key, value in node.value}
    described = dict(
        document=_section(path, data, sections, "document", DOCUMENT_FIELDS, DocumentInfo) if "document" in sections else None,
        site=_section(path, data, sections, "site", SITE_FIELDS, SiteInfo) if "site" in sections else None,
        targets=_targets(path, data, sections),
        **_source(path, data, sections),
    )
    entry = next(((key, value) for key, value in node.value if key.value == "structure"), None)
    if entry is None:
        return Publication(path, None, **described)
    key, value = entry
    record = check_record(path, data["structure"], value, STRUCTURE_FIELDS, what="structure")
    structure = Structure(**record.data)
    for name in ("parts", "articles"):
        if record.data[name] < 1:
            raise InputError(path, record.line_of(name), f"{name} must be at least 1")
    if not SHA256.match(structure.sha256):
        raise InputError(path, record.line_of("sha256"), "sha256 must be 64 lower-case hexadecimal digits")
    return Publication(path, structure, (key.start_mark.line, _last_line(value)), **described)


def _bilingual(path, value, node, what: str) -> Bilingual:
    record = check_record(path, value, node, BILINGUAL_FIELDS, what=what)
    return Bilingual(**record.data)


def _section(path, data, sections, name: str, fields, kind):
    node = sections[name]
    record = check_record(path, data[name], node, fields, what=name)
    for key in ("url", "repository", "source_url"):
        if key in record.data and not WEB_ADDRESS.match(str(record.data[key])):
            raise InputError(path, record.line_of(key), f"{name}.{key} must be an http:// or https:// address")
    values = {}
    children = {key.value: child for key, child in node.value}
    for spec in fields:
        if spec.name in record.data:
            value = record.data[spec.name]
            values[spec.name] = _bilingual(path, value, children[spec.name], f"{name}.{spec.name}") if spec.kind is dict else str(value)
    return kind(**values)


def _targets(path, data, sections) -> TargetsInfo:
    if "targets" not in sections:
        return TargetsInfo()
    node = sections["targets"]
    record = check_record(path, data["targets"], node, TARGETS_FIELDS, what="targets")
    children = {key.value: child for key, child in node.value}
    categories = {}
    if "categories" in record.data:
        for key, child in children["categories"].value:
            categories[key.value] = _bilingual(path, record.data["categories"][key.value], child, f"targets.categories.{key.value}")
    chart = tuple(str(c) for c in record.data.get("chart_categories", []))
    unknown = [c for c in chart if c not in categories]
    if unknown:
        raise InputError(path, record.line_of("chart_categories"), f"targets.chart_categories names no category: {', '.join(unknown)}")
    return TargetsInfo(record.data.get("baseline_year"), record.data.get("target_year"), categories, chart)


def _source(path, data, sections) -> dict:
    if "source" not in sections:
        return {}
    record = check_record(path, data["source"], sections["source"], SOURCE_FIELDS, what="source")
    patterns = []
    for text in record.data.get("boilerplate", []):
        try:
            patterns.append(re.compile(str(text)))
        except re.error as error:
            raise InputError(path, record.line_of("boilerplate"), f"boilerplate pattern {text!r} is not a regular expression: {error}") from None
    children = {key.value: child for key, child in sections["source"].value}
    items = children["boilerplate"].value if "boilerplate" in children and isinstance(children["boilerplate"], yaml.SequenceNode) else []
    lines = path.read_text(encoding="utf-8").splitlines()
    notes = tuple(_trailing_comment(lines[item.end_mark.line][item.end_mark.column:]) for item in items)
    return {"source_file": record.data.get("file", DEFAULT_SOURCE), "boilerplate": tuple(patterns), "boilerplate_notes": notes}


def _trailing_comment(rest: str) -> str:
    """The comment after a value on its line (``- ^图片$  # image placeholder`` -> ``image placeholder``)."""
    rest = rest.strip()
    return rest[1:].strip() if rest.startswith("#") else ""


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
