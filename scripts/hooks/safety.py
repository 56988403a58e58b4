"""Hook: every page the build writes is parsed and checked against the HTML allowlist (scripts/htmlpolicy.py).

- ``on_files``: only the Markdown pages of the two editions and the assets mkdocs.yml declares are published;
- ``on_page_markdown``: a page's front matter has only the format's keys (no ``title``, ``template`` …);
- ``on_post_page``: the content area (``page.content``: Markdown plus what the hooks add from glossary.yml and
  targets.yml) holds only allowlisted elements, attributes, classes and URL schemes, and the whole page runs
  no script but the site's own. A violation stops the build with ``file:line: [safety] …`` at the source
  line: the block, glossary entry or target closest before it.

The plugin runs ``on_post_page`` last (priority -100), after every other hook has added its HTML.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from scripts.blocks import parse_page, split_front_matter
from scripts.check.safety import content_file_findings
from scripts.errors import InputError
from scripts.glossary.pages import category_of, is_overview
from scripts.hooks.support import glossary_and_places, input_errors_stop_the_build, project_of
from scripts.htmlpolicy import Violation, fragment_violations, page_violations, theme_inline_scripts
from scripts.project import Project
from scripts.targets import load_project

_state: dict = {}


def on_files(files, config):
    project = project_of(config)
    problems = content_file_findings(project)
    if problems:
        raise PluginError("\n".join(str(p) for p in problems))
    _state["scripts"] = frozenset(
        f.src_uri for f in files if f.src_uri.endswith(".js") and (f.src_uri.startswith("assets/javascripts/") or f.src_uri in config.extra_javascript)
    ) | frozenset(str(s) for s in config.extra_javascript)
    _state["inline"] = theme_inline_scripts(*map(Path, config.theme.dirs))  # the template folders: overrides, Material
    return files


def on_page_markdown(markdown, page, config, files):
    if page.file.generated_by:  # a page the build makes (the glossary's category pages) has no file to check
        return markdown
    with input_errors_stop_the_build():
        split_front_matter(page.file.abs_src_path, Path(page.file.abs_src_path).read_text(encoding="utf-8-sig"))
    return markdown


def on_post_page(output, page, config):
    violations = fragment_violations(page.content or "") + page_violations(output, _state["scripts"], _state["inline"])
    if violations:
        project = project_of(config)
        glossary_page = is_overview(page.file.src_uri) or category_of(page.file.src_uri) is not None
        where = SourceLines(project, Path(page.file.abs_src_path or project.en_dir / f"{Path(page.file.src_uri).name}"), glossary_page)
        raise PluginError("\n".join(f"{where.of(v)}: [safety] {v.what} (built page {page.url or '/'})" for v in violations))
    return output


class SourceLines:
    """Maps the id closest before a violation to the source line it came from."""

    def __init__(self, project: Project, page_file: Path, glossary_page: bool = False):
        self.project = project
        self.page_file = page_file
        self.lines: dict[str, tuple[Path, int]] = {}
        try:
            page = parse_page(page_file)
            self.lines.update({b.id: (page_file, b.line) for b in page.blocks})
        except (InputError, FileNotFoundError):
            pass
        name = page_file.stem
        if glossary_page:
            glossary, _ = glossary_and_places(project)
            self.lines.update({f"term-{t.id}": (project.glossary, t.line) for t in glossary})
        elif name == "targets":
            targets, _ = load_project(project)
            self.lines.update({t.id: (project.targets, t.line) for t in targets})

    def of(self, violation: Violation) -> str:
        known = next((self.lines[i] for i in violation.near if i in self.lines), None)
        path, line = known or (self.page_file, 1)
        return f"{self.project.relative(path)}:{line}"
