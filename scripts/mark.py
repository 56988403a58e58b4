"""``python -m scripts mark PAGE [ID …] --as draft|reviewed``: record a block's status after work on it.

Marking sets ``data-zh`` to the fingerprint of the Chinese block as it is now, so a later change of the
Chinese shows the block as stale. ``--as reviewed`` is for a block read against the Chinese, sentence
by sentence; it also sets the page's ``reviewed_on`` date. The Chinese marked against is kept in
``content/en/.zh-snapshots.json`` (see scripts/snapshots.py). Without IDs every translated block of the
page is marked. A block that still holds Chinese text cannot be marked.
"""

from __future__ import annotations

import argparse
import datetime
from dataclasses import replace
from pathlib import Path

from .blocks import Block, replace_blocks, text_hash
from .edition import HAN, load_pair
from .errors import InputError
from .lock import project_lock
from .project import Project, add_root_option, command_project
from .snapshots import write_english_page


def marked(zh_block: Block, en_block: Block, status: str) -> Block:
    attrs = {k: v for k, v in en_block.attrs.items() if k not in ("lang", "data-zh", "data-status")}
    attrs.update({"data-zh": text_hash(zh_block.text), "data-status": status})
    return replace(en_block, attrs=attrs)


def set_front_matter(text: str, key: str, value: str) -> str:
    lines = text.split("\n")
    if not lines or lines[0] != "---":
        return "\n".join(["---", f"{key}: {value}", "---", ""] + lines)
    end = lines.index("---", 1)
    for i in range(1, end):
        if lines[i].startswith(f"{key}:"):
            lines[i] = f"{key}: {value}"
            return "\n".join(lines)
    lines.insert(end, f"{key}: {value}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts mark", description=__doc__.splitlines()[0])
    parser.add_argument("page", help="page name, e.g. part-02")
    parser.add_argument("ids", nargs="*", help="block ids (default: every translated block of the page)")
    parser.add_argument("--as", dest="status", choices=("draft", "reviewed"), required=True)
    add_root_option(parser)
    args = parser.parse_args(argv)
    project = command_project(args.root)
    with project_lock(project, "mark"):
        return mark_page(project, args)


def mark_page(project: Project, args: argparse.Namespace) -> int:
    pair = load_pair(project, args.page)
    if pair.en is None:
        raise InputError(project.en_dir / f"{args.page}.md", None, "no English page; run python -m scripts split")
    chosen = args.ids or [b.id for b in pair.en.blocks if b.status != "untranslated"]
    updates = {}
    for block_id in chosen:
        zh_block, en_block = pair.zh.block(block_id), pair.en.block(block_id)
        if zh_block is None or en_block is None:
            raise InputError(pair.en.path, None, f"no block {block_id} in both editions")
        if HAN.search(en_block.text):
            raise InputError(pair.en.path, en_block.line, f"block {block_id} still contains Chinese text; translate it first")
        updates[block_id] = marked(zh_block, en_block, args.status)
    text = replace_blocks(pair.en, updates)
    if args.status == "reviewed" and updates:
        text = set_front_matter(text, "reviewed_on", datetime.date.today().isoformat())
    recorded = {text_hash(pair.zh.block(i).text): pair.zh.block(i).text for i in updates}
    write_english_page(project, Path(pair.en.path), text, recorded)
    print(f"mark: {len(updates)} block(s) of {args.page} marked {args.status}")
    return 0
