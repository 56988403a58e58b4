"""Rule ``synonyms``: reader synonyms whose plan word the edition no longer uses (see scripts/search/synonyms.py)."""

from __future__ import annotations

from ..search.synonyms import Synonyms
from .findings import Finding


def missing_plan_words(path: str, synonyms: Synonyms, texts: dict[str, str]) -> list[Finding]:
    """A warning for each ``plan`` word its edition no longer uses (``texts`` from ``edition_texts``)."""
    return [
        Finding(path, line, "synonyms", "warning", f"plan word {word!r} does not occur in the {edition} edition: the mapping finds nothing")
        for edition, entries in synonyms.items()
        for synonym in entries
        for word, line in zip(synonym.plan, synonym.plan_lines)
        if (word.lower() if edition == "en" else word) not in texts[edition]
    ]

