"""Hook: per-edition search indexes and the patched search worker (see scripts/search_index.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from scripts.search_index import rewrite_site

WORKER = "search.a7633da7.min.js"


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language and merged the index
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # inside the plugin's nested build of another language: the index is not final yet
    rewrite_site(Path(config.site_dir), WORKER)
