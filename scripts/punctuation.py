"""The one punctuation rule applied to the published Chinese text.

The district's website printed ASCII ``, : ; ! ( )`` inside Chinese sentences. In ``content/zh/``
each of these marks becomes its full-width form (，：；！（）) when the character before it or the
character after it is Chinese (a Han character or CJK punctuation). Marks between two ASCII
characters stay ASCII, so ``5G``, ``3.0``, ``R&D`` and ``1,000`` are untouched.
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
    out = []
    for i, char in enumerate(text):
        if char in FULL_WIDTH:
            before = text[i - 1] if i > 0 else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            if (before and is_chinese(before)) or (after and is_chinese(after)):
                char = FULL_WIDTH[char]
        out.append(char)
    return "".join(out)
