"""One error type for every bad input: it names the file and line, the CLI prints it as one line."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """A problem in an input file, reported as ``path:line: message``."""

    def __init__(self, path: str | Path, line: int | None, message: str):
        self.path = str(path)
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"
