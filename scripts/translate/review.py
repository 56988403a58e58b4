"""``translate --review``: the model reads English blocks against the Chinese; nothing is changed.

Findings are printed in the check format, ``file:line: [review] message``, in reading order.
"""

from __future__ import annotations

from .conversation import ask_all
from .jobs import Job, batches, named
from .llm import Endpoint
from .progress import Progress
from .terminal import say

ANSWER = 'your answer must be {"findings": [{"id": …, "message": …}, …]}'


def to_review(jobs: list[Job], targets: list[str]) -> tuple[list[Job], list[str]]:
    """The translated blocks of the named pages and blocks, and notes on named blocks with no English yet."""
    pages, blocks = named(jobs, targets)
    chosen = [job for job in jobs if (job.name in blocks or job.page in pages) and job.state != "untranslated"]
    notes = [f"{job.where}: [review] {job.name} is not translated; nothing to review"
             for job in jobs if job.name in blocks and job.state == "untranslated"]
    return chosen, notes


def validate_findings(data: dict, pending: list[str]):
    """Findings (one-line messages) for every pending id, or the same problem for all of them."""
    findings = data.get("findings")
    if not isinstance(findings, list) or not all(
        isinstance(f, dict) and isinstance(f.get("message"), str) and f["message"].strip() for f in findings
    ):
        return {}, {i: ANSWER for i in pending}
    unknown = sorted({str(f.get("id")) for f in findings} - set(pending))
    if unknown:
        return {}, {i: f"findings name ids that were not sent: {', '.join(unknown)}" for i in pending}
    return {i: [" ".join(f["message"].split()) for f in findings if f["id"] == i] for i in pending}, {}


def review(endpoint: Endpoint, system: str, selected: list[Job], size: int, attempts: int, workers: int, progress: Progress) -> int:
    by_id = {job.zh.id: job for job in selected}
    found: dict[str, list[str]] = {}
    failures: dict[str, str] = {}

    def accept(block_id: str, messages: list[str]) -> None:
        found[block_id] = messages
        progress.step(by_id[block_id].name, f"{len(messages)} finding(s)")

    def fail(block_id: str, reason: str) -> None:
        failures[block_id] = reason
        progress.step(by_id[block_id].name, f"failed: {reason}", failed=True)

    items = [{job.zh.id: job.payload(review=True) for job in batch} for batch in batches(selected, size)]
    ask_all(endpoint, system, items, validate_findings, accept, fail, attempts, workers)
    progress.close()
    for job in selected:
        for message in found.get(job.zh.id, []):
            say(f"{job.where}: [review] {job.zh.id}: {message}")
        if job.zh.id in failures:
            say(f"{job.where}: [translate] {job.name}: review failed: {failures[job.zh.id]}")
    say(f"review: {sum(map(len, found.values()))} finding(s) in {len(found)} block(s), {len(failures)} failed")
    return 1 if failures else 0
