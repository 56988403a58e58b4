"""``python -m scripts split``: generate ``content/zh/`` from the source, and English placeholders.

The Chinese pages are written whole. In ``content/en/`` only what is not yet translated is written:
a missing page is created with every block ``untranslated`` (the Chinese text, marked ``lang="zh"``),
and an ``untranslated`` block whose Chinese changed is refreshed. Translated blocks are never touched.
``--check`` writes nothing and exits 1 naming every file that differs from what the source produces.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .atomic import write_files
from .blocks import Block, parse_page, replace_blocks
from .lock import project_lock
from .pages import zh_pages
from .project import Project
from .source import parse
from .templating import render


def untranslated(zh_block: Block) -> Block:
    return Block(zh_block.id, zh_block.kind, zh_block.text, {"lang": "zh", "data-status": "untranslated"})


def expected_files(project: Project) -> dict[Path, str]:
    """Every file the source determines, with the text it must have."""
    document = parse(project.source)
    source_name = project.relative(project.source)
    files: dict[Path, str] = {}
    for name, blocks in zh_pages(document).items():
        files[project.zh_dir / f"{name}.md"] = render("zh_page.md.j2", source=source_name, blocks=blocks)
        en_path = project.en_dir / f"{name}.md"
        if not en_path.exists():
            files[en_path] = render("en_page.md.j2", blocks=[untranslated(b) for b in blocks])
            continue
        page = parse_page(en_path)
        by_id = {b.id: b for b in blocks}
        refresh = {
            b.id: untranslated(by_id[b.id])
            for b in page.blocks
            if b.status == "untranslated" and b.id in by_id and b.text != by_id[b.id].text
        }
        if refresh:
            files[en_path] = replace_blocks(page, refresh)
    return files


def changed_files(project: Project) -> dict[Path, str]:
    return {
        path: text
        for path, text in expected_files(project).items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts split", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if any file is out of date")
    parser.add_argument("--root", type=Path, default=Project().root, help="project folder (default: this repository)")
    args = parser.parse_args(argv)
    project = Project(args.root)
    if args.check:
        changed = changed_files(project)
        for path in changed:
            print(f"{project.relative(path)}: differs from what {project.relative(project.source)} produces; run python -m scripts split")
        return 1 if changed else 0
    with project_lock(project, "split"):
        changed = changed_files(project)
        write_files(changed)
    print(f"split: {len(changed)} file(s) written" if changed else "split: everything up to date")
    return 0
