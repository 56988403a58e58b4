"""An edition's search index, built from the pages the build wrote (see scripts/search/__init__.py).

Documents are the articles (``art-N``: heading and paragraphs), the parts (``part-N`` and their leads),
the unnumbered blocks (preamble, closing) and the glossary's entries (``term-…``: the term's names in both
languages; ranked after articles that match as well). Each block keeps its text, for the result's excerpt.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import jieba
from selectolax.lexbor import LexborHTMLParser

from ..glossary import Glossary
from ..ids import ARTICLE, PART, anchor_of
from .synonyms import Synonyms

HAN_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]{2,}")
#: Latin words and numbers as the worker reads them from a query (``LATIN`` in worker.js).
LATIN = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?")
HEADING = re.compile(rf"^(?:{ARTICLE}|{PART})-\d+$")
GLOSSARY_ENTRY = "term-"
#: What a block shows but does not say: term tooltips, permalinks, footnote marks and notes.
NOT_TEXT = ".term__tip, .headerlink, sup, .footnote"

TEXT, GLOSSARY = 0, 1  # document kinds, in the order results rank them when they match as well


@dataclass
class EditionIndex:
    """The index as the worker reads it (``prepare`` in worker.js). A document's first block is its
    heading: its anchor is the document's, its text the document's title."""

    lang: str
    pages: list[str] = field(default_factory=list)     # locations relative to the edition: 'part-09/'
    docs: list[list[int]] = field(default_factory=list)    # [page, kind]
    blocks: list[list] = field(default_factory=list)    # [doc, anchor, text]
    words: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    terms: list[str] = field(default_factory=list)      # the edition's glossary terms, matched as phrases
    phrases: dict[str, list[int | str]] = field(default_factory=dict)  # key -> terms (by number) or words

    def add_page(self, location: str) -> None:
        self.pages.append(location)

    def add_doc(self, anchor: str, title: str, kind: int = TEXT) -> int:
        self.docs.append([len(self.pages) - 1, kind])
        self.add_block(len(self.docs) - 1, anchor, title)
        return len(self.docs) - 1

    def add_block(self, doc: int, anchor: str, text: str) -> None:
        self.blocks.append([doc, anchor, text])
        for word in words_of(text, self.lang):
            self.words[word].add(len(self.blocks) - 1)

    def add_phrase(self, key: str, targets: list[int | str]) -> None:
        key = key.strip().lower()
        if key and targets:
            known = self.phrases.setdefault(key, [])
            known += [t for t in targets if t not in known]

    def as_json(self) -> dict:
        return {
            "lang": self.lang,
            "pages": self.pages,
            "docs": self.docs,
            "blocks": self.blocks,
            "words": {word: deltas(sorted(blocks)) for word, blocks in sorted(self.words.items())},
            "terms": self.terms,
            "phrases": self.phrases,
        }


def deltas(numbers: list[int]) -> list[int]:
    """Sorted block numbers as differences from the one before (smaller JSON; the worker adds them up)."""
    return [n - before for n, before in zip(numbers, [0, *numbers])]


def words_of(text: str, lang: str) -> set[str]:
    """The words a query can match: Latin words and numbers; in Chinese, jieba's search-mode words of two
    characters or more (compounds and the words inside them: 老旧小区 and 小区)."""
    found = set(LATIN.findall(unicodedata.normalize("NFKC", text).lower()))
    if lang == "zh":
        found.update(w for run in HAN_WORD.findall(text) for w in jieba.cut_for_search(run) if HAN_WORD.fullmatch(w))
    return found


def plain_text(node) -> str:
    return " ".join(node.text(deep=True).split()) if node is not None else ""


def read_page(index: EditionIndex, page: str, html: str) -> None:
    """Add one page's documents; ``page`` is its location relative to the edition ('part-09/', '')."""
    article = LexborHTMLParser(html).css_first("article")
    if article is None:
        return
    index.add_page(page)
    for node in article.css(NOT_TEXT):
        node.decompose()
    page_title = plain_text(article.css_first("h1"))
    docs: dict[str, int] = {}
    for node in article.css("h1[id], h2[id], h3[id], p[id]"):
        block_id = node.attributes["id"]
        if node.tag in ("h2", "h3") and block_id.startswith(GLOSSARY_ENTRY):
            index.add_doc(block_id, plain_text(node), GLOSSARY)  # the term's names; not its definition
        elif node.tag in ("h1", "h2") and HEADING.match(block_id):
            docs[block_id] = index.add_doc(block_id, plain_text(node))
        elif node.tag == "p":
            heading, _ = anchor_of(block_id)
            if heading not in docs:
                docs[heading] = index.add_doc(heading, page_title)
            index.add_block(docs[heading], block_id, plain_text(node))


def edition_pages(edition_dir: Path, other_editions: list[Path]) -> list[tuple[str, Path]]:
    """(location, file) of each page of the edition, in the site's order of folders."""
    pages = []
    for path in sorted(edition_dir.rglob("index.html")):
        if any(path.is_relative_to(other) for other in other_editions):
            continue
        folder = path.parent.relative_to(edition_dir).as_posix()
        pages.append(("" if folder == "." else f"{folder}/", path))
    return pages


def add_cross_references(index: EditionIndex, glossary: Glossary | None, synonyms: Synonyms) -> None:
    """Phrases that lead to the edition's words: readers' words (this edition's synonyms), the glossary's
    names in the other language, its alternative and rejected renderings, and the other edition's readers'
    words whose plan words name a glossary term (subway -> rail transit -> 轨道交通 in the Chinese edition)."""
    for synonym in synonyms.get(index.lang, []):
        for word in synonym.reader:
            index.add_phrase(word, synonym.plan)
    other_lang = "en" if index.lang == "zh" else "zh"
    by_other_name: dict[str, int] = {}
    for number, term in enumerate(glossary or []):
        index.terms.append(term.zh if index.lang == "zh" else term.en)
        other = [term.en, *term.alternatives, *term.deprecated] if index.lang == "zh" else [*term.zh_forms, *term.alternatives, *term.deprecated]
        for form in other:
            index.add_phrase(form, [number])
        for form in term.en_forms if other_lang == "en" else term.zh_forms:
            by_other_name.setdefault(form.lower(), number)
    for synonym in synonyms.get(other_lang, []):
        named = [by_other_name[plan.lower()] for plan in synonym.plan if plan.lower() in by_other_name]
        for word in synonym.reader:
            index.add_phrase(word, named)


def build_index(lang: str, pages: list[tuple[str, Path]], glossary: Glossary | None, synonyms: Synonyms) -> EditionIndex:
    index = EditionIndex(lang)
    for location, path in pages:
        read_page(index, location, path.read_text(encoding="utf-8"))
    add_cross_references(index, glossary, synonyms)
    return index


def write_index(index: EditionIndex, search_dir: Path) -> Path:
    """``search/index.<hash>.json`` (the hash of its content lets the worker take it from the cache)."""
    text = json.dumps(index.as_json(), ensure_ascii=False, separators=(",", ":"))
    path = search_dir / f"index.{hashlib.sha256(text.encode()).hexdigest()[:10]}.json"
    search_dir.mkdir(parents=True, exist_ok=True)
    for old in search_dir.glob("index.*.json"):
        old.unlink()
    path.write_text(text, encoding="utf-8")
    return path
