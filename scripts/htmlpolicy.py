"""What the browser may receive from content and data: an allowlist over HTML parsed as a browser parses it.

Content (``content/``), ``glossary.yml`` and ``targets.yml`` are written by contributors and models, so the
HTML they render to is checked, not their text: entity-encoded, whitespace-split and YAML-escaped tricks
all arrive here decoded. The parser is Lexbor (selectolax), an HTML5-conformant parser, so what it sees is
what Chromium builds. The allowlist is exactly what the project's own Markdown, hooks and templates
produce; anything else is a violation.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

_TEXT = frozenset({"id", "class", "lang", "title", "role"})
_ARIA = frozenset({"aria-describedby", "aria-labelledby", "aria-label", "aria-hidden"})
_BLOCK = _TEXT | frozenset({"data-zh", "data-status"})

#: element -> the attributes it may carry (the project's own output: Markdown, footnotes, hooks, templates)
ELEMENTS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6", "p"), _BLOCK),
    **dict.fromkeys(("div", "figure", "figcaption", "ol", "ul", "li", "sup", "sub", "hr", "br", "table",
                     "thead", "tbody", "tr", "em", "strong", "del", "ins", "code", "blockquote", "i"), _TEXT),
    "a": _TEXT | frozenset({"href", "hreflang", "download"}),
    "span": _TEXT | _ARIA | frozenset({"tabindex", "data-search-exclude"}),
    "b": _TEXT, "small": _TEXT,
    # the switch for the marking of glossary terms (scripts/templates/term_toggle.html.j2)
    "label": _TEXT | frozenset({"data-search-exclude"}), "input": frozenset({"type", "checked"}),
    "td": _TEXT | frozenset({"align"}), "th": _TEXT | frozenset({"align"}),
    # the targets chart (scripts/templates/targets_chart.svg.j2)
    "svg": _TEXT | _ARIA | frozenset({"xmlns", "viewbox", "width", "height", "font-size"}),
    "title": _TEXT, "desc": _TEXT, "g": _TEXT,
    "rect": frozenset({"x", "y", "width", "height", "fill"}),
    "text": frozenset({"x", "y", "fill", "font-weight", "text-anchor"}),
}

#: classes the project's hooks, templates and Markdown extensions set; content cannot set classes
CLASSES = frozenset({
    "term", "term__text", "term__tip", "term__other", "term__definition", "term__link", "term-places", "term--dismissed", "term-toggle", "terms-off", "cell-label", "cell-empty",
    "headerlink", "footnote", "footnote-ref", "footnote-backref",
    "status-banner", "status-banner-untranslated", "status-banner-draft",
    "status-label", "status-label-reviewed", "status-label-draft", "status-label-edited", "status-label-untranslated", "status-label-stale",
    "status-draft", "status-edited", "status-untranslated", "status-stale", "zh-diff", "zh-diff-caption", "zh-diff-gap",
    "targets-chart", "targets-chart-group", "admonition", "admonition-title", "note",
    "parallel-intro", "parallel-row", "parallel-zh", "parallel-en", "parallel-notes", "parallel-link",
})

URL_ATTRIBUTES = frozenset({"href", "src", "xlink:href", "action", "formaction", "poster", "data", "srcset", "background"})
SCHEMES = frozenset({"http", "https", "mailto"})
LANGS = frozenset({"zh", "en"})
STATUSES = frozenset({"untranslated", "draft", "reviewed"})
INPUT_TYPES = frozenset({"checkbox"})  # the term-marking switch; no field that asks the reader for text
JSON_LD = "application/ld+json"  # the one kind of inline data script the site adds (scripts/citation.py)

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_URL_NOISE = re.compile(r"[\t\n\r]")  # the URL parser removes these anywhere in a URL
_JINJA = re.compile(r"\{\{.*?\}\}")
_RELATIVE_PATH = r"[./A-Za-z0-9_-]*"


@dataclass(frozen=True)
class Violation:
    what: str  # one line: what the browser would receive that the project never produces
    near: tuple[str, ...] = ()  # ids of the elements at or before it, closest first (a block, a term, a target …)


def url_scheme(value: str) -> str | None:
    """The scheme a browser sees in an attribute value (after stripping what its URL parser strips)."""
    cleaned = _URL_NOISE.sub("", value.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                            "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "))
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else None


def fragment_violations(html: str) -> list[Violation]:
    """Every element, attribute, class or URL in ``html`` (a content area) outside the allowlist."""
    body = LexborHTMLParser(f"<!DOCTYPE html><html><body>{html}</body></html>").body
    found: list[Violation] = []
    ids: list[str] = []
    for node in body.traverse(include_text=False):
        if node.tag == "body":
            continue
        if node.attributes.get("id"):
            ids.append(node.attributes["id"])
        found += [Violation(what, tuple(reversed(ids))) for what in _node_problems(node)]
    return found


def _node_problems(node: LexborNode) -> list[str]:
    tag = node.tag
    allowed = ELEMENTS.get(tag)
    if allowed is None:
        return [f"<{tag}> element is not allowed"]
    problems = []
    for name, value in node.attributes.items():
        value = value or ""
        if name.lower() not in allowed:
            problems.append(f"attribute {name}= on <{tag}> is not allowed")
        elif name in URL_ATTRIBUTES and (scheme := url_scheme(value)) and scheme not in SCHEMES:
            problems.append(f"{scheme}: URL in <{tag} {name}> is not allowed (only http, https, mailto and relative links)")
        elif name == "class" and (unknown := set(value.split()) - CLASSES):
            problems.append(f"class {' '.join(sorted(unknown))!r} on <{tag}> is not one the project sets")
        elif name == "lang" and value not in LANGS:
            problems.append(f"lang={value!r} on <{tag}> is not allowed")
        elif name == "data-status" and value not in STATUSES:
            problems.append(f"data-status={value!r} on <{tag}> is not allowed")
        elif name == "type" and value not in INPUT_TYPES:
            problems.append(f"type={value!r} on <{tag}> is not allowed")
    return problems


def page_violations(html: str, script_sources: frozenset[str], inline_scripts: tuple[re.Pattern, ...]) -> list[Violation]:
    """Whole-page checks: only the site's own scripts; no handler, script URL or frame anywhere.

    ``script_sources``: paths (relative to the site root) of the scripts the site ships; a ``<script src>``
    must end with one of them. ``inline_scripts``: the texts of the theme's and the overrides' own inline scripts
    (``theme_inline_scripts``); any other executable inline script is a violation.
    """
    tree = LexborHTMLParser(html)
    found: list[Violation] = []
    for node in tree.root.traverse(include_text=False):
        for name, value in node.attributes.items():
            if name.lower().startswith("on"):
                found.append(Violation(f"event-handler attribute {name}= on <{node.tag}>"))
            elif name in URL_ATTRIBUTES and (scheme := url_scheme(value or "")) in ("javascript", "vbscript", "data"):
                found.append(Violation(f"{scheme}: URL in <{node.tag} {name}>"))
        if node.tag in ("iframe", "frame", "object", "embed", "base", "portal"):
            found.append(Violation(f"<{node.tag}> element"))
        elif node.tag == "script":
            found += _script_problem(node, script_sources, inline_scripts)
    return found


def _script_problem(node: LexborNode, script_sources: frozenset[str], inline_scripts: tuple[re.Pattern, ...]) -> list[Violation]:
    src = node.attributes.get("src")
    if src is not None:
        path = src.split("?", 1)[0]
        if url_scheme(src) or not any(path.endswith(known) for known in script_sources):
            return [Violation(f"<script src={src!r}> is not one of the site's scripts")]
        return []
    text = node.text(deep=True).strip()
    if node.attributes.get("type") == JSON_LD:
        return _json_ld_problem(node, text)
    if node.attributes.get("type") == "application/json" or any(p.fullmatch(text) for p in inline_scripts):
        return []  # the theme's config (data, never run) or one of the templates' own inline scripts
    return [Violation(f"inline <script> {text[:40]!r} is not one of the templates' own")]


def _json_ld_problem(node: LexborNode, text: str) -> list[Violation]:
    """The page's schema.org metadata (scripts/citation.py): data, never run, so allowed when it is exactly
    that: no other attribute, a JSON object, and no ``<`` (``script_json`` escapes it), so that nothing in
    it could have ended the element early or opened an HTML comment."""
    if set(node.attributes) != {"type"}:
        return [Violation(f"<script type={JSON_LD!r}> with other attributes: {sorted(node.attributes)}")]
    if "<" in text:
        return [Violation(f"<script type={JSON_LD!r}> holds an unescaped '<'")]
    try:
        data = json.loads(text)
    except ValueError:
        return [Violation(f"<script type={JSON_LD!r}> is not valid JSON: {text[:40]!r}")]
    if not isinstance(data, dict):
        return [Violation(f"<script type={JSON_LD!r}> is not a JSON object")]
    return []


def theme_inline_scripts(*template_dirs: Path) -> tuple[re.Pattern, ...]:
    """The inline scripts of the theme's templates and of the site's overrides (both keep them in
    partials/javascripts/), as patterns in which each Jinja expression (a base URL such as ``..``) stands
    for a relative path."""
    patterns = []
    templates = [t for d in template_dirs for t in sorted((d / "partials" / "javascripts").glob("*.html"))]
    for template in templates:
        for script in LexborHTMLParser(template.read_text(encoding="utf-8")).css("script"):
            if "src" not in script.attributes:
                literal_parts = _JINJA.split(script.text(deep=True).strip())
                patterns.append(re.compile(_RELATIVE_PATH.join(map(re.escape, literal_parts))))
    return tuple(patterns)
