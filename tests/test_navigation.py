"""Finding and sharing an article, on phones as on desktop: the article index, the navigation drawer, the
share button of each heading and paragraph, and each page's title, description and sitemap."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from scripts.blocks import parse_page

EDITIONS = {"zh": "", "en": "en/"}
ARTICLE_NUMBER = {"zh": "第{}条", "en": "Art. {}"}
PHONE = dict(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)


def html(site: Path, url: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / url / "index.html").read_text(encoding="utf-8"))


def articles_in_content(built: Path) -> list[tuple[str, str]]:
    """(part page, article id) of every article heading in the Chinese edition, in reading order."""
    return [
        (path.stem, block.id)
        for path in sorted((built / "content" / "zh").glob("part-*.md"))
        for block in parse_page(path).blocks
        if block.kind == "h2" and re.fullmatch(r"art-\d+", block.id)
    ]


def publication(built: Path) -> dict:
    return yaml.safe_load((built / "publication.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_article_index_lists_every_article_in_order_with_working_links(built, built_site, edition):
    expected = articles_in_content(built)
    assert len(expected) == publication(built)["structure"]["articles"]
    prefix = EDITIONS[edition]
    links = html(built_site, f"{prefix}articles").css("article li a")
    found = []
    for link in links:
        target = urljoin(f"/{prefix}articles/", link.attributes["href"])
        path, anchor = urlsplit(target).path, urlsplit(target).fragment
        page_ids = [n.attributes.get("id") for n in html(built_site, path.strip("/")).css("[id]")]
        assert anchor in page_ids, f"{link.attributes['href']} on the {edition} index leads nowhere"
        number = anchor.removeprefix("art-")
        assert link.text().startswith(ARTICLE_NUMBER[edition].format(number))
        found.append((path.strip("/").removeprefix(prefix.rstrip("/")).strip("/"), anchor))
    assert found == expected


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_home_page_links_to_the_article_index_before_the_parts(built_site, edition):
    contents = [a.attributes["href"] for a in html(built_site, EDITIONS[edition].rstrip("/")).css("article a")]
    index, first_part = contents.index("articles/"), contents.index("part-01/")
    assert index < first_part


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_has_a_plain_description_and_a_title_naming_it(built, built_site, edition):
    prefix = EDITIONS[edition]
    pages = [p for p in (built_site / prefix).glob("*/index.html") if p.parent.name not in ("en", "search", "assets")]
    assert len(pages) >= 15
    for path in [built_site / prefix / "index.html", *pages]:
        tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
        description = tree.css_first('meta[name="description"]').attributes["content"]
        assert 0 < len(description) <= 160 and "<" not in description, path
        heading = tree.css_first("article h1").text().replace("¶", "").strip()
        title = tree.css_first("title").text()
        assert title.startswith(heading) or path.parent == built_site / prefix.rstrip("/"), path
    lead = parse_page(built / "content" / "zh" / "part-06.md").block("part-6-lead").text
    described = html(built_site, "part-06").css_first('meta[name="description"]').attributes["content"]
    assert described == lead[:159] + "…" if len(lead) > 160 else described == lead
    short_title = publication(built)["document"]["short_title"][edition]
    assert html(built_site, prefix.rstrip("/")).css_first("title").text() == short_title


@pytest.mark.parametrize("folder, own_script", [("part-04", r"[\u4e00-\u9fff]"), ("en/part-04", r"[A-Za-z]")])
def test_heading_links_are_titled_in_the_pages_language(built_site, folder, own_script):
    tree = LexborHTMLParser((built_site / folder / "index.html").read_text(encoding="utf-8"))
    titles = {link.attributes["title"] for link in tree.css("article a.headerlink")}
    other_script = r"[A-Za-z]" if own_script != r"[A-Za-z]" else r"[\u4e00-\u9fff]"
    assert titles and all(re.search(own_script, t) and not re.search(other_script, t) for t in titles), titles


def test_without_a_site_address_no_sitemap_is_written(built_site):
    """Its addresses would read None…: a sitemap needs full addresses, which only ``site.url`` gives."""
    assert not list(built_site.rglob("sitemap.xml*"))


def test_no_page_asks_for_a_file_the_site_lacks(browser, site_url):
    """Material fetches sitemap.xml beside each of a page's language versions: deep pages had 404s."""
    context = browser.new_context()
    tab = context.new_page()
    missing = []
    tab.on("response", lambda response: missing.append(response.url) if response.status == 404 else None)
    for path in ("/part-06/", "/en/part-06/", "/en/articles/"):
        tab.goto(site_url + path, wait_until="networkidle")
    context.close()
    assert missing == []


@pytest.mark.parametrize("path, expected_text", [("/part-06/", "第25条第1段 · "), ("/en/part-06/", "Art. 25, para. 1 · ")])
def test_the_share_menu_copies_a_link_that_opens_at_the_paragraph(browser, site_url, path, expected_text):
    context = browser.new_context(**PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    tab = context.new_page()
    tab.goto(site_url + path, wait_until="networkidle")
    button = tab.locator('button.share-block[data-share="art-25-p1"]')
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    assert button.is_visible() and box["width"] >= 44 and box["height"] >= 44  # seen and tapped without hover
    button.tap()
    tab.locator(".share-menu [data-action=copy]").tap()  # the menu: copy link, share, cite, parallel text
    tab.wait_for_function("document.querySelector('.md-dialog--active')")
    copied = tab.evaluate("navigator.clipboard.readText()")
    label, url = copied.split("\n")
    site_name = tab.locator(".md-header__topic .md-ellipsis").first.text_content().strip()
    assert label == expected_text + site_name
    assert url == site_url + path + "#art-25-p1"
    reader = context.new_page()
    reader.goto(url, wait_until="networkidle")
    paragraph = reader.locator("#art-25-p1")
    assert paragraph.evaluate("p => p.getBoundingClientRect().top") < 200 and paragraph.is_visible()
    context.close()


def test_every_article_heading_and_paragraph_has_a_share_button(page, site_url):
    page.goto(site_url + "/en/part-06/", wait_until="networkidle")
    blocks = page.eval_on_selector_all("article [id^='art-']", "nodes => nodes.map(n => n.id)")
    shared = page.eval_on_selector_all("button.share-block", "nodes => nodes.map(n => n.dataset.share)")
    assert shared == blocks and "art-24" in shared and "art-24-p1" in shared


@pytest.mark.parametrize("path, article", [("/part-06/", "26. 大力提升西部城市功能"), ("/en/part-06/", "26. Vigorously enhance")])
def test_on_a_phone_the_articles_of_a_part_are_in_its_navigation(browser, site_url, path, article):
    context = browser.new_context(**PHONE)
    tab = context.new_page()
    tab.goto(site_url + path, wait_until="networkidle")
    tab.locator(".md-header label[for=__drawer]").tap()
    tab.locator("nav.md-nav--primary label[for=__toc]").first.tap()
    links = tab.locator("nav.md-nav--primary .md-nav--secondary a.md-nav__link")
    titles = [t.strip() for t in links.all_text_contents()]
    assert [t[:3] for t in titles if t[:2].isdigit()] == ["24.", "25.", "26.", "27.", "28.", "29."]
    link = links.filter(has_text=article)
    assert link.is_visible()
    link.tap()
    tab.wait_for_url(re.compile("#art-26$"))
    context.close()
