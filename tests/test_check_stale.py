"""A change to one Chinese paragraph makes exactly that English block stale, and nothing else."""

import json

from scripts.blocks import parse_page

from conftest import edit, run, translate
from test_check_pages import block


def stale_blocks(found):
    return [(f["path"], f["severity"], f["message"].split(":")[0]) for f in found if f["rule"] == "stale"]


def test_one_paragraph_change_makes_only_that_block_stale(repo):
    # two drafts, with the English they have in the copy
    for block_id in ("art-4-p2", "art-4-p3"):
        translate(repo, "part-01", block_id, block(repo, "part-01", block_id).text)
    before = run(repo, "check", "--json")
    assert ("content/en/part-01.md", "warning", "block art-4-p2") not in stale_blocks(json.loads(before.stdout))
    old_zh = parse_page(repo / "content/zh/part-01.md").block("art-4-p2").text
    edit(repo / "source/proposal.txt", "——综合实力显著增强。", "——综合实力明显增强。")
    assert run(repo, "split", "--accept").returncode == 0
    assert run(repo, "split", "--check").returncode == 0

    result = run(repo, "check", "--json")
    assert result.returncode == 0, result.stdout
    found = json.loads(result.stdout)
    # stale now: what was stale before the change (nothing, in a corpus kept up to date) and art-4-p2 alone
    stale = stale_blocks(found)
    assert sorted(stale) == sorted(stale_blocks(json.loads(before.stdout)) + [("content/en/part-01.md", "warning", "block art-4-p2")])
    drafts = [f["message"] for f in found if f["rule"] == "draft" and f["path"] == "content/en/part-01.md"]
    assert drafts == ["1 draft block(s) not yet reviewed: art-4-p3"]

    snapshots = json.loads((repo / "content/en/.zh-snapshots.json").read_text(encoding="utf-8"))
    english = parse_page(repo / "content/en/part-01.md").block("art-4-p2")
    assert snapshots[english.source_hash] == old_zh
