"""Hook: a copy of sitemap.xml in the folder of every page.

Material fetches ``sitemap.xml`` relative to each ``<link rel="alternate">`` of a page (the page's address
in each edition, e.g. ``/en/part-06/sitemap.xml``) to map pages between languages; without a copy there,
every page but the two home pages logs a 404. The copies are small (one entry per page).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from scripts.hooks.support import is_final_build

SITEMAP = "sitemap.xml"


def on_post_build(config):
    if is_final_build(config):
        copy_sitemap_to_pages(Path(config.site_dir))


def copy_sitemap_to_pages(site_dir: Path) -> None:
    sitemap = site_dir / SITEMAP
    if not sitemap.exists():
        return
    for page in site_dir.rglob("index.html"):
        if page.parent != site_dir:
            shutil.copyfile(sitemap, page.parent / SITEMAP)
