"""``python -m scripts check``: machine checks of both editions, one module per rule family.

``block_findings`` (checks of one translated block pair) and ``Finding`` are the stable public API.
"""

from .command import main
from .findings import Finding
from .pair import block_findings

__all__ = ["Finding", "block_findings", "main"]
