"""Both editions side by side: the Chinese blocks, the English blocks, and how they line up."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from . import ids
from .blocks import Block, Page, parse_page, text_hash
from .project import Project

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")

class State(str, Enum):
    """Where an English block stands, in the order the status page lists the states.

    The one list of states: ``check``, the status page and the page labels all use it. Members compare
    equal to their value (``State.DRAFT == "draft"``), which templates and CSS class names use.
    """

    REVIEWED = "reviewed"  # read against the Chinese; the English and the Chinese are still the ones reviewed
    EDITED = "edited"  # marked reviewed, but the English changed after the review (or no review is recorded)
    DRAFT = "draft"
    STALE = "stale"  # translated from a Chinese text that has since changed
    UNTRANSLATED = "untranslated"

    def __str__(self) -> str:
        return self.value

    __hash__ = str.__hash__  # a Counter of states is read with plain strings in templates


#: English pages that are not translations of a Chinese page (filled in at build time).
OWN_PAGES = {"status", "glossary", "targets", "articles", "about"}


@dataclass
class PagePair:
    name: str
    zh: Page
    en: Page | None

    def english_for(self, zh_block: Block) -> Block | None:
        return self.en.block(zh_block.id) if self.en else None

    def states(self) -> list[tuple[Block, Block | None, State]]:
        """Each Chinese block with its English block and that block's state, in page order."""
        return [(b, self.english_for(b), block_state(b, self.english_for(b))) for b in self.zh.blocks]


def block_state(zh_block: Block, en_block: Block | None) -> State:
    """The state of an English block against its Chinese block (see ``State``)."""
    if en_block is None or en_block.status in ("", "untranslated"):
        return State.UNTRANSLATED
    if en_block.source_hash != text_hash(zh_block.text):
        return State.STALE
    if en_block.status == "reviewed" and not (en_block.review and en_block.review.covers(en_block)):
        return State.EDITED
    return State(en_block.status)


def page_names(project: Project) -> list[str]:
    """The pages generated from the source (home page and parts), in reading order."""
    names = sorted(p.stem for p in project.zh_dir.glob(ids.PART_PAGES))
    return ([ids.INDEX] if (project.zh_dir / f"{ids.INDEX}.md").exists() else []) + names


def load_pair(project: Project, name: str) -> PagePair:
    zh = parse_page(project.zh_dir / f"{name}.md")
    en_path: Path = project.en_dir / f"{name}.md"
    return PagePair(name, zh, parse_page(en_path) if en_path.exists() else None)


def load_pairs(project: Project) -> list[PagePair]:
    return [load_pair(project, name) for name in page_names(project)]


def orphan_english_pages(project: Project, names: list[str]) -> list[Path]:
    """English pages that translate a Chinese page not among ``names``."""
    return [path for path in sorted(project.en_dir.glob("*.md")) if path.stem not in names and path.stem not in OWN_PAGES]


def translated_blocks(page: Page) -> str:
    """The page's draft and reviewed blocks as ``id (status)``, comma-separated; empty if it has none."""
    return ", ".join(f"{b.id} ({b.status})" for b in page.blocks if b.status in ("draft", "reviewed"))
