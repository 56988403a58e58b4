#!/usr/bin/env bash
# Build and serve the site at http://127.0.0.1:8000/ (Chinese) and /en/ (English), installing what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/mkdocs serve --strict -a "${ADDRESS:-127.0.0.1:8000}"
