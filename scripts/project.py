"""Where the project's files are. Commands take ``--root`` so tests can run on a copy."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Project:
    root: Path = ROOT

    @property
    def source(self) -> Path:
        return self.root / "source" / "proposal.txt"

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
