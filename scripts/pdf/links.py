"""Links and ids of a site page, made to work inside one PDF.

Ids get the edition's prefix (``zh-art-6``, ``en-art-6``), so the bilingual PDF can hold both editions'
blocks; a link to a block of the document becomes a link inside the PDF, a link to another page of the
site goes to the published site (``site.url``) or, without one, loses its target and stays as text.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

BASE = "https://site.invalid/"  # stands for the site's root while relative addresses are resolved
EXTERNAL = ("http:", "https:", "mailto:")
#: Attributes of the site's interactive glossary terms, which mean nothing on paper.
INTERACTIVE = ("aria-describedby", "role", "tabindex")


class LinkMap:
    def __init__(self, targets: dict[tuple[str, str], str], site_url: str):
        """``targets``: (page address in the site, block or note id) -> id in the PDF."""
        self.targets = targets
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""

    def fix(self, html: str, page_url: str, prefix: str) -> str:
        tree = LexborHTMLParser(f"<div>{html}</div>")
        root = tree.css_first("body > div")
        for node in root.css("[id]"):
            node.attrs["id"] = prefix + node.attributes["id"]
        for node in root.css("[aria-describedby], [role], [tabindex]"):
            for name in INTERACTIVE:
                if name in node.attributes:
                    del node.attrs[name]
        for link in root.css("a[href]"):
            target = self.target(link.attributes.get("href") or "", page_url)
            if target:
                link.attrs["href"] = target
            else:
                link.unwrap()
        return root.inner_html

    def target(self, href: str, page_url: str) -> str | None:
        if href.startswith(EXTERNAL):
            return href
        address = urlsplit(urljoin(BASE + page_url, href))
        path = address.path.removeprefix(urlsplit(BASE).path)
        inside = self.targets.get((path, address.fragment))
        if inside:
            return f"#{inside}"
        if self.site_url:
            return self.site_url + path + (f"#{address.fragment}" if address.fragment else "")
        return None
