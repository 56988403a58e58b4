"""Wall-clock time of a full ``mkdocs build --strict`` of both editions (median of N runs).

    python benchmarks/build_time.py [N]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import mkdocs_build  # noqa: E402


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as site:
            start = time.perf_counter()
            result = mkdocs_build(ROOT, Path(site))
            times.append(time.perf_counter() - start)
            if result.returncode:
                print(result.stderr, file=sys.stderr)
                return 1
    print(f"full build (zh + en, strict): median {statistics.median(times):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s over {runs} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
