"""Hook: each page's ``<link rel="alternate" hreflang>`` (its address in each edition, written by Material
from mkdocs-static-i18n's alternates) as a full address, as search engines require; relative ones are invalid
(Lighthouse: "Document doesn't have a valid hreflang"). Without ``site.url`` there is no full address to
give, so the links are left out: the language switcher in the header does not need them. A parallel page
(hooks/parallel.py) is both editions at once, the translation of no single page: it has none either.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from scripts.hooks.parallel import name_of as parallel_part

#: The theme's alternate links (material/templates/base.html), one per edition.
ALTERNATE = re.compile(r'\n?[ \t]*<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')


def on_post_page(output, page, config):
    page_address = page.canonical_url
    if not page_address or parallel_part(page) is not None:
        return ALTERNATE.sub("", output)
    return ALTERNATE.sub(
        lambda m: f'\n<link rel="alternate" href="{urljoin(page_address, m.group(1))}" hreflang="{m.group(2)}">', output
    )


def on_post_template(output, template_name, config):
    """The not-found page has no address of its own, so no alternates (the theme gave it those of the last
    page built)."""
    return ALTERNATE.sub("", output) if template_name == "404.html" else output
