"""The translator's notes of the English edition: the known errors of the source, where each is noted.

A translator's note is a footnote ``[^tn-…]`` whose text starts "Translator's note:" (CONTRIBUTING.md); it
is referenced from the English block it concerns, which has the same id in both editions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .blocks import FOOTNOTE_REFERENCE, footnotes, parse_page
from .edition import page_names
from .project import Project

NOTE_PREFIX = "tn-"
_LEAD = re.compile(r"^Translator['’]s note:\s*", re.I)
_ARTICLE = re.compile(r"^art-(\d+)")


@dataclass(frozen=True)
class TranslatorNote:
    id: str  # the footnote's id: tn-art-14
    page: str  # the page that holds it: part-03
    block: str  # the block that references it: art-14-p1
    text: str  # the note without its "Translator's note:" lead

    @property
    def article(self) -> str:
        """The article's number ("14"), or "" for a block outside the articles (a part's lead, the preamble)."""
        match = _ARTICLE.match(self.block)
        return match.group(1) if match else ""


def translator_notes(project: Project) -> list[TranslatorNote]:
    """Every translator's note of the English edition, in reading order (a note no block references is
    left out: the page would not show it)."""
    found = []
    for name in page_names(project):
        path = project.en_dir / f"{name}.md"
        if not path.exists():
            continue
        page = parse_page(path)
        texts = footnotes(page)
        for block in page.blocks:
            for note_id in dict.fromkeys(FOOTNOTE_REFERENCE.findall(block.text)):
                if note_id.startswith(NOTE_PREFIX) and note_id in texts:
                    found.append(TranslatorNote(note_id, name, block.id, _LEAD.sub("", texts[note_id]).strip()))
    return found
