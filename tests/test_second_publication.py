"""A second real publication, made with the documented commands and no code change: the national proposal for
the 14th Five-Year Plan (tests/data, from ../shared/corpus), started with ``new`` and built strictly."""

import functools
import shutil
import json
import http.server
import threading

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from scripts.blocks import parse_page
from scripts.edition import load_pairs, page_names
from scripts.pages import reconstruct
from scripts.project import Project
from scripts.source import articles

from conftest import ROOT, QuietHandler, build, command
from search_driver import first_article, search
from test_pdf import headings, make_pdfs, pdf_pages, squashed

NATIONAL = ROOT / "tests/data/national-14th-fyp-proposal-2020.txt"


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    folder = tmp_path_factory.mktemp("national") / "national"
    result = command(folder.parent, "new", str(folder), "--source", str(NATIONAL))
    assert result.returncode == 0, result.stderr
    build(folder, folder / "site")
    return folder


def test_new_fills_the_publication_from_what_the_source_says(national):
    data = yaml.safe_load((national / "publication.yml").read_text(encoding="utf-8"))
    document = data["document"]
    assert document["title"]["zh"] == NATIONAL.read_text(encoding="utf-8").splitlines()[0]
    assert document["publisher"]["zh"] == "中共中央"
    assert document["short_title"]["zh"] == "中共中央“十四五”规划建议"
    assert (str(document["adopted_on"]), document["adopted_by"]["zh"]) == ("2020-10-29", "中国共产党第十九届中央委员会第五次全体会议")
    assert data["targets"] == {"baseline_year": 2020, "target_year": 2025}
    assert data["structure"]["parts"] == 15 and data["structure"]["articles"] == 60
    assert (national / "mkdocs.yml").read_text(encoding="utf-8") == (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_the_chinese_edition_is_the_source_verbatim(national):
    project = Project(national)
    document = project.document()
    assert len(document.parts) == 15 and len(articles(document)) == 60
    names = page_names(project)
    assert names == ["index"] + [f"part-{n:02d}" for n in range(1, 16)]
    blocks = [b for name in names for b in parse_page(project.zh_dir / f"{name}.md").blocks]
    assert reconstruct(blocks) == [line.text for line in document.lines]


def test_the_english_edition_is_honestly_untranslated(national):
    pairs = load_pairs(Project(national))
    assert {state for pair in pairs for *_, state in pair.states()} == {"untranslated"}
    html = (national / "site/en/part-03/index.html").read_text(encoding="utf-8")
    banner = LexborHTMLParser(html).css_first(".status-banner-untranslated")
    assert banner is not None and "not yet been translated" in banner.text()
    status = (national / "site/en/status/index.html").read_text(encoding="utf-8")
    tree = LexborHTMLParser(status)
    for label in tree.css(".cell-label"):  # the column names repeated in each cell for phones
        label.decompose()
    total = [row for row in tree.css("tr") if "Total" in row.text()]
    assert total and total[0].css("td")[2].text().strip() == "0"  # reviewed


def test_the_site_names_and_navigation_come_from_the_publication(national):
    home = LexborHTMLParser((national / "site/index.html").read_text(encoding="utf-8"))
    assert "中共中央“十四五”规划建议" in home.css_first("title").text()
    nav = [a.attributes.get("href") for a in home.css("nav.md-nav--primary a.md-nav__link")]
    assert all(f"part-{n:02d}/" in " ".join(nav) for n in range(1, 16))


def test_search_finds_articles_of_the_second_publication(browser, national):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(national / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = browser.new_page()
        url = f"http://127.0.0.1:{server.server_address[1]}"
        assert first_article(search(page, url, "zh", "数字经济")) == "art-15"  # 15.加快数字化发展
        assert first_article(search(page, url, "zh", "粮食安全")) is not None
        page.close()
    finally:
        server.shutdown()


def test_the_second_publication_gets_its_pdfs_and_their_english_says_it_is_untranslated(national):
    pdfs = make_pdfs(national, national / "site")
    project = Project(national)
    text = {edition: "".join(pdf_pages(reader)) for edition, reader in pdfs.items()}
    zh_headings = headings(project, "zh")
    assert len(zh_headings) == 60
    assert all(squashed(h) in text["zh"] and squashed(h) in text["bilingual"] for h in zh_headings.values())
    cover = pdf_pages(pdfs["en"])[0]
    blocks = sum(len(parse_page(project.zh_dir / f"{name}.md").blocks) for name in page_names(project))
    assert f"{blocks}notyettranslated(showninChinese),of{blocks}." in cover
    assert "ThisparthasnotyetbeentranslatedintoEnglish" in text["en"]


def test_the_about_page_describes_the_second_publication(national):
    document = yaml.safe_load((national / "publication.yml").read_text(encoding="utf-8"))["document"]
    for prefix, none_recorded in (("", "尚未记录原文的错误"), ("en/", "No errors of the source have been recorded yet")):
        page = LexborHTMLParser((national / "site" / prefix / "about/index.html").read_text(encoding="utf-8"))
        text = page.css_first("article").text()
        assert document["publisher"]["zh"] in text and document["adopted_by"]["zh"] in text and none_recorded in text


def test_every_part_has_its_parallel_text_showing_the_english_untranslated(national):
    for name in page_names(Project(national))[1:]:
        zh_ids = [b.id for b in parse_page(national / "content/zh" / f"{name}.md").blocks]
        tree = LexborHTMLParser((national / "site/parallel" / name / "index.html").read_text(encoding="utf-8"))
        rows = tree.css("article .parallel-row")
        assert [row.attributes["id"] for row in rows] == zh_ids, name
        assert all(row.css_first(".parallel-en .status-label-untranslated") for row in rows), name
    data = json.loads(tree.css_first('script[type="application/ld+json"]').text())
    assert data["author"]["name"] == "中共中央" and {n["@language"] for n in data["name"]} == {"zh"}


def test_an_empty_glossary_is_its_overview_alone(national):
    for prefix in ("", "en/"):
        folder = national / "site" / prefix / "glossary"
        assert (folder / "index.html").exists() and not list(folder.glob("*/index.html")), prefix


ONE_TERM = """- id: new-development-philosophy
  zh: 新发展理念
  en: new development philosophy
  category: strategy
  definition: Innovative, coordinated, green, open and shared development.
  definition_zh: 创新、协调、绿色、开放、共享的发展理念。
  source: proposed by the editors
"""


def test_a_glossary_of_one_category_gets_its_page_and_the_terms_link_to_it(national, tmp_path):
    """Any proposal, with no code of its own: a term in glossary.yml gets its category page in both editions,
    in the navigation, linked from the overview and from the term in the articles."""
    folder = tmp_path / "national"
    shutil.copytree(national, folder, ignore=shutil.ignore_patterns("site"))
    (folder / "glossary.yml").write_text(ONE_TERM, encoding="utf-8")
    build(folder, folder / "site")
    for prefix in ("", "en/"):
        glossary = folder / "site" / prefix / "glossary"
        assert [p.parent.name for p in glossary.glob("*/index.html")] == ["strategy"], prefix
        entry = LexborHTMLParser((glossary / "strategy" / "index.html").read_text(encoding="utf-8"))
        assert entry.css_first("h2#term-new-development-philosophy") is not None
        overview = (glossary / "index.html").read_text(encoding="utf-8")
        assert 'href="strategy/#term-new-development-philosophy"' in overview, prefix
        assert LexborHTMLParser(overview).css("nav.md-nav--primary a.md-nav__link[href='strategy/']"), "in the navigation"
    tooltip_links = {a.attributes["href"] for page in (folder / "site").glob("part-*/index.html")
                     for a in LexborHTMLParser(page.read_text(encoding="utf-8")).css("a.term__link")}
    assert tooltip_links == {"../glossary/strategy/#term-new-development-philosophy"}
