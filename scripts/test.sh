#!/usr/bin/env bash
# Run every check and test, installing what they need (Python and npm packages, Debian's Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --test
export NO_MKDOCS_2_WARNING=1
.venv/bin/python -m scripts split --check
.venv/bin/python -m scripts check
.venv/bin/python -m pytest "$@"
