"""The document's pages as the built site shows them: each page's blocks (by id) and its notes.

The PDFs are made from the site's own HTML, so they carry exactly what readers of the site get (glossary
terms, review labels, translator's notes), already checked against the HTML allowlist by the build. A
page that is missing or is not a page the build wrote is an ``InputError`` naming it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..errors import InputError

#: What the site adds around the document that a printed document does not need.
DROPPED = ("a.headerlink", "p.translation-notice", ".term__tip")
#: Ids of the blocks a page is made of (scripts/ids.py); anything else is a label or a note of the site.
BLOCK_ID = re.compile(r"^(title|adoption|preamble|closing|part-\d+|art-\d+)(-[\w-]+)?$")
CONTENTS = "contents"  # the home page's table of contents (scripts/hooks/home.py): the PDF makes its own


@dataclass
class Unit:
    """One block of the document, with the site's labels that precede it (review status)."""

    id: str
    tag: str  # h1, h2, p
    html: str  # the block and its labels, as the site has them
    text: str  # the block's own text, without note references


@dataclass
class SitePage:
    name: str
    url: str  # the page's address inside the site: "part-02/", "en/part-02/"
    units: list[Unit] = field(default_factory=list)
    notes: str = ""  # the page's footnotes (translator's notes), HTML
    ids: set[str] = field(default_factory=set)  # every id in the units and notes: what links may point to


def page_url(name: str, locale: str) -> str:
    prefix = "" if locale == "zh" else f"{locale}/"
    return prefix + ("" if name == "index" else f"{name}/")


def read_page(site: Path, name: str, locale: str) -> SitePage:
    url = page_url(name, locale)
    path = site / url / "index.html"
    try:
        html = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, None, "page missing from the built site: run `mkdocs build` first") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, None, f"cannot read the page: {error}") from None
    article = LexborHTMLParser(html).css_first("article.md-content__inner")
    if article is None:
        raise InputError(path, None, "not a page of the site (no article element): rebuild the site")
    for selector in DROPPED:
        for node in article.css(selector):
            node.decompose()
    page = SitePage(name, url, ids={node.attributes["id"] for node in article.css("[id]")})
    pending: list[str] = []
    for node in _children(article):
        node_id = node.attributes.get("id") or ""
        if node_id == CONTENTS:
            break
        if node.tag == "div" and "footnote" in (node.attributes.get("class") or "").split():
            page.notes = node.html
        elif BLOCK_ID.match(node_id) and node.tag in ("h1", "h2", "p"):
            page.units.append(Unit(node_id, node.tag, "".join(pending) + node.html, _own_text(node)))
            pending = []
        elif node.tag in ("p", "div") and "status-" in (node.attributes.get("class") or ""):
            pending.append(node.html)  # a review label or banner: shown with the block after it
    if not page.units or page.units[0].tag != "h1":
        raise InputError(path, None, "the page has no heading block with an id: rebuild the site")
    return page


def _own_text(node: LexborNode) -> str:
    """The block's text without its note references (the ``2`` of ``2035²``)."""
    copy = LexborHTMLParser(node.html)
    for reference in copy.css("sup"):
        reference.decompose()
    return copy.body.text().strip()


def _children(node: LexborNode):
    child = node.child
    while child is not None:
        if child.tag and not child.tag.startswith("-"):
            yield child
        child = child.next
