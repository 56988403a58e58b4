"""Hook: review status for readers — labels and banners on English pages, and the status page's table.

Page events run once per language build (mkdocs-static-i18n builds zh, then en); each page is handled
in its own language's build and nothing is kept between builds, so running twice is safe.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from mkdocs.utils import get_relative_url

from scripts.annotate import annotate
from scripts.blocks import parse_page
from scripts.edition import PagePair, page_names
from scripts.hooks.support import input_errors_stop_the_build, page_locale, project_of
from scripts.snapshots import load_snapshots
from scripts.status import STATES, edition_status
from scripts.templating import render

STATUS_PAGE = "status"


def on_page_markdown(markdown, page, config, files):
    with input_errors_stop_the_build():
        return _page_markdown(markdown, page, config)


def _page_markdown(markdown, page, config):
    project = project_of(config)
    name = Path(page.file.src_uri).stem
    locale = page_locale(page)
    if name == STATUS_PAGE:
        pages = edition_status(project)
        totals = sum((p.counts for p in pages), Counter())
        return markdown.rstrip() + "\n\n" + render("status_table.md.j2", locale=locale, pages=pages, states=STATES, totals=totals)
    if locale != "en" or name not in page_names(project):
        return markdown
    parse_page(page.file.abs_src_path)  # a format error is reported at its line in the file, front matter included
    pair = PagePair(name, parse_page(project.zh_dir / f"{name}.md"), parse_page(page.file.abs_src_path, markdown))
    zh_page_url = page.url.removeprefix("en/") or "./"
    return annotate(pair, load_snapshots(project), get_relative_url(zh_page_url, page.url))
