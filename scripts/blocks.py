"""Aligned blocks: the unit shared by both editions.

Every heading and paragraph in ``content/`` carries an id in an attribute list
(``## 6. Title {#art-6}``; a paragraph ends with a line ``{: #art-6-p1 }``). The English edition adds
``data-zh`` (hash of the Chinese block it was translated from) and ``data-status``
(``untranslated``, ``draft`` or ``reviewed``) to the same attribute list, so an editor's pull request
touches only the English Markdown. A reviewed block also carries its review record: ``data-en`` (hash
of the English that was reviewed), ``data-by`` (who) and ``data-on`` (when); the build drops these
three before the page is rendered (``public``). Footnote definitions (``[^tn-…]: …``) are notes, not blocks.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from .errors import InputError

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*\{(#[^{}]*)\}\s*$")
PARAGRAPH_ATTRS = re.compile(r"^\{:\s*(#[^{}]*)\}\s*$")
ATTR_TOKEN = re.compile(r'#([\w-]+)|\.([\w-]+)|([\w-]+)="([^"]*)"|([\w-]+)=(\S+)')
FOOTNOTE = re.compile(r"^\[\^[^\]]+\]:")
FOOTNOTE_REFERENCE = re.compile(r"\[\^([^\]\s]+)\]")
FOOTNOTE_DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:\s*")

STATUSES = ("untranslated", "draft", "reviewed")

#: A reviewer's name: letters, digits, spaces, hyphens, dots and apostrophes, at most 64 characters.
REVIEWER = re.compile(r"^(?=.{1,64}\Z)[^\W_](?:[^\W_]|[ .'-])*(?<! )\Z")
#: The review record of a reviewed block (see ``review_record``); never rendered into the page.
REVIEW_ATTRIBUTES = ("data-en", "data-by", "data-on")

#: The attributes a block's attribute list may carry, each with the form its value must have.
BLOCK_ATTRIBUTES = {
    "id": re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$"),
    "data-zh": re.compile(r"^[0-9a-f]{12}$"),
    "data-status": re.compile(rf"^(?:{'|'.join(STATUSES)})$"),
    "lang": re.compile(r"^(?:zh|en)$"),
    "data-en": re.compile(r"^[0-9a-f]{12}\Z"),
    "data-by": REVIEWER,
    "data-on": re.compile(r"^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\Z"),
}

#: Front matter a content page may have: key -> (type, allowed values or None). Anything else (``title``,
#: ``template``, ``description``, ``hide`` …) would change what the theme renders, so it is refused.
FRONT_MATTER = {
    "edition": (str, {"zh", "en"}),
    "generated_from": (str, None),
    "targets_from": (str, None),
    "search": (dict, None),
}
SEARCH_FRONT_MATTER = {"boost": (int, float)}

#: Characters Python-Markdown would read as markup; escaped with a backslash in generated Markdown.
MARKDOWN_SPECIAL = "\\`*_{}[]<>"


@dataclass
class Block:
    id: str
    kind: str  # "h1" … "h6" or "p"
    text: str  # the block's Markdown text without its attribute list; lines joined with "\n"
    attrs: dict[str, str] = field(default_factory=dict)
    line: int = 0  # first line in the file
    end: int = 0  # last line in the file (the attribute line for a paragraph)

    @property
    def status(self) -> str:
        return self.attrs.get("data-status", "")

    @property
    def source_hash(self) -> str:
        return self.attrs.get("data-zh", "")

    @property
    def review(self) -> Review | None:
        """Who reviewed this block's English, when, and which English; None if it carries no complete record."""
        values = [self.attrs.get(name, "") for name in REVIEW_ATTRIBUTES]
        return Review(*values) if all(values) else None


@dataclass(frozen=True)
class Review:
    english: str  # english_hash of the text that was reviewed
    by: str
    on: str  # ISO date

    def covers(self, block: Block) -> bool:
        """True while the block's English is the English that was reviewed."""
        return self.english == english_hash(block.text)


