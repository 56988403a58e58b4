"""``python -m scripts pr-summary --base REF``: what a pull request does to the English edition, in Markdown.

For the job summary of a pull request (``$GITHUB_STEP_SUMMARY``): every English block the checkout
changes against REF (its fork point with HEAD, so that later commits on REF do not show), with the
block's state before and after (reviewed, draft, stale, untranslated), then the findings of ``check``.
The state is the one the site shows: the English block judged against the Chinese of the same revision.
"""

from __future__ import annotations

import argparse
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .blocks import Block, parse_page
from .check.command import project_findings
from .check.findings import Finding
from .edition import OWN_PAGES, block_state
from .errors import InputError
from .project import Project

EDITIONS = ("content/zh", "content/en")
ABSENT = "—"
#: Findings listed in the summary; the rest are counted (the log of the check step has them all).
MAX_FINDINGS = 50


@dataclass(frozen=True)
class BlockChange:
    page: str
    block_id: str
    line: int  # line of the block in the English page after the change (0 if it was removed)
    before: str  # state, or ABSENT
    after: str
    what: str  # "added", "removed", or what differs: "Chinese", "English", "marked" (attributes)


def git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, encoding="utf-8")
    if result.returncode != 0:
        raise InputError(root, None, f"git {' '.join(args)}: {result.stderr.strip() or 'failed'}")
    return result.stdout


def files_at(root: Path, commit: str) -> dict[str, str]:
    """The content pages of both editions at a commit: path -> text."""
    paths = git(root, "ls-tree", "-r", "--name-only", commit, "--", *EDITIONS).splitlines()
    return {path: git(root, "show", f"{commit}:{path}") for path in paths if path.endswith(".md")}


def files_in_tree(root: Path) -> dict[str, str]:
    """The content pages of both editions as they are in the checkout."""
    return {
        path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
        for edition in EDITIONS
        for path in sorted((root / edition).glob("*.md"))
    }


def english_states(files: dict[str, str]) -> tuple[dict[tuple[str, str], tuple[Block, str, str]], dict[str, str]]:
    """(page, block id) -> (English block, its state, the Chinese text), and the pages that cannot be read."""
    states, unreadable = {}, {}
    for path, text in files.items():
        page = Path(path).stem
        if not path.startswith("content/en/") or page in OWN_PAGES or f"content/zh/{page}.md" not in files:
            continue
        try:
            zh_page = parse_page(f"content/zh/{page}.md", files[f"content/zh/{page}.md"])
            en_page = parse_page(path, text)
        except InputError as error:
            unreadable[page] = str(error)
            continue
        for zh_block in zh_page.blocks:
            en_block = en_page.block(zh_block.id)
            if en_block is not None:
                states[page, zh_block.id] = (en_block, block_state(zh_block, en_block), zh_block.text)
    return states, unreadable


def block_changes(before: dict, after: dict) -> list[BlockChange]:
    """Every block whose English, status or Chinese differs between the two, in page and line order."""
    changes = []
    for key in list(after) + [k for k in before if k not in after]:
        old, new = before.get(key), after.get(key)
        if old is None or new is None:
            what = "added" if old is None else "removed"
        else:
            aspects = [name for name, differs in (("Chinese", old[2] != new[2]), ("English", old[0].text != new[0].text),
                                                  ("marked", old[0].attrs != new[0].attrs)) if differs]
            if not aspects:
                continue
            what = ", ".join(aspects)
        changes.append(BlockChange(key[0], key[1], new[0].line if new else 0,
                                   old[1] if old else ABSENT, new[1] if new else ABSENT, what))
    return sorted(changes, key=lambda c: (c.page, c.line or 10**9))


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("\r", " ").replace("\n", " ")


def where(path: str, line: int, link: str | None) -> str:
    label = f"{path}:{line}" if line else path
    return f"[{cell(label)}]({link.rstrip('/')}/{path}{f'#L{line}' if line else ''})" if link else f"`{label}`"


def changes_markdown(changes: list[BlockChange], unreadable: dict[str, str], link: str | None) -> list[str]:
    lines = ["## English blocks changed", ""]
    if not changes and not unreadable:
        return lines + ["This pull request changes no English block.", ""]
    if changes:
        lines += ["| page | block | before | after | what changed |", "| --- | --- | --- | --- | --- |"]
        lines += [
            f"| {where(f'content/en/{c.page}.md', c.line, link)} | `{c.block_id}` | {c.before} | {c.after} | {c.what} |"
            for c in changes
        ]
        lines.append("")
    lines += [f"- **{cell(page)}** cannot be read after the change: {cell(error)}" for page, error in sorted(unreadable.items())]
    return lines + ([""] if unreadable else [])


def check_markdown(project: Project, link: str | None) -> list[str]:
    lines = ["## `python -m scripts check`", ""]
    try:
        findings: list[Finding] = project_findings(project)
    except InputError as error:
        return lines + [f"**Stopped:** {cell(str(error))}", ""]
    errors = sum(f.severity == "error" for f in findings)
    lines += [f"{errors} error(s), {len(findings) - errors} warning(s).", ""]
    if findings:
        lines += ["| where | rule | severity | message |", "| --- | --- | --- | --- |"]
        lines += [f"| {where(f.path, f.line, link)} | {f.rule} | {f.severity} | {cell(f.message)} |" for f in findings[:MAX_FINDINGS]]
        if len(findings) > MAX_FINDINGS:
            lines.append(f"\n… and {len(findings) - MAX_FINDINGS} more (see the log of the check step).")
        lines.append("")
    return lines


def summary(project: Project, base: str, link: str | None = None) -> str:
    fork_point = git(project.root, "merge-base", base, "HEAD").strip()
    before, _ = english_states(files_at(project.root, fork_point))
    after, unreadable = english_states(files_in_tree(project.root))
    lines = [f"# Translation changes against {cell(base)} ({fork_point[:12]})", ""]
    lines += changes_markdown(block_changes(before, after), unreadable, link)
    lines += check_markdown(project, link)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts pr-summary", description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the branch or commit the pull request goes into")
    parser.add_argument("--link", help="URL prefix of the files at the head, e.g. https://github.com/OWNER/REPO/blob/SHA")
    parser.add_argument("--root", type=Path, default=Project().root, help="project folder, a git checkout (default: this repository)")
    args = parser.parse_args(argv)
    print(summary(Project(args.root), args.base, args.link))
    return 0
