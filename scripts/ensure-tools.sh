#!/usr/bin/env bash
# Installs what a fresh Node 20 machine lacks, then the workspace. Sourced by start.sh and test.sh.
set -euo pipefail
PNPM_VERSION=12.4.2

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "› 安装 pnpm@$PNPM_VERSION"
  npm install -g "pnpm@$PNPM_VERSION" >/dev/null
fi

need_browser="${1:-}"
if [ "$need_browser" = "browser" ] && ! command -v chromium >/dev/null 2>&1 && [ -z "${CHROMIUM_PATH:-}" ]; then
  echo "› 安装 Chromium 与中文字体（浏览器测试用）"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
# The browser tests drive the headless shell when it is there (much lighter on two cores), Chromium otherwise.
if [ "$need_browser" = "browser" ] && [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium-headless-shell >/dev/null 2>&1; then
  echo "› 安装 chromium-headless-shell（浏览器测试用）"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium-headless-shell >/dev/null; } ||
    echo "› 未能安装 chromium-headless-shell，浏览器测试改用 Chromium"
fi

# The documents test sets the city summary in LibreOffice and reads it back with pdftotext.
if [ "$need_browser" = "browser" ] || [ "${1:-}" = "office" ]; then
  if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
    echo "› 安装 LibreOffice Writer 与 poppler-utils（公文版式测试、PDF 导出用）"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends libreoffice-writer poppler-utils fonts-noto-cjk >/dev/null
  fi
fi

# The engine tests start a throwaway PostgreSQL server of their own (initdb + pg_ctl on a loopback port).
if [ "$need_browser" = "browser" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "› 安装 PostgreSQL（双引擎测试用）"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi

# better-sqlite3 compiles from source here: Debian's Node ships its headers in /usr/include/node.
if [ -d /usr/include/node ]; then export npm_config_nodedir=/usr; fi
echo "› pnpm install"
pnpm install --frozen-lockfile --reporter=silent
