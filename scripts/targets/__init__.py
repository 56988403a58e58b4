"""targets.yml: the proposal's quantitative targets and 2020 baselines, validated against the source.

Every entry quotes the proposal verbatim; loading checks that the quote is in the stated article, that
the number it writes (``value_zh``) is in the quote and, converted, equals ``value``, and that a target's
baseline is a baseline entry in the same unit for an earlier year. A note comes in both languages
(``note`` and ``note_zh``).
"""

from __future__ import annotations

import argparse
import math
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..numerals import to_number
from ..project import Project, add_root_option, command_project
from ..punctuation import to_full_width
from ..source import Document, articles
from ..yamldata import Field, Record, load_records, require_unique

NOT_STATED = "not stated"

KINDS = ("target", "baseline")
COMPARATORS = ("about", "exceed", "reach", "approach", "at-least", "equal", "top", "position", "rise-by", "double")
UNITS = ("yuan", "percent", "rank", "places", "tier", "grade", "times", "hours", "minutes", "enterprises", "entities", "buildings")
GROWTH = ("annual-average", "cumulative")
ATTRIBUTES = ("expected", "binding", NOT_STATED)
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
YEARS = range(2000, 2051)

FIELDS = (
    Field("id", str, required=True),
    Field("kind", str, required=True),
    Field("article", int, required=True),
    Field("quote", str, required=True),
    Field("value_zh", str, required=True),
    Field("value", (int, float), required=True),
    Field("unit", str, required=True),
    Field("comparator", str, required=True),
    Field("year", (int, str), required=True),
    Field("baseline", str),
    Field("growth", str),
    Field("category", str, required=True),
    Field("indicator_zh", str, required=True),
    Field("indicator_en", str, required=True),
    Field("attribute", str, required=True),
    Field("note", str),
    Field("note_zh", str),
    Field("statement_en", str, required=True),
)


@dataclass
class Target:
    id: str
    kind: str
    article: int
    quote: str
    value_zh: str
    value: int | float
    unit: str
    comparator: str
    year: int | str
    category: str
    indicator_zh: str
    indicator_en: str
    attribute: str
    statement_en: str
    line: int
    baseline: Target | None = None
    growth: str = ""
    note: str = ""
    note_zh: str = ""

    @property
    def quote_zh(self) -> str:
        """The quote as the Chinese edition prints it (full-width punctuation)."""
        return to_full_width(self.quote)


def load_project(project: Project) -> tuple[list[Target], Document]:
    """The project's targets and the parsed source they quote."""
    document = project.document()
    return load_targets(project.targets, document, project.info.targets.categories), document


def load_targets(path: str | Path, document: Document, categories) -> list[Target]:
    """Validate and load; raise InputError naming the file and line of the first problem. ``categories``
    are the publication's (publication.yml ``targets.categories``)."""
    records = load_records(path, FIELDS)
    require_unique(path, records, "id", "id")
    by_article = {number: article for number, (_, article) in articles(document).items()}
    for record in records:
        _check_record(path, record, by_article, categories)
    targets = {r.data["id"]: Target(line=r.line, **{**r.data, "baseline": None}) for r in records}
    for record in records:
        if "baseline" in record.data:
            targets[record.data["id"]].baseline = _baseline(path, record, targets)
    return list(targets.values())


def _check_record(path, record: Record, by_article, categories) -> None:
    data = record.data

    def fail(key: str, message: str):
        raise InputError(path, record.line_of(key), message)

    if not ID_PATTERN.match(data["id"]):
        fail("id", f"id {data['id']!r} must be lowercase ascii words joined by hyphens")
    for key, allowed in (("kind", KINDS), ("unit", UNITS), ("comparator", COMPARATORS), ("category", categories),
                         ("attribute", ATTRIBUTES), ("growth", GROWTH)):
        if key in data and data[key] not in allowed:
            fail(key, f"unknown {key} {data[key]!r} (use one of {', '.join(allowed)})")
    year = data["year"]
    if year != NOT_STATED and not (isinstance(year, int) and year in YEARS):
        fail("year", f"year must be a year such as 2025 or {NOT_STATED!r}, not {year!r}")
    article = by_article.get(data["article"])
    if article is None:
        fail("article", f"the source has no article {data['article']}")
    if to_full_width(data["quote"]) not in article.text:
        fail("quote", f"quote does not occur in article {data['article']}: {data['quote']!r}")
    if data["value_zh"] not in data["quote"]:
        fail("value_zh", f"value_zh {data['value_zh']!r} does not occur in the quote")
    try:
        written = to_number(data["value_zh"])
    except ValueError as error:
        fail("value_zh", f"cannot read value_zh {data['value_zh']!r} as a number: {error}")
    if not math.isclose(written, data["value"]):
        fail("value", f"value {data['value']} does not match the quote: {data['value_zh']} is {written}")
    for key, partner in (("note", "note_zh"), ("note_zh", "note")):
        if key in data and partner not in data:
            fail(key, f"{key} without {partner}: a note is shown in both editions, so it needs both (note in English, note_zh in Chinese)")
    if data["kind"] == "baseline" and "baseline" in data:
        fail("baseline", "a baseline entry cannot have a baseline")


def _baseline(path, record: Record, targets: dict[str, Target]) -> Target:
    target = targets[record.data["id"]]
    base = targets.get(record.data["baseline"])
    line = record.line_of("baseline")
    if base is None or base.kind != "baseline":
        raise InputError(path, line, f"baseline {record.data['baseline']!r} is not the id of a baseline entry")
    if base.unit != target.unit:
        raise InputError(path, line, f"baseline {base.id!r} is in {base.unit}, the target in {target.unit}")
    if not (isinstance(target.year, int) and isinstance(base.year, int) and base.year < target.year):
        raise InputError(path, line, f"baseline {base.id!r} ({base.year}) must be for a year before the target's ({target.year})")
    if base.value <= 0:
        raise InputError(path, line, f"baseline {base.id!r} has value {base.value}: growth from it is undefined (a baseline must be above 0)")
    return base


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts targets", description=__doc__.splitlines()[0])
    add_root_option(parser)
    project = command_project(parser.parse_args(argv).root)
    targets, _ = load_project(project)
    baselines = sum(t.kind == "baseline" for t in targets)
    print(f"{project.relative(project.targets)}: {len(targets) - baselines} targets, {baselines} baselines, all quotes and values check")
    return 0
