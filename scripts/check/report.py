"""How ``check`` prints its findings: ``text`` (one ``path:line: [rule]`` line each), ``json`` (a list
for tools) or ``github`` (workflow commands that GitHub Actions turns into annotations on the lines).
"""

from __future__ import annotations

import json

from ..errors import InputError
from .findings import Finding

FORMATS = ("text", "json", "github")


def escape_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's runner unescapes it (``%`` first)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value (file, title …): also ``:`` and ``,``, which end it."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(severity: str, path: str, line: int | None, title: str, message: str) -> str:
    """``::error file=…,line=…,title=…::message`` (``::warning`` for a warning)."""
    properties = [f"file={escape_property(path)}"]
    if line:
        properties.append(f"line={line}")
    properties.append(f"title={escape_property(title)}")
    return f"::{severity} {','.join(properties)}::{escape_data(message)}"


def finding_annotation(finding: Finding) -> str:
    return annotation(finding.severity, finding.path, finding.line, f"[{finding.rule}]", finding.message)


def input_error_annotation(error: InputError, path: str) -> str:
    """A bad input file that stops ``check``, as an error annotation on its line (``path``: relative to the project)."""
    return annotation("error", path, error.line, "[input]", error.message)


def render(findings: list[Finding], form: str) -> str:
    """The findings in the given format, as the text to print."""
    if form == "json":
        return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=1)
    if form == "github":
        return "\n".join(finding_annotation(f) for f in findings)
    return "\n".join(str(f) for f in findings)
