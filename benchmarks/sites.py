"""The sites the benchmarks measure: a fresh build of a project, or a site already built."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import mkdocs_build  # noqa: E402


def built(project: Path, site: Path, strict: bool = True) -> Path:
    """``project`` built into ``site``; exits with the build's errors if it fails."""
    result = mkdocs_build(project, site, strict=strict)
    if result.returncode:
        sys.exit(f"the build of {project} failed:\n{result.stderr[-3000:]}")
    return site


def site_to_measure(given: Path | None, scratch: Path) -> Path:
    """The site given on the command line, or this checkout built into ``scratch``."""
    if given is None:
        return built(ROOT, scratch / "site")
    if not (given / "index.html").is_file():
        sys.exit(f"{given}: no built site there (no index.html); build it with scripts/build.sh or leave out --site")
    return given
