"""Where the project's files are.

A project is a folder with a publication.yml. Commands work on the one they are run in (the working
directory or its nearest parent with a publication.yml) or on ``--root``; the MkDocs plugin on the folder
of mkdocs.yml.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .errors import InputError
from .publication import Publication, load_publication
from .source import Document, parse

PUBLICATION = "publication.yml"


def find_root(start: Path | None = None) -> Path:
    """The nearest of ``start`` (the working directory) and its parents that holds a publication.yml."""
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / PUBLICATION).is_file():
            return folder
    raise InputError(start, None, f"no {PUBLICATION} here or in any parent folder: run inside a project or pass --root")


def add_root_option(parser) -> None:
    """``--root DIR`` on a command's argparse parser (read by ``command_project``)."""
    parser.add_argument("--root", type=Path, help=f"project folder (default: the nearest folder from here up with a {PUBLICATION})")


def command_project(root: Path | None) -> Project:
    """The project a command works on: ``--root`` if given, else the one it runs in."""
    return Project(root) if root else Project()


@dataclass(frozen=True)
class Project:
    root: Path = field(default_factory=find_root)
    publication_file: Path = Path(PUBLICATION)  # relative to root, or absolute

    @cached_property
    def info(self) -> Publication:
        """publication.yml, loaded and validated once."""
        return load_publication(self.publication)

    @property
    def source(self) -> Path:
        return self.root / self.info.source_file

    def document(self) -> Document:
        """The source, parsed (the publication's boilerplate lines dropped)."""
        return parse(self.source, self.info.boilerplate)

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def mkdocs_config(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def publication(self) -> Path:
        return self.root / self.publication_file

    @property
    def zh_dir(self) -> Path:
        return self.content_dir / "zh"

    @property
    def en_dir(self) -> Path:
        return self.content_dir / "en"

    @property
    def snapshots(self) -> Path:
        return self.en_dir / ".zh-snapshots.json"

    @property
    def glossary(self) -> Path:
        return self.root / "glossary.yml"

    @property
    def phrasebook(self) -> Path:
        return self.root / "phrasebook.yml"

    @property
    def search_synonyms(self) -> Path:
        return self.root / "search-synonyms.yml"

    @property
    def translation_memory(self) -> Path:
        return self.root / ".translation-memory.json"

    @property
    def lock(self) -> Path:
        return self.root / ".scripts.lock"

    @property
    def house_style(self) -> Path:
        return self.root / "docs" / "english-house-style.md"

    @property
    def targets(self) -> Path:
        return self.root / "targets.yml"

    def relative(self, path: Path) -> str:
        try:
            return str(Path(path).resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)
