"""Hook: the home page of each edition ends with its table of contents (the parts, then the reference pages).

The list is built from the parts' own headings in that edition, so it is never out of step with them.
"""

from __future__ import annotations

from pathlib import Path

from scripts.blocks import parse_page
from scripts.edition import page_names
from scripts.hooks.support import input_errors_stop_the_build, page_locale, project_of
from scripts.templating import render


def on_page_markdown(markdown, page, config, files):
    if Path(page.file.src_uri).stem != "index":
        return markdown
    project = project_of(config)
    locale = page_locale(page)
    folder = project.en_dir if locale == "en" else project.zh_dir
    with input_errors_stop_the_build():
        parts = [(name, parse_page(folder / f"{name}.md").blocks[0].text) for name in page_names(project) if name != "index"]
    return markdown.rstrip() + "\n\n" + render("home_contents.md.j2", locale=locale, parts=parts)
