"""Run every rule over the source, both editions, the glossary and the targets; print the findings."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..edition import load_pairs, page_names
from ..glossary import load_glossary
from ..project import Project
from .alignment import alignment_findings, extra_pages
from .findings import Finding
from .pair import block_findings
from .safety import safety_findings
from .states import state_findings
from .untranslated import note_findings


def project_findings(project: Project) -> list[Finding]:
    """Every finding for the project, sorted by file and line. Bad input files raise InputError."""
    source_text = project.source.read_text(encoding="utf-8")
    glossary = load_glossary(project.glossary, source_text) if project.glossary.exists() else None
    files = [project.glossary, project.targets, *sorted(project.zh_dir.glob("*.md")), *sorted(project.en_dir.glob("*.md"))]
    findings = [
        finding
        for path in files
        if path.exists()
        for finding in safety_findings(project.relative(path), path.read_text(encoding="utf-8"))
    ]
    pairs = load_pairs(project)
    findings += extra_pages(project, page_names(project))
    for pair in pairs:
        findings += alignment_findings(project, pair)
        findings += state_findings(project, pair)
        if pair.en is None:
            continue
        en_path = project.relative(pair.en.path)
        findings += [
            finding
            for zh_block, en_block, state in pair.states()
            if en_block is not None and en_block.kind == zh_block.kind
            for finding in block_findings(zh_block, en_block, glossary, path=en_path)
        ]
        findings += note_findings(pair.en, en_path)
    # An English block's safety findings come twice: from its file and from its block.
    return sorted(dict.fromkeys(findings), key=lambda f: (f.path, f.line, f.rule))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts check", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the findings as a JSON list")
    parser.add_argument("--root", type=Path, default=Project().root, help="project folder (default: this repository)")
    args = parser.parse_args(argv)
    findings = project_findings(Project(args.root))
    errors = sum(f.severity == "error" for f in findings)
    if args.json:
        print(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=1))
    else:
        for finding in findings:
            print(finding)
    print(f"check: {errors} error(s), {len(findings) - errors} warning(s)", file=sys.stderr)
    return 1 if errors else 0
