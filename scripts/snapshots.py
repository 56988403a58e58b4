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
from .errors import InputError
from .project import Project


def load_snapshots(project: Project) -> dict[str, str]:
    """The store; a file that is not a JSON object of fingerprint -> Chinese text is an InputError."""
    path = project.snapshots
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InputError(project.relative(path), getattr(error, "lineno", None), f"not a valid snapshot store: {error}") from None
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise InputError(project.relative(path), 1, "the snapshot store must be a JSON object of fingerprint -> Chinese text")
    return data


def snapshots_text(known: dict[str, str], recorded: dict[str, str], pages: list[Page]) -> str:
    """The store with ``recorded`` added, keeping only what the English pages refer to."""
    referenced = {b.source_hash for page in pages for b in page.blocks}
    kept = {h: t for h, t in (known | recorded).items() if h in referenced}
    return json.dumps(kept, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def write_english_page(project: Project, path: Path, text: str, recorded: dict[str, str]) -> None:
    """Write an English page's new text and the store with ``recorded`` added, all or nothing."""
    write_english_pages(project, {path: text}, recorded)


def write_english_pages(project: Project, texts: dict[Path, str], recorded: dict[str, str]) -> None:
    """Write English pages' new texts and the store with ``recorded`` added, all or nothing."""
    pages = [parse_page(path, text) for path, text in texts.items()] + [
        parse_page(project.en_dir / f"{name}.md") for name in page_names(project)
        if project.en_dir / f"{name}.md" not in texts and (project.en_dir / f"{name}.md").exists()
    ]
    write_files({**texts, project.snapshots: snapshots_text(load_snapshots(project), recorded, pages)})
