"""What the about page says of the build and of the text's history, read from git where there is one.

Outside a git checkout (a release tarball, a copy without ``.git``, no git installed) the commit is
unknown and there is no changelog, nor in a shallow clone; nothing here fails the build.
"""

from __future__ import annotations

import datetime
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .project import Project

#: The changelog lists at most this many commits, newest first.
CHANGELOG_LIMIT = 30
_FIELDS = "\x1f"  # separates a commit's fields in ``git log --format``
_COMMIT = "\x1e"  # starts a commit's record


@dataclass(frozen=True)
class Version:
    built_on: str  # ISO date of the build (SOURCE_DATE_EPOCH if set, for reproducible builds)
    commit: str  # full hash of the checkout's HEAD; "" if unknown
    modified: bool  # the checkout had uncommitted changes


@dataclass(frozen=True)
class Change:
    commit: str
    date: str  # ISO date of the commit
    subject: str
    pages: tuple[str, ...]  # the edition pages it touched (part-03, index …), in page order
    source: bool  # it touched the source


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, encoding="utf-8", timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def build_date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch and epoch.isdigit() else datetime.datetime.now(datetime.timezone.utc)
    return moment.date().isoformat()


def version(project: Project) -> Version:
    head = (_git(project.root, "rev-parse", "HEAD") or "").strip()
    status = _git(project.root, "status", "--porcelain", "--untracked-files=no") if head else None
    return Version(build_date(), head, bool(status and status.strip()))


def changelog(project: Project, pages: list[str], limit: int = CHANGELOG_LIMIT) -> list[Change]:
    """The latest commits (no merges) that changed the English of the pages translated from the source, or
    the source, with the pages they touched; ``pages``: the edition's page names in reading order. Empty
    outside a full git checkout."""
    if (_git(project.root, "rev-parse", "--is-shallow-repository") or "").strip() != "false":
        return []  # no checkout, or a shallow one (CI's default) whose one commit seems to add every file
    en = project.relative(project.en_dir)
    source = project.relative(project.source)
    paths = [f"{en}/{name}.md" for name in pages] + [source]
    out = _git(project.root, "log", f"-n{limit}", "--no-merges", "--relative", "--name-only", "--date=short",
               f"--format={_COMMIT}%H{_FIELDS}%ad{_FIELDS}%s", "--", *paths)
    if not out:
        return []
    order = {name: index for index, name in enumerate(pages)}
    changes = []
    for record in out.split(_COMMIT)[1:]:
        header, _, files = record.partition("\n")
        commit, date, subject = header.split(_FIELDS, 2)
        paths = [Path(line) for line in files.splitlines() if line.strip()]
        touched = {p.stem for p in paths if str(p.parent) == en and p.stem in order}
        changes.append(Change(commit, date, subject, tuple(sorted(touched, key=order.get)), any(str(p) == source for p in paths)))
    return changes
