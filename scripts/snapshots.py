"""``content/en/.zh-snapshots.json``: the Chinese text each English block was translated from.

Keyed by the fingerprint in ``data-zh``. Every command that writes English pages or the Chinese edition
(``mark``, ``translate``, ``split``) stores the Chinese of every translated block whose ``data-zh`` is the
fingerprint of its Chinese block as it is on disk, so when the Chinese changes later the site can show
what changed (git history is not there at every build). ``split`` does so before it overwrites the
Chinese pages. Only fingerprints some English block still refers to are kept, so the file stays small.
"""

from __future__ import annotations

import json
from pathlib import Path

from .atomic import write_files
from .blocks import Page, parse_page, text_hash
from .edition import page_names
from .errors import InputError
from .project import Project

TRANSLATED = ("draft", "reviewed")


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


def current_chinese(project: Project, english: dict[str, Page]) -> dict[str, str]:
    """fingerprint -> Chinese text for every translated block of ``english`` (page name -> page) whose
    ``data-zh`` is the fingerprint of its Chinese block in ``content/zh/`` now."""
    found: dict[str, str] = {}
    for name, page in english.items():
        zh_path = project.zh_dir / f"{name}.md"
        zh = parse_page(zh_path) if zh_path.exists() else None
        for block in page.blocks if zh else []:
            zh_block = zh.block(block.id)
            if block.status in TRANSLATED and zh_block and block.source_hash == text_hash(zh_block.text):
                found[block.source_hash] = zh_block.text
    return found


def store_text(project: Project, english: dict[str, Page]) -> str:
    """The store for the English pages ``english`` (every page of the edition, by name): what it holds
    and the current Chinese of their translated blocks, keeping only what the pages refer to."""
    referenced = {b.source_hash for page in english.values() for b in page.blocks}
    known = load_snapshots(project) | current_chinese(project, english)
    kept = {h: t for h, t in known.items() if h in referenced}
    return json.dumps(kept, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def english_pages(project: Project) -> dict[str, Page]:
    """Every English page of the edition on disk, by name."""
    paths = {name: project.en_dir / f"{name}.md" for name in page_names(project)}
    return {name: parse_page(path) for name, path in paths.items() if path.exists()}


def write_english_page(project: Project, path: Path, text: str) -> None:
    """Write an English page's new text and the store that goes with it, all or nothing."""
    write_english_pages(project, {path: text})


def write_english_pages(project: Project, texts: dict[Path, str]) -> None:
    """Write English pages' new texts and the store that goes with them, all or nothing."""
    english = english_pages(project) | {path.stem: parse_page(path, text) for path, text in texts.items()}
    write_files({**texts, project.snapshots: store_text(project, english)})
