"""Hook: the glossary's pages in each edition (an overview and one page per category, scripts/glossary/pages.py),
term links with tooltips in article text, and the exports.

- ``on_config``: the glossary is loaded and validated once per build (an invalid glossary fails the build with
  its file:line message); the navigation's glossary entry becomes a group of the overview and the category pages;
- ``on_files`` (after mkdocs-static-i18n has sorted the files): the category pages of the edition being built,
  generated, with their address in the other edition (language switch, hreflang) and a place in the sitemap;
- ``on_page_markdown``: the overview's list of terms, a category page's entries, and the tooltips' links of the
  other pages to each term's category page;
- ``on_post_build``: ``glossary.csv`` and ``glossary.tbx`` at the site root once every language has been built.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from scripts.glossary import CATEGORIES
from scripts.glossary.export import to_csv, to_tbx
from scripts.glossary.links import GlossaryLinkExtension, Labels
from scripts.glossary.pages import OVERVIEW, categories_used, category_of, category_page, entry_link, is_overview, labels
from scripts.hooks.support import (
    Alternate,
    glossary_and_places,
    input_errors_stop_the_build,
    is_final_build,
    page_locale,
    project_of,
)
from scripts.search.site import EDITIONS
from scripts.templating import markdown_text, render

#: The navigation's words for the glossary's group, in Chinese in the navigation, translated for the other edition.
NAV_LABELS = ("section", "overview")
#: A category page as the build reads it: the templates add its entries (``on_page_markdown``).
STUB = """---
search:
  boost: 0.5
---

# {title} {{#cat-{category}}}
"""

state: dict = {}


def on_config(config):
    project = project_of(config)
    with input_errors_stop_the_build():
        glossary, places = glossary_and_places(project)
    state.update(glossary=glossary, places=places, categories=categories_used(glossary))
    extension = state.setdefault("extension", GlossaryLinkExtension(glossary))
    extension.glossary = glossary
    if extension not in config.markdown_extensions:
        config.markdown_extensions.append(extension)
    config.nav = navigation(config.nav, state["categories"])
    i18n = config.plugins.get("i18n")
    words = labels()
    for language in (i18n.config.languages if i18n else []):
        if language.locale != "zh":
            translations = {words["zh"][key]: words[language.locale][key] for key in NAV_LABELS}
            language.nav_translations = {**(language.nav_translations or {}), **translations}
    return config


def navigation(nav: list, categories: list[str]) -> list:
    """The glossary's entry becomes a group: the overview, then each category's page (titled by its heading)."""
    if not categories:
        return nav
    words = labels()["zh"]  # the English edition's are its navigation translations (on_config)
    group = {words["section"]: [{words["overview"]: OVERVIEW}, *(category_page(c) for c in categories)]}
    return [group if item == OVERVIEW else item for item in nav]


def on_files(files, config):
    """The category pages of the edition being built (after mkdocs-static-i18n has sorted the files)."""
    i18n = config.plugins.get("i18n")
    locale = i18n.current_language if i18n else "zh"
    for category in state["categories"]:
        title = markdown_text(CATEGORIES[category][0 if locale == "zh" else 1])
        file = File.generated(config, EDITIONS[locale] + category_page(category), content=STUB.format(title=title, category=category))
        file.locale = file.locale_alternate_of = locale
        file.localization = None
        file.norm_src_uri = category_page(category)
        file.alternates = {other: Alternate(prefix + file.url.removeprefix(EDITIONS[locale])) for other, prefix in EDITIONS.items()}
        file.alternates[locale] = file
        files.append(file)
        if i18n:
            i18n.i18n_files_per_language[locale].append(file)  # its sitemap
    return files


def on_page_markdown(markdown, page, config, files):
    locale = page_locale(page)
    src_uri = page.file.src_uri
    category = category_of(src_uri)
    overview = is_overview(src_uri)
    # A Markdown link from an edition page to its category page lets MkDocs resolve and validate it.
    state["extension"].labels = None if overview or category else Labels(locale, entry_link)
    glossary = state["glossary"]
    if category:
        page.meta["html_title"] = labels()[locale]["title"].format(CATEGORIES[category][0 if locale == "zh" else 1])
        body = render(
            "glossary_category.md.j2",
            locale=locale,
            terms=[t for t in glossary if t.category == category],
            places=state["places"],
            labels=labels()[locale],
            overview_url=f"../{OVERVIEW}",
        )
    elif overview:
        page.meta["html_title"] = labels()[locale]["section"]  # not its navigation entry's title
        body = render(
            "glossary_overview.md.j2",
            locale=locale,
            terms=list(glossary),
            groups=[(c, [t for t in glossary if t.category == c]) for c in state["categories"]],
            category_names=CATEGORIES,
            page_of=category_page,
            csv_url=get_relative_url("glossary.csv", page.url),
            tbx_url=get_relative_url("glossary.tbx", page.url),
        )
    else:
        return markdown
    return markdown.rstrip() + "\n\n" + body


def on_page_content(html, page, config, files):
    """The glossary pages' table of contents lists no terms: hundreds of them made the glossary the heaviest
    page of the site, twice over (sidebar and phone drawer); the overview lists its categories."""
    if is_overview(page.file.src_uri) or category_of(page.file.src_uri):
        _drop_terms(page.toc)
    return html


def _drop_terms(headings) -> None:
    for heading in headings:
        heading.children = [child for child in heading.children if not child.id.startswith("term-")]
        _drop_terms(heading.children)


def on_post_build(config):
    if not is_final_build(config):
        return
    site = Path(config.site_dir)
    (site / "glossary.csv").write_text(to_csv(state["glossary"]), encoding="utf-8")
    (site / "glossary.tbx").write_text(to_tbx(state["glossary"], project_of(config).info.document), encoding="utf-8")
