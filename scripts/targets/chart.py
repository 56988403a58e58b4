"""The headline chart, an inline SVG drawn at build time: each amount target beside its baseline, then the
other targets for the target year in money and in percent, each unit on one scale.

The text is laid out in CSS pixels and never scaled (the SVG has no viewBox): bars are drawn in percent
of the chart's width, and each label sits on its own line above its bar, wrapped to fit the narrowest
phone, so the text stays as large on a phone as on a desktop. The numbers are written as text, and the
SVG's <title> and <desc> say the same in words.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .format import AMOUNTS, value_text, year_text
from .views import figure, labelled, text
from . import Target
from ..publication import TargetsInfo
from ..templating import render

#: Units of the panels of single targets (no baseline), each on one scale: money, and percentages.
PANEL_UNITS = ("yuan", "percent")
FONT_SIZE = 13  # px, as rendered: the SVG is never scaled
LINE = 17  # px from one text line to the next
BAR = 12  # px, a bar's height
GAP = 10  # px after a bar
TITLE_GAP = 8  # px before a panel's title
LINE_EMS = 21  # the width a line may take, in ems: 273 px, inside the 288 px of a 320 px phone


@dataclass
class Bar:
    lines: list[tuple[int, str]]  # (y, text) of the label above the bar
    y: int
    percent: float  # the bar's length, in percent of the chart's width
    baseline: bool


@dataclass
class Panel:
    title: list[tuple[int, str]]  # (y, text) lines
    bars: list[Bar]


def width_in_ems(text: str) -> float:
    """How wide ``text`` sets, roughly: a wide (CJK) character is 1 em, any other 0.55 em (a little more than most Latin letters)."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55 for c in text)


def words_of(text: str, lang: str) -> list[str]:
    """Where a line may break: between any two Chinese characters, at the spaces of English."""
    if lang == "zh":
        return list(text)
    words = text.split(" ")
    return words[:1] + [" " + w for w in words[1:]]


def wrap(words: list[str], limit: float = LINE_EMS) -> list[str]:
    """Lines of at most ``limit`` ems, breaking between ``words`` (a word longer than a line stands alone)."""
    lines: list[str] = []
    for word in words:
        if lines and width_in_ems(lines[-1] + word) <= limit:
            lines[-1] += word
        else:
            lines.append(word.lstrip())
    return lines


def bar_label(label: str, value: str, lang: str) -> list[str]:
    """"Label: value" in lines; the value is one word, so a number is never split across lines."""
    return wrap(words_of(labelled(label, "", lang).rstrip(), lang) + [value if lang == "zh" else " " + value])


def headline_pairs(targets: list[Target], categories) -> list[Target]:
    """Amount targets that have a baseline: each pair is drawn on its own scale."""
    return [t for t in targets if t.baseline is not None and t.unit in AMOUNTS and t.category in categories]


def panel_targets(targets: list[Target], categories, year: int | None, unit: str) -> list[Target]:
    """The target year's other targets in ``unit`` (those without a baseline), largest first."""
    chosen = [t for t in targets if t.kind == "target" and t.baseline is None and t.unit == unit and t.year == year
              and t.category in categories]
    return sorted(chosen, key=lambda t: -t.value)


def _groups(targets: list[Target], lang: str, info: TargetsInfo, unit_titles: dict[str, str]):
    """(title, [(label, entry, is a baseline)], full scale) of each panel, in drawing order."""
    categories = info.chart_categories or tuple(info.categories)
    for target in headline_pairs(targets, categories):
        pair = [(year_text(e.year, lang), e, e is target.baseline) for e in (target.baseline, target)]
        yield text(target, lang, "indicator"), pair, max(target.value, target.baseline.value)
    for unit in PANEL_UNITS:
        chosen = panel_targets(targets, categories, info.target_year, unit)
        if chosen:
            full = 100 if unit == "percent" else chosen[0].value
            yield unit_titles[unit], [(text(t, lang, "indicator"), t, False) for t in chosen], full


def panels(targets: list[Target], lang: str, info: TargetsInfo, unit_titles: dict[str, str]) -> tuple[list[Panel], int]:
    """The panels laid out top to bottom, and the chart's height in px."""
    result, y = [], 0
    for title, entries, full in _groups(targets, lang, info, unit_titles):
        y += TITLE_GAP
        title_lines = []
        for line in wrap(words_of(title, lang)):
            y += LINE
            title_lines.append((y, line))
        bars = []
        for label, entry, is_baseline in entries:
            lines = []
            for line in bar_label(label, value_text(entry, lang), lang):
                y += LINE
                lines.append((y, line))
            bars.append(Bar(lines, y + 5, round(100 * entry.value / full, 2), is_baseline))
            y += 5 + BAR + GAP
        result.append(Panel(title_lines, bars))
    return result, y


def description(targets: list[Target], lang: str, info: TargetsInfo) -> str:
    """The chart's numbers in words, for <desc>."""
    categories = info.chart_categories or tuple(info.categories)
    pairs = [labelled(text(t, lang, "indicator"), f"{figure(t.baseline, lang)} → {figure(t, lang)}", lang)
             for t in headline_pairs(targets, categories)]
    singles = [labelled(text(t, lang, "indicator"), figure(t, lang), lang)
               for unit in PANEL_UNITS for t in panel_targets(targets, categories, info.target_year, unit)]
    return ("；" if lang == "zh" else "; ").join(pairs + singles)


def chart(targets: list[Target], lang: str, info: TargetsInfo, labels: dict[str, str]) -> str:
    """The SVG, on one line per element and without blank lines, so Markdown passes it through."""
    drawn, height = panels(targets, lang, info, {unit: labels[f"chart_{unit}"] for unit in PANEL_UNITS})
    return render(
        "targets_chart.svg.j2",
        lang=lang,
        title=labels["chart_title"],
        desc=description(targets, lang, info),
        panels=drawn,
        height=height,
        bar_height=BAR,
        font_size=FONT_SIZE,
    )
