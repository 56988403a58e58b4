"""The blocks a run works on: each English block with its Chinese, its state and its prompt context."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..blocks import Block, Page
from ..edition import State, block_state, load_pairs
from ..errors import InputError
from ..glossary import Glossary, Term
from ..mark import marked
from ..project import Project
from ..snapshots import load_snapshots


@dataclass
class Job:
    """One English block to draft or review, with what the prompt says about it."""

    page: str  # page name, e.g. part-02
    path: Path  # the English page
    where: str  # "content/en/part-02.md:12", for messages
    zh: Block
    en: Block
    state: State  # block_state of the pair
    context: dict  # {"part": …, "article": …}: the headings above the block
    terms: list[Term]  # glossary entries occurring in the Chinese
    old_zh: str | None = None  # for a stale block, the Chinese it was translated from, if recorded

    @property
    def name(self) -> str:
        return f"{self.page}:{self.zh.id}"

    def payload(self, review: bool = False) -> dict:
        """The block as the user message presents it to the model, to draft or to review."""
        item = {
            "id": self.zh.id,
            "type": "heading" if self.zh.kind.startswith("h") else "paragraph",
            "context": self.context,
            "zh": self.zh.text,
            "glossary": [{"zh": t.zh, "en": t.en, "do_not_use": t.deprecated} for t in self.terms],
        }
        if review:
            item["en"] = self.en.text
        elif self.state == "stale":
            item["update"] = {"old_zh": self.old_zh, "old_en": self.en.text}
        return item

    def draft(self, english: str) -> Block:
        return marked(self.zh, replace(self.en, text=english), "draft")


def build_jobs(project: Project, glossary: Glossary) -> tuple[list[Job], list[str]]:
    """A job for every block that has an English block, in reading order; notes on those that have none."""
    snapshots = load_snapshots(project)
    jobs, notes = [], []
    for pair in load_pairs(project):
        if pair.en is None:
            notes.append(f"{project.relative(project.en_dir / (pair.name + '.md'))}: no English page; run python -m scripts split")
            continue
        path = Path(pair.en.path)
        context = contexts(pair.zh, pair.en)
        for zh in pair.zh.blocks:
            en = pair.english_for(zh)
            if en is None:
                notes.append(f"{project.relative(path)}: no English block {zh.id}; run python -m scripts split")
                continue
            state = block_state(zh, en)
            old_zh = snapshots.get(en.source_hash) if state == "stale" else None
            where = f"{project.relative(path)}:{en.line}"
            jobs.append(Job(pair.name, path, where, zh, en, state, context[zh.id], glossary.terms_in(zh.text), old_zh))
    return jobs, notes


def contexts(zh: Page, en: Page) -> dict[str, dict]:
    """For every block, the part (page) heading and the article heading above it, in both languages."""
    found: dict[str, dict] = {}
    part = article = None
    for block in zh.blocks:
        if block.kind == "h1":
            part, article = block, None
        found[block.id] = {"part": _heading(part, en, block), "article": _heading(article, en, block)}
        if block.kind == "h2":
            article = block
    return found


def _heading(heading: Block | None, en: Page, current: Block) -> dict | None:
    if heading is None or heading is current:
        return None
    english = en.block(heading.id)
    translated = english is not None and english.status in ("draft", "reviewed")
    return {"zh": heading.text, "en": english.text if translated else None}


def named(jobs: list[Job], names: list[str], option: str = "") -> tuple[set[str], set[str]]:
    """The pages and the blocks (PAGE:ID) that the names select; with ``option``, blocks only."""
    pages = {job.page for job in jobs}
    blocks = {job.name for job in jobs}
    chosen_pages, chosen_blocks = set(), set()
    for name in names:
        if name in blocks:
            chosen_blocks.add(name)
        elif name in pages and not option:
            chosen_pages.add(name)
        else:
            what = "block (PAGE:ID" if option else "page or block (PAGE or PAGE:ID"
            raise InputError(f"{option} {name}".strip(), None, f"no such {what}, e.g. part-02:art-6-p1)")
    return chosen_pages, chosen_blocks


def batches(jobs: list[Job], size: int) -> list[list[Job]]:
    """Consecutive blocks of one page, ``size`` at most, so a request keeps its context together."""
    groups: list[list[Job]] = []
    for job in jobs:
        if groups and len(groups[-1]) < size and groups[-1][-1].page == job.page:
            groups[-1].append(job)
        else:
            groups.append([job])
    return groups
