"""Write the search into the built site: each edition's index and stub, and the site's worker in place of
Material's (its file name, which Material's page script loads, is kept)."""

from __future__ import annotations

import json
import os
from importlib.metadata import version
from pathlib import Path

import yaml

from ..glossary import Glossary
from ..templating import TEMPLATES
from .index import build_index, edition_pages, write_index
from .synonyms import Synonyms

#: Material's search worker in the built site (9.8.1: search.a7633da7.min.js).
WORKER_GLOB = "assets/javascripts/workers/search.*.min.js"
WORKER = Path(__file__).with_name("worker.js")
#: How a result found through the other edition says so, by edition.
LABELS = TEMPLATES / "search_labels.yml"
#: Each edition's folder in the site (mkdocs-static-i18n, docs_structure: folder).
EDITIONS = {"zh": "", "en": "en/"}
#: How Material's highlighter (search.highlight, ?h=) splits the words a result passes to the page.
SEPARATORS = {"zh": r"[\s\u200b\-]+", "en": r"[\s\-]+"}


class WorkerNotFound(RuntimeError):
    pass


def search_worker(site_dir: Path) -> Path:
    """The one search worker Material wrote into the site."""
    found = sorted(site_dir.glob(WORKER_GLOB))
    if len(found) != 1:
        raise WorkerNotFound(
            f"search worker: expected one {WORKER_GLOB} in the built site with mkdocs-material "
            f"{version('mkdocs-material')}, found {len(found)}; re-check scripts/search/site.py against it"
        )
    return found[0]


def stub(lang: str, addresses: dict[str, str], note: str) -> dict:
    """What Material fetches at every page load and hands the worker: no documents, the address of the
    edition's index and of the other edition's (for queries in the other language's script)."""
    (other,) = [address for edition, address in addresses.items() if edition != lang]
    config = {"lang": [lang], "separator": SEPARATORS[lang], "pipeline": [], "index": addresses[lang],
              "other": {"index": other, "note": note}}
    return {"config": config, "docs": []}


def rewrite_site(site_dir: Path, glossary: Glossary | None, synonyms: Synonyms) -> None:
    worker = search_worker(site_dir)
    addresses = {}
    for lang, prefix in EDITIONS.items():
        edition_dir = site_dir / prefix
        others = [site_dir / p for p in EDITIONS.values() if p and p != prefix]
        index = build_index(lang, edition_pages(edition_dir, others), glossary, synonyms)
        path = write_index(index, edition_dir / "search")
        addresses[lang] = Path(os.path.relpath(path, worker.parent)).as_posix()
    notes = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    for lang, prefix in EDITIONS.items():
        (site_dir / prefix / "search" / "search_index.json").write_text(json.dumps(stub(lang, addresses, notes[lang]), ensure_ascii=False), encoding="utf-8")
    worker.write_text(WORKER.read_text(encoding="utf-8"), encoding="utf-8")
    worker.with_name(worker.name + ".map").unlink(missing_ok=True)  # the source map of Material's worker
