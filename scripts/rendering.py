"""Markdown rendered exactly as the site build renders it, for checks that look at the HTML.

The extensions and their settings are read from the project's ``mkdocs.yml`` through MkDocs's own config
loader, so ``check`` and ``translate`` see the HTML the build will write, not an approximation of it.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import markdown

from .errors import InputError


@dataclass(frozen=True)
class Rendered:
    html: str
    raw_html: tuple[str, ...]  # pieces of raw HTML the Markdown contained (Python-Markdown's stash)
    references: tuple[str, ...]  # labels of reference-style link definitions ([label]: url)


class Renderer:
    """One Markdown converter; ``render`` may be called from several threads (translate checks drafts in
    worker threads), so conversions take turns: a converter holds per-document state."""

    def __init__(self, extensions: list, configs: dict):
        self._md = markdown.Markdown(extensions=extensions, extension_configs=configs)
        self._turn = threading.Lock()

    def render(self, text: str) -> Rendered:
        with self._turn:
            md = self._md
            md.reset()
            html = md.convert(text)
            raw = tuple(str(piece) for piece in md.htmlStash.rawHtmlBlocks)
            return Rendered(html, raw, tuple(md.references))


_LOADING = threading.Lock()


def site_config(config_file: Path):
    """The validated MkDocs config of ``config_file`` (mkdocs.yml), loaded once per process (and once
    even when threads ask at the same time: MkDocs refuses a second load racing the first)."""
    with _LOADING:
        return _load_config(config_file)


@lru_cache(maxsize=4)
def _load_config(config_file: Path):
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    quiet = logging.getLogger("mkdocs")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        return load_config(str(config_file))
    except ConfigurationError as error:
        raise InputError(config_file, None, f"the site's config: {error}") from None
    finally:
        quiet.setLevel(level)


def renderer_for(config_file: Path) -> Renderer:
    """The Markdown of the build described by ``config_file``, one per config file and process."""
    with _LOADING:
        return _renderer(config_file)


@lru_cache(maxsize=4)
def _renderer(config_file: Path) -> Renderer:
    config = _load_config(config_file)
    return Renderer(list(config.markdown_extensions), dict(config.mdx_configs))
