"""Rule ``safety``: no raw HTML, ``<script>``, ``javascript:`` links or event handlers in content or data.

Content is Markdown and data is YAML; neither needs HTML. An escaped ``\\<`` and an autolink
``<https://…>`` are not HTML.
"""

from __future__ import annotations

import re

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
