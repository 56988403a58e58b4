"""Rule ``safety``: no raw HTML, ``<script>``, ``javascript:`` links or event handlers in content or data.

Content is Markdown and data is YAML; neither needs HTML. An escaped ``\\<`` and an autolink
``<https://…>`` are not HTML.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..blocks import Block
from .findings import Finding

PROBLEMS = (
    (re.compile(r"<\s*script", re.IGNORECASE), "<script> element"),
    (re.compile(r"javascript\s*:", re.IGNORECASE), "javascript: link"),
    (re.compile(r"\bon[a-z]+\s*=\s*[\"'\w]", re.IGNORECASE), "event-handler attribute"),
    (re.compile(r"(?<!\\)<\s*(?!https?://)[/!?]?[A-Za-z]"), "raw HTML"),
)


def safety_findings(path: str, text: str) -> list[Finding]:
    findings = []
    for number, line in enumerate(text.split("\n"), start=1):
        for pattern, what in PROBLEMS:
            match = pattern.search(line)
            if match:
                findings.append(Finding(path, number, "safety", "error", f"{what} ({match.group()}…) is not allowed"))
                break
    return findings


def block_safety_findings(block: Block, path: str) -> list[Finding]:
    """The safety rule over one block's text, with file lines counted from ``block.line``."""
    return [replace(f, line=block.line + f.line - 1) for f in safety_findings(path, block.text)]
