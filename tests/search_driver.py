"""Drive Material's search box in a real browser and read the ranked results."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

QUERIES = Path(__file__).with_name("search_queries.yml")
#: The query set with kinds (exact, multi-word, reader, other-language) and held-out flags.
QUERIES_V2 = Path(__file__).with_name("search_queries_v2.yml")
ARTICLE = re.compile(r"#(art-\d+)$")


@dataclass
class Result:
    href: str
    text: str

    @property
    def article(self) -> str | None:
        match = ARTICLE.search(self.href)
        return match.group(1) if match else None


def load_queries(edition: str, path: Path = QUERIES) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))[edition]


def built_index(site: Path, edition: str) -> dict:
    """The edition's search index in a built site, found as the worker finds it: through the stub."""
    folder = site / "en" if edition == "en" else site
    stub = json.loads((folder / "search/search_index.json").read_text(encoding="utf-8"))
    return json.loads((folder / "search" / Path(stub["config"]["index"]).name).read_text(encoding="utf-8"))


def search(page, base_url: str, edition: str, query: str) -> list[Result]:
    """Type the query as a user would on the edition's home page; return the results in order."""
    return timed_search(page, base_url, edition, query)[0]


def timed_search(page, base_url: str, edition: str, query: str) -> tuple[list[Result], float]:
    """``search``, and the milliseconds from typing the query to the result count shown (measured in the page,
    on a freshly loaded page: whatever search must fetch first counts)."""
    page.goto(f"{base_url}{'/en/' if edition == 'en' else '/'}")
    box = page.locator("input.md-search__input")
    box.click()
    page.evaluate("() => { window.__searchStart = performance.now(); }")
    box.fill(query)
    page.keyboard.press("End")  # Material reads the query on keyup; CJK input sends no key events
    elapsed = page.wait_for_function(  # the result count ("3 matching documents", "没有找到…"), not "Initializing search"
        "() => /\\d|No matching|没有/.test(document.querySelector('.md-search-result__meta').textContent)"
        " && performance.now() - window.__searchStart"
    ).json_value()
    page.wait_for_timeout(200)
    links = page.eval_on_selector_all(
        ".md-search-result__item a", "els => els.map(e => [e.getAttribute('href'), e.innerText])"
    )
    return [Result(href, text.replace("\u200b", "")) for href, text in links], elapsed


def articles(results: list[Result]) -> list[str]:
    """The articles of the results that link to one, in order."""
    return [r.article for r in results if r.article]


def first_article(results: list[Result]) -> str | None:
    return next(iter(articles(results)), None)
