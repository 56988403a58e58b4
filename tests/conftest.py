"""Shared fixtures: a scratch copy of the repository, real builds, a local server, a browser, and
small blocks and glossaries for rule tests."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from scripts.blocks import Block, parse_page, replace_blocks, text_hash
from scripts.glossary import load_glossary
from scripts.translate.command import main as translate_main
from translate_support import FakeOpenAI, make_project

ROOT = Path(__file__).resolve().parent.parent

GLOSSARY = """\
- id: eight-eight-strategy
  zh: 八八战略
  en: Eight-Eight Strategy
  alternatives: ["Double-Eight Strategy"]
  deprecated: ["8-8 Strategy"]
  category: strategy
  definition: Zhejiang's development strategy of 2003.
  definition_zh: 浙江2003年起实施的发展总纲。
  source: proposed by the editors
- id: digital-economy
  zh: 数字经济
  en: digital economy
  category: indicator
  definition: Economic activity built on data.
  definition_zh: 以数据为关键要素的经济活动。
  source: proposed by the editors
"""


def copy_repo(folder: Path) -> Path:
    """A copy of the repository's sources (no site, no caches) to run commands and builds on."""
    target = folder / "repo"
    ignore = shutil.ignore_patterns("site", ".git", "__pycache__", ".pytest_cache", "*.egg-info", ".venv")
    shutil.copytree(ROOT, target, ignore=ignore)
    return target


@pytest.fixture
def repo(tmp_path) -> Path:
    return copy_repo(tmp_path)


def run(repo: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """``python -m scripts ARGS --root REPO`` with the copy's own code, as a user would run it."""
    return command(repo, *args, "--root", str(repo), env=env)


def command(folder: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """``python -m scripts ARGS`` run in ``folder``; a folder without ``scripts/`` (a new project) runs this
    checkout's code, not an installed copy."""
    env = dict(os.environ if env is None else env)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "scripts", *args],
        cwd=folder, capture_output=True, text=True, encoding="utf-8", env=env, timeout=300,
    )


def assert_one_line_error(result: subprocess.CompletedProcess, path: Path, line: int, fragment: str) -> None:
    """A bad input file: exit 1, no traceback, one ``error: path:line: message`` naming the problem."""
    assert result.returncode == 1 and "Traceback" not in result.stderr
    message = result.stderr.strip()
    assert message.startswith(f"error: {path}:{line}: "), message
    assert fragment in message


def mkdocs_build(repo: Path, site: Path, strict: bool = True) -> subprocess.CompletedProcess:
    """A real ``mkdocs build`` of ``repo`` with its own scripts: MkDocs finds the ``proposal`` plugin by the
    installed package's entry point, and imports it from ``repo`` (first on PYTHONPATH), or from this checkout
    for a publication folder without ``scripts/`` (not from wherever the package was installed from)."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(repo), str(ROOT)]), NO_MKDOCS_2_WARNING="1")
    argv = [sys.executable, "-m", "mkdocs", "build", "--clean", "-d", str(site)] + (["--strict"] if strict else [])
    result = subprocess.run(argv, cwd=repo, env=env, capture_output=True, text=True, encoding="utf-8", timeout=600)
    if 'The "proposal" plugin is not installed' in result.stderr:
        pytest.fail(f"{sys.executable} lacks the package's entry point for the plugin: run bash scripts/install.sh")
    return result


def build(repo: Path, site: Path) -> None:
    result = mkdocs_build(repo, site)
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """A copy of the repository after one real ``mkdocs build --strict``; its site is ``built / "site"``."""
    root = copy_repo(tmp_path_factory.mktemp("built"))
    build(root, root / "site")
    return root


@pytest.fixture(scope="session")
def built_site(built: Path) -> Path:
    return built / "site"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


def zh(text: str, block_id: str = "art-6-p1", kind: str = "p") -> Block:
    return Block(block_id, kind, text, line=10)


def en(text: str, zh_block: Block | None = None, status: str = "draft", kind: str = "p") -> Block:
    attrs = {"data-zh": text_hash(zh_block.text) if zh_block else "", "data-status": status}
    return Block(zh_block.id if zh_block else "art-6-p1", kind, text, attrs, line=20)


@pytest.fixture
def glossary(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text(GLOSSARY, encoding="utf-8")
    return load_glossary(path)


REVIEWER = "Test Reviewer"


def translate(repo: Path, page: str, block_id: str, english: str, status: str = "draft") -> None:
    """Put English into one block of a copy and mark it, as a translator would (a review by ``REVIEWER``)."""
    path = repo / "content" / "en" / f"{page}.md"
    parsed = parse_page(path)
    block = parsed.block(block_id)
    attrs = {k: v for k, v in block.attrs.items() if k != "lang"}
    path.write_text(replace_blocks(parsed, {block_id: replace(block, text=english, attrs=attrs)}), encoding="utf-8")
    result = run(repo, "mark", page, block_id, "--as", status, *(["--by", REVIEWER] if status == "reviewed" else []))
    assert result.returncode == 0, result.stderr


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not unique in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


SECRET = "sk-test-do-not-print"


@pytest.fixture
def fake():
    """A fake OpenAI-compatible server on 127.0.0.1 (tests/translate_support.py)."""
    server = FakeOpenAI()
    yield server
    server.close()


@pytest.fixture
def plan(tmp_path, monkeypatch) -> Path:
    """A tiny two-part project, split into both editions, with the API key in the environment."""
    for variable in ("OPENAI_BASE_URL", "OPENAI_MODEL"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    return make_project(tmp_path / "plan", GLOSSARY)


def run_translate(plan: Path, fake, *args: str) -> int:
    """``translate`` in-process against the fake server, with short timeouts and backoff."""
    options = ["--root", str(plan), "--base-url", fake.url, "--timeout", "0.5", "--backoff", "0.01", "--retries", "2"]
    return translate_main([*options, *args])
