"""``python -m scripts xliff export|import|tmx``: the English edition to and from CAT tools.

``export [PAGE | PAGE:ID …] -o FILE.xlf`` writes XLIFF 1.2, one unit per block (every page by default).
``import FILE.xlf`` writes back the units whose target changed, as ``draft`` blocks, all or nothing,
under the project lock. ``tmx -o FILE.tmx`` writes the reviewed blocks as a translation memory.
"""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path

from ..atomic import write_files
from ..check import block_findings
from ..errors import InputError
from ..glossary import Glossary, load_glossary
from ..lock import project_lock
from ..phrasebook import load_phrasebook
from ..project import Project
from ..snapshots import write_english_pages
from ..translate.jobs import Job, build_jobs, named
from ..translate.terminal import printable
from .export import to_tmx, to_xliff
from .importing import changes, page_texts, summary
from .reading import read_units


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m scripts xliff", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Project().root, help="project folder (default: this repository)")
    actions = parser.add_subparsers(dest="action", required=True)
    export = actions.add_parser("export", help="write the blocks as XLIFF 1.2, one unit per block")
    export.add_argument("targets", nargs="*", metavar="PAGE[:ID]", help="pages or blocks (default: all)")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlf")
    load = actions.add_parser("import", help="write back the units whose target changed, as draft")
    load.add_argument("xliff", type=Path, metavar="FILE.xlf")
    memory = actions.add_parser("tmx", help="write the reviewed blocks as a TMX translation memory")
    memory.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.tmx")
    for sub in (export, load, memory):  # --root is accepted after the action too
        sub.add_argument("--root", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    project = Project(args.root)
    glossary = load_glossary(project.glossary) if project.glossary.exists() else Glossary([])
    if args.action == "import":
        with project_lock(project, "xliff import"):
            return import_file(project, glossary, args.xliff)
    jobs = selected(project, glossary, getattr(args, "targets", []))
    text = to_xliff(jobs) if args.action == "export" else to_tmx(jobs)
    write_files({args.output: text.decode("utf-8")})
    count = len(jobs) if args.action == "export" else sum(job.state == "reviewed" for job in jobs)
    print(f"xliff {args.action}: {count} unit(s) written to {args.output}")
    return 0


def selected(project: Project, glossary: Glossary, targets: list[str]) -> list[Job]:
    jobs, notes = build_jobs(project, glossary)
    for note in notes:
        print(note, file=sys.stderr)
    pages, blocks = named(jobs, targets)
    return [job for job in jobs if not targets or job.page in pages or job.name in blocks]


def import_file(project: Project, glossary: Glossary, path: Path) -> int:
    units = read_units(path)
    phrasebook = load_phrasebook(project.phrasebook) if project.phrasebook.exists() else None
    jobs, _ = build_jobs(project, glossary)
    check = partial(block_findings, glossary=glossary, phrasebook=phrasebook)
    found, problems = changes(units, jobs, check, str(path))
    if problems:
        for problem in problems:
            print(printable(problem), file=sys.stderr)
        raise InputError(path, None, f"{len(problems)} problem(s) above; nothing written")
    if found:
        write_english_pages(project, page_texts(found))
    print(summary(found))
    return 0
