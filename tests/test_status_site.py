"""What readers see, in the HTML of a real build: banners, block labels, the notice, the status pages."""

import datetime
import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from scripts.blocks import parse_page
from scripts.pdf.document import document_html, read_site
from scripts.pages import zh_pages
from scripts.project import Project

from conftest import REVIEWER, ROOT, build, copy_repo, edit, run, translate

ELEMENT = re.compile(r"<(p|h[1-6]|div|table)\b([^>]*)>(.*?)</\1>", re.DOTALL)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """part-02 all reviewed; part-01 one draft, one stale and the rest untranslated; part-04 one block reviewed,
    then its English edited without ``mark``; the others untranslated.

    The English pages of the copy are first removed and ``split`` writes them again as it does for pages not
    yet translated (every block ``untranslated``), so the fixture does not depend on the real translation.
    """
    folder = tmp_path_factory.mktemp("site")
    repo = copy_repo(folder)
    for name in zh_pages(Project(repo).document()):
        (repo / "content/en" / f"{name}.md").unlink()
    assert run(repo, "split").returncode == 0
    assert {b.status for b in parse_page(repo / "content/en/part-01.md").blocks} == {"untranslated"}
    for block in parse_page(repo / "content/en/part-02.md").blocks:
        translate(repo, "part-02", block.id, f"English of {block.id}.", "reviewed")
    translate(repo, "part-01", "art-4-p2", "Significantly strengthen overall strength.", "draft")
    translate(repo, "part-01", "art-4-p3", "Achieve breakthroughs in industrial transformation.", "reviewed")
    translate(repo, "part-04", "art-16-p1", "Deepen the reform.", "reviewed")
    edit(repo / "content/en/part-04.md", "Deepen the reform.", "Deepen the reform further.")
    edit(repo / "source/proposal.txt", "——产业转型全面突破。", "——产业转型实现突破。")
    assert run(repo, "split", "--accept").returncode == 0
    build(repo, folder / "site")
    return folder / "site"


def article(site: Path, page: str) -> list[tuple[str, str, str]]:
    """The elements of a page's article, in order: (tag, attributes, inner HTML)."""
    html = (site / page / "index.html").read_text(encoding="utf-8")
    return ELEMENT.findall(html[html.index("<article") : html.index("</article>")])


def element(elements, block_id):
    index = next(i for i, (_, attrs, _) in enumerate(elements) if f'id="{block_id}"' in attrs)
    return index, elements[index]


def test_all_reviewed_page_shows_nothing_extra(site):
    elements = article(site, "en/part-02")
    assert not [e for e in elements if "status-" in e[1]]
    assert element(elements, "art-6-p1")[1][2] == "English of art-6-p1."


def test_draft_block_has_page_banner_class_and_label(site):
    elements = article(site, "en/part-01")
    banners = [e for e in elements if "status-banner" in e[1]]
    assert len(banners) == 1 and "This translation has not yet been reviewed" in banners[0][2]
    assert "1 draft, 1 out of date, 17 not yet translated" in banners[0][2]
    title = next(i for i, e in enumerate(elements) if e[0] == "h1")
    assert "status-banner" in elements[title + 1][1], "the banner sits right under the page's title"
    index, (_, attrs, text) = element(elements, "art-4-p2")
    assert "status-draft" in attrs and text == "Significantly strengthen overall strength."
    assert "status-label-draft" in elements[index - 1][1] and "Draft translation" in elements[index - 1][2]


def test_stale_block_links_the_chinese_and_shows_the_change(site):
    elements = article(site, "en/part-01")
    index, (_, attrs, _) = element(elements, "art-4-p3")
    assert "status-stale" in attrs
    tag, label_attrs, label = elements[index - 1]
    assert tag == "div" and "status-label-stale" in label_attrs
    assert 'href="../../part-01/#art-4-p3"' in label
    assert "changed after it was translated" in label
    assert '<p class="zh-diff" lang="zh">' in label
    assert "——产业转型<del>全面</del><ins>实现</ins>突破。" in label
    assert (site / "part-01/index.html").read_text(encoding="utf-8").count('id="art-4-p3"') == 1
    assert not list(site.rglob(".zh-snapshots.json"))  # the store is read at build time, not published


def test_block_edited_after_review_shows_as_not_reviewed(site):
    elements = article(site, "en/part-04")
    index, (_, attrs, text) = element(elements, "art-16-p1")
    assert "status-edited" in attrs and text == "Deepen the reform further."
    assert "status-label-edited" in elements[index - 1][1] and "Edited after review" in elements[index - 1][2]
    banners = [e for e in elements if "status-banner" in e[1]]
    assert len(banners) == 1 and "1 edited after review" in banners[0][2]


def test_review_records_stay_out_of_the_pages(site):
    for page in ("en/part-02", "en/part-04", "en/part-01"):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        assert "data-en=" not in html and "data-by=" not in html and "data-on=" not in html and REVIEWER not in html


