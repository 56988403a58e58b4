"""What Lighthouse checks of accessibility and SEO that the site itself decides (issue 12): text contrast
computed from the browser's styles, links in text not told apart by colour alone, named dialogs, full
addresses in the hreflang alternates, one stylesheet and one deferred script of the site's own."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import build, edit

PAGES = ("", "part-04/", "targets/", "glossary/", "articles/")
ALL_PAGES = [edition + page for edition in ("", "en/") for page in PAGES]

#: WCAG contrast of an element's text (or of its underline, for ``decoration``) against the colour behind it:
#: the backgrounds of its ancestors composited from the page's white up, as the browser paints them.
CONTRAST = """([element, decoration]) => {
  const rgba = (text) => { const v = text.match(/[\\d.]+/g).map(Number); return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1]; };
  const over = (top, below) => top.slice(0, 3).map((c, i) => c * top[3] + below[i] * (1 - top[3])).concat(1);
  const chain = [];
  for (let node = element; node && node.nodeType === 1; node = node.parentElement) chain.push(node);
  let background = [255, 255, 255, 1];
  for (const node of chain.reverse()) background = over(rgba(getComputedStyle(node).backgroundColor), background);
  const style = getComputedStyle(element);
  const colour = over(rgba(decoration ? style.textDecorationColor : style.color), background);
  const luminance = (c) => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const [light, dark] = [luminance(colour), luminance(background)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}"""

#: Text Lighthouse found below 4.5:1 before (the header's title on red, red links, the footer's credit, the part
#: pages' "中/EN" links to the parallel text), the header's language menu, the switch for the term marking and the
#: glossary terms' underline, the only mark of a term in running text.
TEXT = {
    ".md-header__topic .md-ellipsis": False,
    ".md-typeset p > a": False,
    ".md-typeset li > a": False,
    ".md-copyright": False,
    ".parallel-block": False,
    ".md-select__link": False,
    ".term-toggle": False,
    ".term__text": True,
}

#: Controls shown by an icon alone: 3:1 (WCAG 1.4.11), their colour being the icon's (currentColor): the share
#: buttons at article headings and paragraphs, the header's language switch.
ICONS = (".share-block", ".md-select > .md-header__button")


def low_contrast(page, selector: str, decoration: bool, least: float) -> list[str]:
    low = []
    for element in page.locator(selector).element_handles()[:40]:
        ratio = page.evaluate(CONTRAST, [element, decoration])
        if ratio < least:
            low.append(f"{selector} {element.inner_text()[:30]!r}: {ratio:.2f}")
    return low


@pytest.mark.parametrize("path", ALL_PAGES)
def test_text_and_term_marking_contrast_at_least_4_5(page, site_url, path):
    page.goto(f"{site_url}/{path}")
    low = [problem for selector, decoration in TEXT.items() for problem in low_contrast(page, selector, decoration, 4.5)]
    assert not low, low


@pytest.mark.parametrize("path", ["part-04/", "en/part-04/"])
def test_icon_controls_contrast_at_least_3(page, site_url, path):
    page.goto(f"{site_url}/{path}")
    assert page.locator(".share-block").count() > 0, "no share buttons to check"
    low = [problem for selector in ICONS for problem in low_contrast(page, selector, False, 3)]
    assert not low, low


@pytest.mark.parametrize("path", ALL_PAGES)
def test_links_in_running_text_are_underlined(page, site_url, path):
    page.goto(f"{site_url}/{path}")
    plain = page.eval_on_selector_all(
        ".md-typeset :is(p, li, td) > a",
        "links => links.filter(a => a.closest('p, li, td').innerText.trim() !== a.innerText.trim()"
        " && !getComputedStyle(a).textDecorationLine.includes('underline')).map(a => a.outerHTML.slice(0, 80))",
    )
    assert not plain, plain


@pytest.mark.parametrize("path", ["", "en/part-04/"])
def test_every_dialog_has_a_name(page, site_url, path):
    page.goto(f"{site_url}/{path}")
    unnamed = page.eval_on_selector_all(
        "[role=dialog], [role=alertdialog]",
        "els => els.filter(e => !(e.getAttribute('aria-label') || '').trim() && !e.getAttribute('aria-labelledby'))"
        ".map(e => e.outerHTML.slice(0, 80))",
    )
    assert not unnamed, unnamed


def alternates(page_file: Path) -> dict[str, str]:
    head = LexborHTMLParser(page_file.read_text(encoding="utf-8")).head
    return {link.attributes["hreflang"]: link.attributes["href"] for link in head.css("link[rel=alternate][hreflang]")}


def test_without_a_site_address_no_page_has_relative_hreflang_alternates(built_site):
    relative = {
        str(f.relative_to(built_site)): links
        for f in [*built_site.rglob("index.html"), built_site / "404.html"]
        if (links := alternates(f)) and not all(urlsplit(href).scheme for href in links.values())
    }
    assert not relative, relative


def test_each_hreflang_alternate_is_the_full_address_of_an_existing_page_of_its_edition(repo, tmp_path):
    address = "https://example.org/plan/"
    edit(repo / "publication.yml", "\nsite:\n", f"\nsite:\n  url: {address}\n")
    site = tmp_path / "site"
    build(repo, site)
    pages = sorted(site.rglob("index.html"))
    assert len(pages) > 20
    for page_file in pages:
        links = alternates(page_file)
        own = address + str(page_file.parent.relative_to(site)).removeprefix(".").lstrip("/")
        if page_file.parent.parent.name == "parallel":
            assert not links, page_file  # both editions at once: the translation of no single page
            continue
        assert set(links) == {"zh", "en"}, page_file
        assert own.rstrip("/") + "/" in {href.rstrip("/") + "/" for href in links.values()}, (page_file, links)
        for language, href in links.items():
            assert href.startswith(address), (page_file, href)
            path = href.removeprefix(address)
            assert path.startswith("en/") == (language == "en"), (page_file, href)
            assert (site / path / "index.html").is_file(), (page_file, href)
    assert not alternates(site / "404.html"), "the not-found page is no edition's page"


@pytest.mark.parametrize("path", ["part-04/", "en/part-04/"])
def test_the_site_adds_one_stylesheet_and_one_deferred_script(page, site_url, path):
    page.goto(f"{site_url}/{path}")
    own = page.evaluate(
        """() => ({
          css: [...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.href).filter(h => !h.includes('/stylesheets/')),
          js: [...document.querySelectorAll('script[src]')].filter(s => !s.src.includes('/javascripts/'))
                .map(s => [s.src, s.defer]),
        })"""
    )
    assert [urlsplit(h).path for h in own["css"]] == ["/assets/proposal.css"]
    assert [(urlsplit(s).path, defer) for s, defer in own["js"]] == [("/assets/proposal.js", True)]
    assert page.locator(".share-block, .term-toggle").count() > 0, "the deferred script ran"
