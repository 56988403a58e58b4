"""glossary.yml: the curated 术语 glossary, its validation, and finding terms in running text.

Fields follow TBX-Basic: a concept (id, category, definition) with a Chinese term and its variants,
a preferred English term (``en``), admitted alternatives and deprecated renderings, and the source of
the rendering. Matching is longest-first and needs no word boundaries, so a term is found inside
running Chinese text (以八八战略为总纲) and 数字经济 wins over any shorter term inside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..errors import InputError
from .trie import trie_alternation
from ..yamldata import Field, load_records, require_unique

CATEGORIES = {
    "strategy": ("战略与提法", "Strategies, formulas and slogans"),
    "program": ("工程、计划与行动", "Programs, projects and campaigns"),
    "reform": ("改革与机制", "Reforms and mechanisms"),
    "document": ("规划与文件", "Plans, documents and periods"),
    "meeting": ("会议", "Meetings and plenums"),
    "institution": ("机构、平台与园区", "Institutions, platforms and zones"),
    "place": ("地名", "Places"),
    "indicator": ("指标与统计术语", "Indicators and statistical terms"),
    "party": ("党的建设", "Party building and discipline"),
}
EDITORS = "proposed by the editors"
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
WEB_URL = re.compile(r"^https?://[^\s<>()\[\]\"'`\\]+$")  # a URL the glossary page can put in a Markdown link as is

FIELDS = (
    Field("id", str, required=True),
    Field("zh", str, required=True),
    Field("variants", list),
    Field("en", str, required=True),
    Field("alternatives", list),
    Field("deprecated", list),
    Field("category", str, required=True),
    Field("definition", str, required=True),
    Field("definition_zh", str, required=True),
    Field("pinyin", str),
    Field("source", (str, dict), required=True),
    Field("note", str),
)


@dataclass
class Term:
    id: str
    zh: str
    en: str
    category: str
    definition: str
    source: dict | str
    line: int
    variants: list[str] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)
    deprecated: list[str] = field(default_factory=list)
    pinyin: str = ""
    note: str = ""
    definition_zh: str = ""  # 释义 for the Chinese edition, in plain words for a citizen (required in the file)

    @property
    def zh_forms(self) -> list[str]:
        return [self.zh, *self.variants]

    @property
    def en_forms(self) -> list[str]:
        return [self.en, *self.alternatives]

    @property
    def attested(self) -> bool:
        return isinstance(self.source, dict)


@dataclass
class Match:
    start: int
    end: int
    term: Term
    form: str


class Glossary:
    def __init__(self, terms: list[Term], path: str = "glossary.yml"):
        self.terms = terms
        self.path = path
        self.by_id = {t.id: t for t in terms}

    def __iter__(self):
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    @cached_property
    def _pattern(self) -> re.Pattern:
        return re.compile(trie_alternation({f for t in self.terms for f in t.zh_forms}))

    @cached_property
    def _by_form(self) -> dict[str, Term]:
        return {f: t for t in self.terms for f in t.zh_forms}

    def find(self, text: str) -> list[Match]:
        """Non-overlapping occurrences, scanning left to right and taking the longest term at each place."""
        if not self.terms:
            return []
        return [Match(m.start(), m.end(), self._by_form[m.group()], m.group()) for m in self._pattern.finditer(text)]

    def terms_in(self, text: str) -> list[Term]:
        """Distinct terms occurring in the text, in order of first occurrence."""
        seen: dict[str, Term] = {}
        for match in self.find(text):
            seen.setdefault(match.term.id, match.term)
        return list(seen.values())


def load_glossary(path: str | Path, source_text: str | None = None) -> Glossary:
    """Validate and load; with ``source_text``, every Chinese form must occur in it."""
    records = load_records(path, FIELDS)
    require_unique(path, records, "id", "id")
    seen_forms: dict[str, int] = {}
    terms = []
    for record in records:
        data = record.data
        if not ID_PATTERN.match(data["id"]):
            raise InputError(path, record.line_of("id"), f"id {data['id']!r} must be lowercase ascii words joined by hyphens")
        if data["category"] not in CATEGORIES:
            raise InputError(path, record.line_of("category"), f"unknown category {data['category']!r} (use one of {', '.join(CATEGORIES)})")
        _check_source(path, record)
        for key in ("variants", "alternatives", "deprecated"):
            if not all(isinstance(v, str) and v.strip() for v in data.get(key, [])):
                raise InputError(path, record.line_of(key), f"{key} must be a list of non-empty texts")
        term = Term(line=record.line, **data)
        for form in term.zh_forms:
            key = "zh" if form == term.zh else "variants"
            if form in seen_forms:
                raise InputError(path, record.line_of(key), f"Chinese term {form!r} is already defined at line {seen_forms[form]}")
            seen_forms[form] = record.line_of(key)
            if source_text is not None and form not in source_text:
                raise InputError(path, record.line_of(key), f"Chinese term {form!r} does not occur in the source")
        clash = set(term.deprecated) & set(term.en_forms)
        if clash:
            raise InputError(path, record.line_of("deprecated"), f"{sorted(clash)[0]!r} is both admitted and deprecated")
        terms.append(term)
    return Glossary(terms, str(path))


def _check_source(path, record) -> None:
    source = record.data["source"]
    if isinstance(source, str):
        if source != EDITORS:
            raise InputError(path, record.line_of("source"), f"source must be a mapping (publication, url) or {EDITORS!r}")
    elif set(source) != {"publication", "url"} or not all(isinstance(v, str) and v for v in source.values()):
        raise InputError(path, record.line_of("source"), "source must have exactly the fields publication and url")
    elif not WEB_URL.match(source["url"]):
        raise InputError(path, record.line_of("source"), f"source url {source['url']!r} must be an http:// or https:// address without spaces, quotes, brackets or parentheses")
