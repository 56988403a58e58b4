"""Refuse a source that differs from the one ``publication.yml`` accepted.

A changed structure (fewer parts or articles, no closing paragraph: a truncated download) and a
changed text under the same structure (a correction, or an accident) are both refused with one line
that says what differs and how to accept a deliberate change (``python -m scripts split --accept``).
"""

from __future__ import annotations

import difflib

from .blocks import parse_page
from .edition import page_names
from .errors import InputError
from .pages import reconstruct
from .project import Project
from .publication import Structure, structure_of
from .source import Document

ACCEPT = "if the change is deliberate, run python -m scripts split --accept"
#: Changed lines named in the message; the rest are counted.
SHOWN_LINES = 8


def refuse_unaccepted(project: Project, document: Document, accepted: Structure | None) -> None:
    """Raise InputError unless the parsed source is the one last accepted."""
    publication = project.relative(project.publication)
    if accepted is None:
        raise InputError(publication, None, f"no accepted structure of {project.relative(project.source)} (structure: parts, articles, closing, sha256); "
                         f"if the source is right, run python -m scripts split --accept")
    found = structure_of(document)
    if found == accepted:
        return
    source = project.relative(project.source)
    if found.outline() != accepted.outline():
        line, where = _structure_change(document, accepted, found)
        raise InputError(source, line, f"{where}expected {accepted.describe()} ({publication}); found {found.describe()}; {ACCEPT}")
    changed = _changed_lines(document, _published_lines(project))
    if not changed:
        raise InputError(source, None, f"the text differs from the sha256 in {publication} (structure unchanged: {found.describe()}); {ACCEPT}")
    shown = ", ".join(map(str, changed[:SHOWN_LINES])) + (f" and {len(changed) - SHOWN_LINES} more" if len(changed) > SHOWN_LINES else "")
    raise InputError(source, changed[0], f"the text differs from the published Chinese edition (content/zh/) at line{'s' * (len(changed) > 1)} {shown}; "
                     f"structure unchanged ({found.describe()}); {ACCEPT}")


def _structure_change(document: Document, accepted: Structure, found: Structure) -> tuple[int, str]:
    """The line to point at and, for a shorter source, where it ends."""
    last_part = document.parts[-1]
    last_article = last_part.articles[-1]
    if found.parts < accepted.parts or found.articles < accepted.articles:
        where = (f"source ends in part {last_part.numeral} (line {last_part.heading.number}) "
                 f"after article {last_article.number} (line {last_article.heading_line}): ")
        return document.lines[-1].number, where
    if found.parts > accepted.parts:
        return document.parts[accepted.parts].heading.number, ""
    if found.articles > accepted.articles:
        extra = next(a for part in document.parts for a in part.articles if a.number == accepted.articles + 1)
        return extra.heading_line, ""
    return (document.closing[0] if document.closing else document.lines[-1]).number, ""


def _published_lines(project: Project) -> list[str] | None:
    """The source's lines as the published Chinese edition has them, None if it cannot be read."""
    try:
        return reconstruct([b for name in page_names(project) for b in parse_page(project.zh_dir / f"{name}.md").blocks])
    except InputError:
        return None


def _changed_lines(document: Document, published: list[str] | None) -> list[int]:
    """Source line numbers where the text differs from the published lines (a removed line counts where it was)."""
    if published is None:
        return []
    new = [line.text for line in document.lines]
    changed: set[int] = set()
    for tag, _, _, j1, j2 in difflib.SequenceMatcher(None, published, new, autojunk=False).get_opcodes():
        if tag == "delete":
            changed.add(min(j1, len(new) - 1))
        elif tag != "equal":
            changed.update(range(j1, j2))
    return sorted(document.lines[j].number for j in changed)
