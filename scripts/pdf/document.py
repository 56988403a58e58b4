"""The HTML of each PDF: a cover, a table of contents and the document's pages, in one edition or both.

Made from the built site's pages (``reading``); what the cover says comes from publication.yml, the
review summary from the English edition's state (``scripts.status``), the words around it from the
template ``pdf_document.html.j2``, the layout from ``pdf.css``.
"""

from __future__ import annotations

import datetime
import re
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..edition import page_names
from ..project import Project
from ..status import STATES, edition_status
from ..templating import TEMPLATES, render
from .links import LinkMap
from .reading import SitePage, read_page

ARTICLE = re.compile(r"^art-(\d+)$")


@dataclass
class Block:
    """A block as the PDF shows it: its id in the PDF and its HTML in each language it is shown in."""

    id: str
    tag: str
    article: str  # the article's number on an article's heading, for the running head
    shown: list[tuple[str, str]]  # (locale, html)
    title: str  # the text of a heading, for the table of contents


def version(root: Path) -> str:
    """The build date, and the git commit of the project when it is a git checkout."""
    today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"], cwd=root, capture_output=True, text=True, timeout=30, check=True
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    return f"{today}, commit {commit}" if commit else today


def read_site(project: Project, site: Path) -> dict[str, list[SitePage]]:
    """Both editions' pages (home page and parts), in reading order."""
    names = page_names(project)
    return {locale: [read_page(site, name, locale) for name in names] for locale in ("zh", "en")}


def document_html(edition: str, project: Project, pages: dict[str, list[SitePage]], built: str) -> str:
    info = project.info.document
    locales = ("zh", "en") if edition == "bilingual" else (edition,)
    prefixes = {locale: f"{locale}-" for locale in locales}
    targets = {
        (page.url, page_id): prefixes[locale] + page_id
        for locale in locales
        for page in pages[locale]
        for page_id in page.ids
    }
    links = LinkMap(targets, project.info.site.url if project.info.site else "")
    sections = []
    for index, zh_page in enumerate(pages["zh"]):
        shown = {locale: pages[locale][index] for locale in locales}
        units = {locale: {unit.id: unit for unit in page.units} for locale, page in shown.items()}
        blocks = []
        for unit in zh_page.units:
            in_locales = [(locale, units[locale].get(unit.id)) for locale in locales]
            number = ARTICLE.match(unit.id)
            blocks.append(Block(
                id=prefixes[locales[0]] + unit.id,
                tag=unit.tag,
                article=number.group(1) if number else "",
                shown=[(locale, links.fix(u.html, shown[locale].url, prefixes[locale])) for locale, u in in_locales if u],
                title=" / ".join(u.text for _, u in in_locales if u),
            ))
        notes = [(locale, links.fix(page.notes, page.url, prefixes[locale])) for locale, page in shown.items() if page.notes]
        sections.append({"name": zh_page.name, "blocks": blocks, "notes": notes})
    status = edition_status(project) if edition != "zh" else []
    return render(
        "pdf_document.html.j2",
        edition=edition,
        lang="en" if edition == "en" else "zh",
        info=info,
        site=project.info.site,
        built=built,
        sections=sections,
        totals=sum((p.counts for p in status), Counter()),
        states=STATES,
        css=(TEMPLATES / "pdf.css").read_text(encoding="utf-8"),
    )
