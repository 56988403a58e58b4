"""A change to one Chinese paragraph makes exactly that English block stale, and nothing else."""

import json

from scripts.blocks import parse_page

from conftest import edit, run, translate
from test_check_pages import ENGLISH_4_P2


def test_one_paragraph_change_makes_only_that_block_stale(repo):
    translate(repo, "part-01", "art-4-p2", ENGLISH_4_P2)
    translate(repo, "part-01", "art-4-p3", "Achieve breakthroughs in industrial transformation; R&D spending will grow by 15% or more a year and double.")
    old_zh = parse_page(repo / "content/zh/part-01.md").block("art-4-p2").text
    edit(repo / "source/proposal.txt", "——综合实力显著增强。", "——综合实力明显增强。")
    assert run(repo, "split").returncode == 0
    assert run(repo, "split", "--check").returncode == 0

    result = run(repo, "check", "--json")
    assert result.returncode == 0, result.stdout
    found = json.loads(result.stdout)
    stale = [(f["path"], f["severity"], f["message"].split(":")[0]) for f in found if f["rule"] == "stale"]
    assert stale == [("content/en/part-01.md", "warning", "block art-4-p2")]
    assert [f["message"] for f in found if f["rule"] == "draft"] == ["1 draft block(s) not yet reviewed: art-4-p3"]

    snapshots = json.loads((repo / "content/en/.zh-snapshots.json").read_text(encoding="utf-8"))
    english = parse_page(repo / "content/en/part-01.md").block("art-4-p2")
    assert snapshots[english.source_hash] == old_zh
