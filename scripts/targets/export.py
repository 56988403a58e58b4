"""targets.csv and targets.json: every entry of targets.yml with its Chinese and English fields.

Both files hold the same records with the same columns; the JSON keeps numbers as numbers and uses
null where the CSV has an empty cell.
"""

from __future__ import annotations

import json

from ..csvtable import csv_text
from ..pages import article_pages
from ..source import Document
from .format import implied_growth, value_text
from . import Target

COLUMNS = (
    "id", "kind", "category", "category_zh", "category_en", "indicator_zh", "indicator_en",
    "article", "page", "quote_zh", "value_zh", "value", "unit", "comparator", "year",
    "baseline_id", "baseline_value", "baseline_year", "implied_annual_growth", "growth", "attribute",
    "target_zh", "target_en", "note", "note_zh", "statement_en",
)


def records(targets: list[Target], document: Document, categories) -> list[dict]:
    """One record per entry; ``categories``: the publication's names of the categories in both languages."""
    pages = article_pages(document)
    result = []
    for t in targets:
        base = t.baseline
        growth = implied_growth(t)
        result.append({
            "id": t.id,
            "kind": t.kind,
            "category": t.category,
            "category_zh": categories[t.category].zh,
            "category_en": categories[t.category]("en"),
            "indicator_zh": t.indicator_zh,
            "indicator_en": t.indicator_en,
            "article": t.article,
            "page": pages[t.article],
            "quote_zh": t.quote_zh,
            "value_zh": t.value_zh,
            "value": t.value,
            "unit": t.unit,
            "comparator": t.comparator,
            "year": t.year,
            "baseline_id": base.id if base else None,
            "baseline_value": base.value if base else None,
            "baseline_year": base.year if base else None,
            "implied_annual_growth": round(growth, 4) if growth is not None else None,
            "growth": t.growth or None,
            "attribute": t.attribute,
            "target_zh": value_text(t, "zh"),
            "target_en": value_text(t, "en"),
            "note": t.note or None,
            "note_zh": t.note_zh or None,
            "statement_en": t.statement_en,
        })
    return result


def to_json(rows: list[dict]) -> str:
    return json.dumps({"columns": list(COLUMNS), "targets": rows}, ensure_ascii=False, indent=2) + "\n"


def to_csv(rows: list[dict]) -> str:
    """UTF-8 CSV with a header row; a spreadsheet opens it as it is (the BOM tells Excel the encoding)."""
    return "\ufeff" + csv_text(COLUMNS, ([row[c] for c in COLUMNS] for row in rows))
