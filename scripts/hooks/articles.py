"""Hook: the article index page of each edition lists every article (number and title, linked), part by part.

Built from the parts' own headings in that edition, like the home page's contents (hooks/home.py).
"""

from __future__ import annotations

from pathlib import Path

from scripts.articles import edition_parts
from scripts.hooks.support import input_errors_stop_the_build, page_locale, project_of
from scripts.templating import render

ARTICLES_PAGE = "articles"


def on_page_markdown(markdown, page, config, files):
    if Path(page.file.src_uri).stem != ARTICLES_PAGE:
        return markdown
    locale = page_locale(page)
    with input_errors_stop_the_build():
        parts = edition_parts(project_of(config), locale)
    return markdown.rstrip() + "\n\n" + render("articles_index.md.j2", locale=locale, parts=parts)
