"""The site's names, address and navigation come from publication.yml and the generated pages.

Called before mkdocs-static-i18n's own ``on_config`` (scripts/plugin.py), in every language build: that
plugin saves the config it finds as the original and applies each language's overrides to it, so the
English names are given to it as the ``en`` language's overrides.
"""

from __future__ import annotations

from scripts.edition import page_names
from scripts.hooks.support import input_errors_stop_the_build, project_of

#: Pages every edition has besides the generated ones: the article index and the targets before the parts, the rest after.
BEFORE_PARTS = ("articles", "targets")
AFTER_PARTS = ("glossary", "status", "about")


def on_config(config):
    project = project_of(config)
    with input_errors_stop_the_build():
        info = project.info
    if info.site is None:
        return config
    config.site_name = info.site.name("zh")
    config.site_description = info.site.description("zh")
    if info.site.url:
        config.site_url = info.site.url.rstrip("/") + "/"
    i18n = config.plugins.get("i18n")
    for language in (i18n.config.languages if i18n else []):
        if language.locale == "en":
            language.site_name = info.site.name("en")
            language.site_description = info.site.description("en")
    config.nav = navigation(page_names(project))
    if info.site.repository:
        repository = info.site.repository.rstrip("/")
        config.extra["edit_base"] = f"{repository}/edit/{info.site.branch}/{project.relative(project.content_dir)}/"
        config.extra["issue_url"] = f"{repository}/issues/new?template=translation-wrong.yml"
    return config


def navigation(generated: list[str]) -> list[str]:
    """Home, the reference pages that come first, the parts in order, then the others."""
    home, parts = generated[:1], generated[1:]
    return [f"{name}.md" for name in [*home, *BEFORE_PARTS, *parts, *AFTER_PARTS]]
