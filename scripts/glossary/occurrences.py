"""Where each glossary term occurs: the article (or part lead) ids of the Chinese edition, in order."""

from __future__ import annotations

from dataclasses import dataclass

from .. import ids
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
        zh, en = UNNUMBERED[ids.family(self.anchor)]
        return zh if locale == "zh" else en


#: What an occurrence list shows for a block outside the articles, instead of an article number.
UNNUMBERED = {ids.PART: ("导语", "lead"), ids.CLOSING: ("结束语", "closing"), ids.PREAMBLE: ("导言", "preamble"),
              ids.TITLE: ("标题", "title"), ids.ADOPTION: ("通过说明", "adoption note")}


def term_occurrences(project: Project, glossary: Glossary) -> dict[str, list[Place]]:
    places: dict[str, list[Place]] = {term.id: [] for term in glossary}
    for name in page_names(project):
        for block in parse_page(project.zh_dir / f"{name}.md").blocks:
            anchor, number = ids.anchor_of(block.id)
            place = Place(name, anchor, number)
            for term in glossary.terms_in(block.text):
                if place not in places[term.id]:
                    places[term.id].append(place)
    return places
