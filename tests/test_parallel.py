"""The parallel text of every part (parallel/part-NN/): every block once in each column, in order, with its
English status; working notes and glossary links; links to it from both editions; phone and desktop
layouts; and language links that keep the reader's block."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from scripts.edition import load_pair, page_names
from scripts.project import Project

from sitepages import resolve
from test_browser import switch_language

PHONE = dict(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
DESKTOP = dict(viewport={"width": 1366, "height": 900})
NOT_TEXT = ".term__tip, .headerlink, sup, .status-label"


def parts(built: Path) -> list[str]:
    return [name for name in page_names(Project(built)) if name != "index"]


def tree(site: Path, url: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / url / "index.html").read_text(encoding="utf-8"))


def text_of(node) -> str:
    """A block's text as the reader sees it, without tooltips, permalinks, note numbers and labels."""
    copy = LexborHTMLParser(node.html).body
    for extra in copy.css(NOT_TEXT):
        extra.decompose()
    return " ".join(copy.text(deep=True).split())


def edition_blocks(site: Path, url: str, block_ids: list[str]) -> list[str]:
    page = tree(site, url)
    return [text_of(page.css_first(f'article [id="{block_id}"]')) for block_id in block_ids]


def test_every_block_of_every_part_is_once_in_each_column_in_order(built, built_site):
    names = parts(built)
    assert len(names) == 11
    for name in names:
        pair = load_pair(Project(built), name)
        block_ids = [b.id for b in pair.zh.blocks]
        rows = tree(built_site, f"parallel/{name}").css("article .parallel-row")
        assert [row.attributes["id"] for row in rows] == block_ids, name
        for row in rows:
            assert [child.attributes.get("class") for child in row.iter(include_text=False)] == ["parallel-zh", "parallel-en"]
        zh_cells = [text_of(row.css_first(".parallel-zh")) for row in rows]
        en_cells = [text_of(row.css_first(".parallel-en")) for row in rows]
        assert zh_cells == edition_blocks(built_site, name, block_ids), name
        assert en_cells == edition_blocks(built_site, f"en/{name}", block_ids), name
        assert all(zh_cells) and all(en_cells)


def test_every_english_block_shows_its_status(built, built_site):
    seen = set()
    for name in parts(built):
        states = [state for *_, state in load_pair(Project(built), name).states()]
        rows = tree(built_site, f"parallel/{name}").css("article .parallel-row")
        for row, state in zip(rows, states, strict=True):
            labels = row.css(".parallel-en .status-label")
            assert len(labels) == 1 and f"status-label-{state}" in labels[0].attributes["class"].split(), (name, row.attributes["id"])
            assert not row.css(".parallel-zh .status-label")
            seen.add(state)
    assert "reviewed" in seen


def test_notes_and_glossary_links_on_the_parallel_text_resolve(built, built_site):
    notes = terms = 0
    for name in parts(built):
        url = f"parallel/{name}/"
        page = tree(built_site, url)
        ids = {node.attributes["id"] for node in page.css("[id]")}
        assert len(ids) == len(page.css("[id]")), f"{url}: duplicate ids"
        for link in page.css("article a[href]"):
            href = link.attributes["href"]
            if href.startswith("#"):
                assert href[1:] in ids, f"{url}: {href}"
                notes += "footnote-ref" in (link.attributes.get("class") or "")
                continue
            path, anchor = resolve(built_site, url, href)
            assert path.exists(), f"{url}: {href}"
            if anchor:
                assert f'id="{anchor}"' in path.read_text(encoding="utf-8"), f"{url}: {href}"
            if "term__link" in (link.attributes.get("class") or ""):
                terms += 1
                expected = "en/glossary" if link.text() == "Glossary" else "glossary"
                assert path.parent.parent == built_site / expected, f"{url}: {href} from the {link.text()} column"
    assert notes >= 5 and terms >= 100  # the translator's notes of parts 1, 3, 6, 9, 10; terms in both columns


@pytest.mark.parametrize("edition", ["", "en/"])
def test_every_part_page_of_both_editions_links_to_its_parallel_text(built, built_site, edition):
    for name in parts(built):
        link = tree(built_site, f"{edition}{name}").css_first(".parallel-link a")
        path, _ = resolve(built_site, f"{edition}{name}/", link.attributes["href"])
        assert path == built_site / "parallel" / name / "index.html"


