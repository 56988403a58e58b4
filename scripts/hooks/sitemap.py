"""Hook: the sitemap, only where it can be right: with ``site.url``, a copy of sitemap.xml in the folder of
every page; without it, none.

Material fetches ``sitemap.xml`` relative to each ``<link rel="alternate">`` of a page (the page's address
in each edition, e.g. ``/en/part-06/sitemap.xml``) to map pages between languages; without a copy there,
every page but the two home pages logs a 404. The copies are small (one entry per page).
The sitemap MkDocs and mkdocs-static-i18n write leaves out the pages outside both editions' navigation that
the English build makes (the parallel text, hooks/parallel.py); the build adds every written page it misses.
A sitemap's addresses must be full ones: without ``site.url`` MkDocs and mkdocs-static-i18n write
``<loc>None…</loc>``, which no search engine can use, and the pages carry no alternate links that would
fetch it; so the build removes it.
"""

from __future__ import annotations

import gzip
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from scripts.hooks.support import is_final_build

SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NAMESPACES = {"": SITEMAP_NS, "xhtml": "http://www.w3.org/1999/xhtml"}


def on_post_build(config):
    if not is_final_build(config):
        return
    site_dir = Path(config.site_dir)
    if config.site_url:
        add_missing_pages(site_dir, config.site_url)
        copy_sitemap_to_pages(site_dir)
    else:
        for name in SITEMAPS:
            for sitemap in site_dir.rglob(name):
                sitemap.unlink()


def copy_sitemap_to_pages(site_dir: Path) -> None:
    sitemap = site_dir / SITEMAPS[0]
    if not sitemap.exists():
        return
    for page in site_dir.rglob("index.html"):
        if page.parent != site_dir:
            shutil.copyfile(sitemap, page.parent / SITEMAPS[0])


def add_missing_pages(site_dir: Path, site_url: str) -> None:
    """Add an entry for every page (a folder's index.html) the sitemap does not list, and rewrite its gzip copy."""
    sitemap = site_dir / SITEMAPS[0]
    if not sitemap.exists():
        return
    for prefix, uri in NAMESPACES.items():
        ET.register_namespace(prefix, uri)
    tree = ET.parse(sitemap)
    listed = {loc.text for loc in tree.getroot().iter(f"{{{SITEMAP_NS}}}loc")}
    base = site_url if site_url.endswith("/") else site_url + "/"
    pages = sorted(p.parent.relative_to(site_dir).as_posix() for p in site_dir.rglob("index.html") if p.parent != site_dir)
    missing = [base + page + "/" for page in pages if base + page + "/" not in listed]
    if not missing:
        return
    for address in missing:
        entry = ET.SubElement(tree.getroot(), f"{{{SITEMAP_NS}}}url")
        ET.SubElement(entry, f"{{{SITEMAP_NS}}}loc").text = address
    ET.indent(tree)
    tree.write(sitemap, encoding="UTF-8", xml_declaration=True)
    with gzip.open(site_dir / SITEMAPS[1], "wb") as packed:
        packed.write(sitemap.read_bytes())
