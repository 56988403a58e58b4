"""``content/en/.zh-snapshots.json``: the Chinese text each English block was translated from.

Keyed by the fingerprint in ``data-zh``. ``mark`` records the Chinese it marks against, so when the
Chinese changes later the site can show what changed (git history is not there at every build).
Only fingerprints some English block still refers to are kept, so the file stays small.
"""

from __future__ import annotations

import json
from pathlib import Path

from .atomic import write_files
from .blocks import Page, parse_page
from .edition import page_names
from .project import Project


def load_snapshots(project: Project) -> dict[str, str]:
    path = project.snapshots
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def snapshots_text(known: dict[str, str], recorded: dict[str, str], pages: list[Page]) -> str:
    """The store with ``recorded`` added, keeping only what the English pages refer to."""
    referenced = {b.source_hash for page in pages for b in page.blocks}
    kept = {h: t for h, t in (known | recorded).items() if h in referenced}
    return json.dumps(kept, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def write_english_page(project: Project, path: Path, text: str, recorded: dict[str, str]) -> None:
    """Write an English page's new text and the store with ``recorded`` added, all or nothing."""
    pages = [parse_page(path, text)] + [
        parse_page(project.en_dir / f"{name}.md") for name in page_names(project)
        if project.en_dir / f"{name}.md" != path and (project.en_dir / f"{name}.md").exists()
    ]
    write_files({path: text, project.snapshots: snapshots_text(load_snapshots(project), recorded, pages)})
