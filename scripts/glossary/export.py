"""glossary.csv and glossary.tbx (TBX-Basic, ISO 30042 ``martif``, as OmegaT and Trados import it)."""

from __future__ import annotations

from . import Glossary
from ..csvtable import csv_text
from ..publication import DocumentInfo
from ..templating import render

CSV_COLUMNS = ("id", "category", "zh", "zh_variants", "pinyin", "en", "en_alternatives", "en_deprecated", "definition", "definition_zh", "source", "source_url", "note")


def to_csv(glossary: Glossary) -> str:
    return csv_text(CSV_COLUMNS, (_row(t) for t in glossary))


def _row(t) -> list:
    source, url = (t.source["publication"], t.source["url"]) if t.attested else (t.source, "")
    return [t.id, t.category, t.zh, "; ".join(t.variants), t.pinyin, t.en, "; ".join(t.alternatives), "; ".join(t.deprecated), t.definition, t.definition_zh, source, url, t.note]


def to_tbx(glossary: Glossary, document: DocumentInfo) -> str:
    """TBX-Basic; its header names the publication's document."""
    return render("glossary.tbx.j2", terms=list(glossary), document=document)
