"""``python -m scripts split``: generate ``content/zh/`` from the source, and English placeholders.

The Chinese pages are written whole. In ``content/en/`` only what is not yet translated is written:
a missing page is created with every block ``untranslated`` (the Chinese text, marked ``lang="zh"``),
and an ``untranslated`` block whose Chinese changed is refreshed. Translated blocks are never touched.
The reference pages (article index, targets, glossary, status, about) of each edition are created when missing.
``--check`` writes nothing and exits 1 naming every file that differs from what the source produces.

The source must be the one ``publication.yml`` accepted (same parts, articles, closing paragraph and
text); ``--accept`` accepts a deliberately changed one. Pages the source no longer produces are
removed, but never an English page with translated blocks unless ``--drop-english`` says so.
Before the Chinese pages are rewritten, the Chinese of every translated block goes into the snapshot
store (scripts/snapshots.py), so a block the change makes stale can show what changed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .atomic import write_files
from .blocks import Block, parse_page, replace_blocks
from .edition import orphan_english_pages, page_names, translated_blocks
from .errors import InputError
from .lock import project_lock
from .pages import zh_pages
from .project import Project, add_root_option, command_project
from .publication import load_publication, structure_of, with_structure
from .source import Document
from .snapshots import english_pages, store_text
from .source_guard import refuse_unaccepted
from .templating import TEMPLATES, render


def untranslated(zh_block: Block) -> Block:
    return Block(zh_block.id, zh_block.kind, zh_block.text, {"lang": "zh", "data-status": "untranslated"})


def expected_files(project: Project, document: Document) -> dict[Path, str]:
    """Every file the source determines, with the text it must have."""
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
    files.update(missing_reference_pages(project))
    return files


def reference_page_names() -> set[str]:
    return {template.stem for template in (TEMPLATES / "reference" / "en").glob("*.md")}


def missing_reference_pages(project: Project) -> dict[Path, str]:
    """The reference pages of each edition (headings; the build fills them in), created
    from scripts/templates/reference/ when missing and then left to the editors."""
    pages = {}
    for edition in (project.zh_dir, project.en_dir):
        for template in sorted((TEMPLATES / "reference" / edition.name).glob("*.md")):
            if not (edition / template.name).exists():
                pages[edition / template.name] = template.read_text(encoding="utf-8")
    return pages


def changed_files(project: Project, document: Document) -> dict[Path, str]:
    return {
        path: text
        for path, text in expected_files(project, document).items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    }


def accepted_files(project: Project, document: Document, accept: bool) -> dict[Path, str]:
    """``publication.yml`` when the source is to be accepted (``--accept``, or the first split of a project).

    Otherwise the source must be the one already accepted: InputError says what differs.
    """
    publication = load_publication(project.publication)
    found = structure_of(document)
    if not accept and (publication.structure is not None or page_names(project)):
        refuse_unaccepted(project, document, publication.structure)
        return {}
    return {project.publication: with_structure(publication, found)} if publication.structure != found else {}


def removed_pages(project: Project, document: Document, drop_english: bool) -> list[Path]:
    """Pages of either edition the source no longer produces; InputError if English translations would go."""
    names = list(zh_pages(document))
    gone = [project.zh_dir / f"{name}.md" for name in page_names(project) if name not in names]
    english = orphan_english_pages(project, names)
    losing = {path: translated_blocks(parse_page(path)) for path in english}
    losing = {path: blocks for path, blocks in losing.items() if blocks}
    if losing and not drop_english:
        path, blocks = next(iter(losing.items()))
        others = "".join(f"; {project.relative(p)}: {b}" for p, b in list(losing.items())[1:])
        raise InputError(project.relative(path), 1, f"the source no longer produces this page's Chinese page; its translated blocks would be lost: "
                         f"{blocks}{others}; keep the source, or run python -m scripts split --accept --drop-english to delete them")
    return gone + english


def snapshot_store(project: Project, changed: dict[Path, str], removed: list[Path]) -> dict[Path, str]:
    """The snapshot store, if it must change, with the Chinese on disk now (before ``changed`` is written)."""
    english = {name: page for name, page in english_pages(project).items() if Path(page.path) not in removed}
    english |= {path.stem: parse_page(path, text) for path, text in changed.items()
                if path.parent == project.en_dir and path.stem not in reference_page_names()}
    text = store_text(project, english)
    current = project.snapshots.read_text(encoding="utf-8") if project.snapshots.exists() else "{}\n"
    return {project.snapshots: text} if text != current else {}


def planned(project: Project, args: argparse.Namespace) -> tuple[Document, dict[Path, str], list[Path]]:
    """The parsed source, the files to write and the pages to remove (refusing an unaccepted source)."""
    document = project.document()
    changed = accepted_files(project, document, args.accept) | changed_files(project, document)
    return document, changed, removed_pages(project, document, args.drop_english)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts split", description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="write nothing; exit 1 if any file is out of date")
    mode.add_argument("--accept", action="store_true", help="accept a deliberately changed source: record it in publication.yml")
    parser.add_argument("--drop-english", action="store_true", help="also delete English pages with translated blocks whose Chinese page is gone")
    add_root_option(parser)
    args = parser.parse_args(argv)
    project = command_project(args.root)
    if args.check:
        document, changed, removed = planned(project, args)
        source = project.relative(project.source)
        for path in changed:
            print(f"{project.relative(path)}: differs from what {source} produces; run python -m scripts split")
        for path in removed:
            print(f"{project.relative(path)}: {source} no longer produces this page; run python -m scripts split")
        return 1 if changed or removed else 0
    with project_lock(project, "split"):
        document, changed, removed = planned(project, args)
        write_files(changed | snapshot_store(project, changed, removed))
        for path in removed:
            path.unlink()
            print(f"split: removed {project.relative(path)} (the source no longer produces it)")
    if project.publication in changed:
        print(f"split: {project.relative(project.publication)}: accepted {project.relative(project.source)} with {structure_of(document).describe()}")
    if changed or not removed:
        print(f"split: {len(changed)} file(s) written" if changed else "split: everything up to date")
    return 0
