"""Rule ``phrasing``: recurring formulas of the Chinese block rendered as phrasebook.yml says.

A formula inside a glossary term (争创 in 续写创新史、争创先行市) is the glossary's business and is not
looked at. English forms match in any case and inflection of each word (ensure, ensures, ensuring;
set the pace, sets the pace), with Markdown emphasis, escapes and curly quotes ignored as in ``terms``.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..blocks import Block
from ..glossary import Glossary
from ..phrasebook import Phrasebook
from .findings import Finding
from .terms import normalise


def phrasing_findings(zh_block: Block, en_block: Block, phrasebook: Phrasebook | None,
                      glossary: Glossary | None = None, path: str = "") -> list[Finding]:
    if phrasebook is None:
        return []
    chinese = _outside_terms(zh_block.text, glossary)
    lines = [(en_block.line + i, normalise(text)) for i, text in enumerate(en_block.text.split("\n"))]
    source = Path(phrasebook.path).name
    findings = []
    for formula in phrasebook:
        found = [form for form in formula.zh if form in chinese]
        if not formula.checked or not found:
            continue
        licences = {word: zh_block.text.count(word) for word in formula.licensed_by if word in zh_block.text}
        licensed = sum(licences.values())
        words = ", ".join(f"{count} × {word}" for word, count in licences.items())

        def finding(line: int, message: str) -> Finding:
            return Finding(path, line, "phrasing", "error", f"{'/'.join(found)}: {message} ({source}:{formula.line})")

        preferred = _either(formula.en)
        avoided = []
        for form in formula.avoid:
            hits = _hits(form, lines)
            if len(hits) > licensed:
                if licensed:
                    message = f"{len(hits)} × {form!r} but only {words} in the Chinese; use {preferred}"
                else:
                    message = f"never {hits[0][1]!r}; use {preferred}"
                avoided.append(finding(hits[0][0], message))
        findings += avoided
        hits = [hit for form in formula.en for hit in _hits(form, lines)]
        if formula.required and not hits and not avoided:
            findings.append(finding(en_block.line, f"must be rendered {preferred}"))
        if formula.at_most is not None and len(hits) > formula.at_most + licensed:
            limit = f"{formula.at_most + licensed} ({formula.at_most} + {words} in the Chinese)" if licensed else formula.at_most
            findings.append(finding(min(hits)[0], f"{len(hits)} × {preferred} in one block, at most {limit}"))
    return findings


def _outside_terms(text: str, glossary: Glossary | None) -> str:
    """The Chinese with every glossary term blanked out."""
    if glossary is None:
        return text
    for match in reversed(glossary.find(text)):
        text = text[: match.start] + "□" * (match.end - match.start) + text[match.end:]
    return text


def _hits(form: str, lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """(line, matched text) of every occurrence of the form, any inflection, in the normalised lines."""
    pattern = _pattern(form)
    return [(line, match.group()) for line, text in lines for match in pattern.finditer(text)]


def _pattern(form: str) -> re.Pattern:
    words = normalise(form).split(" ")
    return re.compile(r"(?<!\w)" + r"\s+".join(map(_inflected, words)) + r"(?!\w)", re.IGNORECASE)


def _inflected(word: str) -> str:
    """A word with -s, -es, -ed, -ing (final e dropped, final consonant doubled) or -y to -ies/-ied."""
    if not word.isalpha() or len(word) < 3:
        return re.escape(word)
    if len(word) > 3 and word.endswith("e"):
        return re.escape(word[:-1]) + "(?:e|es|ed|ing)"
    if len(word) > 3 and word.endswith("y") and word[-2] not in "aeiou":
        return re.escape(word[:-1]) + "(?:y|ies|ied|ying)"
    return re.escape(word) + f"(?:s|es|ed|ing|{re.escape(word[-1])}ed|{re.escape(word[-1])}ing)?"


def _either(forms: list[str]) -> str:
    quoted = [repr(f) for f in forms]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
