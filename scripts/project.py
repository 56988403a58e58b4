"""Where the project's files are. Commands take ``--root`` so tests can run on a copy."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .publication import Publication, load_publication
from .source import Document, parse

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Project:
    root: Path = ROOT

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
        return self.root / "publication.yml"

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
