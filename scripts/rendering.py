"""Markdown rendered exactly as the site build renders it, for checks that look at the HTML.

The extensions and their settings are read from the project's ``mkdocs.yml`` through MkDocs's own config
loader, so ``check`` and ``translate`` see the HTML the build will write, not an approximation of it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import markdown


@dataclass(frozen=True)
class Rendered:
    html: str
    raw_html: tuple[str, ...]  # pieces of raw HTML the Markdown contained (Python-Markdown's stash)
    references: tuple[str, ...]  # labels of reference-style link definitions ([label]: url)


class Renderer:
    def __init__(self, extensions: list, configs: dict):
        self._md = markdown.Markdown(extensions=extensions, extension_configs=configs)

    def render(self, text: str) -> Rendered:
        md = self._md
        md.reset()
        html = md.convert(text)
        raw = tuple(str(piece) for piece in md.htmlStash.rawHtmlBlocks)
        return Rendered(html, raw, tuple(md.references))


@lru_cache(maxsize=4)
def site_config(config_file: Path):
    """The validated MkDocs config of ``config_file`` (mkdocs.yml), loaded once per process."""
    from mkdocs.config import load_config

    quiet = logging.getLogger("mkdocs")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        return load_config(str(config_file))
    finally:
        quiet.setLevel(level)


@lru_cache(maxsize=4)
def renderer_for(config_file: Path) -> Renderer:
    """The Markdown of the build described by ``config_file``."""
    config = site_config(config_file)
    return Renderer(list(config.markdown_extensions), dict(config.mdx_configs))
