"""Hook: the parallel text of every part, ``parallel/part-NN/`` (scripts/parallel.py), one bilingual copy.

The pages are MkDocs pages generated in the English build (they need both editions rendered, and the
Chinese build runs first): ``on_files`` adds them, after mkdocs-static-i18n has sorted the files, as
pages outside the navigation and the search index; ``on_page_content`` keeps each edition's rendered
part pages; ``on_page_context`` (when every page of the build has been rendered) puts the blocks side by
side. The safety check of every written page (hooks/safety.py) checks them like any other.
"""

from __future__ import annotations

from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

from scripts.annotate import stale_diff
from scripts.articles import plain
from scripts.edition import PagePair, load_pair, page_names
from scripts.hooks import term_toggle
from scripts.hooks.support import Alternate, input_errors_stop_the_build, page_locale, project_of
from scripts.ids import INDEX, is_part_page
from scripts.parallel import FOLDER, EditionPage, column, parallel_url
from scripts.snapshots import load_snapshots
from scripts.templating import render

#: The build the pages are made in: the one that runs after the Chinese build has rendered its pages.
BUILT_IN = "en"
STUB = """---
search:
  exclude: true
hide:
  - navigation
  - toc
---

# {title}
"""

_rendered: dict[tuple[str, str], EditionPage] = {}  # (locale, part page) -> the page as its build rendered it


def part_names(config) -> list[str]:
    return [name for name in page_names(project_of(config)) if name != INDEX]


def name_of(page) -> str | None:
    """The part a parallel page shows (``part-04``); None for any other page."""
    folder, _, name = page.file.src_uri.removesuffix(".md").partition("/")
    return name if folder == FOLDER else None


def on_files(files, config):
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.current_language != BUILT_IN:
        return files
    project = project_of(config)
    with input_errors_stop_the_build():
        for name in part_names(config):
            pair = load_pair(project, name)
            file = File.generated(config, f"{FOLDER}/{name}.md", content=STUB.format(title=_title(pair)), inclusion=InclusionLevel.NOT_IN_NAV)
            file.locale = file.locale_alternate_of = BUILT_IN
            file.localization = None
            file.norm_src_uri = file.src_uri
            file.alternates = {"zh": Alternate(f"{name}/"), "en": Alternate(f"en/{name}/")}
            files.append(file)
    return files


def _title(pair: PagePair) -> str:
    """The part's heading in both languages (Markdown text, as the editions' headings are written)."""
    zh, en = pair.zh.blocks[0], pair.en.block(pair.zh.blocks[0].id) if pair.en else None
    titles = [plain(zh.text)] + ([plain(en.text)] if en and en.status not in ("", "untranslated") else [])
    return " · ".join(titles)


def remember(html, page):
    """Keep an edition's rendered part page for its parallel page."""
    name = page.file.src_uri.removesuffix(".md").rsplit("/", 1)[-1]
    if name_of(page) is None and is_part_page(name):
        _rendered[(page_locale(page), name)] = EditionPage(html, page.url)
    return html


def on_page_context(context, page, config, nav):
    name = name_of(page)
    if name is None:
        return context
    project = project_of(config)
    with input_errors_stop_the_build():
        pair = load_pair(project, name)
        snapshots = load_snapshots(project)
    block_ids = [b.id for b in pair.zh.blocks]
    zh = column(_rendered[("zh", name)], block_ids, page.url, "zh")
    en = column(_rendered[("en", name)], block_ids, page.url, "en")
    rows = [
        dict(id=zh_block.id, zh=zh.blocks.get(zh_block.id, ""), en=en.blocks.get(zh_block.id, ""),
             label=render("status_label.html.j2", state=state, zh_url=f"#{zh_block.id}", diff=stale_diff(zh_block, en_block, snapshots, state)))
        for zh_block, en_block, state in pair.states()
    ]
    marks_terms = any(term_toggle.marks_terms(row["zh"] + row["en"]) for row in rows)
    page.content = render(
        "parallel_page.html.j2", rows=rows, notes=en.notes, toggle=term_toggle.toggle("en") if marks_terms else "",
        zh_url=get_relative_url(f"{name}/", page.url), en_url=get_relative_url(f"en/{name}/", page.url),
    )
    return context


def links_of(page) -> str | None:
    """The parallel text of an edition's part page, relative to it (None for other pages)."""
    name = page.file.src_uri.removesuffix(".md").rsplit("/", 1)[-1]
    if name_of(page) is not None or not is_part_page(name):
        return None
    return get_relative_url(parallel_url(name), page.url)
