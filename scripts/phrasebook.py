"""phrasebook.yml: the recurring formulas that are not glossary terms (一批, 推进, 高水平 …) and their English.

A glossary term has one English name; a formula is rendered to fit the sentence, so the phrasebook
records what ``check`` can hold it to:

- ``avoid``: renderings that are never right. Each occurrence in an English block whose Chinese has the
  formula is an error, unless the Chinese also has ``licensed_by`` words (确保 for "ensure"): each such
  word licenses one occurrence.
- ``required``: one of the ``en`` forms must appear (only where one rendering always fits).
- ``at_most``: the ``en`` forms together at most this many times per block (one "to high standards", not
  a chain), plus one for each ``licensed_by`` word.

An entry with none of these is guidance only; its ``note`` says why. Chinese forms are plain text, and
each must occur in the source, as in the glossary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .yamldata import Field, load_records

FIELDS = (
    Field("zh", list, required=True),
    Field("en", list, required=True),
    Field("avoid", list),
    Field("licensed_by", list),
    Field("required", bool),
    Field("at_most", int),
    Field("note", str, required=True),
)


@dataclass(frozen=True)
class Formula:
    zh: list[str]
    en: list[str]
    note: str
    line: int
    avoid: list[str] = field(default_factory=list)
    licensed_by: list[str] = field(default_factory=list)
    required: bool = False
    at_most: int | None = None

    @property
    def name(self) -> str:
        return "/".join(self.zh)

    @property
    def checked(self) -> bool:
        return bool(self.avoid) or self.required or self.at_most is not None


@dataclass(frozen=True)
class Phrasebook:
    formulas: list[Formula]
    path: str = "phrasebook.yml"

    def __iter__(self):
        return iter(self.formulas)

    def __len__(self) -> int:
        return len(self.formulas)


def load_phrasebook(path: str | Path, source_text: str | None = None) -> Phrasebook:
    """Validate and load; with ``source_text``, every Chinese form (and licence) must occur in it."""
    records = load_records(path, FIELDS)
    seen: dict[str, int] = {}
    formulas = []
    for record in records:
        data = record.data
        for key in ("zh", "en", "avoid", "licensed_by"):
            if not all(isinstance(v, str) and v.strip() for v in data.get(key, [])) or key in ("zh", "en") and not data[key]:
                raise InputError(path, record.line_of(key), f"{key} must be a list of non-empty texts")
        if data.get("at_most", 1) < 1:
            raise InputError(path, record.line_of("at_most"), "at_most must be 1 or more")
        for form in data["zh"]:
            if form in seen:
                raise InputError(path, record.line_of("zh"), f"duplicate formula {form!r} (first at line {seen[form]})")
            seen[form] = record.line_of("zh")
        if source_text is not None:
            for key in ("zh", "licensed_by"):
                missing = [form for form in data.get(key, []) if form not in source_text]
                if missing:
                    raise InputError(path, record.line_of(key), f"{key} {missing[0]!r} does not occur in the source")
        clash = set(data["en"]) & set(data.get("avoid", []))
        if clash:
            raise InputError(path, record.line_of("avoid"), f"{sorted(clash)[0]!r} is both preferred and avoided")
        if data.get("licensed_by") and not (data.get("avoid") or "at_most" in data):
            raise InputError(path, record.line_of("licensed_by"), "licensed_by needs avoid or at_most")
        formulas.append(Formula(line=record.line, **data))
    return Phrasebook(formulas, str(path))
