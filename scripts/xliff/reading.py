"""Read a contributor's XLIFF file as untrusted input: units with their ids, texts and lines.

The file must be UTF-8, at most ``MAX_BYTES``, and have no DOCTYPE: a document type declaration is
where entity bombs ("billion laughs") and external entities (``SYSTEM "file:///…"``) live, and no CAT
tool writes one into XLIFF, so it is refused before the XML parser sees the file. The parser then
resolves no entities and loads nothing from the network. Source and target are plain text (the
Markdown stays as text); a unit whose target holds XML elements (``<g>``, ``<x/>``, ``<mrk>``) is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..inputs import read_input

#: The whole edition exports to about 0.5 MB; twenty times that is not an XLIFF of this project.
MAX_BYTES = 10_000_000
XLIFF_1 = re.compile(r"^\{urn:oasis:names:tc:xliff:document:1\.[12]\}")
DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


@dataclass
class Unit:
    id: str
    line: int  # of the <trans-unit> element in the XLIFF file
    source: str
    target: str | None  # None: no <target> element
    exported: str  # fingerprint of the English as exported (``extradata``), "" if none


def read_units(path: Path) -> list[Unit]:
    raw = read_input(path, MAX_BYTES, "XLIFF file", "scripts/xliff/reading.py MAX_BYTES")
    root = parse(path, raw)
    namespace = XLIFF_1.match(root.tag)
    if etree.QName(root).localname != "xliff" or not namespace:
        version = root.get("version", "none")
        raise InputError(path, root.sourceline, f"not an XLIFF 1.2 file (root <{etree.QName(root).localname}>, version {version}); export with python -m scripts xliff export")
    ns = namespace.group()
    units = []
    for element in root.iter(f"{ns}trans-unit"):
        source, target = element.find(f"{ns}source"), element.find(f"{ns}target")
        if source is None:
            raise InputError(path, element.sourceline, "<trans-unit> without <source>")
        units.append(Unit(element.get("id", ""), element.sourceline, plain_text(path, source), None if target is None else plain_text(path, target), element.get("extradata", "")))
    return units


def parse(path: Path, raw: bytes) -> etree._Element:
    """The root element; a DOCTYPE, a non-UTF-8 file or malformed XML is an InputError with its line."""
    declaration = DOCTYPE.search(raw)
    if declaration:
        line = raw.count(b"\n", 0, declaration.start()) + 1
        raise InputError(path, line, "DOCTYPE and ENTITY declarations are not allowed in an XLIFF file (entity expansion, external files); export it again")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(path, raw.count(b"\n", 0, error.start) + 1, "the XLIFF file must be UTF-8") from None
    parser = etree.XMLParser(encoding="utf-8", resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        return etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as error:
        raise InputError(path, error.lineno, f"not well-formed XML: {error.msg}") from None


def plain_text(path: Path, element: etree._Element) -> str:
    if len(element):
        child = etree.QName(element[0]).localname
        raise InputError(path, element.sourceline, f"<{etree.QName(element).localname}> holds XML markup <{child}>; keep the text plain (Markdown stays as text)")
    return element.text or ""
