"""Rule ``safety``: what content renders to in the browser is inside the project's HTML allowlist.

Each block and translator's note is rendered by the build's own Markdown (scripts/rendering.py) and the
HTML is checked by scripts/htmlpolicy.py, so encoded, escaped and split tricks are seen as the browser
sees them. Content also may not carry raw HTML or reference-style link definitions (a definition in one
block could be used by another), and only the files the site declares may live under ``content/``.
The build applies the same allowlist to every page it writes (scripts/hooks/safety.py).
"""

from __future__ import annotations

from pathlib import Path

from ..blocks import Block, Page, parse_page, public, render_block, split_front_matter
from ..edition import page_names
from ..errors import InputError
from ..htmlpolicy import fragment_violations
from ..project import Project
from ..rendering import Renderer, renderer_for
from .findings import Finding

#: A content page larger than this is refused before it is rendered (the largest page today is 25 KB).
MAX_PAGE_BYTES = 1_000_000


def _finding(path: str, line: int, message: str) -> Finding:
    return Finding(path, line, "safety", "error", message)


def rendered_problems(renderer: Renderer, markdown: str) -> list[str]:
    """What is wrong with the HTML ``markdown`` renders to, one message each."""
    rendered = renderer.render(markdown)
    problems = [f"raw HTML {piece[:40]!r} is not allowed in content" for piece in rendered.raw_html if piece.lstrip().startswith("<")]
    problems += [f"reference-style link definition [{label}]: is not allowed in content" for label in rendered.references]
    problems += [violation.what for violation in fragment_violations(rendered.html)]
    return problems


def block_safety_findings(block: Block, path: str, renderer: Renderer | None = None) -> list[Finding]:
    """The block as the build renders it, attribute list included (the review record is dropped, as the
    build drops it), checked against the allowlist (``renderer``: the project's; default: the project of
    the working directory)."""
    renderer = renderer or renderer_for(Project().mkdocs_config)
    return [_finding(path, block.line, problem) for problem in rendered_problems(renderer, render_block(public(block)))]


def page_safety_findings(project: Project, file: Path) -> list[Finding]:
    """Blocks and notes of one content page, each rendered and checked. A page the format does not accept
    (front matter, attribute lists, ids) is one ``format`` finding; other pages (status, glossary, targets)
    are rendered whole and reported at their first body line."""
    path = project.relative(file)
    if file.stat().st_size > MAX_PAGE_BYTES:
        return [_finding(path, 1, f"page is larger than {MAX_PAGE_BYTES:,} bytes")]
    text = file.read_text(encoding="utf-8")
    renderer = renderer_for(project.mkdocs_config)
    try:
        if file.parent in (project.zh_dir, project.en_dir) and file.stem in page_names(project):
            return _edition_page_findings(renderer, parse_page(file, text), path)
        _, lines, start = split_front_matter(file, text)
    except InputError as error:
        return [Finding(path, error.line or 1, "format", "error", error.message)]
    body = "\n".join(lines[start:])
    return [_finding(path, start + 1, problem) for problem in rendered_problems(renderer, body)]


def _edition_page_findings(renderer: Renderer, page: Page, path: str) -> list[Finding]:
    findings = [f for block in page.blocks for f in block_safety_findings(block, path, renderer)]
    findings += [_finding(path, line, problem) for line, text in page.notes for problem in rendered_problems(renderer, text)]
    return findings


def content_file_findings(project: Project) -> list[Finding]:
    """Only Markdown pages of the two editions may be published from content/ (the site's own assets ship
    with the package, scripts/assets/)."""
    findings = []
    for file in sorted(project.content_dir.rglob("*")):
        relative = file.relative_to(project.content_dir)
        if file.is_dir() or any(part.startswith(".") for part in relative.parts):
            continue
        if not (file.suffix == ".md" and file.parent in (project.zh_dir, project.en_dir)):
            findings.append(_finding(project.relative(file), 1, "only .md pages of content/zh and content/en may be in content/"))
    return findings
