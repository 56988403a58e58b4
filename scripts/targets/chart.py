"""The headline chart: each money target beside its baseline, as an inline SVG drawn at build time.

Each pair gets its own scale (GDP and per-capita GDP differ by six orders of magnitude); the numbers are
written next to the bars, and the SVG's <title> and <desc> say the same in words.
"""

from __future__ import annotations

from dataclasses import dataclass

from .format import value_text, year_text
from .views import figure, labelled, text
from . import Target
from ..templating import render

WIDTH = 640
LABEL_WIDTH = 64  # the year labels left of the bars
BAR_SPACE = 300  # the longest bar; the value text follows it
BAR_HEIGHT = 22
GROUP_HEIGHT = 90  # title line and two bars


@dataclass
class Bar:
    label: str
    value: str
    y: int
    width: int


@dataclass
class Group:
    title: str
    y: int
    bars: list[Bar]


def headline(targets: list[Target]) -> list[Target]:
    """Money targets that have a baseline: the pairs the chart draws."""
    return [t for t in targets if t.baseline is not None and t.unit == "yuan"]


def groups(targets: list[Target], lang: str) -> list[Group]:
    result = []
    for index, target in enumerate(headline(targets)):
        top = index * GROUP_HEIGHT
        scale = BAR_SPACE / max(target.value, target.baseline.value)
        bars = [
            Bar(year_text(entry.year, lang), value_text(entry, lang), top + 30 + row * (BAR_HEIGHT + 8), round(entry.value * scale))
            for row, entry in enumerate((target.baseline, target))
        ]
        result.append(Group(text(target, lang, "indicator"), top + 16, bars))
    return result


def description(targets: list[Target], lang: str) -> str:
    """The chart's numbers in words, for <desc>."""
    separator = "；" if lang == "zh" else "; "
    return separator.join(
        labelled(text(t, lang, "indicator"), f"{figure(t.baseline, lang)} → {figure(t, lang)}", lang) for t in headline(targets)
    )


def chart(targets: list[Target], lang: str, title: str) -> str:
    """The SVG, on one line per element and without blank lines, so Markdown passes it through."""
    drawn = groups(targets, lang)
    return render(
        "targets_chart.svg.j2",
        lang=lang,
        title=title,
        desc=description(targets, lang),
        groups=drawn,
        width=WIDTH,
        height=len(drawn) * GROUP_HEIGHT,
        label_width=LABEL_WIDTH,
        bar_height=BAR_HEIGHT,
    )
