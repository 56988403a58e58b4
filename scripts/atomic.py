"""Write a set of files all or nothing: every new text goes to a temporary file first, then renames.

A rewritten file keeps its mode; a new file gets 0666 less the umask (0644 as a rule), as ``open``
would give it, not the 0600 of a temporary file. A file that cannot be written (read-only folder,
full disk) is an ``InputError`` naming it, and no temporary file is left behind.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .errors import InputError


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


#: Read once at import, while no other thread can create files under a changed umask.
UMASK = _umask()


def write_files(texts: dict[Path, str | bytes]) -> None:
    """Texts are written as UTF-8 (line ends as they are), bytes as they are."""
    staged: list[tuple[str, Path]] = []
    path = None
    try:
        for path, text in texts.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            staged.append((tmp, path))
            os.chmod(tmp, file_mode(path))
            with os.fdopen(fd, "wb") as handle:
                handle.write(text if isinstance(text, bytes) else text.encode("utf-8"))
        for tmp, path in staged:
            os.replace(tmp, path)
    except BaseException as error:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)
        if isinstance(error, OSError):
            raise InputError(shown(path), None, f"cannot write: {error.strerror or error}") from None
        raise


def file_mode(path: Path) -> int:
    """The mode of the file being replaced, or that of a new file under the umask."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        return 0o666 & ~UMASK


def shown(path: Path | None) -> str:
    """The path relative to the working folder when it is inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except (TypeError, ValueError):
        return str(path)
