#!/usr/bin/env bash
# Installs everything (pnpm, Chromium, LibreOffice, PostgreSQL for the engine tests) and runs every test of every package.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-tools.sh browser
exec pnpm test
