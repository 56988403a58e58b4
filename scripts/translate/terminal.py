"""What reaches the terminal from a run: text the model wrote is shown, never obeyed.

A model's answer can hold ANSI escape sequences or other control characters that would move the
cursor, rewrite earlier lines or retitle the terminal, and bidirectional overrides that reorder what
is shown. Every line ``translate`` prints goes through ``printable``, which shows each of them as an
escape (``\\x1b``, ``\\u202e``), so a report stays the one line it looks like.
"""

from __future__ import annotations

import re

#: C0 and C1 controls except the newline, DEL, and the bidirectional marks, embeddings and overrides.
CONTROLS = "\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069"
CONTROL = re.compile(f"[{CONTROLS}]")
_LINE_BREAKING = re.compile(f"[{CONTROLS}\n]")


def printable(text: str) -> str:
    """``text`` with every control character, the newline included, written as a Python escape."""
    return _LINE_BREAKING.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def say(line: str) -> None:
    print(printable(line), flush=True)
