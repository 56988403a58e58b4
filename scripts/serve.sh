#!/usr/bin/env bash
# Build the site as it is deployed (scripts/build.sh: install, strict build into site/), then serve it with
# live reload at http://127.0.0.1:8000/ (Chinese) and /en/ (English): an edit is rebuilt and shown at once.
# ADDRESS=host:port serves elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/mkdocs serve --strict -a "${ADDRESS:-127.0.0.1:8000}"
