"""Fixtures: a copy of the repository in a temporary folder, and a real `mkdocs build --strict` of it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).with_name("mkdocs")


def copy_repo(dest: Path) -> Path:
    """The files git tracks or would track (no site/, no caches), as they are in the working tree."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=REPO, capture_output=True, check=True,
    ).stdout.decode().split("\0")
    for name in filter(None, listed):
        if (REPO / name).is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, dest / name)
    return dest


def run(args: list[str], root: Path) -> subprocess.CompletedProcess:
    """Run a command in the copy, importing the copy's ``scripts`` package (not an installed one)."""
    env = dict(os.environ, PYTHONPATH=str(root), NO_MKDOCS_2_WARNING="1")
    return subprocess.run(args, cwd=root, env=env, capture_output=True, text=True)


def build(root: Path) -> subprocess.CompletedProcess:
    return run([str(MKDOCS), "build", "--strict", "--site-dir", str(root / "site")], root)


@pytest.fixture
def repo(tmp_path) -> Path:
    return copy_repo(tmp_path / "repo")


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The repository's copy after a successful strict build; its site is ``built / "site"``."""
    root = copy_repo(tmp_path_factory.mktemp("built") / "repo")
    result = build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    return root
