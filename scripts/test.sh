#!/usr/bin/env bash
# Run every check and test, installing what they need (Python and npm packages, Debian's Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --test
export NO_MKDOCS_2_WARNING=1
.venv/bin/python -m scripts split --check
.venv/bin/python -m scripts check
# Test files run on every core, each file's tests in one worker (their module fixtures build once).
.venv/bin/python -m pytest -n auto --dist loadfile "$@"
