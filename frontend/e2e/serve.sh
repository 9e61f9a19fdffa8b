#!/usr/bin/env bash
# Starts the real Showroom backend (API + built SPA + outbox worker) on a fresh SQLite file for
# the Playwright journey. Run from frontend/; expects `npm run build` and `cd ../backend && uv sync`.
set -euo pipefail

PORT="${E2E_PORT:-8765}"
# A fresh database and media folder each run, inside the (git-ignored) test-results folder.
TMP="$PWD/test-results/e2e-server"
rm -rf "$TMP"
mkdir -p "$TMP"

export SHOWROOM_ENV=development
export SHOWROOM_DATABASE_URL="sqlite+aiosqlite:///$TMP/e2e.db"
export SHOWROOM_PUBLIC_URL="http://127.0.0.1:$PORT"
export SHOWROOM_MEDIA_ROOT="$TMP/media"

../backend/.venv/bin/showroom migrate
exec ../backend/.venv/bin/showroom serve --host 127.0.0.1 --port "$PORT" --spa-dist dist --with-worker \
  --with-localstripe --localstripe-port "$((PORT + 1))"
