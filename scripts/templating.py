"""The Jinja environment for everything the toolchain renders (Markdown pages, site fragments)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import jinja2

from .blocks import render_block

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
    env.filters["md"] = markdown_text  # a data field into Markdown
    env.filters["cell_label"] = cell_label
    env.filters["yaml_text"] = lambda value: json.dumps(str(value), ensure_ascii=False)  # a JSON string is a YAML scalar
    return env


#: What Python-Markdown and its extensions read as markup (backslash-escaped); <, > and & become entities.
_MARKUP = frozenset("\\`*_{}[]()#+-.!|~")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def markdown_text(value) -> str:
    """A data field (glossary.yml, targets.yml) as Markdown that renders to exactly its text: nothing in it
    can become markup, a table cell, a heading or a list, because line breaks fold into spaces."""
    text = " ".join(str(value).split())
    return "".join(_ENTITIES.get(c) or ("\\" + c if c in _MARKUP else c) for c in text)


def cell_label(header) -> str:
    """A table column's header repeated inside a cell, shown only where phones lay rows out as cards
    (scripts/assets/glossary.css) and kept out of the search index."""
    return f'<span class="cell-label" data-search-exclude>{markdown_text(header)}</span>'


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)
