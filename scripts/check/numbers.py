"""Rule ``numbers``: every figure of a Chinese block appears, correctly converted, in its English block.

Chinese side:
- numbers in Arabic digits, always, with their magnitude (1700亿 = 170 billion, 9.3万 = 93,000: cn2an);
- Chinese numerals only in clear quantity patterns: 十四五/十三五 (14th, 13th), years such as 二〇三五,
  第N (ordinal), 前N (top N), N个, N大, N届, N次. Elsewhere a numeral is part of a word
  (一体化, 一批, 八八战略, 双十双百双千) and is not checked. The value one is never checked in Chinese
  numerals: 一个, 第一 often read "a", "leading" or "top".
English side: digits (170, 120,000, 9.3, 14th, 2025, 15%), with thousand/million/billion/trillion,
and number words up to twenty (one, two, first, third, twelfth …). Each Chinese value must occur among
the English values; how often it occurs is not counted, and figures the English adds are not flagged.
"""

from __future__ import annotations

import re

import cn2an

from ..blocks import Block, unescape
from .findings import Finding, line_in

ARABIC = re.compile(r"\d+(?:\.\d+)?[万亿]*")
NUMERAL = "〇零一二两三四五六七八九十百"
PLAN_PERIOD = re.compile(r"十([三四])五")
CHINESE_YEAR = re.compile(r"[一二][〇零][〇零一二三四五六七八九]{2}")
QUANTITY = re.compile(rf"(?:第|前)([{NUMERAL}]+)|([{NUMERAL}]+)[个大届次]")

WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
).split()
ORDINALS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
WORD_VALUES = {w: i for i, w in enumerate(WORDS)} | {w: i for i, w in enumerate(ORDINALS)}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
ENGLISH_NUMBER = re.compile(
    r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(thousand|million|billion|trillion)\b)?"
    r"|\b(" + "|".join(WORDS + ORDINALS) + r")\b",
    re.IGNORECASE,
)
# footnote references and link targets carry ids and URLs, not figures
NOT_TEXT = re.compile(r"\[\^[^\]]*\]|\]\([^)]*\)")


def chinese_numbers(text: str) -> list[tuple[int, str, float]]:
    """(position, surface form, value) of every checkable figure in Chinese text."""
    found = [(m.start(), m.group(), float(cn2an.cn2an(m.group(), "smart"))) for m in ARABIC.finditer(text)]
    periods, years = list(PLAN_PERIOD.finditer(text)), list(CHINESE_YEAR.finditer(text))
    found += [(m.start(), m.group(), _numeral("十" + m.group(1))) for m in periods]
    found += [(m.start(), m.group(), _numeral(m.group())) for m in years]
    taken = [m.span() for m in periods + years]
    for match in QUANTITY.finditer(text):
        group = 1 if match.group(1) else 2
        start, end = match.span(group)
        if any(s < end and start < e for s, e in taken):
            continue
        value = _numeral(match.group(group))
        if value is not None and value != 1:
            found.append((match.start(), match.group(), value))
    return sorted(f for f in found if f[2] is not None)


def english_values(text: str) -> list[float]:
    values = []
    for match in ENGLISH_NUMBER.finditer(NOT_TEXT.sub(" ", unescape(text))):
        digits, scale, word = match.groups()
        if word:
            values.append(float(WORD_VALUES[word.lower()]))
        else:
            values.append(float(digits.replace(",", "")) * SCALES.get((scale or "").lower(), 1))
    return values


def english_form(value: float) -> str:
    """How the house style writes a value: 170 billion, 93,000, 9.3."""
    for name, scale in (("trillion", 1e12), ("billion", 1e9)):
        if value >= scale and (value / scale * 10) == int(value / scale * 10):
            return f"{value / scale:g} {name}"
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


def number_findings(zh_block: Block, en_block: Block, path: str = "") -> list[Finding]:
    english = english_values(en_block.text)
    return [
        Finding(path, line_in(en_block, 0), "numbers", "error",
                f"{surface} ({english_form(value)}) of the Chinese is missing from the English")
        for _, surface, value in chinese_numbers(zh_block.text)
        if not any(abs(value - v) <= 1e-9 * max(1.0, abs(value)) for v in english)
    ]


def _numeral(text: str) -> float | None:
    try:
        return float(cn2an.cn2an(text, "normal"))
    except (ValueError, KeyError):
        return None
