"""The Chinese edition's pages: which blocks each page has, and the way back to the source.

``zh_pages`` turns a parsed Document into pages of blocks (ids from scripts/ids.py); ``reconstruct``
turns the blocks of the generated pages back into the source's lines, which is how the fidelity test
proves nothing was added, lost or reordered. An article's heading keeps the source's own number
(``1. 标题`` or ``（1）标题``) so the edition stays verbatim.
"""

from __future__ import annotations

from . import ids
from .blocks import Block, escape, unescape
from .ids import page_name
from .source import NUMBERINGS, Document, Line, articles

HEADINGS = [(numbering, numbering.heading_pattern()) for numbering in NUMBERINGS]


def article_pages(document: Document) -> dict[int, str]:
    """Article number -> name of the page that holds it."""
    return {number: page_name(part.number) for number, (part, _) in articles(document).items()}


def zh_pages(document: Document) -> dict[str, list[Block]]:
    """Ordered mapping of page name (``index``, ``part-01`` …) to its Chinese blocks."""
    index = [Block(ids.TITLE, "h1", escape(document.title.text))]
    index += _paragraphs(ids.ADOPTION, [document.adoption] if document.adoption else [])
    pages: dict[str, list[Block]] = {ids.INDEX: index + _paragraphs(ids.PREAMBLE, document.preamble)}
    for part in document.parts:
        blocks = [Block(ids.part_id(part.number), "h1", escape(part.heading.text))]
        blocks += _paragraphs(ids.lead_id(part.number), part.leads)
        for article in part.articles:
            heading = document.numbering.heading.format(article.number) + escape(article.title)
            blocks.append(Block(ids.article_id(article.number), "h2", heading))
            first = 1 if article.body_on_heading_line else 2
            blocks += [
                Block(ids.paragraph_id(article.number, first + i), "p", escape(line.text))
                for i, line in enumerate(article.paragraphs)
            ]
        pages[page_name(part.number)] = blocks
    pages[page_name(document.parts[-1].number)] += _paragraphs(ids.CLOSING, document.closing)
    return pages


def _paragraphs(base_id: str, lines: list[Line]) -> list[Block]:
    return [Block(ids.run_id(base_id, i), "p", escape(line.text)) for i, line in enumerate(lines, 1)]


def reconstruct(blocks: list[Block]) -> list[str]:
    """Source lines (after the punctuation rule) from Chinese blocks in page order."""
    lines: list[str] = []
    for block in blocks:
        if block.kind == "h2" and (line := _article_line(block.text)):
            lines.append(line)
        elif ids.paragraph_number(block.id) == 1:
            lines[-1] += unescape(block.text)  # the article's first paragraph shares the heading's line
        else:
            lines.append(unescape(block.text))
    return lines


def _article_line(heading: str) -> str | None:
    """The source line an article's heading comes from (without its first paragraph), None for another heading."""
    for numbering, pattern in HEADINGS:
        if match := pattern.match(heading):
            return f"{numbering.marker.format(match.group(1))}{unescape(match.group(2))}。"
    return None
