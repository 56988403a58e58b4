"""python -m scripts pr-summary on a temporary git repository: the blocks a branch changes, before and after."""

import subprocess

from conftest import edit, run
from test_check_formats import NUMBER_ERROR, plant_number_error
from test_check_pages import block

LINK = "https://github.com/owner/repo/blob/0123abc"


def git(repo, *args):
    result = subprocess.run(["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", *args],
                            cwd=repo, capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_lists_the_changed_block_with_its_state_before_and_after(repo):
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "checkout", "-q", "-b", "fix")
    line = plant_number_error(repo)  # art-4-p2: English changed, marked draft; a numbers error
    git(repo, "commit", "-q", "-am", "edit art-4-p2")
    # main moves on after the branch: its change is not the pull request's
    git(repo, "checkout", "-q", "main")
    edit(repo / "content/en/part-01.md", block(repo, "part-01", "art-4-p3").text.split("\n")[0],
         block(repo, "part-01", "art-4-p3").text.split("\n")[0] + " Later.")
    git(repo, "commit", "-q", "-am", "later change on main")
    git(repo, "checkout", "-q", "fix")

    result = run(repo, "pr-summary", "--base", "main", "--link", LINK)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    rows = [l for l in lines if l.startswith("| [content/en/")]
    assert rows[0] == f"| [content/en/part-01.md:{line}]({LINK}/content/en/part-01.md#L{line}) | `art-4-p2` | reviewed | draft | English, marked |"
    assert not any("art-4-p3" in l for l in lines)
    assert "1 error(s), 1 warning(s)." in lines
    assert f"| [content/en/part-01.md:{line}]({LINK}/content/en/part-01.md#L{line}) | numbers | error | {NUMBER_ERROR} |" in rows
    assert len(rows) == 3  # the block, the error, the draft warning


def test_an_unchanged_branch_and_an_unreadable_page(repo):
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    result = run(repo, "pr-summary", "--base", "main")
    assert "This pull request changes no English block." in result.stdout.splitlines()
    assert "0 error(s), 0 warning(s)." in result.stdout.splitlines()

    edit(repo / "content/en/part-02.md", "{: #art-6-p1 ", "{: #art-6-p1 .big ")
    result = run(repo, "pr-summary", "--base", "main")
    assert result.returncode == 0, result.stderr
    assert "- **part-02** cannot be read after the change: content/en/part-02.md:" in result.stdout


def test_an_unknown_base_is_one_line_error(repo):
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    result = run(repo, "pr-summary", "--base", "no-such-branch")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    (message,) = result.stderr.strip().splitlines()
    assert message.startswith("error: ") and "git merge-base no-such-branch HEAD" in message
