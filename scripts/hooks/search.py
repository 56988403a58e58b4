"""Hook: per-edition search indexes and the patched search worker (see scripts/search_index.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from scripts.hooks.support import glossary_and_places, is_final_build, project_of
from scripts.project import Project
from scripts.search_index import PatchError, TermsByLocation, rewrite_site


def on_post_build(config):
    if not is_final_build(config):
        return
    try:
        rewrite_site(Path(config.site_dir), terms_by_location(project_of(config)))
    except PatchError as error:
        raise PluginError(str(error)) from None


def terms_by_location(project: Project) -> TermsByLocation:
    glossary, places_of = glossary_and_places(project)
    terms: TermsByLocation = {}
    for term_id, places in places_of.items():
        term = glossary.by_id[term_id]
        for place in places:
            zh_terms, en_terms = terms.setdefault(f"{place.page}/#{place.anchor}", ([], []))
            zh_terms.append(term.zh)
            en_terms.append(term.en)
    return terms
