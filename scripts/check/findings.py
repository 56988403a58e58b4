"""What a check reports: one Finding per problem, printed as ``path:line: [rule] message``."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ..blocks import Block


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    rule: str
    severity: str  # "error" or "warning"
    message: str

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}: [{self.rule}] {prefix}{self.message}"

    def as_dict(self) -> dict:
        return asdict(self)


def line_in(block: Block, position: int) -> int:
    """File line of a character position in the block's text."""
    return block.line + block.text.count("\n", 0, position)
