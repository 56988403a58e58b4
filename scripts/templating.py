"""The Jinja environment for everything the toolchain renders (Markdown pages, site fragments)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

from .blocks import escape, render_block

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=None)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=jinja2.select_autoescape(["html", "svg", "xml", "html.j2", "svg.j2", "xml.j2", "tbx.j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["render_block"] = render_block
    env.filters["md"] = escape  # plain text into Markdown
    return env


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)
