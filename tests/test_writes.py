"""How commands write: one writing command at a time per checkout, and files with their proper modes."""

import fcntl
import os
import shutil
import signal
import stat
import subprocess
import sys
import time

from scripts.atomic import UMASK, write_files

from conftest import ROOT, run_translate


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def run(plan, *args: str, umask: int = -1) -> subprocess.CompletedProcess:
    """``python -m scripts ARGS --root PLAN`` in a process of its own, with this checkout's code."""
    return subprocess.run([sys.executable, "-m", "scripts", *args, "--root", str(plan)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, umask=umask)


def test_a_second_writing_command_fails_at_once_naming_the_running_one(plan, fake):
    fake.faults, fake.hang = ["hang"], 60.0  # the first request hangs: translate holds the lock
    command = [sys.executable, "-m", "scripts", "translate", "--root", str(plan), "--base-url", fake.url, "--jobs", "1"]
    first = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while not fake.requests and time.monotonic() < deadline:
            time.sleep(0.05)
        assert fake.requests, "the first run sent no request"
        before = {p: p.read_bytes() for p in (plan / "content").rglob("*") if p.is_file()}
        message = f"error: .scripts.lock: python -m scripts translate (pid {first.pid}) is running on this checkout; wait for it to finish, then run again\n"
        for second in (["mark", "index", "--as", "draft"], ["split"], ["translate", "--base-url", fake.url]):
            started = time.monotonic()
            result = run(plan, *second)
            assert (result.returncode, result.stderr) == (1, message), second
            assert time.monotonic() - started < 10  # at once, not after the first run
        assert {p: p.read_bytes() for p in (plan / "content").rglob("*") if p.is_file()} == before
        assert len(fake.requests) == 1
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    # the kernel releases the lock of a killed process
    assert run(plan, "mark", "index", "--as", "draft").returncode == 0


def test_read_only_commands_need_no_lock(plan):
    lock = plan / ".scripts.lock"
    fd = os.open(lock, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # held, as by a running command
        assert run(plan, "split", "--check").returncode == 0
        assert run(plan, "translate", "--dry-run").returncode == 0
    finally:
        os.close(fd)


def test_written_files_keep_their_mode_and_new_ones_follow_the_umask(tmp_path):
    kept, new = tmp_path / "kept.csv", tmp_path / "site" / "new.json"
    kept.write_text("old\n", encoding="utf-8")
    kept.chmod(0o664)
    write_files({kept: "new\n", new: "{}\n"})
    assert kept.read_text(encoding="utf-8") == "new\n" and mode(kept) == 0o664
    assert mode(new) == 0o666 & ~UMASK == 0o644  # the usual umask 022


def test_commands_write_pages_with_the_callers_umask_and_keep_modes(plan, fake):
    shutil.rmtree(plan / "content")
    result = run(plan, "split", umask=0o027)
    assert result.returncode == 0, result.stderr
    assert {mode(p) for p in (plan / "content").rglob("*.md")} == {0o640}

    (plan / "content/en/index.md").chmod(0o664)
    assert run_translate(plan, fake, "index") == 0
    assert mode(plan / "content/en/index.md") == 0o664
    assert mode(plan / "content/en/part-01.md") == 0o640
    assert mode(plan / ".translation-memory.json") == 0o644  # new, under this process's umask 022
