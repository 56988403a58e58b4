"""The site on phones, in headless Debian Chromium with touch: no page wider than the screen, term explanations
that stay on screen and open by tap and keyboard, a marking the reader can turn off, touch-sized links."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

WIDTHS = (320, 360, 390, 430)
HEIGHT = 740
PART = {"zh": "/part-09/", "en": "/en/part-09/"}


@pytest.fixture(scope="module", params=WIDTHS, ids=lambda width: f"{width}px")
def phone(request, browser):
    """One touch context per width, its tab reused by every test at that width."""
    context = browser.new_context(viewport={"width": request.param, "height": HEIGHT}, has_touch=True, is_mobile=True)
    tab = context.new_page()
    yield tab
    context.close()


def width(tab) -> int:
    return tab.viewport_size["width"]


def open_fresh(tab, url: str) -> None:
    """``url`` with the reader's stored choices forgotten (the marking on)."""
    tab.goto(url)
    tab.evaluate("localStorage.clear()")
    tab.reload()


def page_urls(built_site: Path) -> list[str]:
    folders = (path.parent.relative_to(built_site).as_posix() for path in built_site.rglob("index.html"))
    return sorted("/" if folder == "." else f"/{folder}/" for folder in folders)


def test_no_page_is_wider_than_the_phone(phone, built_site, site_url):
    urls = page_urls(built_site)
    assert "/part-09/" in urls and "/en/targets/" in urls and "/glossary/" in urls
    wide = {}
    for url in urls:
        phone.goto(site_url + url)
        measured = phone.evaluate("""() => Math.max(document.documentElement.scrollWidth,
            ...[...document.querySelectorAll('article table')].map(t => Math.ceil(t.getBoundingClientRect().right)))""")
        if measured > width(phone):
            wide[url] = measured
    assert not wide, f"wider than {width(phone)} px: {wide}"


def tip_box(tab, index: int) -> dict | None:
    return tab.locator(".term__tip").nth(index).bounding_box()


@pytest.mark.parametrize("edition", ["zh", "en"])
def test_every_explanation_opens_by_tap_inside_the_screen(phone, site_url, edition):
    open_fresh(phone, site_url + PART[edition])
    terms = phone.locator("article .term")
    count = terms.count()
    assert count >= 10, f"only {count} terms on part-09 ({edition})"
    problems = []
    for index in range(count):
        terms.nth(index).locator(".term__text").tap()
        tip = terms.nth(index).locator(".term__tip")
        assert tip.is_visible(), f"term {index} ({terms.nth(index).inner_text()}) did not open on a tap"
        box = tip.bounding_box()
        if not (box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= width(phone) and box["y"] + box["height"] <= HEIGHT):
            problems.append((index, "off the screen", box))
        if phone.evaluate("document.documentElement.scrollWidth") > width(phone):
            problems.append((index, "widens the page"))
        link = tip.locator("a.term__link")
        assert re.search(r"glossary/[a-z]+/#term-", link.get_attribute("href"))
        if link.bounding_box()["height"] < 44:
            problems.append((index, "glossary link under 44 px high"))
        phone.touchscreen.tap(2, 120)  # the page's left margin, below the header
        assert not tip.is_visible(), f"term {index} stayed open after a tap outside"
    assert not problems, f"at {width(phone)} px: {problems}"


def test_keyboard_opens_and_escape_closes(phone, site_url):
    open_fresh(phone, site_url + PART["zh"])
    term = phone.locator("article .term").first
    term.focus()
    tip = term.locator(".term__tip")
    assert tip.is_visible() and term.get_attribute("aria-expanded") == "true"
    phone.keyboard.press("Escape")
    assert not tip.is_visible()
    assert phone.evaluate("document.activeElement.classList.contains('term')"), "Escape lost the reader's place"
    assert term.get_attribute("aria-expanded") == "false"


def marked(tab) -> bool:
    return tab.eval_on_selector("article .term__text", "e => getComputedStyle(e).textDecorationLine") != "none"


def test_the_marking_can_be_turned_off_and_stays_off(phone, site_url):
    open_fresh(phone, site_url + PART["zh"])
    toggle = phone.locator(".term-toggle input")
    assert marked(phone) and toggle.is_checked()
    phone.locator(".term-toggle").tap()
    assert not marked(phone) and not toggle.is_checked()
    phone.reload()
    assert not marked(phone) and not toggle.is_checked(), "the choice did not survive a reload"
    phone.locator("article .term__text").first.tap()
    assert not phone.locator("article .term__tip").first.is_visible()
    assert phone.locator("article .term").first.get_attribute("tabindex") == "-1"
    phone.locator(".term-toggle").tap()
    phone.reload()
    assert marked(phone) and toggle.is_checked()


