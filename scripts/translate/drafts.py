"""What a machine draft must pass before it is accepted, and how an accepted draft is saved.

A draft, from the model or from the translation memory, is accepted only if it has no control
characters, is at most ``MAX_LENGTH_RATIO`` times as long as its Chinese plus ``LENGTH_ALLOWANCE``
characters, is one clean Markdown block (a heading on one line, a paragraph without blank lines, that
reads back as itself) and ``scripts.check.block_findings`` finds no error in it against the Chinese
(safety, numbers, glossary terms, phrasing, untranslated text such as Han characters, markdown).
It is saved at once: into the translation memory, then into its page (re-read, and written
atomically with the Chinese snapshot it was made from), and only if the English block on disk is
still the one the run started from. A memory entry that fails is dropped and asked for anew.
"""

from __future__ import annotations

import threading
from typing import Callable

from ..blocks import Block, parse_page, render_block, replace_blocks
from ..check import Finding
from ..errors import InputError
from .jobs import Job
from .memory import TranslationMemory
from .progress import Progress
from ..project import Project
from ..snapshots import write_english_page
from .terminal import CONTROL, say

#: The 136 reviewed blocks of content/en (May 2026) are 2.1 to 6.3 times as long as their Chinese, in
#: characters (median 4.8; the highest are short headings such as art-33, 88 for 14). A draft may be
#: twice the highest ratio, plus an allowance for very short blocks; anything longer is not a translation.
MAX_LENGTH_RATIO = 12
LENGTH_ALLOWANCE = 200
#: ``block_findings`` with the glossary and the phrasebook filled in: (Chinese, English) -> findings
BlockCheck = Callable[[Block, Block], list[Finding]]


def validate_drafts(jobs: dict[str, Job], check: BlockCheck, data: dict, pending: list[str]):
    """Accepted English by id, and the problem with every pending id that is not accepted."""
    entries = data.get("blocks")
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        return {}, {i: 'your answer must be {"blocks": [{"id": …, "en": …}, …]}' for i in pending}
    answers: dict[str, list] = {}
    for entry in entries:
        answers.setdefault(str(entry.get("id")), []).append(entry.get("en"))
    others = sorted(set(answers) - set(pending))
    accepted, problems = {}, {}
    for block_id in pending:
        given = answers.get(block_id, [])
        if len(given) != 1:
            extra = f" (your answer had ids {', '.join(others)})" if others else ""
            problems[block_id] = f"id {block_id} must appear exactly once in your answer, found {len(given)}{extra}"
            continue
        text = given[0] if isinstance(given[0], str) else ""
        english = "\n".join(line.rstrip() for line in text.strip().split("\n"))
        problem = english_problem(jobs[block_id], check, english)
        if problem:
            problems[block_id] = problem
        else:
            accepted[block_id] = english
    return accepted, problems


def english_problem(job: Job, check: BlockCheck, english: str) -> str | None:
    """Why this English cannot be the block's draft, or None."""
    if not english:
        return '"en" must be the non-empty English text'
    control = CONTROL.search(english)
    if control:
        return f"control character U+{ord(control.group()):04X} in the text"
    limit = MAX_LENGTH_RATIO * len(job.zh.text) + LENGTH_ALLOWANCE
    if len(english) > limit:
        return f"{len(english):,} characters, more than the {limit:,} allowed for {len(job.zh.text)} Chinese characters"
    candidate = job.draft(english)
    if candidate.kind != "p" and "\n" in candidate.text:
        return "a heading must be a single line"
    try:
        readback = parse_page(job.path, render_block(candidate)).blocks
    except InputError as error:
        return f"not one clean Markdown block: {error.message}"
    if [(b.id, b.text) for b in readback] != [(candidate.id, candidate.text)]:
        return "not one clean Markdown block: no blank lines, no attribute lists, no footnote definitions"
    # Runs in the request threads: the renderer behind the safety rule is thread-safe (scripts/rendering.py).
    errors = [f for f in check(job.zh, candidate) if f.severity == "error"]
    return "; ".join(f"[{f.rule}] {f.message}" for f in errors) or None


class Stopped(Exception):
    """Raised in a request still under way when the run has stopped writing."""


class Drafts:
    """Saves accepted drafts one at a time and records the blocks that failed.

    After a write fails (read-only folder, full disk) or Ctrl-C, nothing more is written: the run
    ends, and the project lock is released, while requests may still be under way.
    """

    def __init__(self, project: Project, memory: TranslationMemory, keys: dict[str, str], model: str, progress: Progress):
        self.project, self.memory, self.keys, self.model, self.progress = project, memory, keys, model, progress
        self.failures: dict[str, str] = {}  # report line by PAGE:ID
        self.saved = 0
        self.stopped = False
        self._lock = threading.Lock()

    def remembered(self, job: Job) -> str | None:
        """The draft the translation memory holds for this request, if any."""
        return self.memory.get(self.keys[job.name])

    def replay(self, selected: list[Job], check: BlockCheck) -> list[Job]:
        """Accept every valid draft the memory holds; drop the invalid ones; return the jobs left to send."""
        to_send = []
        for job in selected:
            english = self.remembered(job)
            problem = None if english is None else english_problem(job, check, english)
            if problem:
                self.memory.drop(self.keys[job.name])
                say(f"{job.where}: [translate] {job.name}: translation memory entry dropped, asking again: {problem}")
            if english is None or problem:
                to_send.append(job)
            else:
                self.accept(job, english)
        return to_send

    def accept(self, job: Job, english: str) -> None:
        with self._lock:
            if self.stopped:
                raise Stopped()
            try:
                self._save(job, english)
            except InputError:
                self.stopped = True
                raise

    def stop(self) -> None:
        with self._lock:
            self.stopped = True

    def _save(self, job: Job, english: str) -> None:
        if self.remembered(job) != english:
            self.memory.put(self.keys[job.name], job.zh.text, english, self.model)
        page = parse_page(job.path)
        current = page.block(job.zh.id)
        if current is None or render_block(current) != render_block(job.en):
            self._fail(job, "the English block changed on disk during the run; not overwritten")
            return
        text = replace_blocks(page, {job.zh.id: job.draft(english)})
        write_english_page(self.project, job.path, text)
        self.saved += 1
        self.progress.step(job.name, "drafted")

    def fail(self, job: Job, reason: str) -> None:
        with self._lock:
            self._fail(job, reason)

    def _fail(self, job: Job, reason: str) -> None:
        self.failures[job.name] = f"{job.where}: [translate] {job.name}: {reason}"
        self.progress.step(job.name, f"failed: {reason}", failed=True)
