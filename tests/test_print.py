"""Pages of the site printed by Chromium (scripts/assets/print.css): the text and every table cell on paper,
none of the site's furniture (navigation, search, glossary switch and tooltips, share buttons)."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader


#: Chromium's PDFs map some Han glyphs back to CJK radicals (目 as ⽬, 户 as ⼾, 长 as ⻓): a radical in the
#: printed text stands for any character.
RADICAL = re.compile("[\u2e80-\u2fdf]")
ANY = "\x00"


def squashed(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def holds(text: str, expected: str) -> bool:
    """Whether the printed ``text`` (from ``printed``) holds ``expected``."""
    return re.search("".join(f"(?:{re.escape(c)}|{ANY})" for c in squashed(expected)), text) is not None


def printed(page, url: str) -> tuple[str, dict]:
    """The page's text as Chromium prints it, and what the page holds (read with print styles on)."""
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    shown = page.evaluate("""() => ({
        cells: [...document.querySelectorAll("article table th, article table td")].map(c => c.innerText),
        headings: [...document.querySelectorAll("article h1, article h2")].map(h => h.innerText),
        nav: [...document.querySelectorAll(".md-nav--primary .md-nav__link, .md-header__topic")].map(a => a.textContent.trim()),
        tips: [...document.querySelectorAll(".term__definition")].map(t => t.textContent),
        printedAround: [...document.querySelectorAll(".md-nav--primary .md-nav__link, .md-header__topic, .term__definition, "
                                                   + ".term-toggle, .md-footer .md-ellipsis, .md-copyright")]
            .filter(e => e.checkVisibility()).map(e => e.textContent.trim()),
    })""")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return squashed(RADICAL.sub(ANY, "".join(p.extract_text() for p in pdf.pages))), shown


@pytest.mark.parametrize("path", ["targets/", "en/targets/", "part-02/", "en/part-02/"])
def test_a_printed_page_holds_its_text_and_whole_tables_but_not_the_site_around_it(page, site_url, path):
    text, shown = printed(page, f"{site_url}/{path}")
    assert shown["headings"] and all(holds(text, h) for h in shown["headings"])
    missing = [c for c in shown["cells"] if not holds(text, c)]
    assert not missing, missing[:5]
    # Not printed: the navigation, header, footer, term switch and tooltips are hidden under print styles. (Their
    # words cannot be looked for in the PDF's text: a glyph its text lost, \x00, stands for any character, so
    # a short label such as 会议 is "found" anywhere.)
    assert shown["printedAround"] == []
    assert len(shown["nav"]) > 5 and (shown["tips"] or "targets" in path)


def test_printed_tables_keep_every_column_on_the_page(page, site_url):
    """A table wider than the paper would lose its last columns: each printed cell must fit the page."""
    page.goto(f"{site_url}/en/targets/")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 680, "height": 960})  # about A4's text width at 96 dpi
    overflow = page.evaluate("""() => [...document.querySelectorAll("article table")].map(t => {
        const box = t.getBoundingClientRect();
        return box.right - document.querySelector("article").getBoundingClientRect().right;
    })""")
    assert overflow and max(overflow) <= 1, overflow
