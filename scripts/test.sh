#!/usr/bin/env bash
# The one test command (README): sets up what a fresh clone lacks, then type-checks, runs the unit
# tests, builds the extension and runs the browser tests against it.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci
npx tsc --noEmit
npx vitest run
npm run -s build
if [ -d tests/e2e ]; then
  bash scripts/ensure-chromium.sh
  npx vitest run --config tests/e2e/vitest.config.ts
fi
