"""``python -m scripts new DIR --source FILE``: start the publication of another proposal in a new folder.

The folder gets the source (a byte copy), ``publication.yml`` filled from what the source says (title,
issuing body, adoption note, plan period), the site's ``mkdocs.yml``, an empty glossary and targets file,
the generic English house style, and both editions split from the source (the English all
``untranslated``). Nothing of the code changes: ``mkdocs build`` in the folder builds the site.
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

import cn2an

from .adoption import Adoption, read_adoption
from .atomic import write_files
from .errors import InputError
from .project import Project
from .source import parse
from .split import main as split
from .templating import TEMPLATES, render

SOURCE_FILE = "source/proposal.txt"
#: 中共中央关于制定…第十四个五年规划… : the issuing body before 关于, the plan's ordinal number.
PUBLISHER = re.compile(r"^(.+?)关于")
PLAN = re.compile(r"第([一二三四五六七八九十]+)个五年规划")
#: Five-year plans run in step from the third (1966–1970): the Nth covers 1966 + 5(N − 3) to four years later.
THIRD_PLAN_START = 1966


def plan_years(title: str) -> tuple[int, int] | None:
    """(baseline year, target year) of the plan a title names: 第十四个五年规划 -> (2020, 2025)."""
    match = PLAN.search(title)
    if not match:
        return None
    number = int(cn2an.cn2an(match.group(1), "smart"))
    if number < 3:
        return None
    start = THIRD_PLAN_START + 5 * (number - 3)
    return start - 1, start + 4


def short_title(title: str, publisher: str) -> str:
    """中共中央“十四五”规划建议 from 中共中央关于制定…第十四个五年规划…的建议; the title itself otherwise."""
    match = PLAN.search(title)
    return f"{publisher}“{match.group(1)}五”规划建议" if match and publisher else title


def publication_text(source: Path, boilerplate: list[str]) -> str:
    document = parse(source, tuple(re.compile(p) for p in boilerplate))
    title = document.title.text
    publisher = PUBLISHER.match(title).group(1) if PUBLISHER.match(title) else title
    adoption: Adoption | None = None
    if document.adoption is not None:
        adoption = read_adoption(document.adoption.text, str(source), document.adoption.number)
    return render(
        "publication.yml.j2",
        title=title,
        short_title=short_title(title, publisher),
        publisher=publisher,
        adoption=adoption,
        source_file=SOURCE_FILE,
        boilerplate=boilerplate,
        years=plan_years(title),
    )


def create(folder: Path, source: Path, boilerplate: list[str]) -> None:
    if folder.exists() and any(folder.iterdir()):
        raise InputError(folder, None, "the folder exists and is not empty; give a new folder")
    if not source.is_file():
        raise InputError(source, None, "source file not found")
    staged = folder / SOURCE_FILE
    staged.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, staged)
    try:
        write_files({
            folder / "publication.yml": publication_text(staged, boilerplate),
            folder / "mkdocs.yml": (TEMPLATES / "mkdocs.yml").read_text(encoding="utf-8"),
            folder / "glossary.yml": "# The glossary (术语表): see the fields in scripts/glossary/__init__.py.\n[]\n",
            folder / "targets.yml": "# The quantitative targets: see the fields in scripts/targets/__init__.py.\n[]\n",
            Project(folder).house_style: (TEMPLATES / "english-house-style.md").read_text(encoding="utf-8"),
        })
    except InputError:
        shutil.rmtree(folder)  # nothing half-made: the folder was new or empty
        raise
    code = split(["--root", str(folder)])
    if code:
        raise InputError(staged, None, "split failed")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts new", description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the new publication's folder (new or empty)")
    parser.add_argument("--source", type=Path, required=True, help="the proposal as published, UTF-8, one paragraph per line")
    parser.add_argument("--boilerplate", action="append", default=[], metavar="REGEX",
                        help="a line of the web page that is not part of the text (whole-line regular expression; repeatable)")
    args = parser.parse_args(argv)
    create(args.folder, args.source, args.boilerplate)
    print(f"new: {args.folder}: publication.yml, mkdocs.yml, glossary.yml, targets.yml and both editions written; "
          f"check publication.yml, then build with mkdocs build")
    return 0
