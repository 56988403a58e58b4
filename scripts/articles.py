"""The articles of a publication, part by part: numbers, titles and ids read from the parts' headings.

Used by the article index page (scripts/hooks/articles.py) and the pages' titles and descriptions
(scripts/hooks/metadata.py): both editions share the block ids, so the same ids come from either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from scripts.blocks import Page, parse_page
from scripts.edition import page_names
from scripts.project import Project

_NUMBERED = re.compile(r"^(\d+)\.\s*(.*)$", re.S)
_NOTE_REF = re.compile(r"\[\^[^\]]+\]")


@dataclass(frozen=True)
class Article:
    id: str  # art-24
    number: str  # "24"
    title: str  # the heading without its number and translator's-note references


@dataclass(frozen=True)
class Part:
    name: str  # the page: part-06
    id: str  # its heading's id: part-6
    title: str
    articles: list[Article]


def plain(text: str) -> str:
    """A heading or paragraph as one line of text without footnote references."""
    return " ".join(_NOTE_REF.sub("", text).split())


def part_of(name: str, page: Page) -> Part:
    heading = page.blocks[0]
    articles = []
    for block in page.blocks:
        match = _NUMBERED.match(plain(block.text)) if block.kind == "h2" and block.id.startswith("art-") else None
        if match:
            articles.append(Article(block.id, match.group(1), match.group(2)))
    return Part(name, heading.id, plain(heading.text), articles)


def edition_parts(project: Project, locale: str) -> list[Part]:
    """The parts of one edition (``zh`` or ``en``), in reading order."""
    folder = project.en_dir if locale == "en" else project.zh_dir
    return [part_of(name, parse_page(folder / f"{name}.md")) for name in page_names(project) if name != "index"]