def test_untranslated_block_on_a_partly_translated_page(site):
    elements = article(site, "en/part-01")
    index, (_, attrs, _) = element(elements, "art-1-p1")
    assert 'lang="zh"' in attrs and "status-untranslated" in attrs
    assert "Not yet translated" in elements[index - 1][2]


def test_untranslated_page_says_so_once(site):
    elements = article(site, "en/part-03")
    banners = [e for e in elements if "status-banner" in e[1]]
    assert len(banners) == 1 and "not yet been translated into English" in banners[0][2]
    assert not [e for e in elements if "status-label" in e[1]]
    assert all('lang="zh"' in attrs for tag, attrs, _ in elements if re.search(r'id="(part|art)-', attrs))


def test_every_english_page_has_the_notice_and_no_chinese_page_does(site):
    for page in sorted((site / "en").glob("**/index.html")):
        html = page.read_text(encoding="utf-8")
        if "<article" not in html:
            continue
        notice = re.search(r'<p class="translation-notice"[^>]*>(.*?)</p>', html, re.DOTALL)
        assert notice and "unofficial translation" in notice.group(1), page
        href = re.search(r'href="([^"]+)"', notice.group(1)).group(1)
        assert (page.parent / href / "index.html").resolve() == (site / page.parent.relative_to(site / "en") / "index.html").resolve()
    assert "translation-notice" not in (site / "part-01/index.html").read_text(encoding="utf-8")


def test_chinese_pages_carry_no_status_marks(site):
    assert not [e for e in article(site, "part-01") if "status-" in e[1]]


def rows(site: Path, page: str) -> dict[str, list[str]]:
    [(_, _, table)] = [e for e in article(site, page) if e[0] == "table"]
    table = re.sub(r'<span class="cell-label"[^>]*>[^<]*</span>', "", table)  # the column names repeated for phones
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL)]
    return {re.sub(r"<[^>]+>", "", row[0]): row[1:] for row in cells if row}


def test_status_pages_list_every_part(site):
    reviewed = f"{datetime.date.today().isoformat()}, {REVIEWER}"
    english = rows(site, "en/status")
    assert list(english)[:3] == ["Introduction", "Part 1", "English of part-2."] and len(english) == 13
    # columns: blocks, reviewed, edited after review, draft, stale, untranslated, last review that still holds
    assert english["Part 1"] == ["19", "0", "0", "1", "1", "17", "—"]  # art-4-p3 was reviewed, then went stale
    assert english["Part 3"][-1] == "—"
    assert english["English of part-2."] == ["12", "12", "0", "0", "0", "0", reviewed]
    assert english["Part 4"][1:3] == ["0", "1"] and english["Part 4"][-1] == "—"
    # the pages split generates from the source; glossary, targets and status pages are not translated pages
    total = sum(len(blocks) for blocks in zh_pages(Project(ROOT).document()).values())
    assert english["Total"][:6] == [str(total), "12", "1", "1", "1", str(total - 15)]
    chinese = rows(site, "status")
    assert chinese["二、深入实施创新首位战略，打造活力迸发的创新型城区"] == ["12", "12", "0", "0", "0", "0", reviewed]
    assert "翻译状态" in (site / "status/index.html").read_text(encoding="utf-8")


def test_stylesheets_and_scripts_load_in_both_editions(site):
    for page in ("part-01", "en/part-01"):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        local = [u for u in re.findall(r'(?:href|src)="([^"#]+\.(?:css|js))"', html) if "://" not in u]
        assert any(u.endswith("assets/proposal.css") for u in local)
        for url in local:
            assert (site / page / url).resolve().is_file(), f"{page}: {url} is missing"


def test_the_english_pdf_marks_what_is_not_reviewed_on_its_cover_and_at_each_block(site):
    """The HTML ``python -m scripts pdf`` prints (tests/test_pdf.py prints the real edition): the site's
    labels and banners stay with their blocks, and the cover counts the states."""
    project = Project(site.parent / "repo")
    tree = LexborHTMLParser(document_html("en", project, read_site(project, site), "2026-12-02"))
    draft = tree.css_first("#en-art-4-p2").parent.parent  # the block's <div>, which holds its label
    assert "status-label-draft" in draft.html and "Draft translation, not yet reviewed" in draft.text()
    assert tree.css_first("#en-art-4-p3").parent.parent.css_first(".status-label-stale")
    assert tree.css_first(".page-part-03 .status-banner-untranslated")
    cover = " ".join(tree.css_first(".cover-notice").text().split())
    assert "The Chinese original prevails" in cover
    assert re.search(r"\d+ reviewed against the Chinese, 1 edited after review, 1 draft, not yet reviewed, 1 out of date .*, \d+ not yet translated", cover), cover
