"""translate never writes what check would reject, never lets model text drive the terminal, and ends
every failure to read or write with one line naming the file."""

import errno
import json
import os
import shutil
import subprocess
import sys
import tempfile

import pytest

from scripts.__main__ import main
from scripts.blocks import parse_page
from scripts.check import block_findings
from scripts.check.command import project_findings
from scripts.project import Project
from scripts.split import main as split
from scripts.translate.llm import MAX_ANSWER_BYTES

from conftest import ROOT, SECRET, edit, en, run_translate, zh
from translate_support import ANSI, BLOCKS, assert_intact, english

MEMORY = ".translation-memory.json"
ALL_IDS = {name.split(":")[1] for name in BLOCKS}


def files(root) -> dict:
    return {p: p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    "english",
    [
        "Growth <script>alert(1)</script> continues.",
        'Growth <img src="x" onerror="alert(1)"> continues.',
        "Growth [continues](javascript:alert(1)).",
    ],
)
def test_block_findings_reject_script_event_handlers_and_javascript_links(english):
    chinese = zh("经济持续增长。")
    errors = [f for f in block_findings(chinese, en(english, chinese), None) if f.severity == "error"]
    assert errors and {f.rule for f in errors} == {"safety"}


def test_check_reports_an_unsafe_english_block_at_its_line_without_repeating_a_finding(repo):
    path = repo / "content/en/part-02.md"
    block = next(b for b in parse_page(path).blocks if b.kind == "p" and b.status == "reviewed")
    first_words = block.text.split("\n")[0][:30]
    edit(path, first_words, f"<script>alert(1)</script> {first_words}")
    safety = [f for f in project_findings(Project(repo)) if f.rule == "safety"]
    assert safety and {(f.path, f.line) for f in safety} == {("content/en/part-02.md", block.line)}
    assert len(set(safety)) == len(safety)


@pytest.mark.parametrize(("fault", "rule"), [("script", "[safety]"), ("onerror", "[safety]"), ("javascript", "[safety]"),
                                             ("long", "6,613 characters, more than the 440 allowed for 20 Chinese characters")])
def test_an_unsafe_or_overlong_draft_is_never_written(plan, fake, capsys, fault, rule):
    fake.faults = [fault]
    assert run_translate(plan, fake, "--jobs", "1", "--attempts", "1") == 1
    out = capsys.readouterr().out
    assert f"content/en/index.md:6: [translate] index:title: rejected 1 time(s): {rule}" in out
    state = {name: block.status for name, block in assert_intact(plan).items()}
    assert state.pop("index:title") == state.pop("index:preamble") == "untranslated"
    assert set(state.values()) == {"draft"}
    written = (plan / "content/en/index.md").read_text(encoding="utf-8") + (plan / MEMORY).read_text(encoding="utf-8")
    assert "alert(1)" not in written and "More text. More text." not in written


def test_a_huge_answer_is_not_read_and_fails_its_blocks_only(plan, fake, capsys):
    fake.faults = ["huge"]
    assert run_translate(plan, fake, "--jobs", "1", "--timeout", "30") == 1  # the cap, not a timeout, ends it
    assert len(fake.requests) == 5  # not retried
    out = capsys.readouterr().out
    assert f"content/en/index.md:6: [translate] index:title: answer larger than {MAX_ANSWER_BYTES:,} bytes; not read" in out
    assert english(plan)["index:title"].status == "untranslated"
    assert os.path.getsize(plan / MEMORY) < 100_000


@pytest.mark.parametrize("fault", ["html", "bad-json"])
def test_an_answer_that_is_no_json_completion_fails_its_blocks_with_one_line_each(plan, fake, capsys, fault):
    fake.faults = [fault]
    assert main(["translate", "--root", str(plan), "--base-url", fake.url, "--jobs", "1", "--retries", "0"]) == 1
    captured = capsys.readouterr()
    assert "content/en/index.md:6: [translate] index:title: the endpoint's answer is not a JSON chat completion\n" in captured.out
    assert "Traceback" not in captured.out + captured.err
    assert english(plan)["index:title"].status == "untranslated"
    assert english(plan)["part-02:closing"].status == "draft"


def poison(plan, changes: dict[str, tuple[str, str]]) -> None:
    """Replace text in the memory entries of the named blocks (by their Chinese)."""
    chinese = {name: block.text for name, block in english(plan).items()}  # untranslated: the Chinese
    memory = json.loads((plan / MEMORY).read_text(encoding="utf-8"))
    for name, (old, new) in changes.items():
        entry = next(e for e in memory.values() if e["zh"] == chinese[name])
        assert old in entry["en"]
        entry["en"] = entry["en"].replace(old, new)
    (plan / MEMORY).write_text(json.dumps(memory, ensure_ascii=False), encoding="utf-8")


