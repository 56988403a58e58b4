"""Hook: the home page of each edition ends with its table of contents (the article index, the parts, then
the reference pages) and links to the PDFs of the whole document (written by ``python -m scripts pdf``
after the build: until it has run, as under ``mkdocs serve``, those links lead nowhere).

The list is built from the parts' own headings in that edition, so it is never out of step with them.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils import get_relative_url

from scripts.articles import edition_parts
from scripts.hooks.support import input_errors_stop_the_build, page_locale, project_of
from scripts.pdf import EDITIONS, pdf_name
from scripts.templating import render


def on_page_markdown(markdown, page, config, files):
    if Path(page.file.src_uri).stem != "index":
        return markdown
    locale = page_locale(page)
    with input_errors_stop_the_build():
        parts = edition_parts(project_of(config), locale)
    pdfs = {edition: get_relative_url(pdf_name(edition), page.url) for edition in EDITIONS}
    return markdown.rstrip() + "\n\n" + render("home_contents.md.j2", locale=locale, parts=parts, pdfs=pdfs)
