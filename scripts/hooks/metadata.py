"""Hook: each page's meta description is its first paragraph as plain text (a part's lead, a reference
page's introduction), at most 160 characters; Material writes ``page.meta.description`` into the page.

Read from the page's HTML (``on_page_content``), after the glossary has marked its terms: their tooltips,
footnote references and permalinks are left out, so the description is the text a reader sees.
"""

from __future__ import annotations

from html import escape

from selectolax.lexbor import LexborHTMLParser

#: Search engines show about this many characters of a description.
MAX_LENGTH = 160
#: What a paragraph holds besides its text: term tooltips, footnote references, permalinks, share buttons.
NOT_TEXT = ".term__tip, sup, .headerlink"


def on_page_content(html, page, config, files):
    description = first_paragraph(html)
    if description:
        # Material writes it into content="…" as it is, unescaped: a quotation mark would end the attribute.
        page.meta["description"] = escape(shortened(description), quote=True)
    return html


def first_paragraph(html: str) -> str:
    """The text of the content's first top-level paragraph (not one inside a banner or a table)."""
    body = LexborHTMLParser(f"<!DOCTYPE html><html><body>{html}</body></html>").body
    paragraph = next((node for node in body.iter(include_text=False) if node.tag == "p"), None)
    if paragraph is None:
        return ""
    for node in paragraph.css(NOT_TEXT):
        node.decompose()
    return " ".join(paragraph.text(deep=True).split())


def shortened(text: str, limit: int = MAX_LENGTH) -> str:
    """``text`` cut to at most ``limit`` characters, at a word boundary where the text has spaces, with …"""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"
