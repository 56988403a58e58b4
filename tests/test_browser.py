"""What readers see, in headless Debian Chromium driven by Playwright: search, language switch, no off-site requests."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from search_driver import first_article, load_queries, search

HIT_RATE_FLOOR = 0.9  # the measured rates are reported by benchmarks/search_hit_rate.py


def hit_rate(page, site_url, edition):
    queries = load_queries(edition)
    misses = []
    for item in queries:
        got = first_article(search(page, site_url, edition, item["query"]))
        if got != item["article"]:
            misses.append((item["query"], item["article"], got))
    return 1 - len(misses) / len(queries), misses


@pytest.mark.parametrize("edition", ["zh", "en"])
def test_search_puts_the_expected_article_first(page, site_url, edition):
    if not load_queries(edition):
        pytest.fail(f"no {edition} queries in tests/search_queries.yml")
    rate, misses = hit_rate(page, site_url, edition)
    assert rate >= HIT_RATE_FLOOR, f"{edition} hit rate {rate:.0%}; misses (query, expected, first): {misses}"


def test_chinese_query_without_spaces_uses_every_word(page, site_url):
    results = search(page, site_url, "zh", "垃圾分类处理率")
    assert first_article(results) == "art-4"
    top = results[0].href
    # Material passes the matched words to the page as ?h=; the last word must be among them.
    assert "%E5%A4%84%E7%90%86%E7%8E%87" in results[1].href or "处理率" in results[1].href, top


def test_chinese_word_inside_a_compound_is_found(page, site_url):
    results = search(page, site_url, "zh", "推行")
    assert results, "推行 found nothing"
    assert any("推行" in r.text for r in results)
    assert any("全面推行" in r.text for r in results), [r.text[:60] for r in results]


def test_each_edition_searches_only_its_own_pages(page, site_url):
    zh = search(page, site_url, "zh", "economy")
    assert not any("/en/" in r.href for r in zh)
    en = search(page, site_url, "en", "economy")
    assert en and all("/en/" in r.href for r in en)
    assert not any("/en/" not in r.href for r in search(page, site_url, "en", "经济"))


@pytest.mark.parametrize("query, inflected", [("economy", "economic"), ("investing", "investment")])
def test_english_inflected_forms_match(page, site_url, query, inflected):
    results = search(page, site_url, "en", query)
    assert any(inflected in r.text.lower() for r in results), f"{query!r} did not find {inflected!r}"


def article_at_top(page, article_id):
    """Wait until the article's heading is where a reader who went to it sees it: at the top, under the header."""
    page.wait_for_function("id => { const top = document.getElementById(id).getBoundingClientRect().top; "
                           "return top >= 0 && top <= 120; }", arg=article_id)


#: True when the language menu is open and at rest (its opening transition ended) and the link is what a
#: click at its centre reaches.
MENU_OPEN = """link => {
    const menu = link.closest(".md-select__inner"), box = link.getBoundingClientRect();
    const reached = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return getComputedStyle(menu).opacity === "1" && menu.getAnimations().length === 0 && link.contains(reached);
}"""


def switch_language(page, hreflang):
    """Open the language menu and click the other edition with the mouse, where the link is once the menu is open.

    Not ``locator.click()``: it first scrolls the link "into view", and for a link in Material's sticky header
    Chromium scrolls the page for it, by an amount that depends on how far the menu's opening transition has
    gone (measured: 84 px down to 780 px back towards the top). The switch then rightly opens the article
    scrolled to, which is not the one the test went to. A reader's click does not scroll the page.
    """
    page.locator(".md-header__option .md-select").hover()
    link = page.locator(f".md-select__link[hreflang='{hreflang}']")
    page.wait_for_function(MENU_OPEN, arg=link.element_handle())
    box = link.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


@pytest.mark.parametrize("start, target", [("/part-03/", "/en/part-03/"), ("/en/part-03/", "/part-03/")])
def test_language_switch_keeps_page_and_article(page, site_url, start, target):
    page.goto(f"{site_url}{start}#art-13")
    article_at_top(page, "art-13")
    switch_language(page, "en" if target.startswith("/en/") else "zh")
    # not the glob **/part-03/#art-13: /en/part-03/#art-13, the page the switch starts from, matches it
    page.wait_for_url(lambda url: (urlparse(url).path, urlparse(url).fragment) == (target, "art-13"))


def switch_language_at(page, block, hreflang, lands):
    """Scroll the block to the top, switch the edition, and wait for the other page at that block."""
    page.evaluate(f"document.getElementById('{block}').scrollIntoView({{block: 'start'}})")
    article_at_top(page, block)
    switch_language(page, hreflang)
    page.wait_for_url(lambda url: (urlparse(url).path, urlparse(url).fragment) == (lands, block))


def test_language_switch_keeps_the_article_scrolled_to(page, site_url):
    page.goto(f"{site_url}/part-02/")
    switch_language_at(page, "art-9", "en", "/en/part-02/")


def test_no_request_leaves_the_site(page, site_url):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    for path in ["/", "/part-01/", "/en/", "/en/part-01/", "/en/part-11/"]:
        page.goto(f"{site_url}{path}", wait_until="networkidle")
    search(page, site_url, "zh", "数字经济")
    search(page, site_url, "en", "digital economy")
    page.wait_for_load_state("networkidle")
    off_site = [url for url in requests if not url.startswith(site_url) and not url.startswith("data:")]
    assert requests and not off_site, off_site


@pytest.mark.parametrize(
    "path, shown, expected_in_tip",
    [("/part-01/", "八八战略", "Double-Eight Strategy"), ("/en/part-01/", "Double-Eight Strategy", "八八战略")],
)
def test_term_tooltip_opens_on_hover(page, site_url, path, shown, expected_in_tip):
    page.goto(f"{site_url}{path}")
    term = page.locator("#art-1-p1 .term", has=page.locator(".term__text", has_text=shown)).first
    tip = term.locator(".term__tip")
    assert not tip.is_visible()
    term.hover()
    assert tip.is_visible() and expected_in_tip in tip.inner_text()


def test_term_tooltip_opens_on_a_tap_and_links_to_the_glossary(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/part-01/")
        term = page.locator("#art-1-p1 .term", has=page.locator(".term__text", has_text="八八战略")).first
        term.tap()
        tip = term.locator(".term__tip")
        assert tip.is_visible() and "Double-Eight Strategy" in tip.inner_text()
        tip.locator("a.term__link").tap()
        page.wait_for_url("**/glossary/strategy/#term-double-eight-strategy")
        assert page.locator("#term-double-eight-strategy").is_visible()
    finally:
        context.close()
