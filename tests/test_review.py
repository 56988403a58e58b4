"""A review is recorded with the English it read: an edit after it shows in check, and mark records who
re-read it. The snapshot store holds the Chinese of every translated block."""

import datetime
import json
import os

from scripts.blocks import english_hash, parse_page, text_hash
from scripts.edition import load_pairs
from scripts.project import Project
from scripts.snapshots import TRANSLATED, load_snapshots

from conftest import ROOT, edit, run


def findings(repo, rule):
    result = run(repo, "check", "--json")
    return result.returncode, [f for f in json.loads(result.stdout) if f["rule"] == rule]


def english_block(repo, page, block_id):
    return parse_page(repo / "content/en" / f"{page}.md").block(block_id)


def test_an_edit_of_a_reviewed_block_fails_check_until_it_is_marked_again(repo):
    path = repo / "content/en/part-02.md"
    before = english_block(repo, "part-02", "art-6-p1")
    assert before.status == "reviewed" and before.review.covers(before)
    first_line = before.text.split("\n")[0]
    edit(path, first_line, first_line.replace("Building on", "Building  upon", 1))

    code, found = findings(repo, "review")
    assert code == 1
    assert [(f["path"], f["line"], f["severity"]) for f in found] == [("content/en/part-02.md", before.line, "error")]
    assert "art-6-p1: edited after review: re-read it against the Chinese" in found[0]["message"]

    marked = run(repo, "mark", "part-02", "art-6-p1", "--as", "reviewed", "--by", "Ada O'Neill-Li")
    assert marked.returncode == 0, marked.stderr
    assert run(repo, "check").returncode == 0
    after = english_block(repo, "part-02", "art-6-p1")
    assert after.review.by == "Ada O'Neill-Li" and after.review.on == datetime.date.today().isoformat()
    assert after.review.english == english_hash(after.text) != before.review.english
    assert english_block(repo, "part-02", "art-7-p1").review == parse_page(ROOT / "content/en/part-02.md").block("art-7-p1").review


def test_rewrapping_the_lines_of_a_reviewed_paragraph_keeps_the_review(repo):
    block = english_block(repo, "part-01", "art-1-p1")
    lines = block.text.split("\n")
    edit(repo / "content/en/part-01.md", f"{lines[0]}\n{lines[1]}", f"{lines[0]} {lines[1]}")
    assert english_block(repo, "part-01", "art-1-p1").text != block.text
    assert run(repo, "check").returncode == 0


def test_a_block_marked_reviewed_by_hand_without_a_record_fails(repo):
    path = repo / "content/en/part-03.md"
    block = english_block(repo, "part-03", "art-13")
    text = path.read_text(encoding="utf-8")
    record = f' data-en="{block.review.english}" data-by="{block.review.by}" data-on="{block.review.on}"'
    path.write_text(text.replace(record, "", 1), encoding="utf-8")
    code, found = findings(repo, "review")
    assert code == 1 and [(f["line"], f["message"].split(":")[0]) for f in found] == [(block.line, "block art-13")]
    assert "without a review record" in found[0]["message"]


def test_mark_needs_a_reviewer_of_the_allowed_form(repo, tmp_path):
    no_git_name = dict(os.environ, HOME=str(tmp_path), GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    before = (repo / "content/en/part-02.md").read_text(encoding="utf-8")
    result = run(repo, "mark", "part-02", "art-6-p1", "--as", "reviewed", env=no_git_name)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == "error: --by: say who reviewed: --by NAME (git has no user.name here)"
    for name in ('"><script>', "Ann\nLee", "x" * 65, " Ann", "Ann_Lee"):
        result = run(repo, "mark", "part-02", "art-6-p1", "--as", "reviewed", "--by", name)
        assert result.returncode == 1 and "Traceback" not in result.stderr and "error: --by: reviewer" in result.stderr
    assert run(repo, "mark", "part-02", "art-6-p1", "--as", "draft", "--by", "Ann").returncode == 2
    assert (repo / "content/en/part-02.md").read_text(encoding="utf-8") == before

    named_by_git = dict(no_git_name, GIT_CONFIG_COUNT="1", GIT_CONFIG_KEY_0="user.name", GIT_CONFIG_VALUE_0="Git User")
    assert run(repo, "mark", "part-02", "art-6-p1", "--as", "reviewed", env=named_by_git).returncode == 0
    assert english_block(repo, "part-02", "art-6-p1").review.by == "Git User"


def test_a_forged_reviewer_in_the_markdown_is_refused_at_its_line(repo):
    path = repo / "content/en/part-02.md"
    block = english_block(repo, "part-02", "art-6-p1")
    edit(path, f'{block.review.english}" data-by="{block.review.by}"', f'{block.review.english}" data-by="x<img src=x>"')
    result = run(repo, "check")
    assert result.returncode == 1
    assert f"content/en/part-02.md:{block.end}: [format] attribute data-by='x<img src=x>' does not have the expected form" in result.stdout


def test_marking_a_block_draft_drops_its_review(repo):
    assert run(repo, "mark", "part-02", "art-6-p1", "--as", "draft").returncode == 0
    block = english_block(repo, "part-02", "art-6-p1")
    assert block.status == "draft" and block.review is None and "data-by" not in block.attrs


def assert_store_covers_every_translated_block(root):
    """Every draft or reviewed block has the Chinese its data-zh names: the current Chinese, or (stale) an earlier one."""
    project = Project(root)
    store = load_snapshots(project)
    missing = []
    for pair in load_pairs(project):
        for zh, en, _ in pair.states():
            if en is None or en.status not in TRANSLATED:
                continue
            current = en.source_hash == text_hash(zh.text)
            if (store.get(en.source_hash) != zh.text) if current else (en.source_hash not in store):
                missing.append(f"{pair.name}:{en.id}")
    assert not missing, f"the snapshot store lacks the Chinese of {missing}"


def test_the_store_holds_the_chinese_of_every_translated_block_of_the_corpus():
    assert_store_covers_every_translated_block(ROOT)
    assert sum(en.status in TRANSLATED for pair in load_pairs(Project(ROOT)) for en in pair.en.blocks) == len(load_snapshots(Project(ROOT)))


def test_mark_and_split_fill_a_store_that_lost_entries(repo):
    store = repo / "content/en/.zh-snapshots.json"
    store.write_text("{}\n", encoding="utf-8")
    assert run(repo, "mark", "part-05", "--as", "draft").returncode == 0
    assert_store_covers_every_translated_block(repo)

    store.write_text("{}\n", encoding="utf-8")
    old_zh = parse_page(repo / "content/zh/part-01.md").block("art-4-p2").text
    edit(repo / "source/proposal.txt", "——综合实力显著增强。", "——综合实力明显增强。")
    assert run(repo, "split", "--accept").returncode == 0
    stale = english_block(repo, "part-01", "art-4-p2")
    assert stale.source_hash != text_hash(parse_page(repo / "content/zh/part-01.md").block("art-4-p2").text)
    assert load_snapshots(Project(repo))[stale.source_hash] == old_zh
    assert_store_covers_every_translated_block(repo)
