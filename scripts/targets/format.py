"""How a target's figures read in each edition: 1700亿元 / 170 billion yuan, 前40名 / top 40.

Also the growth a baseline and a target imply together (the compound average annual rate).
"""

from __future__ import annotations

import cn2an

from . import NOT_STATED, Target

#: comparator -> (Chinese, English) wording around the value
COMPARATOR_TEXT = {
    "about": ("{}左右", "about {}"),
    "exceed": ("超过{}", "more than {}"),
    "reach": ("{}", "{}"),
    "approach": ("接近{}", "nearly {}"),
    "at-least": ("{}以上", "{} or more"),
    "equal": ("{}", "{}"),
    "top": ("前{}", "top {}"),
    "position": ("第{}", "no. {}"),
    "rise-by": ("上升{}", "up {}"),
    "double": ("翻番", "double"),
}
#: unit -> (Chinese, English) form of a number ``n`` in that unit; ``s`` is the English plural ending
UNIT_TEXT = {
    "yuan": ("{n}元", "{n} yuan"),
    "percent": ("{n}%", "{n}%"),
    "rank": ("{n}名", "{n}"),
    "places": ("{n}个位次", "{n} place{s}"),
    "tier": ("第{n}梯队", "tier {n}"),
    "grade": ("{n}A级", "{n}A"),
    "times": ("{n}倍", "{n} times"),
    "hours": ("{n}小时", "{n} hour{s}"),
    "minutes": ("{n}分钟", "{n} minute{s}"),
    "enterprises": ("{n}家", "{n}"),
    "entities": ("{n}户", "{n}"),
    "buildings": ("{n}幢", "{n}"),
}
#: units whose values are amounts, so that growth between two of them means something
AMOUNTS = {"yuan", "enterprises", "entities", "buildings"}
YEAR_TEXT = ("{}年", "{}")
NOT_STATED_TEXT = ("未说明", "not stated")
GROWTH_TEXT = {"annual-average": ("年均", "average annual"), "cumulative": ("累计", "cumulative")}
ATTRIBUTE_TEXT = {"expected": ("预期性", "expected"), "binding": ("约束性", "binding"), NOT_STATED: NOT_STATED_TEXT}
LANGS = ("zh", "en")
PLACEHOLDER = "—"  # a cell with nothing to say (no baseline, no growth …)


def number_text(value: int | float, lang: str) -> str:
    """1.7e11 -> 1700亿 / 170 billion; 93000 -> 9.3万 / 93,000."""
    if lang == "zh":
        for size, word in ((10**8, "亿"), (10**4, "万")):
            if value >= size:
                return f"{value / size:g}{word}"
        return f"{value:g}"
    for size, word in ((10**9, "billion"), (10**6, "million")):
        if value >= size:
            return f"{value / size:g} {word}"
    return f"{value:,}" if isinstance(value, int) else f"{value:g}"


def value_text(target: Target, lang: str) -> str:
    """The figure with its comparator and unit: 超过1700亿元 / more than 170 billion yuan."""
    index = LANGS.index(lang)
    unit, value = target.unit, target.value
    if unit == "hours" and value < 1:
        unit, value = "minutes", round(value * 60)
    number = cn2an.an2cn(value) if unit == "tier" and lang == "zh" else number_text(value, lang)
    quantity = UNIT_TEXT[unit][index].format(n=number, s="" if value == 1 else "s")
    return COMPARATOR_TEXT[target.comparator][index].format(quantity)


def year_text(year: int | str, lang: str) -> str:
    index = LANGS.index(lang)
    return NOT_STATED_TEXT[index] if year == NOT_STATED else YEAR_TEXT[index].format(year)


def attribute_text(target: Target, lang: str) -> str:
    return ATTRIBUTE_TEXT[target.attribute][LANGS.index(lang)]


def implied_growth(target: Target) -> float | None:
    """Average annual growth from the baseline to the target, where both are amounts for stated years."""
    base = target.baseline
    if base is None or target.unit not in AMOUNTS:
        return None
    return (target.value / base.value) ** (1 / (target.year - base.year)) - 1


def growth_text(target: Target, lang: str) -> str:
    """The growth column of the plan-table convention: the implied rate, or whether the value is itself growth."""
    rate = implied_growth(target)
    if rate is not None:
        return f"约{rate:.1%}（推算）" if lang == "zh" else f"about {rate:.1%} (implied)"
    return GROWTH_TEXT[target.growth][LANGS.index(lang)] if target.growth else PLACEHOLDER
