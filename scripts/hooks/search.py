"""Hook: per-edition search indexes and the patched search worker (see scripts/search_index.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from scripts.glossary import load_glossary
from scripts.glossary.occurrences import term_occurrences
from scripts.project import Project
from scripts.search_index import TermsByLocation, rewrite_site

WORKER = "search.a7633da7.min.js"


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language and merged the index
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # inside the plugin's nested build of another language: the index is not final yet
    rewrite_site(Path(config.site_dir), WORKER, terms_by_location(Project(Path(config.config_file_path).parent)))


def terms_by_location(project: Project) -> TermsByLocation:
    glossary = load_glossary(project.glossary)
    terms: TermsByLocation = {}
    for term_id, places in term_occurrences(project, glossary).items():
        term = glossary.by_id[term_id]
        for place in places:
            zh_terms, en_terms = terms.setdefault(f"{place.page}/#{place.anchor}", ([], []))
            zh_terms.append(term.zh)
            en_terms.append(term.en)
    return terms