def test_without_javascript_the_marking_stays(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": HEIGHT}, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + PART["zh"])
    assert marked(tab) and not tab.locator(".term-toggle").is_visible(), "a switch that cannot work is offered"
    context.close()


#: The layout shifts of the page (what Lighthouse adds up as CLS), from before its first paint.
LAYOUT_SHIFTS = """window.layoutShifts = 0;
new PerformanceObserver(list => { for (const shift of list.getEntries()) if (!shift.hadRecentInput) window.layoutShifts += shift.value; })
  .observe({type: "layout-shift", buffered: true});"""


@pytest.mark.parametrize("path", ["/part-04/", "/en/part-04/"])
def test_nothing_moves_while_a_part_page_loads(browser, site_url, path):
    """The controls the deferred script makes work (the term switch, the share buttons, the links to the parallel
    text) have their room from the first paint: the page's layout shifts add up to less than 0.01."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    context.add_init_script(LAYOUT_SHIFTS)
    tab = context.new_page()
    tab.goto(site_url + path, wait_until="load")
    tab.wait_for_function("document.querySelector('article .share-block') && document.querySelector('.js')")
    shifts = tab.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(window.layoutShifts))))")
    context.close()
    assert shifts < 0.01


#: Every attribute of <html> and <body> that a script sets once the body is being parsed, with the value it had.
ROOT_ATTRIBUTE_WRITES = """window.rootWrites = [];
new MutationObserver(records => {
  for (const r of records)
    if (document.body && (r.target === document.body || r.target === document.documentElement))
      window.rootWrites.push([r.target.tagName, r.attributeName, r.oldValue]);
}).observe(document, {attributes: true, attributeOldValue: true, subtree: true});"""


def changed_root_attributes(tab) -> list[str]:
    """The attributes of <html> and <body> whose value some write changed (a write of the same value is none)."""
    writes = tab.evaluate("window.rootWrites")
    changed = []
    for i, (tag, name, old) in enumerate(writes):
        later = [o for t, n, o in writes[i + 1:] if (t, n) == (tag, name)]  # the next write's old value is this one's new
        new = later[0] if later else tab.evaluate(f"document.querySelector({tag.lower()!r}).getAttribute({name!r})")
        if new != old:
            changed.append(f"<{tag.lower()} {name}>: {old!r} → {new!r}")
    return changed


@pytest.mark.parametrize("path", ["/glossary/reform/", "/en/targets/"])
def test_nothing_restyles_the_whole_page_while_it_loads(browser, site_url, path):
    """Rules that hang on <html>'s classes and <body>'s attributes (Material's colours under [data-md-color-*],
    its rules under .no-js, .js-focus-visible) make a change of them restyle every element. Material's palette
    switcher sets <body>'s attributes at start-up, even for one colour scheme, when mkdocs.yml gives the palette
    as a list; its script turns no-js into js and adds js-focus-visible after the body is parsed, unless the
    head has done so (scripts/overrides/partials/javascripts/js-class.html)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    context.add_init_script(ROOT_ATTRIBUTE_WRITES)
    tab = context.new_page()
    tab.goto(site_url + path, wait_until="load")
    tab.wait_for_timeout(300)
    changed = changed_root_attributes(tab)
    classes = tab.evaluate("document.documentElement.className")
    context.close()
    assert changed == []
    assert "js" in classes.split() and "no-js" not in classes.split()


TOUCH_SIZED = (  # page, links, least width and height in px (24: WCAG 2.5.8 with spacing; 44: a thumb)
    ("/targets/", ".footnote-ref", 24), ("/targets/", ".footnote-backref", 24), ("/en/targets/", ".footnote-ref", 24),
    ("/glossary/strategy/", ".term-places a", 44), ("/en/glossary/strategy/", ".term-places a", 44),
)


def test_small_links_are_touch_sized(page, site_url):
    """The sizes do not depend on the width: measured once."""
    small = {}
    for url, selector, least in TOUCH_SIZED:
        page.goto(site_url + url)
        sizes = page.eval_on_selector_all(selector, "links => links.map(a => [a.offsetWidth, a.offsetHeight])")
        assert sizes, f"no {selector} on {url}"
        if under := [size for size in sizes if min(size) < least]:
            small[(url, selector)] = f"{len(under)} of {len(sizes)} under {least}x{least} px, e.g. {under[:3]}"
    assert not small, small
