"""Hook: the about page of each edition: the source, how both editions are made, the known errors of the
source (the translator's notes), the license, the downloads, the version of the build and the changelog.

Everything comes from publication.yml, the content and git (scripts/history.py), so any publication gets
the page; the words are in the template, in both languages.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils import get_relative_url

from scripts.edition import page_names
from scripts.history import changelog, version
from scripts.hooks.support import input_errors_stop_the_build, page_locale, project_of
from scripts.notes import translator_notes
from scripts.project import Project
from scripts.templating import render

ABOUT_PAGE = "about"
#: The whole-document PDFs, written into the site after the build by the deploy (not checked here).
DOWNLOADS = {"zh": "downloads/proposal-zh.pdf", "en": "downloads/proposal-en.pdf", "bilingual": "downloads/proposal-bilingual.pdf"}
LICENSE_FILES = ("LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE", "LICENCE.md", "COPYING")


def on_page_markdown(markdown, page, config, files):
    if Path(page.file.src_uri).stem != ABOUT_PAGE:
        return markdown
    with input_errors_stop_the_build():
        return markdown.rstrip() + "\n\n" + about_markdown(project_of(config), page_locale(page), page.url)


def about_markdown(project: Project, locale: str, page_url: str) -> str:
    """What the build adds to the about page of the edition ``locale`` at ``page_url`` (``en/about/``)."""
    info = project.info
    return render(
        "about_page.md.j2",
        locale=locale,
        document=info.document,
        boilerplate=list(zip((p.pattern for p in info.boilerplate), info.boilerplate_notes)),
        repository=(info.site.repository.rstrip("/") if info.site else ""),
        site_branch=(info.site.branch if info.site else ""),
        notes=translator_notes(project),
        english_root=get_relative_url("en/", page_url) if locale == "zh" else "",
        license_file=license_file(project),
        downloads={key: get_relative_url(path, page_url) for key, path in DOWNLOADS.items()},
        version=version(project),
        changes=changelog(project, page_names(project)),
    )


def license_file(project: Project) -> tuple[str, str] | None:
    """(file name, its first line) of the license file at the project's root, if there is one."""
    for name in LICENSE_FILES:
        path = project.root / name
        if path.is_file():
            first = next((line.strip("# ").strip() for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()), "")
            return name, first
    return None
