"""Per-edition search indexes and the two fixes Chinese search needs.

Material's search plugin, under mkdocs-static-i18n, writes one ``search/search_index.json`` for both
editions with the Chinese configuration. After the build this module

1. splits it: Chinese entries stay in ``search/search_index.json``; English entries go to
   ``en/search/search_index.json`` with locations relative to ``/en/`` and an English configuration
   without the index-side stemmer (lunr skips the pipeline for Material's trailing-wildcard queries, so
   stemmed index tokens never match); English pages read that index (see ``overrides/main.html``);
2. adds a ``words`` field to each Chinese entry: the shorter words jieba's search mode finds inside
   compounds (推行 inside 全面推行), so a query for a word inside a compound has a token to match;
   and a ``terms`` field to each article of both editions: the glossary terms it contains;
3. patches Material's search worker: its Chinese query segmenter never looks up the word that ends the
   query; the words of a Chinese query typed without spaces are all required (a query matches all of
   its words, so one common word in a title cannot outrank the whole query); and English query terms are reduced to a stem prefix so inflected forms match
   (economy/economic → ``econom*``, investing/investment → ``invest*``).

The worker is found by name pattern in the built site (its name carries a hash of its content). Every
patch names the exact text it replaces and fails the build if that text is not there once, naming the
installed mkdocs-material, so an upgrade cannot silently undo it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import jieba

ZWSP = "\u200b"
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")

ZH_CONFIG = {"lang": ["zh"], "pipeline": ["stemmer"]}
EN_CONFIG = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["trimmer", "stopWordFilter"]}
#: Material's title boost (1000) lets one common word in an article title (经济 in 党领导经济社会发展…)
#: outrank an article whose text holds the whole query; a modest boost ranks by the query's words.
FIELDS = {"title": {"boost": 10.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}
WORDS_FIELD = {"words": {"boost": 1.0}}
#: The glossary terms an article contains, in the edition's language: a query naming a policy term
#: ranks the article that uses the term above one that merely has its words scattered about.
TERMS_FIELD = {"terms": {"boost": 5.0}}


@dataclass(frozen=True)
class Patch:
    why: str
    old: str
    new: str


#: Material's search worker in the built site (9.8.1: search.a7633da7.min.js).
WORKER_GLOB = "assets/javascripts/workers/search.*.min.js"

#: Written against Material 9.8.1's worker.
WORKER_PATCHES = (
    Patch(
        "segmenter: look up words that end at the end of the query (j <= length, not j < length)",
        "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)",
        "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)",
    ),
    Patch(
        "every word of a Chinese query typed without spaces is required (AND), not optional (OR)",
        '[...fe(s,this.index.invertedIndex)].join("* ")',
        '[...fe(s,this.index.invertedIndex)].map(w=>"+"+w+"*").join(" ")',
    ),
    Patch(
        "English query words of 4+ letters that are not stop words become required stem prefixes "
        "(Porter stem, a final y->i dropped): economy/economic -> +econom*, investing/investment -> +invest*",
        "search(e){if(e=e.replace(",
        "search(e){if(e=e.replace(/([A-Za-z])-(?=[A-Za-z])/g,\"$1 \").replace(/[A-Za-z]{4,}/g,w=>{w=w.toLowerCase();"
        "if(!lunr.stopWordFilter(w))return w;let s=lunr.stemmer(new lunr.Token(w)).toString();"
        "return \"+\"+(s.length>3&&s.endsWith(\"i\")?s.slice(0,-1):s)+\"*\"}),e=e.replace(",
    ),
)


class PatchError(RuntimeError):
    pass


def material() -> str:
    return f"mkdocs-material {version('mkdocs-material')}"


def search_worker(site_dir: Path) -> Path:
    """The one search worker Material wrote into the site."""
    found = sorted(site_dir.glob(WORKER_GLOB))
    if len(found) != 1:
        raise PatchError(f"search worker: expected one {WORKER_GLOB} in the built site with {material()}, found {len(found)}")
    return found[0]


def patch_worker(text: str, patches=WORKER_PATCHES, name: str = "search worker") -> str:
    for patch in patches:
        count = text.count(patch.old)
        if count != 1:
            raise PatchError(
                f"{name} of {material()}: patch '{patch.why}' expected its target {patch.old!r} once, found it "
                f"{count} times; re-check scripts/search_index.py against this worker"
            )
        text = text.replace(patch.old, patch.new)
    return text


def compound_words(text: str) -> list[str]:
    """Words inside Chinese compounds that the precise segmentation does not index on their own."""
    found: list[str] = []
    for run in HAN_RUN.findall(text.replace(ZWSP, "")):
        precise = set(jieba.cut(run))
        for word in jieba.cut_for_search(run):
            if len(word) > 1 and word not in precise and word not in found:
                found.append(word)
    return found


#: location of a section ("part-06/#art-27") -> (Chinese terms, English terms) occurring in it
TermsByLocation = dict[str, tuple[list[str], list[str]]]


def with_fields(doc: dict, **fields: list[str]) -> dict:
    return dict(doc, **{name: ZWSP.join(values) for name, values in fields.items() if values})


def split_index(index: dict, terms: TermsByLocation, en_prefix: str = "en/") -> tuple[dict, dict]:
    """(Chinese index, English index) from the combined one."""
    zh_docs, en_docs = [], []
    for doc in index["docs"]:
        if doc["location"].startswith(en_prefix):
            location = doc["location"][len(en_prefix) :]
            en_docs.append(with_fields(dict(doc, location=location), terms=terms.get(location, ([], []))[1]))
        else:
            words = compound_words(doc["title"] + " " + doc["text"])
            zh_docs.append(with_fields(doc, words=words, terms=terms.get(doc["location"], ([], []))[0]))
    base = index["config"]
    zh = {"config": dict(base, **ZH_CONFIG, fields=dict(FIELDS, **WORDS_FIELD, **TERMS_FIELD)), "docs": zh_docs}
    en = {"config": dict(base, **EN_CONFIG, fields=dict(FIELDS, **TERMS_FIELD)), "docs": en_docs}
    return zh, en


def rewrite_site(site_dir: Path, terms: TermsByLocation) -> None:
    """Split the built index into one per edition and patch the worker, in place (the worker is
    patched in memory first: a worker that does not take the patches leaves the site as Material wrote it)."""
    worker = search_worker(site_dir)
    patched = patch_worker(worker.read_text(encoding="utf-8"), name=str(worker.relative_to(site_dir)))
    index_path = site_dir / "search" / "search_index.json"
    zh, en = split_index(json.loads(index_path.read_text(encoding="utf-8")), terms)
    index_path.write_text(json.dumps(zh, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    en_path = site_dir / "en" / "search" / "search_index.json"
    en_path.parent.mkdir(parents=True, exist_ok=True)
    en_path.write_text(json.dumps(en, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    worker.write_text(patched, encoding="utf-8")
