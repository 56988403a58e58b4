"""The checks of one translated block pair, shared by ``check`` and by the translate command."""

from __future__ import annotations

from ..blocks import Block
from ..glossary import Glossary
from ..phrasebook import Phrasebook
from ..rendering import Renderer
from .findings import Finding
from .markdown import markdown_findings
from .numbers import number_findings
from .phrasing import phrasing_findings
from .safety import block_safety_findings
from .terms import term_findings
from .untranslated import untranslated_findings


def block_findings(zh_block: Block, en_block: Block, glossary: Glossary | None, *, path: str = "",
                   phrasebook: Phrasebook | None = None, renderer: Renderer | None = None) -> list[Finding]:
    """Numbers, terms, phrasing, untranslated text, Markdown and safety of one English block against its Chinese block.

    An untranslated block has nothing to check. ``glossary`` and ``phrasebook`` may be None (no term or
    phrasing checks); ``renderer`` is the project's Markdown (default: the project of the working
    directory). Lines are file lines counted from ``en_block.line``; ``path`` names the English
    file in the findings.
    """
    if en_block.status in ("", "untranslated"):
        return []
    return (
        number_findings(zh_block, en_block, path)
        + term_findings(zh_block, en_block, glossary, path)
        + phrasing_findings(zh_block, en_block, phrasebook, glossary, path)
        + untranslated_findings(en_block, path)
        + markdown_findings(en_block, path)
        + block_safety_findings(en_block, path, renderer)
    )
