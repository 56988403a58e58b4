"""Search hit rate per edition: the share of queries in tests/search_queries.yml whose first article result
is the expected article, measured in headless Chromium on a fresh build.

    python benchmarks/search_hit_rate.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, QuietHandler, mkdocs_build  # noqa: E402
from search_driver import first_article, load_queries, search  # noqa: E402


def main() -> int:
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as site:
        build = mkdocs_build(ROOT, Path(site))
        if build.returncode:
            print(build.stderr, file=sys.stderr)
            return 1
        handler = functools.partial(QuietHandler, directory=site)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            for edition in ("zh", "en"):
                queries = load_queries(edition)
                hits = 0
                for item in queries:
                    got = first_article(search(page, base, edition, item["query"]))
                    hits += got == item["article"]
                    if got != item["article"]:
                        print(f"  miss [{edition}] {item['query']!r}: expected {item['article']}, first {got}")
                print(f"{edition}: {hits}/{len(queries)} = {hits / max(len(queries), 1):.0%} first-result hit rate")
            browser.close()
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
