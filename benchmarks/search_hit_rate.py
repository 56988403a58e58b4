"""Search quality and cost per edition (issue 16), measured in headless Chromium on fresh builds, beside a
bare Material + mkdocs-static-i18n build of the same content (stock search, none of the toolchain).

    python benchmarks/search_hit_rate.py [--json FILE] [--misses]

The queries are search_queries_v2.yml (tests/ if it is there, else data-drafts/search/): per edition, kinds
exact, multi-word, reader and other-language, a third of each flagged ``heldout``; plus the kind ``blind``
(tests/search_queries_blind.yml): readers' words written by someone who saw neither the synonyms nor the search. For each query the
driver (tests/search_driver.py) types it on the edition's home page and reads the results' links:

- first: the article of the first result that links to an article is the expected one;
- top 5: the expected article is among the articles of the first five results that link to one;
- latency: milliseconds from typing to the result count shown, on a freshly loaded page (whatever search
  fetches first counts), median and 95th percentile over all the edition's queries;
- index: the JSON files the edition's pages fetch for search (from the requests), raw and gzip bytes.

Prints a Markdown table to paste into a note, with the goals beside the figures.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from build_time import bare_copy  # noqa: E402
from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from gzip_server import gzip_size, serving  # noqa: E402
from search_driver import articles, timed_search  # noqa: E402
from sites import built  # noqa: E402

QUERY_FILES = (ROOT / "tests" / "search_queries_v2.yml", ROOT / "data-drafts" / "search" / "search_queries_v2.yml")
BLIND_QUERIES = ROOT / "tests" / "search_queries_blind.yml"
KINDS = ("exact", "multi-word", "reader", "other-language", "blind")
GOALS = {"exact": (0.95, 1.0), "multi-word": (0.95, 1.0), "reader": (0.85, None), "other-language": (0.85, None),
         "blind": (0.85, None)}
SEARCH_JSON = re.compile(r"search[^?#]*\.json")


def query_set() -> dict[str, list[dict]]:
    path = next((p for p in QUERY_FILES if p.exists()), None)
    if path is None:
        sys.exit(f"no query set: none of {', '.join(str(p) for p in QUERY_FILES)}")
    queries = yaml.safe_load(path.read_text(encoding="utf-8"))
    if BLIND_QUERIES.exists():
        for edition, items in yaml.safe_load(BLIND_QUERIES.read_text(encoding="utf-8")).items():
            queries[edition] += items
    return queries


def build_sites(scratch: Path) -> dict[str, Path]:
    """The full site and the bare build of the same content."""
    bare_project = bare_copy(ROOT / "content", scratch / "bare-project")
    return {"full": built(ROOT, scratch / "full"), "bare": built(bare_project, scratch / "bare", strict=False)}


def measure_site(browser, site: Path, queries: dict[str, list[dict]]) -> dict:
    """Per edition: each query's outcome, the latencies and the search JSON the pages fetched."""
    outcome = {}
    with serving(site) as base:
        for edition, items in queries.items():
            page = browser.new_page()
            fetched: set[str] = set()
            page.on("request", lambda request: fetched.add(request.url))
            rows, latencies = [], []
            for item in items:
                results, elapsed = timed_search(page, base, edition, item["query"])
                found = articles(results)
                rows.append({**item, "first": found[0] if found else None, "top5": found[:5]})
                latencies.append(elapsed)
            page.close()
            index_files = sorted({site / url.split("?")[0].removeprefix(base + "/") for url in fetched if SEARCH_JSON.search(url)})
            outcome[edition] = {
                "queries": rows,
                "latency_ms": latencies,
                "index": {str(p.relative_to(site)): [p.stat().st_size, gzip_size(p)] for p in index_files},
            }
    return outcome


def rates(rows: list[dict]) -> tuple[float, float, int]:
    n = len(rows)
    first = sum(r["first"] == r["article"] for r in rows)
    top5 = sum(r["article"] in r["top5"] for r in rows)
    return first / n if n else float("nan"), top5 / n if n else float("nan"), n


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def goal_text(kind: str) -> str:
    first, top5 = GOALS[kind]
    return f"first ≥ {first:.2f}" + (f", top 5 = {top5:.2f}" if top5 else "")


def report(measured: dict[str, dict], editions: list[str]) -> str:
    lines = []
    for edition in editions:
        lines += [f"### Edition `{edition}`", "",
                  "| kind | set | n | first (site) | top 5 (site) | first (bare) | top 5 (bare) | goal |",
                  "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |"]
        for kind in KINDS:
            for label, heldout in (("tuning", False), ("held out", True)):
                cells = []
                for name in ("full", "bare"):
                    rows = [r for r in measured[name][edition]["queries"]
                            if r["kind"] == kind and bool(r.get("heldout")) == heldout]
                    first, top5, n = rates(rows)
                    cells += [f"{first:.2f}", f"{top5:.2f}"]
                if not n:
                    continue
                lines.append(f"| {kind} | {label} | {n} | {' | '.join(cells)} | {goal_text(kind)} |")
        for name in ("full", "bare"):
            first, top5, n = rates(measured[name][edition]["queries"])
            lines.append(f"| all ({name}) | both | {n} | {first:.2f} | {top5:.2f} | | | |")
        lines += ["", "| build | latency median (ms) | latency p95 (ms) | index files | index bytes | index gzip |",
                  "| --- | ---: | ---: | --- | ---: | ---: |"]
        for name in ("full", "bare"):
            data = measured[name][edition]
            index = data["index"]
            lines.append(
                f"| {name} | {statistics.median(data['latency_ms']):.0f} | {percentile(data['latency_ms'], 0.95):.0f} | "
                f"{', '.join(index) or 'none'} | {sum(v[0] for v in index.values()):,} | "
                f"{sum(v[1] for v in index.values()):,} |"
            )
        lines.append("")
    return "\n".join(lines)


def misses(measured: dict[str, dict]) -> str:
    lines = []
    for name, editions in measured.items():
        for edition, data in editions.items():
            for r in data["queries"]:
                if r["first"] != r["article"]:
                    held = " (held out)" if r.get("heldout") else ""
                    lines.append(f"- {name} {edition} {r['kind']}{held}: {r['query']!r} expected {r['article']}, "
                                 f"first {r['first']}, top 5 {r['top5']}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write every query's outcome to this file")
    parser.add_argument("--misses", action="store_true", help="list the queries whose first result is wrong")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    queries = query_set()
    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        sites = build_sites(Path(scratch))
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        measured = {name: measure_site(browser, site, queries) for name, site in sites.items()}
        browser.close()
    print("Site: this toolchain's build; bare: Material + mkdocs-static-i18n, stock search, same content. The bare\n"
          "build has one index for both editions, so its results may be the other edition's page of the article;\n"
          "they count as hits (the driver reads the article from the link's #art-N only).\n")
    print(report(measured, list(queries)))
    if args.misses:
        print("Misses (first result):\n" + misses(measured))
    if args.json:
        args.json.write_text(json.dumps(measured, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
