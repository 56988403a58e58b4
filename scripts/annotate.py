"""What English readers see of the review status: a page banner, and a label on each block not reviewed.

Works on the page's Markdown at build time (the files keep only ``data-status`` and the review record):
each draft, edited (changed after review), stale or untranslated block gets a class ``status-…`` and a
label before it; a stale block's label links the current Chinese block and shows what changed since the
translation (from the snapshot store). Every block loses its review record (``public``): reviewers'
names and dates stay in the Markdown and the status page, not in the page's HTML.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from .blocks import Block, Page, public, render_block, unescape
from .edition import PagePair, State
from .templating import render
from .zhdiff import char_diff


def annotate(pair: PagePair, snapshots: dict[str, str], zh_url: str) -> str:
    """``pair.en`` parsed from the page's Markdown; ``zh_url`` is the Chinese page, relative to this one."""
    en: Page = pair.en
    states = [(zh, e, state) for zh, e, state in pair.states() if e is not None]
    counts = Counter(state for *_, state in states)
    whole_page_untranslated = counts[State.UNTRANSLATED] == len(states)
    lines = list(en.lines)
    paired = {e.id: (zh, state) for zh, e, state in states}
    banner = render("page_banner.html.j2", counts=counts, total=len(states)).strip()
    banner_lines = ["", banner, ""] if banner else []
    title = en.blocks[0] if en.blocks and en.blocks[0].kind == "h1" else None
    for en_block in sorted(en.blocks, key=lambda b: b.line, reverse=True):
        shown = public(en_block)
        label = ""
        zh_block, state = paired.get(en_block.id, (None, State.REVIEWED))  # a block with no Chinese: check reports it
        if state != State.REVIEWED:
            label = "" if whole_page_untranslated else render(
                "status_label.html.j2", state=state, zh_url=f"{zh_url}#{zh_block.id}", diff=stale_diff(zh_block, en_block, snapshots, state)
            )
            classes = " ".join(filter(None, [en_block.attrs.get("class", ""), f"status-{state}"]))
            shown = replace(shown, attrs=dict(shown.attrs, **{"class": classes}))
        below = banner_lines if en_block is title else []  # the banner goes under the page's title
        lines[en_block.line - 1 : en_block.end] = ([label.strip(), ""] if label else []) + render_block(shown).split("\n") + below
    if title is None:
        lines[0:0] = banner_lines
    return "\n".join(lines)


def stale_diff(zh_block: Block, en_block: Block, snapshots: dict[str, str], state: str) -> list[tuple[str, str]]:
    """What changed in the Chinese since a stale block was translated (empty if not stale or not recorded)."""
    old = snapshots.get(en_block.source_hash) if state == State.STALE else None
    return char_diff(unescape(old), unescape(zh_block.text)) if old else []
