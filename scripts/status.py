"""Where the translation stands, page by page: the data of the status page (and of ``check``'s warnings)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .blocks import unescape
from .edition import PagePair, load_pairs
from .project import Project

STATES = ("reviewed", "draft", "stale", "untranslated")


@dataclass
class PageStatus:
    name: str
    zh_title: str
    en_title: str | None  # None while the English title is not translated
    counts: Counter
    reviewed_on: str

    @property
    def blocks(self) -> int:
        return sum(self.counts.values())


def page_status(pair: PagePair) -> PageStatus:
    states = pair.states()
    title_zh, title_en, title_state = states[0]
    en_title = unescape(title_en.text) if title_state != "untranslated" else None
    reviewed_on = str(pair.en.meta.get("reviewed_on", "")) if pair.en else ""
    return PageStatus(pair.name, unescape(title_zh.text), en_title, Counter(s for *_, s in states), reviewed_on)


def edition_status(project: Project) -> list[PageStatus]:
    return [page_status(pair) for pair in load_pairs(project)]
