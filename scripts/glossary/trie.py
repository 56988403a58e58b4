"""A regular-expression alternation of many words, written as a trie.

``a|ab|abc…`` with hundreds of terms makes the regex engine try every term at every position of the text;
the trie form (``a(?:b(?:c)?)?``) tries one character at a time. At each step the longer continuation is
tried first, so a match is the longest term at its position, as the longest-first alternation was.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


def trie_alternation(words: Iterable[str]) -> str:
    """The regex (without flags) matching exactly the given words, the longest first at each position."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _pattern(root) or "(?!)"


def _pattern(node: dict) -> str:
    ends_here = _END in node
    branches = [re.escape(char) + _pattern(child) for char, child in sorted(node.items()) if char != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return f"(?:{body})?" if len(branches) == 1 else body + "?"
    return body
