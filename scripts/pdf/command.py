"""``python -m scripts pdf [--site DIR]``: the whole document as three PDFs in the built site.

Run after ``mkdocs build`` (scripts/build.sh), as the deploy workflow does; the live-reloading
``mkdocs serve`` never runs it, so it stays fast. Writes ``downloads/proposal-zh.pdf``,
``proposal-en.pdf`` and ``proposal-bilingual.pdf``, all three or none.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ..atomic import shown, write_files
from ..errors import InputError
from ..project import add_root_option, command_project
from . import EDITIONS, pdf_name
from .document import document_html, read_site, version
from .printing import to_pdf


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts pdf", description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="the built site (default: site/ in the project folder)")
    add_root_option(parser)
    args = parser.parse_args(argv)
    project = command_project(args.root)
    site = args.site or project.root / "site"
    if not (site / "index.html").is_file():
        raise InputError(shown(site), None, "no built site here: run `mkdocs build` (bash scripts/build.sh) first")
    started = time.monotonic()
    pages = read_site(project, site)
    built = version(project.root)
    outputs: dict[Path, bytes] = {}
    for edition in EDITIONS:
        pdf, count = to_pdf(document_html(edition, project, pages, built), base=site.resolve().as_uri() + "/")
        outputs[site / pdf_name(edition)] = pdf
        print(f"pdf: {shown(site / pdf_name(edition))}: {count} pages, {len(pdf) // 1024} KB")
    write_files(outputs)
    print(f"pdf: done in {time.monotonic() - started:.0f} s")
    return 0
