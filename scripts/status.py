"""Where the translation stands, page by page: the data of the status page (and of ``check``'s warnings)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .blocks import Review, unescape
from .edition import PagePair, State, load_pairs
from .project import Project

#: The status page's columns, in order (``State`` is the one list of states).
STATES = tuple(State)


@dataclass
class PageStatus:
    name: str
    zh_title: str
    en_title: str | None  # None while the English title is not translated
    counts: Counter
    last_review: str  # "2026-12-02, NAME": the latest review that still holds, and who made it; "" if none

    @property
    def blocks(self) -> int:
        return sum(self.counts.values())


def page_status(pair: PagePair) -> PageStatus:
    states = pair.states()
    title_zh, title_en, title_state = states[0]
    en_title = unescape(title_en.text) if title_state != State.UNTRANSLATED else None
    reviews = [en.review for _, en, state in states if state == State.REVIEWED]
    counts = Counter(s for *_, s in states)
    return PageStatus(pair.name, unescape(title_zh.text), en_title, counts, latest_review(reviews))


def latest_review(reviews: list[Review]) -> str:
    """The date of the latest review and everyone who reviewed on that date."""
    if not reviews:
        return ""
    on = max(r.on for r in reviews)
    return f"{on}, {', '.join(sorted({r.by for r in reviews if r.on == on}))}"


def edition_status(project: Project) -> list[PageStatus]:
    return [page_status(pair) for pair in load_pairs(project)]
