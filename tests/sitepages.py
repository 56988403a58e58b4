"""Reading built pages: ids, links and table rows, with the standard library's HTML parser."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit


@dataclass
class Cell:
    text: str = ""
    links: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    label: str = ""  # the column's name repeated for phones (a .cell-label), not part of ``text``


class Page(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[str] = []
        self.rows: list[list[Cell]] = []
        self.lang = ""
        self._cell: Cell | None = None
        self._in_label = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang", "")
        if "id" in attrs:
            self.ids.append(attrs["id"])
            if self._cell is not None:
                self._cell.ids.append(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
            if self._cell is not None:
                self._cell.links.append(attrs["href"])
        if tag == "tr":
            self.rows.append([])
        if tag == "span" and "cell-label" in (attrs.get("class") or "").split():
            self._in_label = True
        if tag in ("td", "th"):
            self._cell = Cell()
            self.rows[-1].append(self._cell)

    def handle_endtag(self, tag):
        if tag == "span":
            self._in_label = False
        if tag in ("td", "th"):
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None and self._in_label:
            self._cell.label += data
        elif self._cell is not None:
            self._cell.text += data


def load(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


def resolve(site: Path, page_url: str, href: str) -> tuple[Path, str]:
    """The file a relative link from the page at ``page_url`` (e.g. ``en/targets/``) lands on, and its anchor."""
    target = urlsplit(urljoin("http://site/" + page_url, href))
    path = site / target.path.lstrip("/")
    if target.path.endswith("/"):
        path = path / "index.html"
    return path, target.fragment
