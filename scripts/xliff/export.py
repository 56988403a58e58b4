"""Blocks as XLIFF 1.2 units and reviewed blocks as TMX translation units (written by translate-toolkit).

Block status -> XLIFF ``state``: untranslated -> no target; draft (and edited after review) -> ``translated``; reviewed ->
``signed-off`` with ``approved="yes"``; stale (the Chinese changed after translation) ->
``needs-review-translation``, which CAT tools show as fuzzy, with a note saying so and quoting the
Chinese it was translated from when that is recorded. ``extradata`` holds the fingerprint of the
English as exported, so that import can tell a target the translator changed from English that
changed in the repository since the export. Notes: the translator's notes the block
refers to, and the glossary terms of its Chinese (zh -> en, with the forms to avoid).
"""

from __future__ import annotations

from pathlib import Path

from translate.storage import tmx, xliff

from ..blocks import FOOTNOTE_REFERENCE, footnotes, parse_page, text_hash
from ..edition import State
from ..translate.jobs import Job

SOURCE_LANGUAGE = "zh-CN"
TARGET_LANGUAGE = "en"
XLIFF_NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
STALE_NOTE = "Chinese changed after translation"


class Xliff12Unit(xliff.xliffunit):
    namespace = XLIFF_NAMESPACE


class Xliff12File(xliff.xlifffile):
    """translate-toolkit's XLIFF store, writing the 1.2 namespace instead of its default 1.1."""

    UnitClass = Xliff12Unit

    XMLskeleton = f"""<?xml version="1.0" ?>
<xliff version="1.2" xmlns="{XLIFF_NAMESPACE}">
<file original="NoName" source-language="{SOURCE_LANGUAGE}" datatype="plaintext">
<body>
</body>
</file>
</xliff>"""
    namespace = XLIFF_NAMESPACE


def squeezed(text: str) -> str:
    """The text with every run of whitespace one space: CAT tools may reflow lines."""
    return " ".join(text.split())


def english_fingerprint(text: str) -> str:
    return text_hash(squeezed(text))


def to_xliff(jobs: list[Job]) -> bytes:
    store = Xliff12File(sourcelanguage=SOURCE_LANGUAGE, targetlanguage=TARGET_LANGUAGE)
    notes_by_page: dict[Path, dict[str, str]] = {}
    for job in jobs:
        if job.path not in notes_by_page:
            notes_by_page[job.path] = footnotes(parse_page(job.path))
        notes = notes_by_page[job.path]
        unit = store.addsourceunit(job.zh.text, filename=job.page, createifmissing=True)
        unit.setid(job.name)
        if job.state != "untranslated":
            unit.settarget(job.en.text)
            unit.xmlelement.set("extradata", english_fingerprint(job.en.text))
            unit.set_state_n({State.DRAFT: unit.S_TRANSLATED, State.EDITED: unit.S_TRANSLATED,
                              State.REVIEWED: unit.S_SIGNED_OFF, State.STALE: unit.S_NEEDS_REVIEW}[job.state])
            unit.markapproved(job.state == "reviewed")  # translate-toolkit approves "translated" too
        for origin, note in unit_notes(job, notes):
            unit.addnote(note, origin=origin)
    store.removedefaultfile()
    return bytes(store)


def unit_notes(job: Job, notes: dict[str, str]) -> list[tuple[str, str]]:
    """(from, text) of the unit's notes: state, format, translator's notes, glossary terms."""
    found = []
    if job.state == "stale":
        was = f"; it was translated from: {job.old_zh}" if job.old_zh else ""
        found.append(("status", f"{STALE_NOTE}{was}"))
    if job.zh.kind != "p":
        found.append(("format", "a heading: keep the English on one line"))
    referenced = dict.fromkeys(FOOTNOTE_REFERENCE.findall(job.en.text if job.state != "untranslated" else ""))
    found += [("translator", f"[^{name}]: {notes[name]}") for name in referenced if name in notes]
    for term in job.terms:
        avoid = f" (not: {', '.join(term.deprecated)})" if term.deprecated else ""
        also = f" (also: {', '.join(term.alternatives)})" if term.alternatives else ""
        found.append(("glossary", f"{term.zh} → {term.en}{also}{avoid}"))
    return found


def to_tmx(jobs: list[Job]) -> bytes:
    """One translation unit per reviewed block (stale and draft blocks are not memory)."""
    store = tmx.tmxfile(sourcelanguage=SOURCE_LANGUAGE, targetlanguage=TARGET_LANGUAGE)
    for job in jobs:
        if job.state == "reviewed":
            store.addtranslation(job.zh.text, SOURCE_LANGUAGE, job.en.text, TARGET_LANGUAGE, comment=job.name)
    return bytes(store)
