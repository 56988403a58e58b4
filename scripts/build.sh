#!/usr/bin/env bash
# Build the static site into site/, exactly as it is deployed (GitHub Pages, the release tarball) and
# served by scripts/serve.sh: install what it needs, then a strict MkDocs build of mkdocs.yml.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/mkdocs build --strict --clean --site-dir site
