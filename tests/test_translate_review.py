"""translate --review: findings in the check format, nothing changed; the progress line on a terminal."""

import io
import json

from scripts.translate.progress import Progress

from conftest import run_translate
from translate_support import english


def test_review_prints_findings_in_the_check_format_and_changes_nothing(plan, fake, capsys):
    assert run_translate(plan, fake, "part-02:art-3-p1", "part-02:art-4") == 0
    before = {p: p.read_bytes() for p in plan.rglob("*") if p.is_file()}
    fake.requests.clear()
    capsys.readouterr()

    assert run_translate(plan, fake, "--review", "part-02") == 0
    (body,) = fake.requests  # only the two translated blocks of the page, in one request
    sent = json.loads(body["messages"][1]["content"])["blocks"]
    assert [b["id"] for b in sent] == ["art-3-p1", "art-4"]
    assert sent[0]["en"] == english(plan)["part-02:art-3-p1"].text and "update" not in sent[0]
    out = capsys.readouterr().out.splitlines()
    art = english(plan)["part-02:art-3-p1"]
    assert out[0] == f"content/en/part-02.md:{art.line}: [review] art-3-p1: review of art-3-p1: {' '.join(art.text.split())}"
    assert out[-1] == "review: 2 finding(s) in 2 block(s), 0 failed"
    assert {p: p.read_bytes() for p in plan.rglob("*") if p.is_file()} == before


def test_review_of_an_untranslated_block_sends_nothing(plan, fake, capsys):
    assert run_translate(plan, fake, "--review", "part-01:art-1-p1") == 0
    assert fake.requests == []
    assert "[review] part-01:art-1-p1 is not translated; nothing to review" in capsys.readouterr().out


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_rewrites_one_line_on_a_terminal_and_prints_lines_otherwise():
    terminal, log = Terminal(), io.StringIO()
    for stream in (terminal, log):
        progress = Progress(2, "translate", stream)
        progress.step("part-01:art-1", "drafted")
        progress.step("part-01:art-2", "failed: timeout", failed=True)
        progress.close()
        progress.close()
    assert terminal.getvalue() == "\rtranslate: 1/2\x1b[K\rtranslate: 2/2, 1 failed\x1b[K\n"
    assert log.getvalue() == "translate: [1/2] part-01:art-1: drafted\ntranslate: [2/2] part-01:art-2: failed: timeout\n"
