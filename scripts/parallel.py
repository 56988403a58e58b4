"""The parallel text of a part: each Chinese block beside its English block, paired by block id.

Built from the two editions' part pages as the build rendered them (term links, translator's notes,
headings' permalinks), so the parallel page shows exactly what each edition shows. Both editions use the
same block ids, so on the parallel page the id moves from the blocks to their row: ``#art-17`` opens the
row of article 17 in either language, and the page has no duplicate ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from mkdocs.utils import get_relative_url
from selectolax.lexbor import LexborHTMLParser, LexborNode


#: Where the parallel text of part page ``NAME`` is published: ``parallel/NAME/`` (one bilingual copy).
FOLDER = "parallel"
#: What the edition's own page puts around its blocks and the parallel page leaves out or redraws.
DROPPED = frozenset({"status-label", "status-banner"})
#: Term tooltips' ids (scripts/glossary/links.py) are prefixed per column, so the two columns never share one.
TIP = "tip-"
_SITE = "http://site/"  # a base for resolving relative links (never output)


def parallel_url(name: str) -> str:
    return f"{FOLDER}/{name}/"


@dataclass(frozen=True)
class EditionPage:
    """One edition's part page as built: its content HTML and its URL (relative to the site root)."""

    html: str
    url: str


@dataclass(frozen=True)
class Column:
    blocks: dict[str, str]  # block id -> the block's HTML, without its id, links relative to the parallel page
    notes: str  # the translator's notes (footnotes), "" if none


def column(page: EditionPage, block_ids: list[str], parallel: str, locale: str) -> Column:
    """The blocks of ``page`` by id, ready for the page at ``parallel`` (a URL relative to the site root)."""
    body = LexborHTMLParser(f"<!DOCTYPE html><html><body>{page.html}</body></html>").body
    wanted = set(block_ids)
    blocks: dict[str, str] = {}
    notes = ""
    for node in body.iter(include_text=False):
        classes = set((node.attributes.get("class") or "").split())
        if classes & DROPPED:
            continue
        _relink(node, page.url, parallel)
        _prefix_tips(node, locale)
        block_id = node.attributes.get("id")
        if block_id in wanted:
            del node.attrs["id"]
            blocks[block_id] = node.html
        elif "footnote" in classes:
            notes = node.html
    return Column(blocks, notes)


def _relink(node: LexborNode, source_url: str, target_url: str) -> None:
    """Relative links of a page at ``source_url`` rewritten to work from ``target_url``."""
    for link in [node, *node.css("a[href]")]:
        href = link.attributes.get("href")
        if href is None or href.startswith("#") or urlsplit(href).scheme or href.startswith("/"):
            continue
        target = urlsplit(urljoin(_SITE + source_url, href))
        relative = get_relative_url(target.path.removeprefix("/") or ".", target_url)
        link.attrs["href"] = relative + (f"#{target.fragment}" if target.fragment else "")


def _prefix_tips(node: LexborNode, locale: str) -> None:
    for element in [node, *node.css("[id], [aria-describedby]")]:
        for attribute in ("id", "aria-describedby"):
            value = element.attributes.get(attribute)
            if value and value.startswith(TIP):
                element.attrs[attribute] = f"{locale}-{value}"
