"""Rule ``untranslated``: Chinese characters or full-width punctuation left in English text.

Allowed only in translator's notes (footnotes ``[^tn-…]``), which quote the Chinese on purpose.
"""

from __future__ import annotations

import re

from ..blocks import Block, Page
from .findings import Finding, line_in

CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]+")
TRANSLATOR_NOTE = "[^tn-"


def untranslated_findings(block: Block, path: str = "") -> list[Finding]:
    return [
        Finding(path, line_in(block, m.start()), "untranslated", "error", f"Chinese text {m.group()!r} in English text")
        for m in CHINESE.finditer(block.text)
    ]


def note_findings(page: Page, path: str = "") -> list[Finding]:
    """Footnote definitions other than translator's notes must be English too."""
    findings = []
    in_tn = False
    for line, text in page.notes:
        if not text.startswith("    "):
            in_tn = text.startswith(TRANSLATOR_NOTE)
        match = CHINESE.search(text)
        if match and not in_tn:
            findings.append(Finding(path, line, "untranslated", "error", f"Chinese text {match.group()!r} in a footnote that is not a translator's note ([^tn-…])"))
    return findings
