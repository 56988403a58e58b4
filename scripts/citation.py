"""How a page describes itself to machines and to readers who cite it.

- ``json_ld``: schema.org ``Legislation`` (names in both languages, dates, author and publisher from
  publication.yml, language, for English pages the Chinese work it translates, and ``hasPart``: the
  page's articles and their paragraphs, each with its number and address);
- ``meta_tags``: the Highwire Press (``citation_*``) and Dublin Core (``DC.*``) tags that reference
  managers such as Zotero read;
- ``cite_strings``: the words of the share-and-cite menu and the citation pattern (scripts/assets/share.js).

Addresses are permanent only when ``site.url`` is configured: then they are absolute. Without it they are
relative (JSON-LD resolves them against the page), no ``citation_public_url`` is claimed, and the
citation says that its address is the one the reader viewed.
"""

from __future__ import annotations

import json
from functools import lru_cache

import yaml
from mkdocs.utils import get_relative_url

from . import ids
from .articles import Part
from .blocks import Page, unescape
from .publication import DocumentInfo
from .templating import TEMPLATES, render

SCHEMA = "https://schema.org"
LANGUAGES = ("zh", "en")


@lru_cache(maxsize=1)
def _labels() -> dict:
    return yaml.safe_load((TEMPLATES / "cite_labels.yml").read_text(encoding="utf-8"))


def labels(locale: str) -> dict:
    return _labels()[locale]


def address(site_url: str, page_url: str, fragment: str = "") -> str:
    """The permanent address of a page (or a block on it); relative to the page without ``site_url``."""
    tail = f"#{fragment}" if fragment else ""
    return f"{site_url}{page_url}{tail}" if site_url else (tail or "./")


def _names(document: DocumentInfo) -> list[dict]:
    return [{"@language": lang, "@value": getattr(document.title, lang)} for lang in LANGUAGES if getattr(document.title, lang)]


def _organization(name: str) -> dict:
    return {"@type": "Organization", "name": name}


def json_ld(document: DocumentInfo, locale: str, page_url: str, site_url: str, part: Part | None = None,
            page: Page | None = None, original_url: str = "") -> dict:
    """``part`` and ``page``: the part shown and its blocks (for ``hasPart``); ``original_url``: the
    Chinese page an English page translates (relative to the site root)."""
    data = {
        "@context": SCHEMA,
        "@type": "Legislation",
        "name": _names(document),
        "inLanguage": locale,
        "author": _organization(document.publisher(locale)),
        "url": address(site_url, page_url),
    }
    if document.adopted_by:
        data["legislationPassedBy"] = _organization(document.adopted_by(locale))
    if document.adopted_on or document.published_on:
        data["legislationDate"] = document.adopted_on or document.published_on
    if document.published_on:
        data["datePublished"] = document.published_on
    data["publisher"] = _organization((document.published_by or document.publisher)(locale))
    if original_url:
        original = {"@type": "Legislation", "name": document.title("zh"), "inLanguage": "zh",
                    "url": f"{site_url}{original_url}" if site_url else get_relative_url(original_url, page_url)}
        data["translationOfWork"] = original
        data["isBasedOn"] = original["url"]
    if part and page:
        data["hasPart"] = [_article(article, locale, page_url, site_url, page) for article in part.articles]
    return data


def _article(article, locale: str, page_url: str, site_url: str, page: Page) -> dict:
    words = labels(locale)
    paragraphs = [b.id for b in page.blocks if ids.anchor_of(b.id) == (article.id, int(article.number)) and b.id != article.id]
    return {
        "@type": "Legislation",
        "name": f"{words['article'].format(a=article.number)} {unescape(article.title)}",
        "legislationIdentifier": article.id,
        "position": int(article.number),
        "url": address(site_url, page_url, article.id),
        "hasPart": [
            {"@type": "Legislation", "name": words["paragraph"].format(a=article.number, p=ids.paragraph_number(p)),
             "legislationIdentifier": p, "position": ids.paragraph_number(p), "url": address(site_url, page_url, p)}
            for p in paragraphs
        ],
    }


def script_json(data) -> str:
    """JSON for the inside of a <script> element: ``<``, ``>`` and ``&`` escaped, so no text in it (a
    title holding ``</script>``) can end the element or open a comment; still the same JSON."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def meta_tags(document: DocumentInfo, locale: str, page_url: str, site_url: str, title: str = "") -> list[tuple[str, str]]:
    """(name, content) of the Highwire Press and Dublin Core tags; ``title``: the page's own, if not the document's."""
    tags = [("citation_title", title or document.title(locale)), ("citation_author", document.publisher(locale))]
    publisher = (document.published_by or document.publisher)(locale)
    tags.append(("citation_publisher", publisher))
    if document.published_on:
        tags.append(("citation_date", document.published_on.replace("-", "/")))
    tags.append(("citation_language", locale))
    if site_url:
        tags.append(("citation_public_url", f"{site_url}{page_url}"))
    tags += [("DC.title", title or document.title(locale)), ("DC.creator", document.publisher(locale)), ("DC.publisher", publisher)]
    if document.published_on:
        tags.append(("DC.date", document.published_on))
    tags += [("DC.language", locale), ("DC.type", "Text")]
    if site_url:
        tags.append(("DC.identifier", f"{site_url}{page_url}"))
    return tags


def cite_strings(document: DocumentInfo, locale: str, page_url: str, site_url: str) -> dict:
    """What share.js needs to share and cite a block of this page, in the page's language."""
    words = labels(locale)
    return dict(
        words,
        citation=render("citation.txt.j2", document=document, locale=locale).strip(),
        permanent=f"{site_url}{page_url}" if site_url else "",
    )
