"""Hook: the site's own stylesheets and script (scripts/assets/) ship with the package, not with each
publication: they are added to the build's files, so a publication folder holds only its content."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

ASSETS = Path(__file__).resolve().parent.parent / "assets"


def on_files(files, config):
    for path in sorted(ASSETS.iterdir()):
        if path.is_file() and files.get_file_from_path(f"assets/{path.name}") is None:
            files.append(File.generated(config, f"assets/{path.name}", abs_src_path=str(path)))
    return files
