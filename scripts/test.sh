#!/usr/bin/env bash
# Installs everything (pnpm, Chromium for the browser tests) and runs every test of every package.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-tools.sh browser
exec pnpm test
