"""translate against a fake OpenAI server: drafts, the translation memory, stale blocks, reviewed blocks."""

import json
import shutil

from scripts.__main__ import main
from scripts.blocks import REVIEW_ATTRIBUTES, parse_page, text_hash
from scripts.mark import main as mark
from scripts.split import main as split

from conftest import SECRET, edit, run_translate
from translate_support import BLOCKS, assert_intact, english


def test_drafts_every_block_and_a_rerun_sends_nothing(plan, fake, capsys):
    assert run_translate(plan, fake) == 0
    blocks = assert_intact(plan)
    assert all(b.status == "draft" for b in blocks.values())
    assert sorted(fake.sent_ids()) == sorted(name.split(":")[1] for name in BLOCKS)
    assert blocks["part-01:art-1-p1"].text.startswith("Text of art-1-p1 with 120 billion, 93,000")
    assert blocks["part-01:art-1"].text == "1. Text of art-1 with 1"
    assert len(fake.requests) == 5  # batches of up to 4 blocks, never across pages: 2 + (4 + 2) + (4 + 3)
    assert "translate: 15 block(s) drafted (0 from the translation memory), 0 failed" in capsys.readouterr().out

    assert run_translate(plan, fake) == 0
    assert len(fake.requests) == 5
    assert english(plan) == blocks


def test_the_prompt_carries_house_style_context_and_only_the_blocks_glossary_entries(plan, fake):
    assert run_translate(plan, fake, "part-02:art-4-p1", "part-02:art-3") == 0
    (body,) = fake.requests
    system, user = body["messages"][0]["content"], body["messages"][1]["content"]
    assert "Numbers are facts" in system  # docs/english-house-style.md
    assert body["response_format"] == {"type": "json_object"} and body["model"] == "gpt-4o-mini"
    heading, paragraph = json.loads(user)["blocks"]
    assert heading["id"] == "art-3" and heading["type"] == "heading" and heading["glossary"] == []
    assert heading["context"] == {"part": {"zh": "二、打造创新型城区", "en": None}, "article": None}
    assert paragraph["context"]["article"] == {"zh": "4. 搭建创新平台", "en": None}
    assert [(t["zh"], t["en"], t["do_not_use"]) for t in paragraph["glossary"]] == [
        ("数字经济", "digital economy", []),
        ("八八战略", "Eight-Eight Strategy", ["8-8 Strategy"]),
    ]
    assert "update" not in paragraph
    assert SECRET not in json.dumps(body)


def test_one_changed_paragraph_sends_exactly_that_block_with_the_old_and_new_chinese(plan, fake):
    assert run_translate(plan, fake) == 0
    old_zh = parse_page(plan / "content/zh/part-02.md").block("art-3-p1").text
    old_en = english(plan)["part-02:art-3-p1"].text
    edit(plan / "source/proposal.txt", "研发投入年均增长15%以上", "研发投入年均增长20%以上")
    assert split(["--accept", "--root", str(plan)]) == 0
    fake.requests.clear()

    assert run_translate(plan, fake) == 0
    (body,) = fake.requests
    (sent,) = json.loads(body["messages"][1]["content"])["blocks"]
    assert sent["id"] == "art-3-p1"
    assert sent["update"] == {"old_zh": old_zh, "old_en": old_en}
    blocks = assert_intact(plan)
    assert "20" in blocks["part-02:art-3-p1"].text and blocks["part-02:art-3-p1"].status == "draft"


def test_without_the_old_chinese_the_prompt_says_so_and_sends_the_old_english(plan, fake):
    assert run_translate(plan, fake) == 0
    old_en = english(plan)["part-02:art-3-p1"].text
    edit(plan / "source/proposal.txt", "研发投入年均增长15%以上", "研发投入年均增长20%以上")
    assert split(["--accept", "--root", str(plan)]) == 0
    (plan / "content/en/.zh-snapshots.json").unlink()  # the store lost after the change (split had kept the old Chinese)
    fake.requests.clear()

    assert run_translate(plan, fake) == 0
    (sent,) = json.loads(fake.requests[0]["messages"][1]["content"])["blocks"]
    assert sent["update"] == {"old_zh": None, "old_en": old_en}
    assert 'When "old_zh" is null, the earlier Chinese is not available' in fake.requests[0]["messages"][0]["content"]


def test_the_memory_answers_a_request_already_paid_for(plan, fake):
    assert run_translate(plan, fake) == 0
    drafted = english(plan)
    shutil.rmtree(plan / "content/en")  # the English edition lost: placeholders again
    assert split(["--root", str(plan)]) == 0
    fake.requests.clear()

    assert run_translate(plan, fake) == 0
    assert fake.requests == []
    assert english(plan) == drafted


