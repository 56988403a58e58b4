"""Page weight of the first view (issue 12): every request a page makes when it loads in Chromium at phone
size (390×844), with no interaction, from a local server that gzips as a production host does.

    python benchmarks/page_weight.py [--site DIR] [--all] [--top N]

Builds the site (or takes ``--site``), loads each listed page (``--all``: every page of both editions),
and prints a Markdown table: requests, bytes over the wire (response bodies as sent, gzip where the server
compressed, plus headers), the search JSON fetched and its size (the site's own search fetches only a stub
of a few hundred bytes at load; the index itself when search is used), and the biggest requests.
Goal: at most 120 KB per first view, with the search index not fetched until search is used.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from gzip_server import serving  # noqa: E402
from sites import site_to_measure  # noqa: E402

PAGES = ("/", "/part-04/", "/targets/", "/glossary/", "/articles/")
GOAL_BYTES = 120 * 1024
SEARCH_JSON = re.compile(r"search[^?#]*\.json")
SETTLE_MS = 5000
VIEWPORT = {"width": 390, "height": 844}


def all_pages(site: Path) -> list[str]:
    folders = (p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    return sorted("/" if folder == "." else f"/{folder}/" for folder in folders)


def first_view(browser, url: str) -> list[tuple[str, int]]:
    """(address, bytes over the wire) of every request the page makes while it loads and settles."""
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=3, is_mobile=True, has_touch=True)
    page = context.new_page()
    client = context.new_cdp_session(page)
    client.send("Network.enable")
    sizes: dict[str, int] = {}
    urls: dict[str, str] = {}
    client.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
    client.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], int(e["encodedDataLength"])))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(SETTLE_MS)  # late requests: the search worker starts after the page's own scripts
    context.close()
    return [(urls[request], size) for request, size in sizes.items() if request in urls]


def kb(size: int) -> str:
    return f"{size / 1024:.1f}"


def report(weights: dict[str, list[tuple[str, int]]], base: str, top: int) -> str:
    lines = [f"Goal: ≤ {kb(GOAL_BYTES)} KB per first view, search index not fetched until search is used.", "",
             "| page | requests | KB over the wire | without search index | ≤ goal | search JSON fetched (KB) | biggest |",
             "| --- | ---: | ---: | ---: | :---: | --- | --- |"]
    for path, requests in weights.items():
        total = sum(size for _, size in requests)
        index = [url for url, _ in requests if SEARCH_JSON.search(url)]
        without = total - sum(size for url, size in requests if url in index)
        biggest = sorted(requests, key=lambda r: -r[1])[:top]
        names = ", ".join(f"{url.removeprefix(base)} {kb(size)}" for url, size in biggest)
        fetched = ", ".join(f"{u.removeprefix(base)} {kb(size)}" for u, size in requests if u in index) or "none"
        lines.append(f"| {path} | {len(requests)} | {kb(total)} | {kb(without)} | {'yes' if total <= GOAL_BYTES else 'no'} | "
                     f"{fetched} | {names} |")
    return "\n".join(lines)


def measure(site: Path, paths: list[str], top: int) -> str:
    from playwright.sync_api import sync_playwright

    with serving(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        weights = {path: first_view(browser, base + path) for path in paths}
        browser.close()
        return report(weights, base, top)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build this checkout)")
    parser.add_argument("--all", action="store_true", help="every page of both editions")
    parser.add_argument("--top", type=int, default=4, help="how many of the biggest requests to name")
    parser.add_argument("paths", nargs="*", help="pages to measure, e.g. /glossary/strategy/ (default: a few of each kind, both editions)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        site = site_to_measure(args.site, Path(scratch))
        paths = all_pages(site) if args.all else args.paths or [p for page in PAGES for p in (page, "/en" + page)]
        print(f"Page weight, first view at {VIEWPORT['width']}×{VIEWPORT['height']} in Chromium, gzip server.\n")
        print(measure(site, paths, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
