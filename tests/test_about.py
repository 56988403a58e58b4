"""The about page of both editions (scripts/hooks/about.py): reachable from the home page and the navigation,
the source from publication.yml, every translator's note linked to its block and its note, the downloads,
an honest license and version; and the changelog and version read from git (scripts/history.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from scripts.edition import page_names
from scripts.history import changelog, version
from scripts.hooks.about import about_markdown
from scripts.notes import translator_notes
from scripts.project import Project
from sitepages import load, resolve

from conftest import edit

EDITIONS = {"zh": "", "en": "en/"}
PDFS = ("downloads/proposal-zh.pdf", "downloads/proposal-en.pdf", "downloads/proposal-bilingual.pdf")


def about(site: Path, lang: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / EDITIONS[lang] / "about" / "index.html").read_text(encoding="utf-8"))


def section(tree: LexborHTMLParser, heading_id: str) -> str:
    """The text from a heading to the next h2."""
    text, inside = [], False
    for node in tree.css_first("article").iter(include_text=False):
        if node.tag == "h2":
            inside = node.attributes.get("id") == heading_id
        elif inside:
            text.append(node.text(deep=True))
    return " ".join(" ".join(text).split())


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_about_page_is_linked_from_the_home_page_and_the_navigation(built_site, lang):
    home = LexborHTMLParser((built_site / EDITIONS[lang] / "index.html").read_text(encoding="utf-8"))
    assert "about/" in [a.attributes.get("href") for a in home.css("article a")]
    assert "about/" in [a.attributes.get("href") for a in home.css("nav.md-nav--primary a.md-nav__link")]
    assert about(built_site, lang).css_first("html").attributes["lang"] == lang


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_source_is_described_from_the_publication(built, built_site, lang):
    document = yaml.safe_load((built / "publication.yml").read_text(encoding="utf-8"))["document"]
    text = section(about(built_site, lang), "about-source")
    for key in ("publisher", "adopted_by", "published_by"):
        assert document[key][lang] in text, key
    assert str(document["published_on"]) in text and document["source_url"] in text
    boilerplate = section(about(built_site, lang), "about-chinese")
    for pattern in yaml.safe_load((built / "publication.yml").read_text(encoding="utf-8"))["source"]["boilerplate"]:
        assert pattern in boilerplate


@pytest.mark.parametrize("lang", EDITIONS)
def test_every_translators_note_is_listed_with_links_to_its_block_and_note(built, built_site, lang):
    notes = translator_notes(Project(built))
    assert len(notes) >= 6  # the known errors of the Lucheng source
    url = EDITIONS[lang] + "about/"
    items = about(built_site, lang).css("#about-errors ~ ul")[0].css("li")
    assert len(items) == len(notes)
    for item, note in zip(items, notes):
        block_link, note_link = [a.attributes["href"] for a in item.css("a")]
        path, anchor = resolve(built_site, url, block_link)
        assert path == built_site / EDITIONS[lang] / note.page / "index.html" and anchor == note.block
        assert anchor in load(path).ids
        path, anchor = resolve(built_site, url, note_link)
        assert path == built_site / "en" / note.page / "index.html" and anchor == f"fn:{note.id}"
        assert anchor in load(path).ids
        assert note.text[:30] in item.text()


@pytest.mark.parametrize("lang", EDITIONS)
def test_license_downloads_and_version_say_only_what_is_known(built, built_site, lang):
    tree = about(built_site, lang)
    assert not any((built / name).exists() for name in ("LICENSE", "LICENSE.md", "COPYING"))
    license_text = section(tree, "about-license")
    assert ("尚未声明任何许可" if lang == "zh" else "No license has been stated") in license_text
    assert ("以中文原文为准" if lang == "zh" else "the Chinese prevails") in license_text
    links = [a.attributes["href"] for a in tree.css("#about-download ~ ul")[0].css("a")]
    assert [resolve(built_site, EDITIONS[lang] + "about/", link)[0] for link in links] == [built_site / pdf for pdf in PDFS]
    # the test's copy of the repository has no .git: the commit is unknown and there is no changelog
    assert ("未知" if lang == "zh" else "unknown") in section(tree, "about-version")
    assert not tree.css("#about-changelog ~ ul")


def git(folder: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T",
           "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin", "HOME": str(folder)}
    return subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True, text=True).stdout


def test_the_changelog_lists_commits_to_the_english_and_the_source_with_their_pages(repo):
    project = Project(repo)
    assert changelog(project, page_names(project)) == [] and version(project).commit == ""  # not a checkout
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Initial text")
    edit(repo / "content/en/part-03.md", "[^tn-art-14]:", "[^tn-art-14]: ")
    git(repo, "commit", "-q", "-am", "Note on art. 14 respaced")
    edit(repo / "README.md", "# The Lucheng plan", "# The Lucheng plan,")
    git(repo, "commit", "-q", "-am", "README only")
    changes = changelog(project, page_names(project))
    assert [c.subject for c in changes] == ["Note on art. 14 respaced", "Initial text"]
    assert changes[0].pages == ("part-03",) and not changes[0].source
    assert changes[1].source and changes[1].pages[:2] == ("index", "part-01")
    current = version(project)
    assert current.commit == git(repo, "rev-parse", "HEAD").strip() and not current.modified
    assert len(changelog(project, page_names(project), limit=1)) == 1
    shallow = repo.parent / "shallow"
    git(repo.parent, "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow))
    assert changelog(Project(shallow), page_names(project)) == [] and version(Project(shallow)).commit == current.commit
    (repo / "content/en/part-03.md").write_text((repo / "content/en/part-03.md").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert version(project).modified
    for lang, modified in (("en", " (with uncommitted changes)"), ("zh", "（含未提交的改动）")):
        page = about_markdown(project, lang, EDITIONS[lang] + "about/")
        log = page.split("{#about-changelog}")[1]
        assert "Note on art\\. 14 respaced" in log and "README only" not in log
        assert "](part-03.md)" in log.splitlines()[[i for i, l in enumerate(log.splitlines()) if "respaced" in l][0]]
        assert f"<code>{current.commit[:12]}</code>{modified}" in page


def test_a_license_file_is_named_and_quoted(repo):
    (repo / "LICENSE").write_text("\nCreative Commons Attribution 4.0 International\n\n...", encoding="utf-8")
    for lang, said in (("en", "The repository states its license in"), ("zh", "本项目仓库的许可文件")):
        page = about_markdown(Project(repo), lang, EDITIONS[lang] + "about/")
        license_part = page.split("{#about-license}")[1].split("{#about-download}")[0]
        assert said in license_part and "Creative Commons Attribution 4\\.0 International" in license_part
        assert "No license" not in license_part and "尚未声明" not in license_part
