"""Which XLIFF units change which English blocks, and whether every change may be written.

A unit changes its block when its target differs, other than in whitespace (CAT tools may reflow
lines), from the English it was exported with (its ``extradata`` fingerprint; without one, from the
English now in the repository); an empty or missing target changes nothing. A changed target for a
block whose English also changed in the repository since the export is a conflict and refused. The whole file is refused
when a unit is not a block of the edition, appears twice, or has a source that is not the current
Chinese (the file was exported before the Chinese changed): its English would be recorded against
Chinese the translator never saw. Each changed target must pass what a machine draft must pass
(``scripts.translate.drafts.english_problem``: one clean Markdown block and ``check``'s rules,
safety included) and refer only to footnotes its page defines. Changed blocks become ``draft``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..blocks import FOOTNOTE_REFERENCE, Block, footnotes, parse_page, replace_blocks
from ..translate.drafts import BlockCheck, english_problem
from ..translate.jobs import Job
from .export import english_fingerprint, squeezed
from .reading import Unit


@dataclass
class Change:
    job: Job
    english: str

    @property
    def block(self) -> Block:
        return self.job.draft(self.english)


def changes(units: list[Unit], jobs: list[Job], check: BlockCheck, where: str) -> tuple[list[Change], list[str]]:
    """The changes the file asks for, and one line per problem (``where`` names the XLIFF file)."""
    by_name = {job.name: job for job in jobs}
    seen: dict[str, int] = {}
    found, problems = [], []
    defined: dict[Path, set[str]] = {}
    for unit in units:
        at = f"{where}:{unit.line}: unit {unit.id or '(no id)'}"
        job = by_name.get(unit.id)
        if unit.id in seen:
            problems.append(f"{at}: the same unit again (first at line {seen[unit.id]})")
            continue
        seen[unit.id] = unit.line
        if job is None:
            problems.append(f"{at}: no such block in the English edition (ids are PAGE:BLOCK-ID)")
            continue
        if squeezed(unit.source) != squeezed(job.zh.text):
            problems.append(f"{at}: the source is not the current Chinese of {job.zh.id} ({job.where}); export the file again")
            continue
        english = "\n".join(line.rstrip() for line in (unit.target or "").strip().split("\n"))
        current = english_fingerprint(job.en.text) if job.state != "untranslated" else ""
        exported = unit.exported or current
        if not english or english_fingerprint(english) in (exported, current):
            continue
        if exported != current:
            problems.append(f"{at}: the English of {job.zh.id} changed in the repository since the export ({job.where}); export again and redo the change")
            continue
        if job.path not in defined:
            defined[job.path] = set(footnotes(parse_page(job.path)))
        missing = [name for name in FOOTNOTE_REFERENCE.findall(english) if name not in defined[job.path]]
        problem = english_problem(job, check, english) or (missing and f"footnote [^{missing[0]}] is not defined on the page")
        if problem:
            problems.append(f"{at}: {problem}")
        else:
            found.append(Change(job, english))
    return found, problems


def page_texts(changed: list[Change]) -> dict[Path, str]:
    """Each changed English page's new text."""
    by_page: dict[Path, dict[str, Block]] = {}
    for change in changed:
        by_page.setdefault(change.job.path, {})[change.job.zh.id] = change.block
    return {path: replace_blocks(parse_page(path), blocks) for path, blocks in by_page.items()}


def summary(changed: list[Change]) -> str:
    reviewed = [c.job.name for c in changed if c.job.en.status == "reviewed"]
    note = f"; {len(reviewed)} of them were reviewed and are now draft: {', '.join(reviewed)}" if reviewed else ""
    names = ", ".join(c.job.name for c in changed) or "none"
    return f"xliff import: {len(changed)} block(s) written as draft ({names}){note}"
