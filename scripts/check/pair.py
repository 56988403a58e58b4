"""The checks of one translated block pair, shared by ``check`` and by the translate command."""

from __future__ import annotations

from ..blocks import Block
from ..glossary import Glossary
from .findings import Finding
from .markdown import markdown_findings
from .numbers import number_findings
from .safety import block_safety_findings
from .terms import term_findings
from .untranslated import untranslated_findings


def block_findings(zh_block: Block, en_block: Block, glossary: Glossary | None, *, path: str = "") -> list[Finding]:
    """Safety, numbers, terms, untranslated text and Markdown of one English block against its Chinese block.

    An untranslated block has nothing to check. ``glossary`` may be None (no term checks). Lines are
    file lines counted from ``en_block.line``; ``path`` names the English file in the findings.
    """
    if en_block.status in ("", "untranslated"):
        return []
    return (
        block_safety_findings(en_block, path)
        + number_findings(zh_block, en_block, path)
        + term_findings(zh_block, en_block, glossary, path)
        + untranslated_findings(en_block, path)
        + markdown_findings(en_block, path)
    )
