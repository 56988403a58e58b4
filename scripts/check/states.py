"""Rule ``review`` (error): a block marked reviewed whose English is not the English reviewed; rules
``stale``, ``draft`` and ``not-translated``: warnings about work still to do, per page.

An edited or stale block is listed on its own line (its English must be re-read or updated); draft and
untranslated blocks are summed up once per page.
"""

from __future__ import annotations

from ..blocks import Block
from ..edition import PagePair, State
from ..project import Project
from .findings import Finding


def state_findings(project: Project, pair: PagePair) -> list[Finding]:
    if pair.en is None:
        return []
    path = project.relative(pair.en.path)
    states = pair.states()
    findings = [review_finding(path, pair.name, en) for _, en, state in states if state == State.EDITED]
    findings += [
        Finding(path, en.line, "stale", "warning",
                f"block {zh.id}: the Chinese ({project.relative(pair.zh.path)}:{zh.line}) changed after it was translated")
        for zh, en, state in states
        if state == State.STALE
    ]
    drafts = [en for _, en, state in states if state == State.DRAFT]
    if drafts:
        ids = ", ".join(b.id for b in drafts)
        findings.append(Finding(path, drafts[0].line, "draft", "warning", f"{len(drafts)} draft block(s) not yet reviewed: {ids}"))
    untranslated = [zh for zh, _, state in states if state == State.UNTRANSLATED]
    if untranslated:
        findings.append(Finding(path, 1, "not-translated", "warning",
                                f"{len(untranslated)} of {len(states)} blocks not yet translated"))
    return findings


def review_finding(path: str, page: str, en: Block) -> Finding:
    """An edited block: why its review does not hold, and the command that records a new one."""
    why = "edited after review" if en.review else "marked reviewed without a review record (data-en, data-by, data-on)"
    return Finding(path, en.line, "review", "error", f"block {en.id}: {why}: re-read it against the Chinese and "
                   f"mark it: python -m scripts mark {page} {en.id} --as reviewed --by NAME")