@dataclass
class Page:
    path: str
    meta: dict
    blocks: list[Block]
    notes: list[tuple[int, str]]  # (line, footnote definition)
    lines: list[str]

    def block(self, block_id: str) -> Block | None:
        return next((b for b in self.blocks if b.id == block_id), None)


def footnotes(page: Page) -> dict[str, str]:
    """The page's footnote definitions by id, continuation lines joined."""
    found: dict[str, str] = {}
    current = None
    for _, line in page.notes:
        start = FOOTNOTE_DEFINITION.match(line)
        if start:
            current = start.group(1)
            found[current] = line[start.end():]
        elif current:
            found[current] += " " + line.strip()
    return found


def text_hash(text: str) -> str:
    """Short, stable fingerprint of a Chinese block's text (what ``data-zh`` records)."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:12]


def english_hash(text: str) -> str:
    """Fingerprint of an English block's text as reviewed (``data-en``). Whitespace runs count as one
    space, so re-wrapping lines (which does not change the page) does not undo a review; any other
    change, even of one character or of Markdown, does."""
    return text_hash(" ".join(text.split()))


def review_attributes(text: str, by: str, on: str) -> dict[str, str]:
    """The attributes that record a review of the English ``text`` by ``by`` on ``on`` (ISO date)."""
    return dict(zip(REVIEW_ATTRIBUTES, (english_hash(text), by, on)))


def public(block: Block) -> Block:
    """The block as the page shows it: without its review record (names and dates stay in the Markdown)."""
    return replace(block, attrs={k: v for k, v in block.attrs.items() if k not in REVIEW_ATTRIBUTES})


def escape(text: str) -> str:
    return "".join("\\" + c if c in MARKDOWN_SPECIAL else c for c in text)


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def parse_attrs(path, line: int, raw: str) -> dict[str, str]:
    """The attributes of ``{#id key="value" …}``; only the format's own attributes and value forms pass."""
    attrs: dict[str, str] = {}
    rest = ATTR_TOKEN.sub("", raw).strip()
    if rest:
        raise InputError(path, line, f"cannot read attribute list {{{raw}}}")
    for match in ATTR_TOKEN.finditer(raw):
        ident, cls, key, value, bare_key, bare_value = match.groups()
        if cls:
            raise InputError(path, line, f"class .{cls} is not allowed in an attribute list (allowed: #id, {', '.join(list(BLOCK_ATTRIBUTES)[1:])})")
        name, value = ("id", ident) if ident else (key or bare_key, value if key else bare_value)
        form = BLOCK_ATTRIBUTES.get(name)
        if form is None:
            raise InputError(path, line, f"attribute {name} is not allowed (allowed: #id, {', '.join(list(BLOCK_ATTRIBUTES)[1:])})")
        if not form.match(value):
            raise InputError(path, line, f"attribute {name}={value!r} does not have the expected form")
        if name in attrs:
            raise InputError(path, line, f"attribute {name} given twice")
        attrs[name] = value
    return attrs


def format_attrs(attrs: dict[str, str]) -> str:
    parts = [f"#{attrs['id']}"]
    parts += [f".{c}" for c in attrs.get("class", "").split()]
    parts += [f'{k}="{v}"' for k, v in attrs.items() if k not in ("id", "class")]
    return " ".join(parts)


def render_block(block: Block) -> str:
    """Markdown for one block, the inverse of ``parse_page`` for that block."""
    attrs = dict(block.attrs, id=block.id)
    if block.kind == "p":
        return f"{block.text}\n{{: {format_attrs(attrs)} }}"
    level = int(block.kind[1])
    return f"{'#' * level} {block.text} {{{format_attrs(attrs)}}}"


def split_front_matter(path, text: str) -> tuple[dict, list[str], int]:
    lines = text.split("\n")
    if lines and lines[0] == "---":
        try:
            end = lines.index("---", 1)
        except ValueError:
            raise InputError(path, 1, "front matter is not closed with ---") from None
        try:
            meta = yaml.safe_load("\n".join(lines[1:end])) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise InputError(path, (mark.line + 2) if mark else 1, f"bad front matter: {exc}") from None
        check_front_matter(path, meta, lines[1:end])
        return meta, lines, end + 1
    return {}, lines, 0


def check_front_matter(path, meta, lines: list[str]) -> None:
    """Raise InputError at the line of the first front-matter key the format does not allow."""
    if not isinstance(meta, dict):
        raise InputError(path, 2, "front matter must be a mapping of keys")

    def line_of(key: str) -> int:
        return next((i + 2 for i, l in enumerate(lines) if l.lstrip().startswith(f"{key}:")), 2)

    for key, value in meta.items():
        if key not in FRONT_MATTER:
            raise InputError(path, line_of(key), f"front matter key {key!r} is not allowed (allowed: {', '.join(FRONT_MATTER)})")
        kind, values = FRONT_MATTER[key]
        if not isinstance(value, kind) or (values is not None and value not in values):
            raise InputError(path, line_of(key), f"front matter {key}: {value!r} is not allowed")
    for key, value in meta.get("search", {}).items():
        kind = SEARCH_FRONT_MATTER.get(key)
        if kind is None or not isinstance(value, kind) or isinstance(value, bool):
            raise InputError(path, line_of(key), f"front matter search.{key} is not allowed (allowed: boost, a number)")


def parse_page(path: str | Path, text: str | None = None) -> Page:
    """Read a content page into aligned blocks; a paragraph without an id is an error."""
    path = Path(path)
    if text is None:
        text = path.read_text(encoding="utf-8")
    meta, lines, start = split_front_matter(path, text)
    blocks: list[Block] = []
    notes: list[tuple[int, str]] = []
    pending: list[tuple[int, str]] = []  # paragraph lines waiting for their attribute line
    in_note = False
    for index in range(start, len(lines)):
        number, line = index + 1, lines[index]
        if not line.strip():
            if pending:
                raise InputError(path, pending[0][0], "paragraph has no id: end it with a line {: #id }")
            in_note = False
            continue
        if FOOTNOTE.match(line) or (in_note and line.startswith("    ")):
            in_note = True
            notes.append((number, line))
            continue
        heading = HEADING.match(line)
        attrs_line = PARAGRAPH_ATTRS.match(line)
        if heading and not pending:
            attrs = parse_attrs(path, number, heading.group(3))
            blocks.append(_block(path, number, number, f"h{len(heading.group(1))}", heading.group(2), attrs))
        elif attrs_line:
            if not pending:
                raise InputError(path, number, "attribute list without a paragraph above it")
            attrs = parse_attrs(path, number, attrs_line.group(1))
            body = "\n".join(l.rstrip() for _, l in pending)
            blocks.append(_block(path, pending[0][0], number, "p", body, attrs))
            pending = []
        elif line.lstrip().startswith("#") and not pending:
            raise InputError(path, number, "heading has no id: end it with {#id}")
        else:
            pending.append((number, line))
    if pending:
        raise InputError(path, pending[0][0], "paragraph has no id: end it with a line {: #id }")
    seen: dict[str, int] = {}
    for block in blocks:
        if block.id in seen:
            raise InputError(path, block.line, f"id {block.id} used twice (first at line {seen[block.id]})")
        seen[block.id] = block.line
        status = block.status
        if status and status not in STATUSES:
            raise InputError(path, block.line, f"unknown data-status {status!r} (use one of {', '.join(STATUSES)})")
    return Page(str(path), meta, blocks, notes, lines)


def _block(path, line: int, end: int, kind: str, text: str, attrs: dict) -> Block:
    block_id = attrs.pop("id", None)
    if not block_id:
        raise InputError(path, line, "attribute list has no #id")
    return Block(block_id, kind, text, attrs, line, end)


def replace_blocks(page: Page, replacements: dict[str, Block]) -> str:
    """The page's text with the named blocks re-rendered; every other line is kept as it was."""
    lines = list(page.lines)
    for block in sorted(page.blocks, key=lambda b: b.line, reverse=True):
        if block.id in replacements:
            lines[block.line - 1 : block.end] = render_block(replacements[block.id]).split("\n")
    return "\n".join(lines)
