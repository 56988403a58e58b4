#!/usr/bin/env bash
# The test command: the source split check, the machine checks of both editions, and the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1
.venv/bin/python -m scripts split --check
.venv/bin/python -m pytest "$@"
