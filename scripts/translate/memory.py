"""The translation memory: every accepted machine draft, so no block is paid for twice.

A JSON file at the repository root, keyed by a hash of what determines the answer: the Chinese text,
the glossary entries sent with it, the model and the prompt version. Each entry also keeps the
Chinese and the model, for a reader of the file. Written atomically after every accepted block, so an
interrupted run loses nothing. An entry is only a candidate: the run validates it like a new draft
and drops it if it fails (the file can be edited by anyone).
"""

from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path

from ..atomic import write_files
from ..errors import InputError
from ..glossary import Term


def memory_key(zh: str, terms: list[Term], model: str, prompt_version: str) -> str:
    glossary = [[t.id, t.zh_forms, t.en, t.deprecated] for t in terms]
    data = json.dumps([zh.strip(), glossary, model, prompt_version], ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:24]


class TranslationMemory:
    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()
        try:
            self.entries: dict[str, dict] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise InputError(path, getattr(error, "lineno", None), f"translation memory is not valid JSON: {error}") from None
        except OSError as error:
            raise InputError(path, None, f"cannot read the translation memory: {error.strerror}") from None
        if not isinstance(self.entries, dict) or not all(isinstance(e, dict) and "en" in e for e in self.entries.values()):
            raise InputError(path, None, 'translation memory must map keys to entries {"zh": …, "en": …, "model": …}')

    def get(self, key: str) -> str | None:
        """The remembered English ("" if the entry holds no text), or None."""
        entry = self.entries.get(key)
        if entry is None:
            return None
        return entry["en"] if isinstance(entry["en"], str) else ""

    def put(self, key: str, zh: str, en: str, model: str) -> None:
        with self._lock:
            self.entries[key] = {"zh": zh, "en": en, "model": model}
            self._save()

    def drop(self, key: str) -> None:
        with self._lock:
            del self.entries[key]
            self._save()

    def _save(self) -> None:
        text = json.dumps(dict(sorted(self.entries.items())), ensure_ascii=False, indent=1)
        write_files({self.path: text + "\n"})
