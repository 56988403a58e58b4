"""Rule ``terms``: a glossary term in the Chinese block is rendered by its English form, never a deprecated one.

Matching is case-insensitive, allows a plural (-s, -es, -ies), and treats curly and straight quotes alike;
Markdown emphasis (``*``) and backslash escapes are ignored.
"""

from __future__ import annotations

import re

from ..blocks import Block, unescape
from ..glossary import Glossary
from .findings import Finding, line_in

QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", unescape(text).replace("*", "").translate(QUOTES))


def pattern(forms: list[str]) -> re.Pattern:
    alternatives = "|".join(_plural(normalise(f)) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _plural(form: str) -> str:
    """The form, singular or plural (-s, -es, -y to -ies)."""
    if form.endswith("y"):
        return re.escape(form[:-1]) + "(?:y|ies)"
    return re.escape(form) + "(?:e?s)?"


def term_findings(zh_block: Block, en_block: Block, glossary: Glossary | None, path: str = "") -> list[Finding]:
    if glossary is None:
        return []
    english = normalise(en_block.text)
    findings = []
    for term in glossary.terms_in(zh_block.text):
        admitted = pattern(term.en_forms)
        if not admitted.search(english):
            findings.append(Finding(path, line_in(en_block, 0), "terms", "error",
                                    f"{term.zh} must be rendered {term.en!r} (glossary {term.id})"))
        if term.deprecated:
            rest = admitted.sub(" ", english)  # a deprecated form inside an admitted one is no offence
            for match in pattern(term.deprecated).finditer(rest):
                findings.append(Finding(path, line_in(en_block, 0), "terms", "error",
                                        f"{match.group()!r} is a deprecated rendering of {term.zh}; use {term.en!r}"))
    return findings
