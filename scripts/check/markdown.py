"""Rule ``markdown``: unbalanced brackets and quotes, doubled words and double spaces in English text.

Single quotes are not counted: ’ is also the apostrophe. "had had" and "that that" are English.
"""

from __future__ import annotations

import re

from ..blocks import Block
from .findings import Finding, line_in

PAIRS = {")": "(", "]": "[", "}": "{", "”": "“"}
DOUBLED = re.compile(r"\b([A-Za-z]+)\s+\1\b", re.IGNORECASE)
ALLOWED_DOUBLES = {"had", "that"}
DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")


def markdown_findings(block: Block, path: str = "") -> list[Finding]:
    text = block.text

    def finding(position: int, message: str, severity: str = "error") -> Finding:
        return Finding(path, line_in(block, position), "markdown", severity, message)

    findings = [finding(pos, f"unbalanced {mark!r}") for pos, mark in _unbalanced(text)]
    if text.count('"') % 2:
        findings.append(finding(text.index('"'), 'odd number of straight double quotes (")'))
    findings += [
        finding(m.start(), f"doubled word {m.group()!r}")
        for m in DOUBLED.finditer(text)
        if m.group(1).lower() not in ALLOWED_DOUBLES
    ]
    findings += [finding(m.start(), "double space inside a sentence", "warning") for m in DOUBLE_SPACE.finditer(text)]
    return findings


def _unbalanced(text: str) -> list[tuple[int, str]]:
    stack: list[tuple[int, str]] = []
    bad: list[tuple[int, str]] = []
    for position, char in enumerate(text):
        if char in PAIRS.values():
            stack.append((position, char))
        elif char in PAIRS:
            if stack and stack[-1][1] == PAIRS[char]:
                stack.pop()
            else:
                bad.append((position, char))
    return bad + stack
