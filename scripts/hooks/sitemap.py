"""Hook: the sitemap, only where it can be right: with ``site.url``, a copy of sitemap.xml in the folder of
every page; without it, none.

Material fetches ``sitemap.xml`` relative to each ``<link rel="alternate">`` of a page (the page's address
in each edition, e.g. ``/en/part-06/sitemap.xml``) to map pages between languages; without a copy there,
every page but the two home pages logs a 404. The copies are small (one entry per page).
A sitemap's addresses must be full ones: without ``site.url`` MkDocs and mkdocs-static-i18n write
``<loc>None…</loc>``, which no search engine can use, and the pages carry no alternate links that would
fetch it; so the build removes it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from scripts.hooks.support import is_final_build

SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")


def on_post_build(config):
    if not is_final_build(config):
        return
    site_dir = Path(config.site_dir)
    if config.site_url:
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
