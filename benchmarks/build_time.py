"""Build cost of the full site against a bare Material + i18n build, side by side.

    python benchmarks/build_time.py [N] [--scale K]

Each round builds the three, alternating, so load on the machine affects them alike; the report gives the
medians and the ratios (issue 15's goal: at most 1.5). The bare builds use the same theme, language
settings, i18n plugin and search plugin (with jieba), and none of the toolchain:

- "bare, source Markdown": the content pages as they are in content/ (the glossary, targets and status
  pages are headings only there: the toolchain writes their bodies at build time);
- "bare, generated Markdown": each page's Markdown as the toolchain hands it to MkDocs (glossary entries,
  targets tables, status labels), so the ratio is the toolchain's own cost for the same pages.

``--scale K`` also measures a publication whose content is K copies of this one (the parts repeated).
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


def bare_copy(content: Path, target: Path) -> Path:
    """``content`` under a config with none of the toolchain."""
    shutil.copytree(content, target / "content")
    (target / "mkdocs.yml").write_text(yaml.safe_dump(BARE_CONFIG, allow_unicode=True), encoding="utf-8")
    return target


DUMP_HOOK = """
from pathlib import Path
from mkdocs.plugins import event_priority

@event_priority(-1000)
def on_page_markdown(markdown, page, config, files):
    target = Path(config.config_file_path).parent / "generated" / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(markdown, encoding="utf-8")
    return markdown
"""


def generated_markdown(full: Path, target: Path) -> Path:
    """Each page's Markdown as the toolchain hands it to MkDocs, from one build with a dumping hook."""
    probe = target.with_name(target.name + "-probe")
    shutil.copytree(full, probe)
    (probe / "dump_markdown.py").write_text(DUMP_HOOK, encoding="utf-8")
    config = probe / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - dump_markdown.py\n", encoding="utf-8")
    build_seconds(probe, strict=False)
    return probe / "generated"


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


def measure(builds: dict[str, tuple[Path, bool]], rounds: int, label: str) -> None:
    times: dict[str, list[float]] = {name: [] for name in builds}
    for _ in range(rounds):
        for name, (folder, strict) in builds.items():
            times[name].append(build_seconds(folder, strict))
    full = statistics.median(times["full"])
    print(f"{label}, median of {rounds} rounds: full {full:.2f} s (min {min(times['full']):.2f})")
    for name in list(builds)[1:]:
        median = statistics.median(times[name])
        print(f"  {name}: {median:.2f} s (min {min(times[name]):.2f}); full / this = {full / median:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rounds", nargs="?", type=int, default=5)
    parser.add_argument("--scale", type=int, default=0, help="also measure K times the content")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        for scale in [1] + ([args.scale] if args.scale > 1 else []):
            full = full_copy(scratch / f"full-{scale}", scale)
            builds = {
                "full": (full, True),
                "bare, source Markdown": (bare_copy(full / "content", scratch / f"bare-{scale}"), False),
                "bare, generated Markdown": (bare_copy(generated_markdown(full, scratch / f"gen-{scale}"), scratch / f"gen-{scale}"), False),
            }
            measure(builds, args.rounds, f"{scale}x content")
    return 0


if __name__ == "__main__":
    sys.exit(main())
