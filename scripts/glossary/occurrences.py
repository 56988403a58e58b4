"""Where each glossary term occurs: the article (or part lead) ids of the Chinese edition, in order."""

from __future__ import annotations

from dataclasses import dataclass

from ..edition import page_names
from . import Glossary
from ..blocks import parse_page
from ..project import Project


@dataclass(frozen=True)
class Place:
    page: str  # e.g. "part-01"
    anchor: str  # e.g. "art-4" or "part-2"
    number: int  # article number, or 0 for a part's lead text

    def label(self, locale: str) -> str:
        if self.number:
            return str(self.number)
        zh, en = UNNUMBERED[self.anchor.split("-")[0]]
        return zh if locale == "zh" else en


UNNUMBERED = {"part": ("导语", "lead"), "closing": ("结束语", "closing"), "preamble": ("导言", "preamble"), "title": ("标题", "title")}


def article_of(block_id: str) -> tuple[str, int]:
    """The anchor that a block belongs to: art-4-p2 -> (art-4, 4); part-2-lead -> (part-2, 0)."""
    parts = block_id.split("-")
    if parts[0] == "art":
        return f"art-{parts[1]}", int(parts[1])
    if parts[0] == "part":
        return f"part-{parts[1]}", 0
    return block_id, 0


def term_occurrences(project: Project, glossary: Glossary) -> dict[str, list[Place]]:
    places: dict[str, list[Place]] = {term.id: [] for term in glossary}
    for name in page_names(project):
        for block in parse_page(project.zh_dir / f"{name}.md").blocks:
            anchor, number = article_of(block.id)
            place = Place(name, anchor, number)
            for term in glossary.terms_in(block.text):
                if place not in places[term.id]:
                    places[term.id].append(place)
    return places
