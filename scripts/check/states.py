"""Rules ``stale``, ``draft`` and ``not-translated``: warnings about work still to do, per page.

A stale block is listed on its own line (its English must be updated); draft and untranslated blocks
are summed up once per page.
"""

from __future__ import annotations

from ..edition import PagePair
from ..project import Project
from .findings import Finding


def state_findings(project: Project, pair: PagePair) -> list[Finding]:
    if pair.en is None:
        return []
    path = project.relative(pair.en.path)
    states = pair.states()
    findings = [
        Finding(path, en.line, "stale", "warning",
                f"block {zh.id}: the Chinese ({project.relative(pair.zh.path)}:{zh.line}) changed after it was translated")
        for zh, en, state in states
        if state == "stale"
    ]
    drafts = [en for _, en, state in states if state == "draft"]
    if drafts:
        ids = ", ".join(b.id for b in drafts)
        findings.append(Finding(path, drafts[0].line, "draft", "warning", f"{len(drafts)} draft block(s) not yet reviewed: {ids}"))
    untranslated = [zh for zh, _, state in states if state == "untranslated"]
    if untranslated:
        findings.append(Finding(path, 1, "not-translated", "warning",
                                f"{len(untranslated)} of {len(states)} blocks not yet translated"))
    return findings
