"""The built site as files: no third-party resources, per-edition search indexes, the site's search worker."""

from __future__ import annotations

import json
import re
from itertools import accumulate
from importlib.metadata import version
from pathlib import Path

import material
import pytest

from conftest import edit, mkdocs_build
from scripts.search.site import WORKER, WORKER_GLOB, WorkerNotFound, search_worker
from search_driver import built_index

#: What a browser fetches by itself: src of scripts, images and frames; stylesheets, icons and preloads
#: among <link>s (not canonical or alternate links, which are never fetched); CSS url() and @import.
FETCHED = re.compile(
    r"""<(?:script|img|iframe|source|audio|video|embed)\b[^>]*?\bsrc\s*=\s*["']([^"']+)"""
    r"""|<link\b(?=[^>]*\brel\s*=\s*["'](?:stylesheet|icon|preload|preconnect|modulepreload|manifest|dns-prefetch)["'])[^>]*?\bhref\s*=\s*["']([^"']+)"""
    r"""|url\(\s*["']?([^"')]+)|@import\s+["']([^"']+)""",
    re.I,
)
OFF_SITE = re.compile(r"^(?:https?:)?//")


def test_no_page_style_or_script_loads_anything_from_another_host(built_site):
    offending = []
    for path in built_site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".css", ".js"):
            for match in FETCHED.finditer(path.read_text(encoding="utf-8", errors="replace")):
                url = next(group for group in match.groups() if group)
                if OFF_SITE.match(url):
                    offending.append((str(path.relative_to(built_site)), url))
    assert not offending, offending[:10]


def test_the_scan_would_see_a_google_font():
    assert OFF_SITE.match(next(g for g in FETCHED.search('<link rel="stylesheet" href="https://fonts.googleapis.com/css">').groups() if g))


def test_each_edition_has_its_own_index_behind_a_stub(built_site):
    for edition, folder in (("zh", built_site), ("en", built_site / "en")):
        stub = json.loads((folder / "search/search_index.json").read_text(encoding="utf-8"))
        assert stub["docs"] == [] and stub["config"]["lang"] == [edition], stub
        assert len((folder / "search/search_index.json").read_bytes()) < 400  # what every page load fetches
        worker = built_site / "assets/javascripts/workers/x.js"
        assert (worker.parent / stub["config"]["index"]).resolve() == next((folder / "search").glob("index.*.json")).resolve()
        other = built_site / ("en" if edition == "zh" else "") / "search"
        assert (worker.parent / stub["config"]["other"]["index"]).resolve() == next(other.glob("index.*.json")).resolve()
    zh, en = built_index(built_site, "zh"), built_index(built_site, "en")
    assert not any(page.startswith("en/") for page in zh["pages"])
    assert any(anchor == "art-27-p1" and "sponge city" in text for _, anchor, text in en["blocks"])
    assert any("全面推行" in zh["blocks"][b][2] for b in accumulate(zh["words"]["推行"]))  # the word inside the compound
    assert not [w for w in zh["words"] if re.fullmatch(r"[\u4e00-\u9fff]", w)]  # no one-character words
    assert "海绵城市" in zh["terms"] and "sponge city" in en["terms"]
    assert zh["phrases"]["sponge city"] == [zh["terms"].index("海绵城市")]


def test_english_pages_search_from_the_english_base(built_site):
    html = (built_site / "en/part-06/index.html").read_text(encoding="utf-8")
    assert '"base": "../../en/"' in html
    assert '"base": ".."' in (built_site / "part-06/index.html").read_text(encoding="utf-8")


def test_the_site_runs_the_projects_worker_in_place_of_materials(built_site):
    worker = search_worker(built_site)
    assert worker.read_text(encoding="utf-8") == WORKER.read_text(encoding="utf-8")
    assert not worker.with_name(worker.name + ".map").exists()


def test_the_worker_is_found_by_pattern_and_must_be_unique(tmp_path):
    with pytest.raises(WorkerNotFound, match=f"expected one assets/javascripts/workers/search.[*].min.js in the built site with mkdocs-material {re.escape(version('mkdocs-material'))}, found 0"):
        search_worker(tmp_path)
    for name in ("search.1111.min.js", "search.2222.min.js"):
        (tmp_path / WORKER_GLOB).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / WORKER_GLOB).with_name(name).write_text("", encoding="utf-8")
    with pytest.raises(WorkerNotFound, match="found 2"):
        search_worker(tmp_path)


def test_a_build_whose_theme_ships_another_worker_fails_naming_material(repo):
    """A second worker beside Material's (through a custom_dir of the publication): the build cannot tell which
    one the page script loads, so it stops instead of leaving one of them Material's."""
    theme_worker = next((Path(material.__file__).parent / "templates").glob(WORKER_GLOB))
    edit(repo / "mkdocs.yml", "  name: material\n", "  name: material\n  custom_dir: theme\n")
    override = repo / "theme" / WORKER_GLOB.rsplit("/", 1)[0] / "search.00000000.min.js"
    override.parent.mkdir(parents=True, exist_ok=True)
    override.write_text(theme_worker.read_text(encoding="utf-8"), encoding="utf-8")
    result = mkdocs_build(repo, repo / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"with mkdocs-material {version('mkdocs-material')}, found 2" in result.stderr


def test_a_broken_link_or_anchor_fails_the_strict_build(repo):
    edit(repo / "content/zh/glossary.md", "# 术语表 {#glossary}", "# 术语表 {#glossary}\n\n[坏链接](part-01.md#art-99)")
    result = mkdocs_build(repo, repo / "site")
    assert result.returncode != 0
    assert "art-99" in result.stderr


@pytest.mark.parametrize("edition, first_part", [("", "一、高水平开启"), ("en/", "I. Embark on the New Journey")])
def test_home_page_lists_every_part_and_the_reference_pages(built_site, edition, first_part):
    html = (built_site / edition / "index.html").read_text(encoding="utf-8")
    contents = html.split('id="contents"')[1].split("</article>")[0]
    links = [link for link in re.findall(r'<a href="([^"]+)">([^<]+)</a>', contents) if "downloads/" not in link[0]]  # PDFs: test_pdf.py
    assert [href for href, _ in links] == ["articles/"] + [f"part-{n:02d}/" for n in range(1, 12)] + ["targets/", "glossary/", "status/", "about/"]
    assert links[1][1].startswith(first_part)
