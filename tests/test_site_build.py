"""The built site as files: no third-party resources, per-edition search indexes, the pinned worker patches."""

from __future__ import annotations

import json
import re
from importlib.metadata import version
from pathlib import Path

import material
import pytest

from conftest import edit, mkdocs_build
from scripts.search_index import WORKER_GLOB, WORKER_PATCHES, PatchError, patch_worker, search_worker

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


def test_each_edition_has_its_own_index(built_site):
    zh = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    en = json.loads((built_site / "en/search/search_index.json").read_text(encoding="utf-8"))
    assert zh["docs"] and en["docs"]
    assert not any(d["location"].startswith("en/") for d in zh["docs"])
    assert any(d["location"] == "part-06/#art-27" and "sponge city" in d["text"] for d in en["docs"])
    assert "stemmer" not in en["config"]["pipeline"] and en["config"]["lang"] == ["en"]
    art = next(d for d in zh["docs"] if "全面推行" in d["text"])
    assert "推行" in art["words"].split("\u200b")  # the word inside the compound is indexed on its own
    assert "海绵城市" in next(d for d in zh["docs"] if d["location"] == "part-06/#art-27")["terms"].split("\u200b")


def test_english_pages_search_from_the_english_base(built_site):
    html = (built_site / "en/part-06/index.html").read_text(encoding="utf-8")
    assert '"base": "../../en/"' in html
    assert '"base": ".."' in (built_site / "part-06/index.html").read_text(encoding="utf-8")


def test_the_built_worker_carries_every_patch(built_site):
    worker = next((built_site / "assets/javascripts/workers").glob("search.*.min.js")).read_text(encoding="utf-8")
    for patch in WORKER_PATCHES:
        assert patch.new in worker, patch.why


def test_a_changed_worker_is_refused_instead_of_silently_unpatched():
    with pytest.raises(PatchError, match=f"of mkdocs-material {re.escape(version('mkdocs-material'))}: patch .* expected its target .* once, found it 0 times"):
        patch_worker("function search(query) { return [] }")


def test_the_worker_is_found_by_pattern_and_must_be_unique(tmp_path):
    with pytest.raises(PatchError, match="expected one assets/javascripts/workers/search.[*].min.js .* found 0"):
        search_worker(tmp_path)
    for name in ("search.1111.min.js", "search.2222.min.js"):
        (tmp_path / WORKER_GLOB).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / WORKER_GLOB).with_name(name).write_text("", encoding="utf-8")
    with pytest.raises(PatchError, match="found 2"):
        search_worker(tmp_path)


def test_a_build_with_a_worker_that_lacks_a_patch_target_fails_naming_material_and_the_target(repo):
    """The theme's worker replaced (through a custom_dir of the publication) by one without the segmenter loop."""
    theme_worker = next((Path(material.__file__).parent / "templates").glob(WORKER_GLOB))
    edit(repo / "mkdocs.yml", "  name: material\n", "  name: material\n  custom_dir: theme\n")
    override = repo / "theme" / WORKER_GLOB.rsplit("/", 1)[0] / theme_worker.name
    override.parent.mkdir(parents=True, exist_ok=True)
    override.write_text(theme_worker.read_text(encoding="utf-8").replace(WORKER_PATCHES[0].old, "/* changed */"), encoding="utf-8")
    result = mkdocs_build(repo, repo / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"of mkdocs-material {version('mkdocs-material')}: patch '{WORKER_PATCHES[0].why}'" in result.stderr
    assert repr(WORKER_PATCHES[0].old) in result.stderr


def test_a_broken_link_or_anchor_fails_the_strict_build(repo):
    edit(repo / "content/zh/glossary.md", "# 术语表 {#glossary}", "# 术语表 {#glossary}\n\n[坏链接](part-01.md#art-99)")
    result = mkdocs_build(repo, repo / "site")
    assert result.returncode != 0
    assert "art-99" in result.stderr


@pytest.mark.parametrize("edition, first_part", [("", "一、高水平开启"), ("en/", "I. Embark on the New Journey")])
def test_home_page_lists_every_part_and_the_reference_pages(built_site, edition, first_part):
    html = (built_site / edition / "index.html").read_text(encoding="utf-8")
    contents = html.split('id="contents"')[1].split("</article>")[0]
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', contents)
    assert [href for href, _ in links] == ["articles/"] + [f"part-{n:02d}/" for n in range(1, 12)] + ["targets/", "glossary/", "status/", "about/"]
    assert links[1][1].startswith(first_part)