def test_a_poisoned_memory_entry_is_dropped_reported_and_asked_for_again(plan, fake, capsys):
    assert run_translate(plan, fake) == 0
    drafted = english(plan)
    shutil.rmtree(plan / "content/en")
    assert split(["--root", str(plan)]) == 0
    poison(plan, {
        "index:title": ("Text of title", "Text of title <script>alert(1)</script>"),
        "part-01:art-1-p1": ("120 billion", "130 billion 鹿城"),
        "part-02:art-4-p1": ("Text of", "\x1b[2JText of"),
    })
    fake.requests.clear()
    capsys.readouterr()
    assert run_translate(plan, fake, "--dry-run") == 0
    assert "15 block(s) selected, 12 from the translation memory, 3 to send" in capsys.readouterr().out

    assert run_translate(plan, fake) == 0
    out = capsys.readouterr().out
    assert sorted(fake.sent_ids()) == ["art-1-p1", "art-4-p1", "title"]
    assert english(plan) == drafted
    dropped = [line for line in out.splitlines() if "translation memory entry dropped" in line]
    assert len(dropped) == 3
    assert dropped[0].startswith("content/en/index.md:6: [translate] index:title: translation memory entry dropped, asking again: [safety]")
    assert "[numbers]" in dropped[1] and "[untranslated]" in dropped[1]
    assert "control character U+001B" in dropped[2]
    memory = (plan / MEMORY).read_text(encoding="utf-8")
    assert "<script>" not in memory and "130 billion" not in memory and "\\u001b" not in memory
    assert "translate: 15 block(s) drafted (12 from the translation memory), 0 failed" in out


def test_model_text_never_reaches_the_terminal_as_control_characters(plan, fake, capsys):
    fake.faults = ["ansi"]
    assert run_translate(plan, fake, "index", "--attempts", "1") == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "(your answer had ids preamble\\x1b[2J\\x1b]0;pwned\\x07, title\\x1b[2J\\x1b]0;pwned\\x07)" in out

    assert run_translate(plan, fake, "index") == 0
    fake.faults = ["ansi"]
    assert run_translate(plan, fake, "--review", "index") == 0
    captured = capsys.readouterr()
    assert "\x1b" not in captured.out + captured.err
    assert "[review] title: review of title: \\x1b[2J\\x1b]0;pwned\\x07Text of title" in captured.out
    assert ANSI not in (plan / "content/en/index.md").read_text(encoding="utf-8")


def test_a_key_an_http_header_cannot_carry_is_one_line_and_never_printed(plan, fake, capsys, monkeypatch):
    before = files(plan)
    monkeypatch.setenv("OPENAI_API_KEY", SECRET + "é\n")
    assert main(["translate", "--root", str(plan), "--base-url", fake.url]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith("error: OPENAI_API_KEY: unreadable key:") and captured.err.count("\n") == 1
    assert SECRET not in captured.out + captured.err
    assert fake.requests == [] and files(plan) == before


def test_an_unreadable_translation_memory_is_one_line(plan, fake, capsys):
    (plan / MEMORY).mkdir()
    assert main(["translate", "--root", str(plan), "--base-url", fake.url]) == 1
    err = capsys.readouterr().err
    assert err == f"error: {plan / MEMORY}: cannot read the translation memory: Is a directory\n"
    assert fake.requests == []


def test_a_full_disk_is_one_line_and_leaves_nothing_half_written(plan, fake, capsys, monkeypatch):
    """Writes into content/en go to /dev/full: the kernel answers ENOSPC, as on a full disk."""
    real_mkstemp = tempfile.mkstemp

    def mkstemp_on_full_disk(*args, **kwargs):
        fd, name = real_mkstemp(*args, **kwargs)
        if os.path.dirname(name) == str(plan / "content" / "en"):
            full = os.open("/dev/full", os.O_WRONLY)
            os.dup2(full, fd)
            os.close(full)
        return fd, name

    before = files(plan / "content")
    monkeypatch.setattr(tempfile, "mkstemp", mkstemp_on_full_disk)
    assert main(["translate", "--root", str(plan), "--base-url", fake.url, "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert err == f"error: {plan / 'content/en/index.md'}: cannot write: {os.strerror(errno.ENOSPC)}\n"
    assert files(plan / "content") == before
    assert not list(plan.rglob("*.tmp"))

    monkeypatch.setattr(tempfile, "mkstemp", real_mkstemp)  # space again: nothing was lost
    sent = len(fake.sent_ids())
    assert run_translate(plan, fake) == 0
    assert sorted(fake.sent_ids()[sent:]) == sorted(ALL_IDS - {"title"})  # the first draft is in the memory
    assert {block.status for block in assert_intact(plan).values()} == {"draft"}


def without_root_privileges() -> list[str]:
    """A prefix that makes root obey file permissions (no CAP_DAC_OVERRIDE), so read-only means read-only."""
    if os.geteuid() != 0:
        return []
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}"]


def test_a_read_only_english_edition_is_one_line_and_loses_nothing(plan, fake):
    before = files(plan / "content")
    (plan / "content/en").chmod(0o555)
    command = [*without_root_privileges(), sys.executable, "-m", "scripts", "translate", "--root", str(plan),
               "--base-url", fake.url, "--jobs", "1"]
    try:
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
    finally:
        (plan / "content/en").chmod(0o755)
    assert result.returncode == 1
    assert result.stderr == f"error: {plan / 'content/en/index.md'}: cannot write: Permission denied\n"
    assert files(plan / "content") == before and not list(plan.rglob("*.tmp"))
    sent = len(fake.sent_ids())

    assert run_translate(plan, fake) == 0
    assert sorted(fake.sent_ids()[sent:]) == sorted(ALL_IDS - {"title"})  # the first draft is in the memory
    assert len(english(plan)) == len(BLOCKS) and {b.status for b in assert_intact(plan).values()} == {"draft"}
