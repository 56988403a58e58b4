"""What every hook needs to know about the build it runs in (not a hook itself: the plugin does not call it)."""

from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache

from mkdocs.exceptions import PluginError

from scripts.errors import InputError
from scripts.glossary import Glossary, load_glossary
from scripts.glossary.occurrences import Place, term_occurrences
from scripts.project import Project

PLUGIN = "proposal"  # the plugin's name in mkdocs.yml and its entry point (pyproject.toml)


def project_of(config) -> Project:
    """The project being built, as the plugin found it in this build's ``on_config`` (scripts/plugin.py)."""
    return config.plugins[PLUGIN].project


def page_locale(page) -> str:
    """The edition a page belongs to (set by mkdocs-static-i18n; Chinese is the default)."""
    return getattr(page.file, "locale", None) or "zh"


class Alternate:
    """A page's version in another edition, as mkdocs-static-i18n reads it for a generated page: its URL for
    the language switch, and no page of this build (its sitemap template then writes the site's URL + ``url``)."""

    page = None

    def __init__(self, url: str):
        self.url = url


def is_final_build(config) -> bool:
    """False inside mkdocs-static-i18n's nested build of another language, where the site is not complete."""
    i18n = config.plugins.get("i18n")
    return i18n is None or not i18n.building


@contextmanager
def input_errors_stop_the_build():
    """An invalid data file stops the build with its one-line ``file:line: message``, not a traceback."""
    try:
        yield
    except InputError as error:
        raise PluginError(str(error)) from None


def glossary_and_places(project: Project) -> tuple[Glossary, dict[str, list[Place]]]:
    """The validated glossary and where each term occurs, computed once per state of their inputs
    (both language builds and every hook share it; ``mkdocs serve`` recomputes after an edit)."""
    inputs = [project.glossary, project.source, *sorted(project.zh_dir.glob("*.md"))]
    return _glossary_and_places(project, tuple((str(p), p.stat().st_mtime_ns) for p in inputs if p.exists()))


@lru_cache(maxsize=1)
def _glossary_and_places(project: Project, _inputs: tuple) -> tuple[Glossary, dict[str, list[Place]]]:
    glossary = load_glossary(project.glossary, project.source.read_text(encoding="utf-8-sig"))
    return glossary, term_occurrences(project, glossary)
