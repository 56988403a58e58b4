"""What the targets page and the part pages show, in one edition's language.

A row is a target (with its baseline side by side) or a baseline no target is measured against.
Rows are grouped by category; each links to its article on the part page that holds it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..pages import article_pages
from ..source import Document
from .format import LANGS, attribute_text, growth_text, value_text, year_text
from . import CATEGORIES, Target

#: The words of the targets page and the part-page lists, by language.
LABELS = {
    "zh": {
        "intro": "《建议》中有数字的目标和它报告的2020年基数，按类别列出。每行链接到原文所在的条目。"
        "标“推算”的年均增长由基数和目标算出，不是《建议》的原文；“未说明”表示原文没有给出。",
        "downloads": "下载数据（中英文字段）",
        "indicator": "指标",
        "statement": "原文",
        "baseline": "基数",
        "target": "目标",
        "year": "目标年份",
        "growth": "年均增长/累计",
        "attribute": "属性",
        "article": "条目",
        "article_link": "第{}条",
        "chart_title": "主要经济指标：2020年基数与2025年目标",
        "part_heading": "本部分的目标",
        "part_more": "全部目标见“[主要目标](targets.md)”。",
    },
    "en": {
        "intro": "The proposal's quantitative targets and the 2020 baselines it reports, by category. "
        "Each row links to the article that states it. "
        "Growth marked \"implied\" is computed from the baseline and the target; the proposal does not state it. "
        "\"Not stated\" means the proposal does not say.",
        "downloads": "Download the data (English and Chinese fields)",
        "indicator": "Indicator",
        "statement": "Statement",
        "baseline": "Baseline",
        "target": "Target",
        "year": "By",
        "growth": "Average annual growth or cumulative",
        "attribute": "Attribute",
        "article": "Article",
        "article_link": "Art. {}",
        "chart_title": "Headline economic targets: 2020 baseline and 2025 target",
        "part_heading": "Targets in this part",
        "part_more": "All targets: [Targets at a glance](targets.md).",
    },
}


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


@dataclass
class Section:
    name: str
    heading: str
    rows: list[Row]


def text(target: Target, lang: str, key: str) -> str:
    """A field in the edition's language: indicator, or statement (the quote in Chinese)."""
    if key == "statement":
        return target.quote_zh if lang == "zh" else target.statement_en
    return getattr(target, f"{key}_{lang}")


def labelled(label: str, value: str, lang: str) -> str:
    """指标：数值 / Indicator: value."""
    return f"{label}：{value}" if lang == "zh" else f"{label}: {value}"


def figure(target: Target, lang: str) -> str:
    """Value and year: 超过1700亿元（2025年） / more than 170 billion yuan (2025)."""
    year = year_text(target.year, lang)
    return f"{value_text(target, lang)}（{year}）" if lang == "zh" else f"{value_text(target, lang)} ({year})"


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
            baseline=figure(base, lang) if base else "—",
            target=value_text(t, lang) if is_target else "—",
            year=year_text(t.year, lang) if is_target else "—",
            growth=growth_text(t, lang),
            attribute=attribute_text(t, lang),
            article=t.article,
            page=pages[t.article],
            note=" ".join(n for n in (base.note if is_target and base else "", t.note) if n),
        ))
    return result


def sections(targets: list[Target], document: Document, lang: str) -> list[Section]:
    by_id = {t.id: t for t in targets}
    all_rows = rows(targets, document, lang)
    index = LANGS.index(lang)
    return [
        Section(name, headings[index], [r for r in all_rows if by_id[r.id].category == name])
        for name, headings in CATEGORIES.items()
        if any(by_id[r.id].category == name for r in all_rows)
    ]


def part_items(targets: list[Target], document: Document, page: str, lang: str) -> list[tuple[Target, str]]:
    """(entry, "indicator: figure") for the entries stated in the articles of one part page, in article order."""
    pages = article_pages(document)
    stated = sorted((t for t in targets if pages[t.article] == page), key=lambda t: t.article)
    return [(t, labelled(text(t, lang, "indicator"), figure(t, lang), lang)) for t in stated]
