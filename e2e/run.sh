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

# Chromium drives the pages; Java runs the Nu Html Checker.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${missing[@]}"
fi

# npm records what it installed; a lock file newer than that record means reinstall.
[ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund

node --test live-updates.test.js reconnect.test.js cluster.test.js embed.test.js reader.test.js compose.test.js corrections.test.js drafts.test.js newsroom.test.js languages.test.js layout.test.js quality.test.js xss.test.js embeds.test.js tags.test.js profiles.test.js gallery.test.js clips.test.js labels.test.js polls.test.js webhooks.test.js callout.test.js
