"""One writing command at a time per checkout: ``split``, ``mark`` and ``translate`` hold this lock.

Each of them reads pages, changes them and writes them back; two at once would overwrite each other's
work. The lock is ``fcntl.flock`` on ``.scripts.lock`` in the project root (ignored by git): the
kernel releases it when the process ends, however it ends, so a killed run never leaves a stale lock.
While it runs, the holder's pid and command are in the file, so a second run can say who is running.
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from typing import Iterator

from .errors import InputError
from .project import Project


@contextmanager
def project_lock(project: Project, command: str) -> Iterator[None]:
    """Hold the project's lock for the block; if another run holds it, a one-line error at once."""
    path = project.lock
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise InputError(project.relative(path), None, f"cannot open the lock file: {error.strerror}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 200).decode("utf-8", "replace").strip() or "another command"
            raise InputError(project.relative(path), None, f"{holder} is running on this checkout; wait for it to finish, then run again") from None
        os.ftruncate(fd, 0)
        os.write(fd, f"python -m scripts {command} (pid {os.getpid()})\n".encode("utf-8"))
        try:
            yield
        finally:
            os.ftruncate(fd, 0)  # still locked: nobody reads a finished run as running
    finally:
        os.close(fd)
