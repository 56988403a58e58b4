"""Hook: the site's search indexes and worker (see scripts/search/)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from scripts.hooks.support import glossary_and_places, input_errors_stop_the_build, is_final_build, project_of
from scripts.search.site import WorkerNotFound, rewrite_site
from scripts.search.synonyms import load_synonyms


def on_post_build(config):
    if not is_final_build(config):
        return
    project = project_of(config)
    with input_errors_stop_the_build():
        glossary = glossary_and_places(project)[0]
        synonyms = load_synonyms(project.search_synonyms) if project.search_synonyms.exists() else {}
    try:
        rewrite_site(Path(config.site_dir), glossary, synonyms)
    except WorkerNotFound as error:
        raise PluginError(str(error)) from None
