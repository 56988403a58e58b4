"""Hook: every page's metadata for machines (schema.org JSON-LD, Highwire Press and Dublin Core tags) and
the words share.js needs to share and cite its blocks (scripts/citation.py).

Kept in ``page.meta`` (``jsonld``, ``citation_tags``, ``cite``) for scripts/overrides/main.html, which
writes them into the page's head: the tags escaped by the template, the JSON escaped by ``script_json``.
"""

from __future__ import annotations

from pathlib import Path

from scripts.articles import part_of
from scripts.blocks import parse_page
from scripts.citation import cite_strings, json_ld, meta_tags, script_json
from scripts.hooks.support import input_errors_stop_the_build, page_locale, project_of
from scripts.ids import is_part_page


def on_page_markdown(markdown, page, config, files, parallel_of: str | None = None):
    """``parallel_of``: the part a parallel page shows (its parts are the rows of that page)."""
    project = project_of(config)
    with input_errors_stop_the_build():
        document = project.info.document
        if document is None:
            return markdown
        locale = page_locale(page)
        name = parallel_of or Path(page.file.src_uri).stem
        site_url = config.site_url or ""
        folder = project.en_dir if locale == "en" else project.zh_dir
        blocks = parse_page(folder / f"{name}.md") if is_part_page(name) else None
    part = part_of(name, blocks) if blocks else None
    if parallel_of:
        original = f"{name}/"
    else:
        original = page.url.removeprefix("en/") if locale == "en" else ""
    data = json_ld(document, locale, page.url, site_url, part, blocks, original_url=original)
    if parallel_of:
        data["inLanguage"] = ["zh", "en"]
    page.meta["jsonld"] = script_json(data)
    page.meta["citation_tags"] = meta_tags(document, locale, page.url, site_url)
    page.meta["cite"] = script_json(cite_strings(document, locale, page.url, site_url))
    return markdown
