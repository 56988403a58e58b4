"""Progress of a long run: one line rewritten in place on a terminal, a plain line per step otherwise (CI)."""

from __future__ import annotations

import sys
import threading

from .terminal import printable


class Progress:
    def __init__(self, total: int, label: str, stream=None):
        self.total, self.label = total, label
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.done = self.failed = 0
        self.closed = False
        self._lock = threading.Lock()

    def step(self, name: str, outcome: str, failed: bool = False) -> None:
        with self._lock:
            self.done += 1
            self.failed += failed
            if self.tty:
                counts = f"{self.done}/{self.total}" + (f", {self.failed} failed" if self.failed else "")
                self.stream.write(f"\r{self.label}: {counts}\x1b[K")
            else:
                self.stream.write(printable(f"{self.label}: [{self.done}/{self.total}] {name}: {outcome}") + "\n")
            self.stream.flush()

    def close(self) -> None:
        """End the terminal line (once), so what follows starts on a line of its own."""
        with self._lock:
            if self.tty and self.done and not self.closed:
                self.stream.write("\n")
            self.closed = True
