"""The Chinese edition's pages: which blocks each page has, their ids, and the way back to the source.

``zh_pages`` turns a parsed Document into pages of blocks; ``reconstruct`` turns the blocks of the
generated pages back into the source's lines, which is how the fidelity test proves nothing was
added, lost or reordered.
"""

from __future__ import annotations

import re

from .blocks import Block, escape, unescape
from .source import Document, articles

ARTICLE_HEADING = re.compile(r"^(\d+)\. (.+)$")


def page_name(part_number: int) -> str:
    return f"part-{part_number:02d}"


def article_pages(document: Document) -> dict[int, str]:
    """Article number -> name of the page that holds it."""
    return {number: page_name(part.number) for number, (part, _) in articles(document).items()}


def zh_pages(document: Document) -> dict[str, list[Block]]:
    """Ordered mapping of page name (``index``, ``part-01`` …) to its Chinese blocks."""
    pages: dict[str, list[Block]] = {"index": [Block("title", "h1", escape(document.title.text))]}
    pages["index"] += _paragraphs("preamble", document.preamble)
    for part in document.parts:
        blocks = [Block(f"part-{part.number}", "h1", escape(part.heading.text))]
        blocks += _paragraphs(f"part-{part.number}-lead", part.leads)
        for article in part.articles:
            blocks.append(Block(f"art-{article.number}", "h2", f"{article.number}. {escape(article.title)}"))
            first = 1 if article.body_on_heading_line else 2
            blocks += [
                Block(f"art-{article.number}-p{first + i}", "p", escape(line.text))
                for i, line in enumerate(article.paragraphs)
            ]
        pages[page_name(part.number)] = blocks
    pages[page_name(document.parts[-1].number)] += _paragraphs("closing", document.closing)
    return pages


def _paragraphs(base_id: str, lines) -> list[Block]:
    return [Block(base_id if i == 0 else f"{base_id}-{i + 1}", "p", escape(line.text)) for i, line in enumerate(lines)]


def reconstruct(blocks: list[Block]) -> list[str]:
    """Source lines (after the punctuation rule) from Chinese blocks in page order."""
    lines: list[str] = []
    for block in blocks:
        heading = ARTICLE_HEADING.match(block.text) if block.kind == "h2" else None
        if heading:
            lines.append(f"{heading.group(1)}.{unescape(heading.group(2))}。")
        elif block.id.endswith("-p1") and block.id.startswith("art-"):
            lines[-1] += unescape(block.text)  # the article's first paragraph shares the heading's line
        else:
            lines.append(unescape(block.text))
    return lines
