"""Hook: a footnote's link back to the text is titled in the page's language (Python-Markdown's default
title is English). Markdown is made for each page from ``config.mdx_configs`` after this event, so the
title set here is the one the page is rendered with."""

from __future__ import annotations

from functools import lru_cache

import yaml

from scripts.hooks.support import page_locale
from scripts.templating import TEMPLATES


@lru_cache(maxsize=1)
def _titles() -> dict[str, str]:
    return yaml.safe_load((TEMPLATES / "footnote_labels.yml").read_text(encoding="utf-8"))


def on_page_markdown(markdown, page, config, files):
    config.mdx_configs.setdefault("footnotes", {})["BACKLINK_TITLE"] = _titles()[page_locale(page)]
    return markdown