def test_a_changed_glossary_entry_is_a_new_request_for_the_blocks_that_use_it(plan, fake):
    assert run_translate(plan, fake) == 0
    edit(plan / "glossary.yml", "en: digital economy", "en: digital sector")
    fake.requests.clear()
    assert run_translate(plan, fake, "part-01:art-2-p2", "part-02:art-4-p1", "part-02:art-3-p1") == 0
    assert sorted(fake.sent_ids()) == ["art-2-p2", "art-4-p1"]  # art-3-p1 has no glossary term: from memory
    assert "digital sector" in english(plan)["part-02:art-4-p1"].text


def test_a_reviewed_block_is_never_overwritten_unless_forced(plan, fake, capsys):
    assert run_translate(plan, fake) == 0
    assert mark(["part-02", "art-3-p1", "--as", "reviewed", "--by", "An Editor", "--root", str(plan)]) == 0
    reviewed = english(plan)["part-02:art-3-p1"]
    assert reviewed.review.by == "An Editor"
    edit(plan / "source/proposal.txt", "研发投入年均增长15%以上", "研发投入年均增长20%以上")
    assert split(["--accept", "--root", str(plan)]) == 0
    fake.requests.clear()
    capsys.readouterr()

    assert run_translate(plan, fake) == 0
    assert run_translate(plan, fake, "part-02:art-3-p1") == 0
    assert fake.requests == []
    assert english(plan)["part-02:art-3-p1"] == reviewed
    assert "part-02:art-3-p1 is reviewed (stale); not overwritten (use --force part-02:art-3-p1)" in capsys.readouterr().out

    assert run_translate(plan, fake, "--force", "part-02:art-3-p1") == 0
    assert fake.sent_ids() == ["art-3-p1"]
    block = english(plan)["part-02:art-3-p1"]
    assert block.status == "draft" and block.source_hash == text_hash(parse_page(plan / "content/zh/part-02.md").block("art-3-p1").text)
    # the machine draft that replaced a reviewed block carries no review: no fingerprint, reviewer or date
    assert block.review is None and not set(REVIEW_ATTRIBUTES) & set(block.attrs)
    assert not [b for b in english(plan).values() if set(REVIEW_ATTRIBUTES) & set(b.attrs) and b.status != "reviewed"]


def test_a_page_limits_the_selection_and_an_unknown_target_is_an_error(plan, fake, capsys):
    assert run_translate(plan, fake, "part-02") == 0
    assert sorted(fake.sent_ids()) == sorted(n.split(":")[1] for n in BLOCKS if n.startswith("part-02:"))
    assert english(plan)["part-01:art-1-p1"].status == "untranslated"

    before = english(plan)
    capsys.readouterr()
    assert main(["translate", "part-02:art-99", "--root", str(plan), "--base-url", fake.url]) == 1
    assert capsys.readouterr().err.strip() == "error: part-02:art-99: no such page or block (PAGE or PAGE:ID, e.g. part-02:art-6-p1)"
    assert english(plan) == before


def test_dry_run_lists_blocks_with_token_estimates_and_sends_nothing(plan, fake, capsys, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY")  # a dry run needs no key
    assert run_translate(plan, fake, "--dry-run") == 0
    out = capsys.readouterr().out.splitlines()
    assert fake.requests == []
    assert all(b.status == "untranslated" for b in english(plan).values())
    assert len(out) == len(BLOCKS) + 1
    assert out[0].startswith("content/en/index.md:6: index:title untranslated: ~") and out[0].endswith(" tokens")
    per_block = sum(int(line.rsplit("~", 1)[1].split()[0]) for line in out[:-1])
    summary = out[-1]
    assert summary.startswith("dry run: 15 block(s) selected, 0 from the translation memory, 15 to send in 5 request(s); ~")
    overhead = int(summary.split("of which ~")[1].split()[0])
    assert int(summary.split("; ~")[1].split()[0]) == per_block + 5 * overhead


def test_without_key_or_endpoint_one_line_and_nothing_written(plan, fake, capsys, monkeypatch):
    before = {p: p.read_bytes() for p in plan.rglob("*") if p.is_file()}
    monkeypatch.delenv("OPENAI_API_KEY")
    assert main(["translate", "--root", str(plan), "--base-url", fake.url]) == 1
    err = capsys.readouterr().err
    assert err == "error: OPENAI_API_KEY: not set: export the API key (any value for a server that needs none)\n"

    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    assert main(["translate", "--root", str(plan)]) == 1
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and captured.err.startswith("error: OPENAI_BASE_URL: not set")
    assert SECRET not in captured.err + captured.out
    assert fake.requests == []
    assert {p: p.read_bytes() for p in plan.rglob("*") if p.is_file()} == before
