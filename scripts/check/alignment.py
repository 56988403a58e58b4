"""Rule ``alignment``: the English edition has the Chinese edition's pages and blocks, in order, same kinds."""

from __future__ import annotations

from ..blocks import parse_page
from ..edition import PagePair, orphan_english_pages, translated_blocks
from ..errors import InputError
from ..project import Project
from .findings import Finding


def extra_pages(project: Project, names: list[str]) -> list[Finding]:
    """English pages whose Chinese page is gone, with the translated blocks that would go with them."""
    return [
        Finding(project.relative(path), 1, "alignment", "error", f"English page {path.stem} has no Chinese page; {_what_is_lost(path)}")
        for path in orphan_english_pages(project, names)
    ]


def _what_is_lost(path) -> str:
    try:
        translated = translated_blocks(parse_page(path))
    except InputError as error:
        return f"it cannot be read ({error.message})"
    return f"its translated blocks would be lost: {translated}" if translated else "it has no translated blocks; python -m scripts split removes it"


def alignment_findings(project: Project, pair: PagePair) -> list[Finding]:
    zh_path = project.relative(pair.zh.path)
    if pair.en is None:
        en_path = project.relative(project.en_dir / f"{pair.name}.md")
        return [Finding(en_path, 1, "alignment", "error", f"no English page for {zh_path}; run python -m scripts split")]
    en_path = project.relative(pair.en.path)

    def error(line: int, message: str) -> Finding:
        return Finding(en_path, line, "alignment", "error", message)

    return _id_findings(pair, error, zh_path) + _order_findings(pair, error)


def _id_findings(pair: PagePair, error, zh_path: str) -> list[Finding]:
    zh_ids = {b.id for b in pair.zh.blocks}
    en_by_id = {b.id: b for b in pair.en.blocks}
    renamed = {}  # same place, other id: an id was changed
    if len(pair.zh.blocks) == len(pair.en.blocks):
        renamed = {e.id: z for z, e in zip(pair.zh.blocks, pair.en.blocks) if z.id not in en_by_id and e.id not in zh_ids}
    findings = []
    for block in pair.en.blocks:
        if block.id in renamed:
            zh_block = renamed[block.id]
            findings.append(error(block.line, f"id {block.id} differs from the Chinese block's id {zh_block.id} ({zh_path}:{zh_block.line})"))
        elif block.id not in zh_ids:
            findings.append(error(block.line, f"block {block.id} has no Chinese block"))
    renamed_zh = {z.id for z in renamed.values()}
    previous_end = 1  # a missing block is reported where it belongs: after the English block before it
    for block in pair.zh.blocks:
        if block.id in en_by_id:
            previous_end = en_by_id[block.id].end
        elif block.id not in renamed_zh:
            findings.append(error(previous_end, f"Chinese block {block.id} ({zh_path}:{block.line}) has no English block"))
    return findings


def _order_findings(pair: PagePair, error) -> list[Finding]:
    position = {block.id: i for i, block in enumerate(pair.zh.blocks)}
    findings = []
    after = 0
    for block in pair.en.blocks:
        if block.id not in position:
            continue
        if position[block.id] < after:
            findings.append(error(block.line, f"block {block.id} is out of order: the Chinese has it before {pair.zh.blocks[after].id}"))
        else:
            after = position[block.id]
        zh_block = pair.zh.blocks[position[block.id]]
        if zh_block.kind != block.kind:
            findings.append(error(block.line, f"block {block.id} is {_kind(block.kind)} but the Chinese block is {_kind(zh_block.kind)}"))
    return findings


def _kind(kind: str) -> str:
    return "a paragraph" if kind == "p" else f"a level-{kind[1]} heading"
