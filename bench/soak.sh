#!/usr/bin/env bash
# The soak of issue 7: one live page under a steady day's load for five minutes, with
# a server restart in the middle. `loadgen soak` starts liveblog itself on a fresh
# store in a temporary folder, on 127.0.0.1 only, and stops it when it ends.
#
#   bench/soak.sh           2,000 readers, 200 page requests/s, 5 posts/s for 300 s
#   bench/soak.sh --quick   200 readers, 50 page requests/s, 5 posts/s for 40 s
#
# It passes when every reader received every acknowledged entry exactly once, in
# order, with its own text; the server's memory stayed flat (from 30 s into each
# server process to its end, within 10% or 4 MB; a run too short for that, such as
# --quick, says memory was not checked); and no request failed except while the
# server restarted. The report goes to standard output and to
# target/soak/TIME.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

args=(--readers 2000 --page-rate 200 --post-rate 5 --seconds 300 --reconnecting 200)
case "${1:-}" in
  "") ;;
  --quick) args=(--readers 200 --page-rate 50 --post-rate 5 --seconds 40 --reconnecting 20) ;;
  -h | --help)
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  *)
    echo "usage: bench/soak.sh [--quick]" >&2
    exit 2
    ;;
esac

cargo build --release --workspace --quiet
# The readers and the server each hold a socket per stream.
ulimit -n "$(ulimit -Hn)"
mkdir -p target/soak
report="target/soak/$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "soak at $(date -u '+%F %T') UTC, commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$report"
target/release/loadgen soak --server-bin target/release/liveblog "${args[@]}" 2>&1 | tee -a "$report"
