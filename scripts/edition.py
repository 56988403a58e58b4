"""Both editions side by side: the Chinese blocks, the English blocks, and how they line up."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import ids
from .blocks import Block, Page, parse_page, text_hash
from .project import Project

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")

#: English pages that are not translations of a Chinese page (filled in at build time).
OWN_PAGES = {"status", "glossary", "targets"}


@dataclass
class PagePair:
    name: str
    zh: Page
    en: Page | None

    def english_for(self, zh_block: Block) -> Block | None:
        return self.en.block(zh_block.id) if self.en else None

    def states(self) -> list[tuple[Block, Block | None, str]]:
        """Each Chinese block with its English block and that block's state, in page order."""
        return [(b, self.english_for(b), block_state(b, self.english_for(b))) for b in self.zh.blocks]


def block_state(zh_block: Block, en_block: Block | None) -> str:
    """untranslated, draft, reviewed or stale (translated from a Chinese text that has since changed)."""
    if en_block is None or en_block.status in ("", "untranslated"):
        return "untranslated"
    if en_block.source_hash != text_hash(zh_block.text):
        return "stale"
    return en_block.status


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
