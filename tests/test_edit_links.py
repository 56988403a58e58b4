"""Editors reach the source of an English page from the page: "edit this page" and "report it" on GitHub,
when publication.yml names the repository (site.repository); without it, no link points anywhere wrong."""

from selectolax.lexbor import LexborHTMLParser

from conftest import build, edit


def notice_links(site, page):
    notice = LexborHTMLParser((site / page / "index.html").read_text(encoding="utf-8")).css_first(".translation-notice")
    return {a.text(): a.attributes["href"] for a in notice.css("a")}


def test_every_english_page_links_its_file_on_github(repo):
    edit(repo / "publication.yml", "site:\n", "site:\n  repository: https://github.com/example/plan\n  branch: trunk\n")
    build(repo, repo / "site")
    links = notice_links(repo / "site", "en/part-02")
    assert links["edit this page"] == "https://github.com/example/plan/edit/trunk/content/en/part-02.md"
    assert links["Report it"].startswith("https://github.com/example/plan/issues/new?template=translation-wrong.yml")
    assert notice_links(repo / "site", "en/glossary")["edit this page"].endswith("/content/en/glossary.md")
    # a page the build generates (a glossary category) has no file to edit: glossary.yml is edited instead
    assert set(notice_links(repo / "site", "en/glossary/strategy")) == {"中文原文", "Report it"}


def test_without_a_repository_there_is_no_edit_link(built_site):
    assert set(notice_links(built_site, "en/part-02")) == {"中文原文"}


def test_a_repository_that_is_no_web_address_is_refused(repo):
    from conftest import run

    edit(repo / "publication.yml", "site:\n", "site:\n  repository: javascript:alert(1)\n")
    result = run(repo, "check")
    assert result.returncode == 1 and "publication.yml:" in result.stderr and "site.repository" in result.stderr
