"""Hook: the site's own stylesheets and scripts (scripts/assets/) ship with the package, not with each
publication, and reach the browser as one stylesheet and one script (``assets/proposal.css``,
``assets/proposal.js``, in mkdocs.yml): each extra file a page must fetch before it renders costs a round
trip on a phone (Lighthouse: render-blocking requests). The sources stay one file per job; they are joined
in the order of their names.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

ASSETS = Path(__file__).resolve().parent.parent / "assets"
#: Published name of each kind of source, and what goes between two sources.
BUNDLES = {".css": ("assets/proposal.css", "\n"), ".js": ("assets/proposal.js", "\n;\n")}


def bundle(suffix: str) -> str:
    _, separator = BUNDLES[suffix]
    sources = sorted(p for p in ASSETS.iterdir() if p.is_file() and p.suffix == suffix)
    return separator.join(f"/* {p.name} */\n{p.read_text(encoding='utf-8')}" for p in sources)


def on_files(files, config):
    for suffix, (name, _) in BUNDLES.items():
        if files.get_file_from_path(name) is None:
            joined = File.generated(config, name, content=bundle(suffix))
            joined.abs_src_path = str(ASSETS)  # mkdocs-static-i18n needs a source path; the content is the bundle
            files.append(joined)
    return files
