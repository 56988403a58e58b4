"""Page weight (issue 12) decided by the build: what every page carries besides its own content."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser


@pytest.mark.parametrize("edition", ["", "en/"])
def test_the_glossary_contents_list_its_categories_not_every_term(built_site, edition):
    page = LexborHTMLParser((built_site / edition / "glossary" / "index.html").read_text(encoding="utf-8"))
    categories = [h.attributes["id"] for h in page.css("article h2[id]")]
    terms = page.css("article h3[id]")
    listed = {a.attributes["href"] for a in page.css("nav.md-nav--secondary a.md-nav__link")}
    assert len(terms) > 50 and categories
    assert {f"#{c}" for c in categories} <= listed
    assert not {f"#{t.attributes['id']}" for t in terms} & listed
