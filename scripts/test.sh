#!/usr/bin/env bash
# Installs everything (pnpm, Chromium, LibreOffice, PostgreSQL for the engine tests) and runs every test of every package;
# the API suite runs twice, on SQLite and on a throwaway PostgreSQL server (apps/api `test`: DUDAO_TEST_ENGINE=postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-tools.sh browser
exec pnpm test
