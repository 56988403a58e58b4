"""glossary.csv and glossary.tbx (TBX-Basic, ISO 30042 ``martif``, as OmegaT and Trados import it)."""

from __future__ import annotations

import csv
import io

from . import Glossary
from ..templating import render

CSV_COLUMNS = ("id", "category", "zh", "zh_variants", "pinyin", "en", "en_alternatives", "en_deprecated", "definition", "source", "source_url", "note")


def to_csv(glossary: Glossary) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for t in glossary:
        source, url = (t.source["publication"], t.source["url"]) if t.attested else (t.source, "")
        writer.writerow([t.id, t.category, t.zh, "; ".join(t.variants), t.pinyin, t.en, "; ".join(t.alternatives), "; ".join(t.deprecated), t.definition, source, url, t.note])
    return out.getvalue()


def to_tbx(glossary: Glossary) -> str:
    return render("glossary.tbx.j2", terms=list(glossary))
