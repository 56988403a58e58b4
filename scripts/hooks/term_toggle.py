"""Hook: the switch that turns the marking of glossary terms off, on every page that marks terms.

It is rendered into the page (after the first heading; on the parallel text, after its introduction:
scripts/hooks/parallel.py) rather than added by the deferred script after the first paint, where it pushed
the text down (a layout shift). scripts/assets/site.js makes it work.
"""

from __future__ import annotations

from scripts.hooks.support import page_locale
from scripts.templating import render

#: How the glossary's Markdown extension (scripts/glossary/links.py) marks a term.
TERM = 'class="term"'


def marks_terms(html: str) -> bool:
    return TERM in html


def toggle(locale: str) -> str:
    return render("term_toggle.html.j2", locale=locale)


def on_page_content(html, page, config, files):
    if not marks_terms(html) or "</h1>" not in html:
        return html
    return html.replace("</h1>", "</h1>\n" + toggle(page_locale(page)), 1)