def test_the_parallel_text_fits_a_phone_chinese_first(browser, site_url):
    context = browser.new_context(**PHONE)
    tab = context.new_page()
    tab.goto(site_url + "/parallel/part-06/", wait_until="networkidle")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    zh, en = (tab.locator(f"#art-25-p1 .parallel-{lang}").bounding_box() for lang in ("zh", "en"))
    assert zh["y"] + zh["height"] <= en["y"] + 1  # interleaved: the Chinese, then its English
    assert zh["width"] > 300 and en["width"] > 300
    context.close()


def test_the_parallel_text_reads_side_by_side_on_a_desktop(browser, site_url):
    context = browser.new_context(**DESKTOP)
    tab = context.new_page()
    tab.goto(site_url + "/parallel/part-06/", wait_until="networkidle")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 1366
    for block in ("part-6", "art-25", "art-25-p1"):
        zh, en = (tab.locator(f'[id="{block}"] .parallel-{lang}').bounding_box() for lang in ("zh", "en"))
        assert zh["x"] + zh["width"] <= en["x"] and abs(zh["y"] - en["y"]) < 1, block
        assert zh["width"] > 400 and en["width"] > 400
    context.close()


def scroll_to(tab, block: str) -> None:
    """Scroll as a reader at the block: a heading just below the header, a paragraph read into (its first
    line gone under the header)."""
    below = 80 if re.fullmatch(r"art-\d+", block) else 0
    tab.evaluate(f"window.scrollTo(0, document.getElementById('{block}').getBoundingClientRect().top + scrollY - {below})")


def lands_at(tab, site_url: str, path: str, block: str) -> None:
    tab.wait_for_url(re.compile(re.escape(f"{site_url}{path}#{block}") + "$"))
    tab.wait_for_load_state("networkidle")
    assert tab.evaluate(f"document.getElementById('{block}').getBoundingClientRect().top") < 200


@pytest.mark.parametrize("start, block, language, lands", [
    ("/part-06/", "art-26-p1", "en", "/en/part-06/"),
    ("/en/part-06/", "art-26-p1", "zh", "/part-06/"),
    ("/parallel/part-06/", "art-28-p1", "en", "/en/part-06/"),
    ("/parallel/part-06/", "art-27", "zh", "/part-06/"),
])
def test_the_language_menu_opens_the_other_page_at_the_block_read(browser, site_url, start, block, language, lands):
    context = browser.new_context(**DESKTOP)
    tab = context.new_page()
    tab.goto(site_url + start, wait_until="networkidle")
    scroll_to(tab, block)
    switch_language(tab, language)
    lands_at(tab, site_url, lands, block)
    context.close()


@pytest.mark.parametrize("start, block, link, lands", [
    ("/en/part-06/", "art-27", ".translation-notice a[hreflang=zh]", "/part-06/"),
    ("/part-06/", "art-25-p1", ".parallel-link a", "/parallel/part-06/"),
    ("/en/part-06/", "art-27", ".parallel-link a", "/parallel/part-06/"),
    ("/parallel/part-06/", "art-26", ".parallel-intro a[hreflang=en]", "/en/part-06/"),
])
def test_links_between_the_editions_open_at_the_block_linked_to(browser, site_url, start, block, link, lands):
    """A reader who came to a block by its link and goes up to the page's links to the other editions."""
    context = browser.new_context(**PHONE)
    tab = context.new_page()
    tab.goto(f"{site_url}{start}#{block}", wait_until="networkidle")
    tab.locator(link).first.tap()
    lands_at(tab, site_url, lands, block)
    context.close()


def test_each_article_heading_links_to_its_row_in_the_parallel_text(browser, site_url):
    context = browser.new_context(**PHONE)
    tab = context.new_page()
    tab.goto(site_url + "/en/part-06/", wait_until="networkidle")
    headings = tab.eval_on_selector_all("article h2[id^='art-']", "nodes => nodes.map(n => n.id)")
    links = tab.locator("article h2 a.parallel-block")
    assert links.count() == len(headings) >= 6
    link = tab.locator("#art-26 a.parallel-block")
    box = link.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    link.tap()
    lands_at(tab, site_url, "/parallel/part-06/", "art-26")
    context.close()
