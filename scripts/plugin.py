"""The MkDocs plugin ``proposal`` (entry point in pyproject.toml): ``plugins: [proposal]`` in mkdocs.yml.

The work is done by the modules in ``scripts/hooks/`` (one job each); this class calls their event
handlers in a fixed order, with the priorities they need:

- ``on_config`` twice: at 100, before mkdocs-static-i18n reads its language overrides, the project and the
  site's names, address and navigation from publication.yml (hooks/publication.py); then at the default
  priority the glossary and the targets;
- ``on_files``: the site's own assets, then the check that content/ holds only edition pages;
- page events at the default priority, in this order: glossary, edition, home, articles, about, targets, footnotes
  (the title of the link back from a footnote, in the page's language), safety;
  then ``on_page_content``: the page's meta description (hooks/metadata.py);
- ``on_post_page`` at -100: the safety check of every written page, after every other plugin's HTML;
- ``on_post_build`` at -200 (``AFTER_ALL_LANGUAGES``): after mkdocs-static-i18n (-100) has built the other
  language inside its own post-build step, so the glossary and targets exports and the search rewrite
  work on the finished site, and every page's folder gets a copy of the sitemap.

The project is the folder of mkdocs.yml; ``publication`` names its publication.yml (relative to mkdocs.yml).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from .hooks import about, articles, assets, edition, footnotes, glossary, home, metadata, publication, safety, search, sitemap, targets
from .project import PUBLICATION, Project


#: Template overrides of the theme (the English notice, the per-edition search base).
OVERRIDES = Path(__file__).resolve().parent / "overrides"

#: For ``on_post_build`` work on the finished site: mkdocs-static-i18n (priority -100) builds the other
#: languages and merges the search index inside its own post-build step.
AFTER_ALL_LANGUAGES = event_priority(-200)


class ProposalConfig(base.Config):
    publication = c.File(exists=True, default=PUBLICATION)


class ProposalPlugin(BasePlugin[ProposalConfig]):
    project: Project

    @event_priority(100)
    def _on_config_first(self, config):
        self.project = Project(Path(config.config_file_path).resolve().parent, Path(self.config.publication))
        if str(OVERRIDES) not in config.theme.dirs:
            config.theme.dirs.insert(0, str(OVERRIDES))  # the theme overrides ship with the package
        return publication.on_config(config)

    def _on_config(self, config):
        config = glossary.on_config(config)
        targets.on_config(config)
        return config

    on_config = CombinedEvent(_on_config_first, _on_config)

    def on_serve(self, server, config, builder):
        """``mkdocs serve`` rebuilds when the publication's data changes too, not only its content."""
        project = self.project
        for path in (project.publication, project.glossary, project.targets, project.phrasebook, project.source):
            if path.exists():
                server.watch(str(path))
        return server

    def on_files(self, files, config):
        return safety.on_files(assets.on_files(files, config), config)

    def on_page_markdown(self, markdown, page, config, files):
        for hook in (glossary, edition, home, articles, about, targets, footnotes, safety):
            markdown = hook.on_page_markdown(markdown, page, config, files)
        return markdown

    def on_page_content(self, html, page, config, files):
        return metadata.on_page_content(html, page, config, files)

    @event_priority(-100)
    def on_post_page(self, output, page, config):
        return safety.on_post_page(output, page, config)

    @AFTER_ALL_LANGUAGES
    def on_post_build(self, config):
        for hook in (glossary, search, sitemap, targets):
            hook.on_post_build(config)
