#!/usr/bin/env bash
# Install what the project needs into .venv (pinned Python packages); with --browser also Debian's
# Chromium and CJK fonts for the browser tests. Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--browser" ] && { ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; }; then
  if [ "$(id -u)" = 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
  $apt_get update -qq
  DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
if ! .venv/bin/python -m pip install -q --disable-pip-version-check -c requirements.lock -e '.[test]'; then
  echo "install: pip could not install the pinned packages (see above)" >&2
  exit 1
fi
