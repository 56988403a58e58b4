"""A short character diff of two Chinese texts: what changed, with a little context, the rest elided."""

from __future__ import annotations

from difflib import SequenceMatcher

CONTEXT = 12  # characters of unchanged text kept on each side of a change


def char_diff(old: str, new: str, context: int = CONTEXT) -> list[tuple[str, str]]:
    """Segments ``(kind, text)``, kind one of same, del, ins, gap (unchanged text left out)."""
    segments: list[tuple[str, str]] = []
    opcodes = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag != "equal":
            segments += [("del", old[i1:i2])] if i2 > i1 else []
            segments += [("ins", new[j1:j2])] if j2 > j1 else []
            continue
        text = old[i1:i2]
        head = text[:context] if index > 0 else ""
        tail = text[-context:] if index < len(opcodes) - 1 else ""
        if len(head) + len(tail) >= len(text):
            segments.append(("same", text))
        else:
            segments += [("same", head)] if head else []
            segments.append(("gap", "…"))
            segments += [("same", tail)] if tail else []
    return segments
