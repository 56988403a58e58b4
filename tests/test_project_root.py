"""Which project a command or a build works on: commands the one they run in (the working directory or
its nearest parent with a publication.yml) unless ``--root`` names one; the plugin the folder of mkdocs.yml,
with the publication file its ``publication`` option names."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, build, edit, mkdocs_build


def run_in(folder: Path, *args: str) -> subprocess.CompletedProcess:
    """``python -m scripts ARGS`` with this checkout's code, run in ``folder``, without ``--root``."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "scripts", *args], cwd=folder, env=env, capture_output=True, text=True, encoding="utf-8", timeout=300)


def test_a_command_run_inside_a_project_works_on_that_project(repo):
    edit(repo / "content/zh/part-01.md", "一、", "一、 ")
    result = run_in(repo / "content" / "zh", "split", "--check")
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("content/zh/part-01.md: differs from what source/proposal.txt produces")


def test_a_command_run_outside_any_project_says_so_in_one_line(tmp_path):
    result = run_in(tmp_path, "split", "--check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr == f"error: {tmp_path.resolve()}: no publication.yml here or in any parent folder: run inside a project or pass --root\n"


def test_root_overrides_the_working_directory(repo, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    result = run_in(outside, "split", "--check", "--root", str(repo))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_plugin_reads_the_publication_file_its_option_names(repo):
    (repo / "publication.yml").rename(repo / "document.yml")
    (repo / "publication.yml").write_text("not: a publication\n", encoding="utf-8")  # would fail the build if read
    edit(repo / "mkdocs.yml", "      publication: publication.yml", "      publication: document.yml")
    build(repo, repo / "site")
    edit(repo / "mkdocs.yml", "      publication: document.yml", "      publication: publication.yml")
    result = mkdocs_build(repo, repo / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"{repo / 'publication.yml'}:1: unknown field 'not'" in result.stderr


def test_a_missing_publication_file_stops_the_build_at_the_config(repo):
    edit(repo / "mkdocs.yml", "      publication: publication.yml", "      publication: nowhere.yml")
    result = mkdocs_build(repo, repo / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"Plugin 'proposal' option 'publication': The path '{repo / 'nowhere.yml'}' isn't an existing file." in result.stderr


def test_check_without_the_sites_config_says_so_in_one_line(repo):
    (repo / "mkdocs.yml").unlink()
    result = run_in(repo, "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"error: {repo / 'mkdocs.yml'}: the site's config: Config file ") and result.stderr.count("\n") == 1
