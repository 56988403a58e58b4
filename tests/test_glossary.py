"""glossary.yml: validation, coverage, longest-first CJK matching, pages, back-links, tooltips and exports."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import ROOT, assert_one_line_error, run
from scripts.glossary import CATEGORIES, Glossary, Term, load_glossary
from scripts.glossary.export import to_csv, to_tbx
from scripts.project import Project
from search_driver import built_index
from test_browser import switch_language_at

SOURCE_TEXT = Project(ROOT).source.read_text(encoding="utf-8")
GOOD_ENTRY = """- id: eight-eight
  zh: 八八战略
  en: Double-Eight Strategy
  category: strategy
  definition: Zhejiang's development strategy since 2003.
  definition_zh: 浙江2003年起实施的发展总纲。
  source: proposed by the editors
"""


def real_glossary() -> Glossary:
    return load_glossary(Project(ROOT).glossary, SOURCE_TEXT)


def test_every_term_occurs_in_the_source_and_there_are_well_over_a_hundred():
    glossary = real_glossary()
    assert len(glossary) > 150
    for term in glossary:
        for form in term.zh_forms:
            assert form in SOURCE_TEXT, (term.id, form)
    assert {t.category for t in glossary} == set(CATEGORIES)


@pytest.mark.parametrize(
    "text, line, fragment",
    [
        (GOOD_ENTRY.replace("en: Double-Eight Strategy", "en: Double: Eight"), 3, "YAML syntax error: mapping values are not allowed"),
        (GOOD_ENTRY.replace("  source:", "  colour: red\n  source:"), 7, "unknown field 'colour'"),
        (GOOD_ENTRY.replace("  en: Double-Eight Strategy\n", ""), 1, "missing required field 'en'"),
        (GOOD_ENTRY + GOOD_ENTRY.replace("八八战略", "重要窗口"), 8, "duplicate id 'eight-eight'"),
        (GOOD_ENTRY + GOOD_ENTRY.replace("eight-eight", "other"), 9, "Chinese term '八八战略' is already defined at line 2"),
        (GOOD_ENTRY.replace("八八战略", "九九战略"), 2, "does not occur in the source"),
        (GOOD_ENTRY.replace("category: strategy", "category: slogans"), 4, "unknown category 'slogans'"),
        (GOOD_ENTRY.replace("source: proposed by the editors", "source: {publication: Xinhua}"), 7, "exactly the fields publication and url"),
        (GOOD_ENTRY.replace("  category:", "  alternatives: [Double Eight]\n  deprecated: [Double Eight]\n  category:"), 5, "both admitted and deprecated"),
    ],
)
def test_a_malformed_glossary_is_one_line_with_file_and_line(repo, text, line, fragment):
    (repo / "glossary.yml").write_text(text, encoding="utf-8")
    assert_one_line_error(run(repo, "glossary"), repo / "glossary.yml", line, fragment)


def test_a_malformed_glossary_fails_the_site_build(repo):
    from conftest import mkdocs_build

    (repo / "glossary.yml").write_text(GOOD_ENTRY.replace("八八战略", "九九战略"), encoding="utf-8")
    result = mkdocs_build(repo, repo / "site")
    assert result.returncode != 0
    assert "glossary.yml:2: Chinese term '九九战略' does not occur in the source" in result.stderr + result.stdout


def term(term_id: str, zh: str) -> Term:
    return Term(term_id, zh, term_id, "indicator", "d", "proposed by the editors", 1)


def test_matching_takes_the_longest_term_inside_running_chinese_text():
    glossary = Glossary([term("economy", "经济"), term("digital-economy", "数字经济"), term("core", "数字经济核心产业")])
    found = [(m.form, m.start) for m in glossary.find("以数字经济核心产业为引领发展数字经济和经济")]
    assert found == [("数字经济核心产业", 1), ("数字经济", 14), ("经济", 19)]


def linked_terms(html: str, block_id: str) -> list[str]:
    """The term texts linked inside one block of a built page."""
    match = re.search(rf'<p [^>]*\bid="{block_id}"[^>]*>(.*?)</p>', html, re.S)
    assert match, block_id
    return re.findall(r'<span class="term__text">([^<]+)</span>', match.group(1))


def test_first_occurrence_per_article_is_linked_with_a_tooltip_in_both_editions(built_site):
    zh = (built_site / "part-01" / "index.html").read_text(encoding="utf-8")
    linked = linked_terms(zh, "art-4-p1")
    assert "数字经济核心产业" in linked and "数字经济" not in linked  # the longer term wins inside running text
    art1 = linked_terms(zh, "art-1-p1")
    assert "八八战略" in art1 and art1.count("十三五") == 1  # once per article although it recurs
    tip = re.search(r'<span class="term__text">八八战略</span><span class="term__tip"[^>]*>(.*?)</span></span>', zh).group(1)
    assert "Double-Eight Strategy" in tip and 'href="../glossary/strategy/#term-double-eight-strategy"' in tip
    en = (built_site / "en" / "part-01" / "index.html").read_text(encoding="utf-8")
    assert "Double-Eight Strategy" in linked_terms(en, "art-1-p1")
    tip = re.search(r'<span class="term__text">Double-Eight Strategy</span><span class="term__tip"[^>]*>(.*?)</span></span>', en).group(1)
    assert '<b class="term__other" lang="zh">八八战略' in tip and 'href="../glossary/strategy/#term-double-eight-strategy"' in tip


def entries_by_page(built_site, prefix: str) -> dict[str, dict[str, str]]:
    """Category page (its folder) -> {entry id: the entry's first paragraph, its definition}, for one edition."""
    from selectolax.lexbor import LexborHTMLParser

    pages = {}
    for path in sorted((built_site / prefix / "glossary").glob("*/index.html")):
        page = LexborHTMLParser(path.read_text(encoding="utf-8"))
        pages[path.parent.name] = {h.attributes["id"]: definition_after(h) for h in page.css("article h2[id^=term-]")}
    return pages


def definition_after(heading) -> str:
    node = heading.next
    while node.tag != "p":
        node = node.next
    return node.text().strip()


def test_every_term_is_on_exactly_one_category_page_with_its_definition_in_the_editions_language(built_site):
    glossary = real_glossary()
    for prefix, definition in (("", lambda t: t.definition_zh), ("en/", lambda t: t.definition)):
        pages = entries_by_page(built_site, prefix)
        assert sorted(pages) == sorted({t.category for t in glossary}), prefix
        for term in glossary:
            found = [name for name, entries in pages.items() if f"term-{term.id}" in entries]
            assert found == [term.category], (prefix, term.id, found)
            assert pages[term.category][f"term-{term.id}"] == " ".join(definition(term).split()), (prefix, term.id)


def test_category_pages_carry_backlinks_to_every_article(built_site):
    glossary = real_glossary()
    from scripts.glossary.occurrences import term_occurrences

    places = term_occurrences(Project(ROOT), glossary)
    for edition, prefix in (("zh", ""), ("en", "en/")):
        html = (built_site / prefix / "glossary" / "strategy" / "index.html").read_text(encoding="utf-8")
        section = html.split('id="term-double-eight-strategy"')[1].split("<h2")[0]
        links = re.findall(r'href="\.\./\.\./(part-\d\d)/#([\w-]+)"', section)
        expected = [(p.page, p.anchor) for p in places["double-eight-strategy"]]
        assert links == expected and len(expected) >= 3, edition
        assert '<a href="../">' in html, "a link back to the overview"
    # the back-links point at real articles: every article containing the term is listed
    articles_with_term = sorted({p.anchor for p in places["river-chief-system"]})
    assert articles_with_term == ["art-36"]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_overview_links_every_term_to_its_entry_and_holds_no_entry_itself(built_site, prefix):
    from selectolax.lexbor import LexborHTMLParser

    glossary = real_glossary()
    overview = built_site / prefix / "glossary" / "index.html"
    article = LexborHTMLParser(overview.read_text(encoding="utf-8")).css_first("article")
    assert not article.css("[id^=term-]")  # old links to #term-x find no entry here (glossary.js forwards them)
    assert len(article.css("h2[id^=cat-]")) == len({t.category for t in glossary})
    linked = {}
    for link in article.css("li a[href]"):
        path, anchor = resolve_link(overview, link.attributes["href"])
        assert f'id="{anchor}"' in path.read_text(encoding="utf-8"), link.attributes["href"]
        linked[anchor] = path.parent.name
    assert linked == {f"term-{t.id}": t.category for t in glossary}


def resolve_link(page: Path, href: str) -> tuple[Path, str]:
    path, _, anchor = href.partition("#")
    return (page.parent / path / "index.html").resolve(), anchor


def test_a_tooltip_link_leads_to_the_entry_on_its_category_page(built_site):
    from selectolax.lexbor import LexborHTMLParser

    for prefix in ("", "en/"):
        page = built_site / prefix / "part-09" / "index.html"
        links = LexborHTMLParser(page.read_text(encoding="utf-8")).css("a.term__link")
        assert len(links) >= 10, prefix
        for link in links:
            path, anchor = resolve_link(page, link.attributes["href"])
            assert path.parent.parent == (built_site / prefix / "glossary").resolve(), link.attributes["href"]
            assert f'<h2 id="{anchor}"' in path.read_text(encoding="utf-8"), link.attributes["href"]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_an_old_address_of_an_entry_opens_it_on_its_category_page(page, site_url, prefix):
    """/glossary/#term-x was the entry's address when the glossary was one page: bookmarks and shared links."""
    page.goto(f"{site_url}/{prefix}glossary/#term-river-chief-system")
    page.wait_for_url(f"**/{prefix}glossary/reform/#term-river-chief-system")
    entry = page.locator("#term-river-chief-system")
    assert entry.is_visible() and entry.evaluate("e => e.getBoundingClientRect().top < innerHeight")


def test_the_language_switch_opens_the_same_entry_in_the_other_edition(page, site_url):
    page.goto(f"{site_url}/glossary/reform/")
    switch_language_at(page, "term-digital-reform", "en", "/en/glossary/reform/")


@pytest.mark.parametrize("edition", ["zh", "en"])
def test_the_search_finds_each_entry_on_its_category_page_and_none_on_the_overview(built_site, edition):
    index = built_index(built_site, edition)
    entries = [(anchor, index["pages"][index["docs"][doc][0]]) for doc, anchor, _ in index["blocks"] if anchor.startswith("term-")]
    assert sorted(entries) == sorted((f"term-{t.id}", f"glossary/{t.category}/") for t in real_glossary())


def test_exports_parse_with_one_entry_per_term(built_site):
    glossary = real_glossary()
    tree = ET.parse(built_site / "glossary.tbx")
    entries = tree.getroot().findall(".//termEntry")
    assert [e.get("id") for e in entries] == [t.id for t in glossary]
    first = entries[0]
    assert first.find("langSet[@{http://www.w3.org/XML/1998/namespace}lang='zh']/tig/term").text == glossary.terms[0].zh
    rows = list(csv.DictReader(io.StringIO((built_site / "glossary.csv").read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == [t.id for t in glossary]
    assert rows[0]["en"] == glossary.terms[0].en
    assert (built_site / "glossary.csv").read_text(encoding="utf-8") == to_csv(glossary)
    assert (built_site / "glossary.tbx").read_text(encoding="utf-8") == to_tbx(glossary, Project().info.document)
    for edition in ("", "en/"):
        html = (built_site / edition / "glossary" / "index.html").read_text(encoding="utf-8")
        href = re.search(r'href="([^"]*glossary\.tbx)"', html).group(1)
        assert (built_site / edition / "glossary" / href).resolve() == (built_site / "glossary.tbx").resolve()


def test_xml_special_characters_are_escaped_in_tbx():
    glossary = Glossary([Term("rd", "R&D经费投入", "R&D <expenditure>", "indicator", "a & b", "proposed by the editors", 1)])
    root = ET.fromstring(to_tbx(glossary, Project().info.document).encode("utf-8"))
    assert root.find(".//langSet[@{http://www.w3.org/XML/1998/namespace}lang='en']/tig/term").text == "R&D <expenditure>"


def test_tooltips_stay_out_of_the_search_index(built_site):
    for edition in ("zh", "en"):
        blocks = built_index(built_site, edition)["blocks"]
        text = " ".join(text for _, anchor, text in blocks if anchor.startswith("art-"))
        assert "Glossary" not in text and "术语表" not in text, edition
        assert "Zhejiang's development strategy" not in text  # a definition shown only in tooltips


def test_tooltips_explain_a_term_in_the_editions_language(built_site):
    """Chinese tooltips: the 释义 (definition_zh), marked lang=zh; English ones stay English."""
    from selectolax.lexbor import LexborHTMLParser

    tips = LexborHTMLParser((built_site / "part-09/index.html").read_text(encoding="utf-8")).css(".term__definition")
    assert tips and all(t.attributes.get("lang") == "zh" and re.search(r"[\u4e00-\u9fff]", t.text()) for t in tips)
    english_tips = LexborHTMLParser((built_site / "en/part-09/index.html").read_text(encoding="utf-8")).css(".term__definition")
    assert english_tips and all(t.attributes.get("lang") == "en" for t in english_tips)


def test_the_trie_alternation_matches_as_the_longest_first_alternation():
    """The same matches, at the same places, as ``longest|…|short`` on random words and texts."""
    import random

    from scripts.glossary.trie import trie_alternation

    rng = random.Random(7)
    for _ in range(200):
        words = {"".join(rng.choice("ab数字.") for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 12))}
        text = "".join(rng.choice("ab数字. ") for _ in range(60))
        longest_first = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
        trie = re.compile(trie_alternation(words))
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in longest_first.finditer(text)], words
