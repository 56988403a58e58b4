"""Citing the publication: each page's JSON-LD and citation tags, titles that name a part's articles, the
share-and-cite menu (keyboard and touch), and metadata from a hostile publication.yml kept inert."""

from __future__ import annotations

import datetime
import functools
import http.server
import json
import re
import threading
from pathlib import Path

import material
import pytest
from selectolax.lexbor import LexborHTMLParser

from scripts.articles import part_of
from scripts.blocks import parse_page, unescape
from scripts.citation import script_json
from scripts.htmlpolicy import page_violations, theme_inline_scripts
from scripts.plugin import OVERRIDES

from conftest import QuietHandler, build, copy_repo

SITE_URL = "https://plan.example.org/sub/"
HOSTILE = '</script><script>window.__pwned=1</script><!-- "quoted" & <b>bold</b>'
PHONE = dict(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)


def page_tree(site, url: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / url / "index.html").read_text(encoding="utf-8"))


def json_ld(tree: LexborHTMLParser) -> dict:
    scripts = tree.css('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].text())


def meta(tree: LexborHTMLParser) -> dict[str, str]:
    return {m.attributes["name"]: m.attributes["content"] for m in tree.css("meta[name]")}


def article_part(data: dict, number: int) -> dict:
    return next(part for part in data["hasPart"] if part["position"] == number)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A real build with ``site.url`` set and a publication.yml whose English title and publisher carry markup."""
    repo = copy_repo(tmp_path_factory.mktemp("hostile-metadata"))
    publication = repo / "publication.yml"
    text = publication.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^(  title:\n    zh: .*\n    en: ).*$", lambda m: m.group(1) + json.dumps(HOSTILE), text, count=1)
    text = re.sub(r"(?m)^(  publisher:.*\n    zh: .*\n    en: ).*$", lambda m: m.group(1) + json.dumps(HOSTILE), text, count=1)
    text = text.replace("\nsite:\n", f"\nsite:\n  url: {SITE_URL}\n", 1)
    publication.write_text(text, encoding="utf-8")
    build(repo, repo / "site")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(repo / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield repo, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_part_pages_json_ld_names_its_articles_and_paragraphs(built, built_site):
    data = json_ld(page_tree(built_site, "en/part-04"))
    assert data["@context"] == "https://schema.org" and data["inLanguage"] == "en"
    titles = {name["@language"]: name["@value"] for name in data["name"]}
    assert set(titles) == {"zh", "en"} and titles["zh"].startswith("中共")
    assert data["datePublished"] == data["legislationDate"] == "2021-01-20"
    assert data["url"] == "./"  # no site.url: relative, never a made-up address
    assert data["translationOfWork"]["url"] == data["isBasedOn"] == "../../part-04/"
    part = part_of("part-04", parse_page(built / "content/en/part-04.md"))
    assert [a["position"] for a in data["hasPart"]] == [int(a.number) for a in part.articles]
    article = article_part(data, 17)
    assert article["name"] == f"Article 17 {unescape(part.articles[1].title)}" and article["url"] == "#art-17"
    assert article["hasPart"][0]["name"] == "Article 17, paragraph 1" and article["hasPart"][0]["url"] == "#art-17-p1"
    zh = json_ld(page_tree(built_site, "part-04"))
    assert zh["inLanguage"] == "zh" and "translationOfWork" not in zh
    assert article_part(zh, 17)["name"].startswith("第17条 ")
    tags = meta(page_tree(built_site, "en/part-04"))
    assert tags["citation_date"] == "2021/01/20" and tags["citation_language"] == "en" and tags["DC.language"] == "en"
    assert tags["citation_title"] == titles["en"] and "citation_public_url" not in tags


def test_part_titles_name_the_part_and_its_articles(built, built_site):
    for folder, edition, pattern in (("zh", "", "{title}（第{first}—{last}条） - "), ("en", "en/", "{title} (Articles {first}–{last}) - ")):
        for path in sorted((built / "content" / folder).glob("part-*.md")):
            part = part_of(path.stem, parse_page(path))
            expected = pattern.format(title=unescape(part.title), first=part.articles[0].number, last=part.articles[-1].number)
            assert page_tree(built_site, f"{edition}{path.stem}").css_first("title").text().startswith(expected), path


def test_with_a_site_address_every_address_is_permanent(hostile):
    repo, _ = hostile
    data = json_ld(page_tree(repo / "site", "en/part-04"))
    assert data["url"] == SITE_URL + "en/part-04/"
    assert article_part(data, 17)["hasPart"][0]["url"] == SITE_URL + "en/part-04/#art-17-p1"
    assert data["translationOfWork"]["url"] == SITE_URL + "part-04/"
    assert meta(page_tree(repo / "site", "en/part-04"))["citation_public_url"] == SITE_URL + "en/part-04/"


def test_with_a_site_address_the_sitemap_has_full_addresses_beside_every_page(hostile):
    repo, _ = hostile
    site = repo / "site"
    for folder in (site, site / "en/part-04"):
        addresses = re.findall(r"<loc>([^<]*)</loc>", (folder / "sitemap.xml").read_text(encoding="utf-8"))
        assert SITE_URL + "part-04/" in addresses and SITE_URL + "en/part-04/" in addresses
        assert all(a.startswith(SITE_URL) for a in addresses), [a for a in addresses if not a.startswith(SITE_URL)]
        pages = {f"{SITE_URL}{p.parent.relative_to(site).as_posix()}/".replace("/./", "/") for p in site.rglob("index.html")}
        assert pages - set(addresses) == set()  # the parallel text, made outside both editions' navigation, too


def test_hostile_metadata_reaches_the_page_as_data(hostile):
    repo, _ = hostile
    for url in ("en/part-04", "part-04", "en", "parallel/part-04"):
        tree = page_tree(repo / "site", url)
        data = json_ld(tree)
        assert {n["@language"]: n["@value"] for n in data["name"]}["en"] == HOSTILE
        scripts = [s for s in tree.css("script") if "__pwned" in s.text()]
        assert all(s.attributes.get("type") in ("application/ld+json", "application/json") for s in scripts), url
        assert not tree.css("b") or all("bold" not in b.text() for b in tree.css("b"))
    assert meta(page_tree(repo / "site", "en/part-04"))["citation_author"] == HOSTILE


def test_hostile_metadata_runs_nothing_in_the_browser(browser, hostile):
    repo, url = hostile
    inline = theme_inline_scripts(Path(material.__file__).parent / "templates", OVERRIDES)
    own = frozenset(str(p.relative_to(repo / "site")) for p in (repo / "site").rglob("*.js"))
    context = browser.new_context()
    tab = context.new_page()
    dialogs = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in ("/en/part-04/", "/part-04/", "/parallel/part-04/", "/en/"):
        tab.goto(url + path, wait_until="networkidle")
        assert tab.evaluate("window.__pwned") is None, path
        assert page_violations(tab.content(), own, inline) == [], path
    assert not dialogs
    context.close()


@pytest.mark.parametrize("script, problem", [
    ('<script type="application/ld+json">{"a": 1}</script>', None),
    ('<script type="application/ld+json">{"a": "</script><script>alert(1)</script>', "not valid JSON"),
    ('<script type="application/ld+json">[1, 2]</script>', "not a JSON object"),
    ('<script type="application/ld+json" src="x.js">{}</script>', "is not one of the site's scripts"),
    ('<script type="application/ld+json" id="x">{}</script>', "other attributes"),
    ('<script type="application/ld+json">{"a": "<!--"}</script>', "unescaped '<'"),
    ('<script type="module">{}</script>', "is not one of the templates' own"),
])
def test_the_allowlist_admits_exactly_a_json_ld_object(script, problem):
    found = [v.what for v in page_violations(f"<html><head>{script}</head><body></body></html>", frozenset(), ())]
    assert (found == []) if problem is None else any(problem in what for what in found), found


def test_script_json_is_the_same_data_with_nothing_that_ends_a_script():
    data = {"name": HOSTILE, "other": "a > b & c"}
    text = script_json(data)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == data


def open_menu(tab, block: str):
    button = tab.locator(f'button.share-block[data-share="{block}"]')
    button.scroll_into_view_if_needed()
    return button


def test_the_citation_names_the_article_paragraph_edition_and_permanent_address(browser, hostile):
    repo, url = hostile
    context = browser.new_context(**PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url)
    tab = context.new_page()
    tab.goto(url + "/en/part-04/", wait_until="networkidle")
    button = open_menu(tab, "art-17-p1")
    box = button.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    button.tap()
    cite = tab.locator(".share-menu [data-action=cite]")
    assert cite.bounding_box()["height"] >= 44
    cite.tap()
    text = tab.locator(".cite-dialog__text").input_value()
    assert "Article 17, paragraph 1" in text and SITE_URL + "en/part-04/#art-17-p1" in text
    assert HOSTILE in text and "Unofficial English translation, reviewed" in text
    assert f"(accessed {datetime.date.today().isoformat()})" in text
    tab.locator(".cite-dialog__copy").tap()
    tab.wait_for_function("document.querySelector('.md-dialog--active')")
    assert tab.evaluate("navigator.clipboard.readText()") == text
    assert tab.evaluate("window.__pwned") is None
    context.close()


def test_the_chinese_citation_and_the_address_as_viewed_without_a_site_address(browser, site_url):
    context = browser.new_context(**PHONE)
    tab = context.new_page()
    tab.goto(site_url + "/part-04/", wait_until="networkidle")
    open_menu(tab, "art-18").tap()
    tab.locator(".share-menu [data-action=cite]").tap()
    text = tab.locator(".cite-dialog__text").input_value()
    assert "第18条，中文原文。" in text and f"{site_url}/part-04/#art-18（本站未配置固定网址" in text
    assert text.startswith("中共温州市鹿城区委：《")
    context.close()


def test_the_menu_and_the_citation_work_from_the_keyboard(page, site_url):
    page.goto(site_url + "/en/part-06/", wait_until="networkidle")
    button = page.locator('button.share-block[data-share="art-25-p1"]')
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    items = page.locator(".share-menu [role=menuitem]")
    assert page.evaluate("document.activeElement.dataset.action") == "copy"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.dataset.action") == "cite"
    page.keyboard.press("End")
    assert page.evaluate("document.activeElement.dataset.action") == "parallel"
    assert items.last.get_attribute("href").endswith("/parallel/part-06/#art-25-p1")
    page.keyboard.press("Escape")
    assert page.locator(".share-menu").count() == 0 and page.evaluate("document.activeElement.dataset.share") == "art-25-p1"
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.cite-dialog")
    assert dialog.evaluate("d => d.open") and "Article 25, paragraph 1" in page.locator(".cite-dialog__text").input_value()
    page.keyboard.press("Escape")
    page.wait_for_function("!document.querySelector('dialog.cite-dialog')")  # removed on its (queued) close event
    assert page.evaluate("document.activeElement.dataset.share") == "art-25-p1"


def test_the_menu_stays_in_the_window_and_closes_on_a_tap_elsewhere(browser, site_url):
    context = browser.new_context(**PHONE)
    tab = context.new_page()
    tab.goto(site_url + "/en/part-06/", wait_until="networkidle")
    assert tab.locator(".share-menu").count() == 0
    open_menu(tab, "art-25-p1").tap()
    box = tab.locator(".share-menu").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    tab.mouse.click(5, 400)  # a tap elsewhere closes it
    assert tab.locator(".share-menu").count() == 0
    context.close()
