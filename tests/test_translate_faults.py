"""translate under faults of the endpoint: retries, validation feedback, per-block failures, resumption."""

import json
import os
import signal
import subprocess
import sys
import time
from email.utils import formatdate

import pytest

from scripts.translate.llm import MAX_WAIT, retry_after

from conftest import ROOT, SECRET, run_translate
from translate_support import BLOCKS, assert_intact

ALL_IDS = sorted(name.split(":")[1] for name in BLOCKS)


def statuses(plan) -> dict[str, str]:
    return {name: block.status for name, block in assert_intact(plan).items()}


@pytest.mark.parametrize("fault", ["429", "500", "hang"])
def test_transient_errors_are_retried(plan, fake, fault):
    fake.hang = 2.0  # past the 0.5 s timeout
    fake.faults = [fault]
    assert run_translate(plan, fake, "--jobs", "1") == 0
    assert len(fake.requests) == 5 + 1
    assert fake.requests[0] == fake.requests[1]  # the same request again
    assert set(statuses(plan).values()) == {"draft"}


def test_retry_after_is_honoured(plan, fake):
    fake.faults = ["429"]  # Retry-After: 0.3, while the backoff base is 0.01 s
    assert run_translate(plan, fake, "--jobs", "1") == 0
    assert fake.times[1] - fake.times[0] >= 0.3


@pytest.mark.parametrize(
    ("fault", "problem"),
    [
        ("malformed", "your answer was not valid JSON"),
        ("wrong-ids", "id title must appear exactly once in your answer, found 0 (your answer had ids preamble-x, title-x)"),
        ("han", "[untranslated] Chinese text '鹿城' in English text"),
    ],
)
def test_an_invalid_answer_is_sent_back_with_the_problem(plan, fake, fault, problem):
    fake.faults = [fault]
    assert run_translate(plan, fake, "--jobs", "1") == 0
    first, second = (json.loads(r["messages"][1]["content"])["blocks"] for r in fake.requests[:2])
    assert [b["id"] for b in first] == [b["id"] for b in second] == ["title", "preamble"]
    assert "problems_with_your_last_answer" not in first[0]
    assert problem in second[0]["problems_with_your_last_answer"]
    assert set(statuses(plan).values()) == {"draft"}
    assert "鹿城" not in (plan / "content/en/index.md").read_text(encoding="utf-8")


def test_validation_failures_are_bounded_then_reported(plan, fake, capsys):
    fake.faults = ["han"] * 3
    assert run_translate(plan, fake, "--jobs", "1", "--attempts", "3") == 1
    assert fake.sent_ids()[:6] == ["title", "preamble"] * 3
    out = capsys.readouterr().out
    assert "content/en/index.md:6: [translate] index:title: rejected 3 time(s): [untranslated] Chinese text '鹿城'" in out
    assert "translate: 13 block(s) drafted (0 from the translation memory), 2 failed" in out
    assert statuses(plan)["index:title"] == "untranslated"


@pytest.mark.parametrize(
    ("fault", "reason"),
    [("truncated", "answer truncated (finish_reason length)"), ("filter", "refused by the endpoint's content filter")],
)
def test_truncated_or_refused_answers_fail_their_blocks_only(plan, fake, capsys, fault, reason):
    fake.faults = [fault]
    assert run_translate(plan, fake, "--jobs", "1") == 1
    assert len(fake.requests) == 5  # not retried: the same request would get the same answer
    out = capsys.readouterr().out
    assert f"content/en/index.md:6: [translate] index:title: {reason}" in out
    assert f"content/en/index.md:8: [translate] index:preamble: {reason}" in out
    state = statuses(plan)
    assert state.pop("index:title") == state.pop("index:preamble") == "untranslated"
    assert set(state.values()) == {"draft"}

    assert run_translate(plan, fake) == 0  # the next run sends exactly what failed
    assert fake.sent_ids()[-2:] == ["title", "preamble"] and len(fake.requests) == 6


def test_repeated_failures_open_the_circuit(plan, fake, capsys):
    fake.broken_after = 0  # every request answers 500
    before = {p: p.read_bytes() for p in plan.rglob("*") if p.is_file()}
    assert run_translate(plan, fake, "--jobs", "1", "--max-failures", "2") == 1
    assert len(fake.requests) == 2 * 3  # two requests, each tried three times (--retries 2), then no more
    out = capsys.readouterr().out
    assert "[translate] index:title: HTTP 500 (server error), 3 attempts" in out
    assert "[translate] part-02:closing: not sent: requests stopped after repeated failures; the last: HTTP 500 (server error), 3 attempts" in out
    assert "translate: 0 block(s) drafted (0 from the translation memory), 15 failed" in out
    assert {p: p.read_bytes() for p in plan.rglob("*") if p.is_file()} == before


def test_a_rejected_key_stops_at_once_and_is_never_printed(plan, fake, capsys):
    fake.faults = ["401"]
    assert run_translate(plan, fake, "--jobs", "1") == 1
    assert len(fake.requests) == 1
    captured = capsys.readouterr()
    assert "HTTP 401 (API key rejected)" in captured.out
    assert SECRET not in captured.out + captured.err and "sk-te" not in captured.out
    assert not any(SECRET in p.read_text(encoding="utf-8") for p in plan.rglob("*") if p.is_file())


def test_a_run_that_fails_after_some_blocks_resumes_where_it_stopped(plan, fake):
    fake.broken_after = 2
    assert run_translate(plan, fake, "--jobs", "1", "--max-failures", "1", "--retries", "0") == 1
    done = [name for name, status in statuses(plan).items() if status == "draft"]
    assert sorted(done) == ["index:preamble", "index:title", "part-01:art-1", "part-01:art-1-p1", "part-01:art-2", "part-01:part-1"]
    sent_before = len(fake.sent_ids())

    fake.broken_after = None
    assert run_translate(plan, fake) == 0
    resent = fake.sent_ids()[sent_before:]
    assert sorted(resent) == sorted(name.split(":")[1] for name in BLOCKS if name not in done)
    assert set(statuses(plan).values()) == {"draft"}


def test_a_killed_run_loses_nothing_and_resumes(plan, fake):
    fake.broken_after, fake.broken_fault, fake.hang = 3, "hang", 60.0
    command = [sys.executable, "-m", "scripts", "translate", "--root", str(plan), "--base-url", fake.url, "--jobs", "1", "--batch", "1"]
    process = subprocess.Popen(command, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while len(fake.requests) < 4 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(fake.requests) == 4  # three answered, the fourth hangs
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert sorted(name for name, status in statuses(plan).items() if status == "draft") == ["index:preamble", "index:title", "part-01:part-1"]

    fake.broken_after = None
    assert run_translate(plan, fake) == 0
    assert sorted(fake.sent_ids()[4:]) == sorted(set(ALL_IDS) - {"title", "preamble", "part-1"})  # the 4th was never answered
    assert set(statuses(plan).values()) == {"draft"}


def test_retry_after_forms():
    assert retry_after({"retry-after": "2"}) == 2.0
    assert retry_after({"retry-after-ms": "250", "retry-after": "9"}) == 0.25
    assert 25 < retry_after({"retry-after": formatdate(time.time() + 30, usegmt=True)}) <= 30
    assert retry_after({"retry-after": "soon"}) == retry_after({}) == 0.0
    assert retry_after({"retry-after": "86400"}) == MAX_WAIT
