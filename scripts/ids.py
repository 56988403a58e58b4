"""Page names and block ids of both editions: the one place they are built and read.

Pages: ``index`` (title, adoption note, preamble) and one page per part, ``part-01`` … (two digits, so
that the names sort in reading order). Blocks: ``title``, ``adoption``, ``preamble``; on a part's page
``part-N`` (its heading), ``part-N-lead`` (lead paragraphs before its first article), ``art-N`` (an
article's heading), ``art-N-pK`` (its paragraphs, ``p1`` being the rest of the heading's line), and
``closing`` after the last article. The second and later paragraphs of an unnumbered run take ``-2``,
``-3`` … (``preamble-2``, ``part-3-lead-2``).
"""

from __future__ import annotations

import re

INDEX = "index"
TITLE = "title"
ADOPTION = "adoption"
PREAMBLE = "preamble"
CLOSING = "closing"

#: The first word of the ids of articles and their paragraphs, and of part headings and leads.
ARTICLE = "art"
PART = "part"

#: The file names of the part pages in an edition's folder.
PART_PAGES = f"{PART}-*.md"

_ARTICLE = re.compile(rf"^{ARTICLE}-(\d+)(?:-p(\d+))?$")
_PART = re.compile(rf"^{PART}-(\d+)(?:-lead(?:-\d+)?)?$")


def page_name(part: int) -> str:
    return f"{PART}-{part:02d}"


def is_part_page(name: str) -> bool:
    """Whether ``name`` (a page name without folder or suffix) is a part's page."""
    return re.fullmatch(rf"{PART}-\d+", name) is not None


def part_id(part: int) -> str:
    return f"{PART}-{part}"


def lead_id(part: int) -> str:
    return f"{PART}-{part}-lead"


def article_id(article: int) -> str:
    return f"{ARTICLE}-{article}"


def paragraph_id(article: int, paragraph: int) -> str:
    return f"{ARTICLE}-{article}-p{paragraph}"


def run_id(base: str, position: int) -> str:
    """The id of the ``position``-th (1-based) paragraph of an unnumbered run: preamble, preamble-2 …"""
    return base if position == 1 else f"{base}-{position}"


def paragraph_number(block_id: str) -> int:
    """K of ``art-N-pK``; 0 for any other id."""
    match = _ARTICLE.match(block_id)
    return int(match.group(2)) if match and match.group(2) else 0


def anchor_of(block_id: str) -> tuple[str, int]:
    """The heading a block belongs to and its article number (0 outside articles).

    ``art-4-p2`` -> (``art-4``, 4); ``part-2-lead`` -> (``part-2``, 0); ``closing`` -> (``closing``, 0).
    """
    if article := _ARTICLE.match(block_id):
        return article_id(int(article.group(1))), int(article.group(1))
    if part := _PART.match(block_id):
        return part_id(int(part.group(1))), 0
    return block_id, 0


def family(block_id: str) -> str:
    """ARTICLE, PART, or the id of an unnumbered block without its ``-2`` suffix (CLOSING, PREAMBLE …)."""
    return block_id.split("-", 1)[0]


def on_part_page(block_id: str) -> bool:
    """Whether the block is part of a part's page (a part heading or lead, an article, the closing)."""
    return family(block_id) in (ARTICLE, PART, CLOSING)
