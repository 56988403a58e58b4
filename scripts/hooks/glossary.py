"""Hook: the glossary page of each edition, term links with tooltips in article text, and the exports.

The glossary is loaded and validated once per build (an invalid glossary fails the build with its
file:line message). ``glossary.csv`` and ``glossary.tbx`` are written at the site root once every
language has been built.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils import get_relative_url

from scripts.glossary import CATEGORIES
from scripts.glossary.export import to_csv, to_tbx
from scripts.glossary.links import GlossaryLinkExtension, Labels
from scripts.hooks.support import (
    glossary_and_places,
    input_errors_stop_the_build,
    is_final_build,
    page_locale,
    project_of,
)
from scripts.templating import render

state: dict = {}


def on_config(config):
    project = project_of(config)
    with input_errors_stop_the_build():
        glossary, places = glossary_and_places(project)
    state.update(glossary=glossary, places=places)
    extension = state.setdefault("extension", GlossaryLinkExtension(glossary))
    extension.glossary = glossary
    if extension not in config.markdown_extensions:
        config.markdown_extensions.append(extension)
    return config


def on_page_markdown(markdown, page, config, files):
    locale = page_locale(page)
    name = page.file.src_uri.rsplit("/", 1)[-1]
    # Every edition page sits beside its glossary page, so a Markdown link lets MkDocs resolve and validate it.
    state["extension"].labels = None if name == "glossary.md" else Labels(locale, "glossary.md")
    if name != "glossary.md":
        return markdown
    glossary = state["glossary"]
    groups = [(cat, [t for t in glossary if t.category == cat]) for cat in CATEGORIES]
    body = render(
        "glossary_page.md.j2",
        locale=locale,
        terms=list(glossary),
        groups=[g for g in groups if g[1]],
        category_names=CATEGORIES,
        places=state["places"],
        csv_url=get_relative_url("glossary.csv", page.url),
        tbx_url=get_relative_url("glossary.tbx", page.url),
    )
    return markdown.rstrip() + "\n\n" + body


def on_page_content(html, page, config, files):
    """The glossary's table of contents lists its categories, not each of its hundreds of terms: the
    terms made it the heaviest page of the site, twice over (sidebar and phone drawer)."""
    if page.file.src_uri.rsplit("/", 1)[-1] == "glossary.md":
        for heading in page.toc:
            for category in heading.children:
                category.children = []
    return html


def on_post_build(config):
    if not is_final_build(config):
        return
    site = Path(config.site_dir)
    (site / "glossary.csv").write_text(to_csv(state["glossary"]), encoding="utf-8")
    (site / "glossary.tbx").write_text(to_tbx(state["glossary"], project_of(config).info.document), encoding="utf-8")
