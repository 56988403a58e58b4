"""Run every rule over the source, both editions, the glossary, the phrasebook, the targets and the search synonyms; print the findings."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..edition import load_pair, page_names
from ..errors import InputError
from ..glossary import load_glossary
from ..phrasebook import load_phrasebook
from ..project import Project, add_root_option, command_project
from ..rendering import renderer_for
from ..search.synonyms import edition_texts, load_synonyms
from .alignment import alignment_findings, extra_pages
from .findings import Finding
from .pair import block_findings
from .report import FORMATS, input_error_annotation, render
from ..targets import load_targets
from .safety import content_file_findings, page_safety_findings
from .states import state_findings
from .synonyms import missing_plan_words
from .untranslated import note_findings


def project_findings(project: Project) -> list[Finding]:
    """Every finding for the project, sorted by file and line. Bad input files raise InputError."""
    source_text = project.source.read_text(encoding="utf-8")
    glossary = load_glossary(project.glossary, source_text) if project.glossary.exists() else None
    phrasebook = load_phrasebook(project.phrasebook, source_text) if project.phrasebook.exists() else None
    if project.targets.exists():
        load_targets(project.targets, project.document(), project.info.targets.categories)
    synonyms = load_synonyms(project.search_synonyms) if project.search_synonyms.exists() else {}
    renderer = renderer_for(project.mkdocs_config)
    findings = content_file_findings(project)
    findings += missing_plan_words(project.relative(project.search_synonyms), synonyms, edition_texts(project))
    findings += [f for page in sorted(project.content_dir.glob("*/*.md")) for f in page_safety_findings(project, page)]
    findings += extra_pages(project, page_names(project))
    for pair in _readable_pairs(project):
        findings += alignment_findings(project, pair)
        findings += state_findings(project, pair)
        if pair.en is None:
            continue
        en_path = project.relative(pair.en.path)
        findings += [
            finding
            for zh_block, en_block, state in pair.states()
            if en_block is not None and en_block.kind == zh_block.kind
            for finding in block_findings(zh_block, en_block, glossary, path=en_path, phrasebook=phrasebook, renderer=renderer)
        ]
        findings += note_findings(pair.en, en_path)
    return sorted(dict.fromkeys(findings), key=lambda f: (f.path, f.line, f.rule))


def _readable_pairs(project: Project):
    """Each page pair that parses (page_safety_findings reports a page that does not, as rule ``format``)."""
    for name in page_names(project):
        try:
            yield load_pair(project, name)
        except InputError:
            continue


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts check", description=__doc__.splitlines()[0])
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="text: file:line: [rule] message; json: a list for tools; "
                             "github: workflow commands that annotate the lines of a pull request")
    parser.add_argument("--json", dest="format", action="store_const", const="json", help="the same as --format json")
    add_root_option(parser)
    args = parser.parse_args(argv)
    project = command_project(args.root)
    try:
        findings = project_findings(project)
    except InputError as error:
        if args.format == "github":
            print(input_error_annotation(error, project.relative(Path(error.path))))
        raise
    errors = sum(f.severity == "error" for f in findings)
    output = render(findings, args.format)
    if output:
        print(output)
    print(f"check: {errors} error(s), {len(findings) - errors} warning(s)", file=sys.stderr)
    return 1 if errors else 0
