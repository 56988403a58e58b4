"""Read an input file whole, refusing one that is missing, unreadable or larger than its limit.

Every input has a size limit so that a wrong file (a log, a dump, a runaway download) is refused at
once with a clear error instead of being parsed for minutes or exhausting memory.
"""

from __future__ import annotations

from pathlib import Path

from .errors import InputError


def read_input(path: str | Path, limit: int, noun: str, setting: str) -> bytes:
    """The file's bytes; ``noun`` names it in errors ("source file"), ``setting`` says where the limit is set."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise InputError(path, None, f"{noun} not found") from None
    except OSError as exc:
        raise InputError(path, None, f"cannot read {noun}: {exc.strerror}") from None
    if len(raw) > limit:
        size = path.stat().st_size
        raise InputError(path, None, f"{noun} is {size:,} bytes, over the limit of {limit:,} bytes ({setting}); is it the right file?")
    return raw
