#!/usr/bin/env bash
# The README's demo: build Defuse and open it beside the demo Gmail and Zendesk pages.
# With a display ($DISPLAY) Chromium stays open until Ctrl-C; without one it runs headless, writes
# screenshots into demo-screenshots/ (the path is printed) and exits.
# Options (passed to scripts/demo.ts): --headless, --headed, --out DIR, --port N.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci
bash scripts/ensure-chromium.sh
npm run -s build
exec node_modules/.bin/tsx scripts/demo.ts "$@"
