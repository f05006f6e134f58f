#!/usr/bin/env bash
# Installs everything and starts Dudao (API + dashboard) on a demo database of Anhui.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-tools.sh
exec pnpm start
