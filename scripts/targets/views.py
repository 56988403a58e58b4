"""What the targets page and the part pages show, in one edition's language.

A row is a target (with its baseline side by side) or a baseline no target is measured against.
Rows are grouped by category; each links to its article on the part page that holds it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import yaml

from ..pages import article_pages
from ..publication import TargetsInfo
from ..source import Document
from ..templating import TEMPLATES
from .format import PLACEHOLDER, attribute_text, growth_text, value_text, year_text
from . import Target


@lru_cache(maxsize=1)
def _label_texts() -> dict:
    return yaml.safe_load((TEMPLATES / "targets_labels.yml").read_text(encoding="utf-8"))


def labels(lang: str, info: TargetsInfo) -> dict[str, str]:
    """The edition's words for the targets pages, with the publication's baseline and target years."""
    years = {"{baseline_year}": info.baseline_year, "{target_year}": info.target_year}
    result = {}
    for key, value in _label_texts()[lang].items():
        for placeholder, year in years.items():
            value = value.replace(placeholder, str(year) if year else "")
        result[key] = value
    return result


@dataclass
class Row:
    id: str
    anchors: list[str]  # the row's id and the ids of the baselines shown in it
    indicator: str
    statement: str
    baseline: str
    target: str
    year: str
    growth: str
    attribute: str
    article: int
    page: str
    note: str


#: Columns between the indicator and the article link, in order, and those a table leaves out when they say
#: nothing: every cell the same (said once in words instead, unless it is the placeholder).
COLUMNS = ("statement", "baseline", "target", "year", "growth", "attribute")
DROPPABLE = ("baseline", "year", "growth", "attribute")


@dataclass
class Section:
    name: str
    heading: str
    rows: list[Row]
    columns: list[str]  # the columns shown
    same: list[tuple[str, str]]  # (column, value) of the columns left out that say something


@dataclass
class Tables:
    sections: list[Section]
    same: list[tuple[str, str]]  # (column, value) of the columns left out of every table: the same in every row


def text(target: Target, lang: str, key: str) -> str:
    """A field in the edition's language: indicator, note, or statement (the quote in Chinese)."""
    if key == "statement":
        return target.quote_zh if lang == "zh" else target.statement_en
    if key == "note":
        return target.note_zh if lang == "zh" else target.note
    return getattr(target, f"{key}_{lang}")


def labelled(label: str, value: str, lang: str) -> str:
    """指标：数值 / Indicator: value."""
    return f"{label}：{value}" if lang == "zh" else f"{label}: {value}"


def figure(target: Target, lang: str) -> str:
    """Value and year: 超过1700亿元（2025年） / more than 170 billion yuan (2025)."""
    year = year_text(target.year, lang)
    return f"{value_text(target, lang)}（{year}）" if lang == "zh" else f"{value_text(target, lang)} ({year})"


def notes(entries: list[Target], lang: str) -> str:
    """The entries' notes as one footnote: Chinese sentences run on (each ends in 。), English ones take a space."""
    return ("" if lang == "zh" else " ").join(n for e in entries if (n := text(e, lang, "note")))


def rows(targets: list[Target], document: Document, lang: str) -> list[Row]:
    """Targets, each with its baseline, then the baselines no target is measured against, in file order."""
    pages = article_pages(document)
    paired = {t.baseline.id for t in targets if t.baseline}
    result = []
    for t in targets:
        if t.id in paired:
            continue
        is_target = t.kind == "target"
        base = t.baseline if is_target else t
        result.append(Row(
            id=t.id,
            anchors=[t.id] + ([base.id] if is_target and base else []),
            indicator=text(t, lang, "indicator"),
            statement=text(t, lang, "statement"),
            baseline=figure(base, lang) if base else PLACEHOLDER,
            target=value_text(t, lang) if is_target else PLACEHOLDER,
            year=year_text(t.year, lang) if is_target else PLACEHOLDER,
            growth=growth_text(t, lang),
            attribute=attribute_text(t, lang),
            article=t.article,
            page=pages[t.article],
            note=notes(([base] if is_target and base else []) + [t], lang),
        ))
    return result


def sections(targets: list[Target], document: Document, lang: str, info: TargetsInfo) -> Tables:
    """The rows grouped by the publication's categories, in their order, each table without the columns
    that say nothing (CSV and JSON keep every field)."""
    by_id = {t.id: t for t in targets}
    all_rows = rows(targets, document, lang)
    everywhere = _same_columns(all_rows, DROPPABLE)
    result = []
    for name, heading in info.categories.items():
        section_rows = [r for r in all_rows if by_id[r.id].category == name]
        if not section_rows:
            continue
        candidates = [c for c in DROPPABLE if c not in everywhere]
        same = _same_columns(section_rows, candidates)
        if len(section_rows) == 1:  # one row says nothing "in every row": leave out only what is empty
            same = {c: v for c, v in same.items() if v == PLACEHOLDER}
        shown = [c for c in COLUMNS if c not in everywhere and c not in same]
        result.append(Section(name, heading(lang), section_rows, shown, _stated(same)))
    return Tables(result, _stated(everywhere))


def _same_columns(table: list[Row], columns) -> dict[str, str]:
    """column -> the value every row of ``table`` has in it, for the columns where all rows agree."""
    return {c: values.pop() for c in columns if len(values := {getattr(r, c) for r in table}) == 1}


def _stated(same: dict[str, str]) -> list[tuple[str, str]]:
    return [(column, value) for column, value in same.items() if value != PLACEHOLDER]


def part_items(targets: list[Target], document: Document, page: str, lang: str) -> list[tuple[Target, str]]:
    """(entry, "indicator: figure") for the entries stated in the articles of one part page, in article order."""
    pages = article_pages(document)
    stated = sorted((t for t in targets if pages[t.article] == page), key=lambda t: t.article)
    return [(t, labelled(text(t, lang, "indicator"), figure(t, lang), lang)) for t in stated]
