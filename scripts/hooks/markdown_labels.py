"""Hook: the words Python-Markdown's extensions write into a page (a footnote's link back to the text, the
¶ link of a heading) in the page's language; their defaults are English, and mkdocs.yml has one value for
both editions. Markdown is made for each page from ``config.mdx_configs`` after this event, so the values
set here are the ones the page is rendered with."""

from __future__ import annotations

from functools import lru_cache

import yaml

from scripts.hooks.support import page_locale
from scripts.templating import TEMPLATES


@lru_cache(maxsize=1)
def _labels() -> dict[str, dict[str, dict[str, str]]]:
    return yaml.safe_load((TEMPLATES / "markdown_labels.yml").read_text(encoding="utf-8"))


def on_page_markdown(markdown, page, config, files):
    locale = page_locale(page)
    for extension, options in _labels().items():
        settings = config.mdx_configs.setdefault(extension, {})
        for option, by_locale in options.items():
            settings[option] = by_locale[locale]
    return markdown
