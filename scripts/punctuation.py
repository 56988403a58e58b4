"""The one punctuation rule applied to the published Chinese text.

The district's website printed ASCII ``, : ; ! ( )`` inside Chinese sentences. In ``content/zh/``
each of these marks becomes its full-width form (，：；！（）) when the character before it or the
character after it is Chinese (a Han character or CJK punctuation). Marks between two ASCII
characters stay ASCII, so ``5G``, ``3.0``, ``R&D`` and ``1,000`` are untouched. A pair of brackets
changes together: if one of them becomes full-width, so does its partner, so an article numbered
``(1)标题`` reads ``（1）标题``, never ``(1）标题``.
"""

from __future__ import annotations

FULL_WIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "(": "（", ")": "）"}


def is_chinese(char: str) -> bool:
    """Han ideographs, 〇, CJK symbols and punctuation, full-width forms and curly quotes/dashes."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
        or 0x3400 <= code <= 0x4DBF  # extension A
        or 0x3000 <= code <= 0x303F  # CJK symbols and punctuation (、。〇「」【】)
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or char in "“”‘’—…·"
    )


def to_full_width(text: str) -> str:
    """Apply the rule to one line of published text."""
    convert = [char in FULL_WIDTH and (_chinese_at(text, i - 1) or _chinese_at(text, i + 1)) for i, char in enumerate(text)]
    for opening, closing in _bracket_pairs(text):
        if convert[opening] or convert[closing]:
            convert[opening] = convert[closing] = True
    return "".join(FULL_WIDTH[char] if full else char for char, full in zip(text, convert))


def _chinese_at(text: str, index: int) -> bool:
    return 0 <= index < len(text) and is_chinese(text[index])


def _bracket_pairs(text: str) -> list[tuple[int, int]]:
    """Positions of the matching ASCII ``(`` ``)`` pairs (nested pairs too; an unmatched bracket is in none)."""
    open_at: list[int] = []
    pairs = []
    for i, char in enumerate(text):
        if char == "(":
            open_at.append(i)
        elif char == ")" and open_at:
            pairs.append((open_at.pop(), i))
    return pairs
