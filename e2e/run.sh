#!/usr/bin/env bash
# Runs the browser tests of the live reader page in Debian's Chromium. Installs Chromium
# and the npm packages when missing; does not build the server: build it first
# (`cargo build`), or point LIVEBLOG_BIN at a liveblog binary.
set -euo pipefail
cd "$(dirname "$0")"

export LIVEBLOG_BIN="${LIVEBLOG_BIN:-../target/debug/liveblog}"
if [ ! -x "$LIVEBLOG_BIN" ]; then
  echo "e2e: no server binary at $LIVEBLOG_BIN (run cargo build first)" >&2
  exit 1
fi
export LIVEBLOG_BIN="$(realpath "$LIVEBLOG_BIN")"

if [ ! -x /usr/bin/chromium ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium
fi

[ -d node_modules ] || npm ci --no-audit --no-fund

node --test live-updates.test.js reconnect.test.js editor.test.js reader.test.js
