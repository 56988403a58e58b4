"""Page weight (issue 12) decided by the build: what every page carries besides its own content."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser


@pytest.mark.parametrize("edition", ["", "en/"])
def test_the_glossary_contents_list_its_categories_not_every_term(built_site, edition):
    """The overview lists its categories; a category page's contents list none of its terms."""
    overview = LexborHTMLParser((built_site / edition / "glossary" / "index.html").read_text(encoding="utf-8"))
    categories = [h.attributes["id"] for h in overview.css("article h2[id]")]
    listed = {a.attributes["href"] for a in overview.css("nav.md-nav--secondary a.md-nav__link")}
    assert categories and {f"#{c}" for c in categories} <= listed
    page = LexborHTMLParser((built_site / edition / "glossary" / "reform" / "index.html").read_text(encoding="utf-8"))
    terms = page.css("article h2[id^=term-]")
    listed = {a.attributes["href"] for a in page.css("nav.md-nav--secondary a.md-nav__link")}
    assert len(terms) > 50 and not {f"#{t.attributes['id']}" for t in terms} & listed
