"""Numbers as the proposal writes them: 1700亿, 9.3万, 第三, 15%, 千亿, 翻番, 半.

cn2an reads digits, Chinese numerals and their mixtures (1700亿 is 170000000000). What it does not
read is handled here: an ordinal's 第, a trailing %, a bare magnitude (亿, 千亿: one 亿, one 千亿) and
the few words that stand for a number in plan language.
"""

from __future__ import annotations

import cn2an

#: Words that stand for a number. 两位数 (double-digit) is its lower bound.
NUMBER_WORDS = {"翻番": 2, "倍增": 2, "两位数": 10, "半": 0.5}
MAGNITUDES = "十百千万亿"


def to_number(text: str) -> int | float:
    """The value of a number written in Chinese text; ValueError if it is not one."""
    text = text.strip()
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    text = text.removeprefix("第").removesuffix("%")
    if not text:
        raise ValueError("no number")
    if text[0] in MAGNITUDES:
        text = "一" + text
    try:
        value = cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, IndexError):
        raise ValueError(f"{text!r} is not a number") from None
    return int(value) if float(value).is_integer() else value
