"""Build cost of the full site against a bare Material + i18n build of the same Markdown, side by side.

    python benchmarks/build_time.py [N] [--scale K]

Each round builds both, alternating, so load on the machine affects both alike; the report gives the
medians and their ratio (issue 15's goal: at most 1.5). ``--scale K`` also measures a bare and a full build
of a publication whose content is K copies of this one (the parts repeated as part-12 … with their blocks).
The bare build uses the same theme, language settings, i18n plugin and search plugin (with jieba), and
none of the project's hooks.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BARE_CONFIG = {
    "site_name": "bare",
    "docs_dir": "content",
    "theme": {"name": "material", "language": "zh", "font": False},
    "markdown_extensions": ["attr_list", "footnotes", "pymdownx.tilde", "tables", {"toc": {"permalink": True}}],
    "plugins": [
        {"search": {"lang": "zh"}},
        {"i18n": {"docs_structure": "folder", "fallback_to_default": False, "reconfigure_material": True,
                  "reconfigure_search": True,
                  "languages": [{"locale": "zh", "name": "中文", "default": True, "build": True},
                                {"locale": "en", "name": "English", "build": True}]}},
    ],
}


def build_seconds(folder: Path, strict: bool) -> float:
    env = dict(os.environ, PYTHONPATH=str(folder), NO_MKDOCS_2_WARNING="1")
    with tempfile.TemporaryDirectory() as site:
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", site] + (["--strict"] if strict else [])
        start = time.perf_counter()
        result = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
    if result.returncode:
        sys.exit(f"build of {folder} failed:\n{result.stderr[-3000:]}")
    return elapsed


def bare_copy(full: Path, target: Path) -> Path:
    """The same content pages under a config with no project hooks (the full copy's content, as is)."""
    shutil.copytree(full / "content", target / "content")
    (target / "mkdocs.yml").write_text(yaml.safe_dump(BARE_CONFIG, allow_unicode=True), encoding="utf-8")
    return target


def full_copy(target: Path, scale: int) -> Path:
    ignore = shutil.ignore_patterns("site", ".git", "__pycache__", ".venv", "node_modules")
    shutil.copytree(ROOT, target, ignore=ignore)
    if scale > 1:
        scaled_source(target, scale)
        env = dict(os.environ, PYTHONPATH=str(target))
        for args in (["split", "--accept"],):
            subprocess.run([sys.executable, "-m", "scripts", *args, "--root", str(target)], cwd=target, env=env, check=True,
                           capture_output=True)
    return target


def scaled_source(folder: Path, scale: int) -> None:
    """The source with its parts repeated ``scale`` times, renumbered (parts 一… and articles 1.…)."""
    import cn2an

    sys.path.insert(0, str(folder))
    from scripts.project import Project

    project = Project(folder)
    document = project.document()
    lines = [document.title.text, *(l.text for l in document.preamble)]
    part_number = article_number = 0
    for _ in range(scale):
        for part in document.parts:
            part_number += 1
            lines.append(f"{cn2an.an2cn(part_number)}、{part.heading.text.split('、', 1)[1]}")
            lines += [l.text for l in part.leads]
            for article in part.articles:
                article_number += 1
                first, *rest = [l.text for l in article.paragraphs] or [""]
                lines.append(f"{article_number}.{article.title}。{first}")
                lines += rest
    lines += [l.text for l in document.closing]
    project.source.write_text("\n".join(lines) + "\n", encoding="utf-8")


def measure(full: Path, bare: Path, rounds: int, label: str) -> None:
    full_times, bare_times = [], []
    for _ in range(rounds):
        bare_times.append(build_seconds(bare, strict=False))
        full_times.append(build_seconds(full, strict=True))
    f, b = statistics.median(full_times), statistics.median(bare_times)
    print(f"{label}: full {f:.2f} s (min {min(full_times):.2f}), bare Material + i18n {b:.2f} s "
          f"(min {min(bare_times):.2f}); ratio {f / b:.2f} (median of {rounds} rounds)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rounds", nargs="?", type=int, default=5)
    parser.add_argument("--scale", type=int, default=0, help="also measure K times the content")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        for scale in [1] + ([args.scale] if args.scale > 1 else []):
            full = full_copy(scratch / f"full-{scale}", scale)
            bare = bare_copy(full, scratch / f"bare-{scale}")
            measure(full, bare, args.rounds, f"{scale}x content")
    return 0


if __name__ == "__main__":
    sys.exit(main())
