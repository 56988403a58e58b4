"""``python -m scripts glossary``: validate glossary.yml against the source; optionally write the exports."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..atomic import write_files
from . import load_glossary
from .export import to_csv, to_tbx
from ..project import add_root_option, command_project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts glossary", description=__doc__.splitlines()[0])
    parser.add_argument("--export", type=Path, metavar="DIR", help="also write glossary.csv and glossary.tbx into DIR")
    add_root_option(parser)
    args = parser.parse_args(argv)
    project = command_project(args.root)
    glossary = load_glossary(project.glossary, project.source.read_text(encoding="utf-8-sig"))
    attested = sum(term.attested for term in glossary)
    print(f"glossary: {len(glossary)} terms, {attested} with an attested official rendering, {len(glossary) - attested} proposed by the editors")
    if args.export:
        write_files({args.export / "glossary.csv": to_csv(glossary), args.export / "glossary.tbx": to_tbx(glossary, project.info.document)})
    return 0
