"""The whole document as PDFs (``python -m scripts pdf``), made from a real build: every article, the notice
and review status on the cover, embedded fonts, a table of contents that leads to the articles, running
heads; and all three files or none when the site is missing or a page is not one the build wrote."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin

import pytest
from pypdf import PdfReader
from selectolax.lexbor import LexborHTMLParser

from scripts.articles import plain
from scripts.blocks import parse_page, unescape
from scripts.edition import page_names
from scripts.pdf import EDITIONS, pdf_name
from scripts.project import Project
from scripts.status import edition_status

from conftest import run


def squashed(text: str) -> str:
    """Text without any whitespace: PDF text breaks lines wherever the layout did."""
    return re.sub(r"\s+", "", text)


def pdf_pages(reader: PdfReader) -> list[str]:
    return [squashed(page.extract_text()) for page in reader.pages]


def headings(project: Project, locale: str) -> dict[str, str]:
    """Article id -> heading text of one edition, from its Markdown pages."""
    folder = project.zh_dir if locale == "zh" else project.en_dir
    return {
        block.id: plain(unescape(block.text))
        for name in page_names(project)
        for block in parse_page(folder / f"{name}.md").blocks
        if block.kind == "h2" and block.id.startswith("art-")
    }


def make_pdfs(project_root: Path, site: Path) -> dict[str, PdfReader]:
    result = run(project_root, "pdf", "--site", str(site))
    assert result.returncode == 0, result.stderr
    return {edition: PdfReader(site / pdf_name(edition)) for edition in EDITIONS}


@pytest.fixture(scope="module")
def pdf_site(built, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("pdf") / "site"
    shutil.copytree(built / "site", site)
    return site


@pytest.fixture(scope="module")
def pdfs(built, pdf_site) -> dict[str, PdfReader]:
    return make_pdfs(built, pdf_site)


def test_every_edition_holds_every_article_in_its_contents_and_its_text(built, pdfs):
    project = Project(built)
    articles = {locale: headings(project, locale) for locale in ("zh", "en")}
    assert len(articles["zh"]) == project.info.structure.articles
    shown = {"zh": ["zh"], "en": ["en"], "bilingual": ["zh", "en"]}
    for edition, reader in pdfs.items():
        text = "".join(pdf_pages(reader))
        for locale in shown[edition]:
            missing = [h for h in articles[locale].values() if text.count(squashed(h)) < 2]  # contents and text
            assert not missing, (edition, missing[:3])


def test_page_counts_fit_the_document(built, pdfs):
    structure = Project(built).info.structure
    counts = {edition: len(reader.pages) for edition, reader in pdfs.items()}
    for count in counts.values():  # a cover, a contents page, then each part on its own pages
        assert structure.parts + 2 <= count <= 4 * structure.articles
    assert counts["bilingual"] > max(counts["zh"], counts["en"])


def test_the_english_covers_say_the_chinese_prevails_and_how_much_is_reviewed(built, pdfs):
    totals = sum((page.counts for page in edition_status(Project(built))), Counter())
    for edition in ("en", "bilingual"):
        cover = pdf_pages(pdfs[edition])[0]
        assert "unofficialtranslation" in cover and "TheChineseoriginalprevails" in cover
        assert f"{totals['reviewed']}reviewedagainsttheChinese" in cover and f"of{sum(totals.values())}." in cover
    assert "unofficial" not in pdf_pages(pdfs["zh"])[0]


def test_the_cover_names_the_document_its_publisher_and_links_its_source(built, pdfs):
    info = Project(built).info.document
    for edition, reader in pdfs.items():
        cover = pdf_pages(reader)[0]
        lang = "en" if edition == "en" else "zh"
        assert squashed(info.title(lang)) in cover and squashed(info.publisher(lang)) in cover
        uris = [annotation.get_object()["/A"].get("/URI") for annotation in reader.pages[0].get("/Annots", [])]
        assert info.source_url in uris


def test_every_font_is_embedded_and_the_chinese_is_set_in_a_cjk_font(pdfs):
    for edition, reader in pdfs.items():
        fonts = {}
        for page in reader.pages:
            for font in page["/Resources"].get_object().get("/Font", {}).values():
                font = font.get_object()
                descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)["/FontDescriptor"]
                fonts[str(font["/BaseFont"])] = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
        assert fonts and all(fonts.values()), (edition, fonts)
        assert any("CJK" in name for name in fonts), (edition, fonts)


def test_each_contents_entry_leads_to_the_page_of_its_article(built, pdfs):
    reader = pdfs["en"]
    articles = headings(Project(built), "en")
    texts = pdf_pages(reader)
    destinations = reader.named_destinations
    followed = set()
    for page in reader.pages[1:3]:
        for annotation in page.get("/Annots", []):
            name = str(annotation.get_object().get("/Dest", ""))
            block = name.removeprefix("en-")
            if block in articles:
                target = reader.get_destination_page_number(destinations[name])
                assert squashed(articles[block]) in texts[target], (name, target)
                followed.add(block)
    assert followed == set(articles)


RUNNING_HEAD = {"zh": r"第(\d+)条\n\d+$", "en": r"Article (\d+)\n\d+$", "bilingual": r"第(\d+)条 · Article \1\n\d+$"}


def test_running_heads_name_the_articles_in_order(built, pdfs):
    project = Project(built)
    numbers = {int(block.removeprefix("art-")) for block in headings(project, "zh")}
    for edition, reader in pdfs.items():
        heads = [int(m.group(1)) for page in reader.pages[2:] if (m := re.search(RUNNING_HEAD[edition], page.extract_text().strip()))]
        assert heads == sorted(heads) and set(heads) <= numbers, (edition, heads)
        assert len(set(heads)) >= project.info.structure.parts, (edition, heads)  # each part starts a page


@pytest.mark.parametrize("home", ["index.html", "en/index.html"])
def test_each_home_page_links_the_three_pdfs(pdf_site, pdfs, home):
    page = LexborHTMLParser((pdf_site / home).read_text(encoding="utf-8"))
    hrefs = [a.attributes["href"] for a in page.css("article a[href$='.pdf']")]
    linked = {urljoin(f"https://example.org/{home}", href).removeprefix("https://example.org/") for href in hrefs}
    assert linked == {pdf_name(edition) for edition in EDITIONS}
    assert all((pdf_site / name).is_file() for name in linked)


def test_without_a_built_site_it_fails_in_one_line(built, tmp_path):
    result = run(built, "pdf", "--site", str(tmp_path / "site"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.fullmatch(r"error: \S*site: no built site here: run `mkdocs build`.*\n", result.stderr)
    assert not (tmp_path / "site").exists()


def test_a_page_the_build_did_not_write_stops_it_before_anything_is_written(built, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built / "site", site)
    (site / pdf_name("zh")).parent.mkdir()
    (site / pdf_name("zh")).write_bytes(b"old")  # an earlier run's file stays as it was
    broken = site / "en/part-03/index.html"
    broken.write_text("<html><body><p>not a page of the site</p></body></html>", encoding="utf-8")
    result = run(built, "pdf", "--site", str(site))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.fullmatch(rf"error: \S*{re.escape('en/part-03/index.html')}: not a page of the site.*\n", result.stderr)
    assert (site / pdf_name("zh")).read_bytes() == b"old"
    assert sorted(p.name for p in (site / pdf_name("zh")).parent.iterdir()) == [Path(pdf_name("zh")).name]
