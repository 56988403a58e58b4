"""Lighthouse scores of the main pages of both editions (issue 12): mobile form factor, Debian's chromium,
the median of several runs per page, served with gzip from a local server.

    (cd benchmarks && npm ci)      # once: lighthouse, pinned in benchmarks/package.json
    python benchmarks/lighthouse.py [--site DIR] [--runs 5] [PATH ...]

Prints a Markdown table of the median performance, accessibility, best-practices and SEO scores and the
median LCP, TBT and CLS, then every audit that failed (score below 0.9) in at least half the runs of a page.
Goals: performance ≥ 0.95, the others 1.00. Also prints the host's benchmarkIndex, on which the performance
score depends.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from conftest import CHROMIUM  # noqa: E402
from gzip_server import serving  # noqa: E402
from sites import site_to_measure  # noqa: E402

LIGHTHOUSE = ROOT / "benchmarks" / "node_modules" / ".bin" / "lighthouse"
PAGES = ("/", "/part-04/", "/targets/", "/glossary/")
CATEGORIES = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
METRICS = {"largest-contentful-paint": "LCP ms", "total-blocking-time": "TBT ms", "cumulative-layout-shift": "CLS"}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking " \
               "--disable-component-update --disable-sync"
PASSING = 0.9


def run_lighthouse(url: str, keep: Path | None, run: int) -> dict | None:
    """One run's report, or None when Lighthouse fails (it times out on very large pages under load)."""
    command = [str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet", "--form-factor=mobile",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    result = subprocess.run(command, capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=CHROMIUM))
    if result.returncode:
        print(f"lighthouse failed on {url}: {result.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
        return None
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
        name = url.split("/", 3)[3].strip("/").replace("/", "-") or "home"
        (keep / f"{name}.{run}.json").write_text(result.stdout, encoding="utf-8")
    return json.loads(result.stdout)


def failed_audits(report: dict) -> set[str]:
    """The audits of the measured categories that did not pass, with their titles."""
    failed = set()
    for category in report["categories"].values():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if audit["scoreDisplayMode"] in ("binary", "numeric", "metricSavings") and audit["score"] is not None \
                    and audit["score"] < PASSING:
                failed.add(f"{ref['id']} ({audit['title']})")
    return failed


def summarise(runs: list[dict | None]) -> dict:
    reports = [r for r in runs if r is not None]
    if not reports:
        return {"runs": 0, "failed_runs": len(runs)}
    return {
        "scores": {c: statistics.median(r["categories"][c]["score"] for r in reports) for c in CATEGORIES},
        "metrics": {m: statistics.median(r["audits"][m]["numericValue"] for r in reports) for m in METRICS},
        "failed": Counter(a for r in reports for a in failed_audits(r)),
        "runs": len(reports),
        "failed_runs": len(runs) - len(reports),
        "benchmark_indexes": [r["environment"]["benchmarkIndex"] for r in reports],
    }


def table(summaries: dict[str, dict]) -> str:
    goals = " · ".join(f"{c} ≥ {g:.2f}" for c, g in CATEGORIES.items())
    indexes = [i for s in summaries.values() for i in s.get("benchmark_indexes", [])]
    speed = (f"The measuring machine's CPU by Lighthouse's benchmarkIndex: median {statistics.median(indexes):.0f}, "
             f"{min(indexes):.0f}–{max(indexes):.0f} over the runs (the simulated phone is this CPU slowed 4×: "
             "compare scores measured at similar indexes).") if indexes else ""
    lines = [f"Goals: {goals}.", "", speed, "",
             "| page | " + " | ".join(CATEGORIES) + " | " + " | ".join(METRICS.values()) + " |",
             "| --- |" + " ---: |" * (len(CATEGORIES) + len(METRICS))]
    for path, s in summaries.items():
        if not s["runs"]:
            lines.append(f"| {path} | every run failed |" + " |" * (len(CATEGORIES) + len(METRICS) - 1))
            continue
        scores = [f"{s['scores'][c]:.2f}{'' if s['scores'][c] >= goal else ' ✗'}" for c, goal in CATEGORIES.items()]
        metrics = [f"{s['metrics'][m]:.3f}" if m == "cumulative-layout-shift" else f"{s['metrics'][m]:.0f}"
                   for m in METRICS]
        failed_runs = f" ({s['runs']} runs; {s['failed_runs']} failed)" if s["failed_runs"] else ""
        lines.append(f"| {path}{failed_runs} | {' | '.join(scores)} | {' | '.join(metrics)} |")
    lines += ["", "Failed audits (score < 0.9 in at least half the runs):", ""]
    for path, s in summaries.items():
        failed = sorted(a for a, n in s.get("failed", {}).items() if 2 * n >= s["runs"])
        lines.append(f"- {path}: {'; '.join(failed) or 'none'}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="pages to measure (default: the main pages of both editions)")
    parser.add_argument("--site", type=Path, help="a built site (default: build this checkout)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="keep every report's JSON in this folder")
    parser.add_argument("--reports", type=Path, help="summarise the reports kept in this folder; run nothing")
    args = parser.parse_args()
    if args.reports:
        print(table(kept_summaries(args.reports)))
        return 0
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: run `npm ci` in {LIGHTHOUSE.parents[2]}")
    paths = args.paths or [p for page in PAGES for p in (page, "/en" + page)]
    with tempfile.TemporaryDirectory() as scratch:
        site = site_to_measure(args.site, Path(scratch))
        with serving(site) as base:
            summaries = {path: summarise([run_lighthouse(base + path, args.keep, run) for run in range(args.runs)]) for path in paths}
    print(f"Lighthouse {lighthouse_version()}, mobile, median of {args.runs} runs per page.\n")
    print(table(summaries))
    return 0


def kept_summaries(folder: Path) -> dict[str, dict]:
    """Summaries of the reports ``--keep`` wrote (NAME.RUN.json), by the page each report names."""
    reports: dict[str, list[dict]] = {}
    for path in sorted(folder.glob("*.*.json")):
        report = json.loads(path.read_text(encoding="utf-8"))
        page = "/" + report["requestedUrl"].split("/", 3)[3]
        reports.setdefault(page, []).append(report)
    return {page: summarise(runs) for page, runs in reports.items()}


def lighthouse_version() -> str:
    package = ROOT / "benchmarks" / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"]


if __name__ == "__main__":
    sys.exit(main())
