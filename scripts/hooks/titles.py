"""Hook: the <title> of a part page names the part and its articles ("四、…（第16—22条）", "IV. … (Articles
16–22)"), so a browser tab, a bookmark or a search result says which articles it holds; the parallel
text's title names them in English and says what it is (scripts/templates/part_title.txt.j2).

Written into ``page.meta["html_title"]``, which scripts/overrides/main.html puts in <title> (escaped).
"""

from __future__ import annotations

from dataclasses import replace

from scripts.articles import Part, part_of
from scripts.blocks import parse_page, unescape
from scripts.hooks.support import input_errors_stop_the_build, page_locale, project_of
from scripts.ids import is_part_page
from scripts.templating import render


def on_page_markdown(markdown, page, config, files, parallel_of: str | None = None):
    """``parallel_of``: the part a parallel page shows (its title names the part in English)."""
    name = parallel_of or page.file.src_uri.removesuffix(".md").rsplit("/", 1)[-1]
    if not is_part_page(name):
        return markdown
    project = project_of(config)
    with input_errors_stop_the_build():
        parts = {locale: part_of(name, parse_page(folder / f"{name}.md")) for locale, folder in (("zh", project.zh_dir), ("en", project.en_dir))}
    if any(not part.articles for part in parts.values()):
        return markdown
    parts = {locale: _unescaped(part) for locale, part in parts.items()}
    page.meta["html_title"] = render("part_title.txt.j2", parts=parts, locale=page_locale(page), parallel=parallel_of is not None).strip()
    return markdown


def _unescaped(part: Part) -> Part:
    return replace(part, title=unescape(part.title))
