"""``python -m scripts mark PAGE [ID …] --as draft|reviewed [--by NAME]``: record a block's status after work on it.

Marking sets ``data-zh`` to the fingerprint of the Chinese block as it is now, so a later change of the
Chinese shows the block as stale. ``--as reviewed`` is for a block read against the Chinese, sentence
by sentence: it records the review (``data-en``, the fingerprint of the English as read; ``data-by``,
the reviewer, by default git's user.name; ``data-on``, today), so an edit of the English after the
review shows. ``--as draft`` removes a review record. The Chinese marked against is kept in
``content/en/.zh-snapshots.json`` (see scripts/snapshots.py). Without IDs every translated block of the
page is marked. A block that still holds Chinese text cannot be marked.
"""

from __future__ import annotations

import argparse
import datetime
import subprocess
from dataclasses import replace
from pathlib import Path

from .blocks import REVIEW_ATTRIBUTES, REVIEWER, Block, replace_blocks, review_attributes, text_hash
from .edition import HAN, load_pair
from .errors import InputError
from .lock import project_lock
from .project import Project, add_root_option, command_project
from .snapshots import write_english_page


def marked(zh_block: Block, en_block: Block, status: str, reviewer: str = "", on: str = "") -> Block:
    """The English block marked ``status`` against ``zh_block``; ``reviewed`` needs the reviewer and the date."""
    if (status == "reviewed") != bool(reviewer and on):
        raise ValueError("a block is marked reviewed with a reviewer and a date, and only then")
    replaced = ("lang", "data-zh", "data-status", *REVIEW_ATTRIBUTES)
    attrs = {k: v for k, v in en_block.attrs.items() if k not in replaced}
    attrs.update({"data-zh": text_hash(zh_block.text), "data-status": status})
    if status == "reviewed":
        attrs.update(review_attributes(en_block.text, reviewer, on))
    return replace(en_block, attrs=attrs)


def reviewer_name(given: str | None, root: Path) -> str:
    """``--by``, or git's user.name in ``root``; InputError if neither gives a name of the allowed form."""
    name = given
    if name is None:
        try:
            found = subprocess.run(["git", "config", "user.name"], cwd=root, capture_output=True, text=True, timeout=10)
            name = found.stdout.strip() if found.returncode == 0 else ""
        except (OSError, subprocess.SubprocessError):
            name = ""
        if not name:
            raise InputError("--by", None, "say who reviewed: --by NAME (git has no user.name here)")
    if not REVIEWER.match(name):
        raise InputError("--by", None, f"reviewer {name!r}: use letters, digits, spaces, hyphens, dots and apostrophes, at most 64 characters")
    return name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts mark", description=__doc__.splitlines()[0])
    parser.add_argument("page", help="page name, e.g. part-02")
    parser.add_argument("ids", nargs="*", help="block ids (default: every translated block of the page)")
    parser.add_argument("--as", dest="status", choices=("draft", "reviewed"), required=True)
    parser.add_argument("--by", help="who reviewed (with --as reviewed; default: git config user.name)")
    add_root_option(parser)
    args = parser.parse_args(argv)
    if args.by is not None and args.status != "reviewed":
        parser.error("--by names a reviewer: use it with --as reviewed")
    project = command_project(args.root)
    with project_lock(project, "mark"):
        return mark_page(project, args)


def mark_page(project: Project, args: argparse.Namespace) -> int:
    pair = load_pair(project, args.page)
    if pair.en is None:
        raise InputError(project.en_dir / f"{args.page}.md", None, "no English page; run python -m scripts split")
    chosen = args.ids or [b.id for b in pair.en.blocks if b.status != "untranslated"]
    today = datetime.date.today().isoformat()
    reviewer = reviewer_name(args.by, project.root) if args.status == "reviewed" else ""
    updates = {}
    for block_id in chosen:
        zh_block, en_block = pair.zh.block(block_id), pair.en.block(block_id)
        if zh_block is None or en_block is None:
            raise InputError(pair.en.path, None, f"no block {block_id} in both editions")
        if HAN.search(en_block.text):
            raise InputError(pair.en.path, en_block.line, f"block {block_id} still contains Chinese text; translate it first")
        updates[block_id] = marked(zh_block, en_block, args.status, reviewer, today if reviewer else "")
    text = replace_blocks(pair.en, updates)
    write_english_page(project, Path(pair.en.path), text)
    by = f" by {reviewer}" if reviewer else ""
    print(f"mark: {len(updates)} block(s) of {args.page} marked {args.status}{by}")
    return 0
