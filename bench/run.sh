#!/usr/bin/env bash
# The benchmarks of issue 6 (BENCHMARKS.md says what each one does): liveblog's first
# page against nginx serving the same bytes precompressed, and liveblog's SSE fan-out
# against nginx with nchan. Every server listens on 127.0.0.1, every run is bounded in
# time and count, and everything this script starts is stopped when it ends.
#
#   bench/run.sh           the full run: 3 runs of each, 10,000 readers, 10 s of wrk
#   bench/run.sh --quick   a try-out: 1 run of each, 2,000 readers, 3 s of wrk
#
# The table goes to standard output and, with every raw run, to target/bench/TIME/;
# target/bench/results.md is the latest table.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=3
subscribers=10000
big_subscribers=19000
wrk_seconds=10
mode=full
case "${1:-}" in
  "") ;;
  --quick)
    runs=1 subscribers=2000 big_subscribers=4000 wrk_seconds=3 mode=quick
    ;;
  -h | --help)
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  *)
    echo "usage: bench/run.sh [--quick]" >&2
    exit 2
    ;;
esac

slug=storm-maren
events=20
# Readers, the server's own sockets and a few files fit under 20,000 per process.
fd_limit=20000
admin_password="bench-$RANDOM-$RANDOM-password"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
# Each run's files in a folder of its own; results.md beside them is the latest table.
out=target/bench/$stamp
mkdir -p "$out"
raw="$out/raw.txt"
: >"$raw"

say() {
  printf '== %s\n' "$*" | tee -a "$raw" >&2
}

die() {
  say "error: $*"
  exit 1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# ---------------------------------------------------------------- what it needs
modules=/usr/lib/nginx/modules
missing=()
command -v nginx >/dev/null || missing+=(nginx)
[ -e "$modules/ngx_nchan_module.so" ] || missing+=(libnginx-mod-nchan)
[ -e "$modules/ngx_http_brotli_static_module.so" ] || missing+=(libnginx-mod-http-brotli-static)
command -v wrk >/dev/null || missing+=(wrk)
command -v brotli >/dev/null || missing+=(brotli)
command -v jq >/dev/null || missing+=(jq)
command -v curl >/dev/null || missing+=(curl)
if ((${#missing[@]})); then
  say "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Anything else busy on the machine skews every figure: say so in the results.
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)

say "building (release)"
cargo build --release --workspace
liveblog=target/release/liveblog
loadgen=target/release/loadgen
clk_tck=$(getconf CLK_TCK)

work=$(mktemp -d /tmp/liveblog-bench.XXXXXX)
# nginx's workers run as an unprivileged user and must read the page.
chmod 755 "$work"
mkdir -p "$work/www" "$work/nginx/tmp"
lb_pid=""
lb_url=""
nginx_pid=""
nginx_port=""

# ---------------------------------------------------------------- liveblog
start_liveblog() {
  : >"$work/liveblog.out"
  (
    ulimit -n "$fd_limit"
    exec env LIVEBLOG_ADMIN_PASSWORD="$admin_password" \
      "$liveblog" --addr 127.0.0.1:0 --data-dir "$work/data"
  ) >"$work/liveblog.out" 2>>"$work/liveblog.err" &
  lb_pid=$!
  for _ in $(seq 1 100); do
    lb_url=$(sed -n 's/^liveblog is serving at \(http:[^ ]*\).*/\1/p' "$work/liveblog.out")
    [ -n "$lb_url" ] && return 0
    if ! kill -0 "$lb_pid" 2>/dev/null; then
      tail -n 20 "$work/liveblog.err" >&2
      lb_pid=""
      die "liveblog did not start"
    fi
    sleep 0.1
  done
  die "liveblog did not say where it serves within 10 s"
}

stop_liveblog() {
  [ -n "$lb_pid" ] || return 0
  kill -TERM "$lb_pid" 2>/dev/null || true
  for _ in $(seq 1 150); do
    kill -0 "$lb_pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$lb_pid" 2>/dev/null; then
    say "liveblog did not stop within 15 s of SIGTERM; killing it"
    kill -KILL "$lb_pid" 2>/dev/null || true
  fi
  wait "$lb_pid" 2>/dev/null || true
  lb_pid=""
}

# ---------------------------------------------------------------- nginx
# A port outside the kernel's ephemeral range, so the readers' own ports never take it.
free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 10000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  die "no free port between 20000 and 30000"
}

write_nginx_conf() {
  local dir=$work/nginx
  cat >"$dir/nginx.conf" <<EOF
load_module $modules/ngx_nchan_module.so;
load_module $modules/ngx_http_brotli_static_module.so;

daemon off;
master_process on;
worker_processes 2;
worker_rlimit_nofile $fd_limit;
pid $dir/nginx.pid;
error_log $dir/error.log warn;

events {
  worker_connections $fd_limit;
}

http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  # wrk keeps its 64 connections for the whole run, as liveblog lets it.
  keepalive_requests 1000000;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;

  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;

    # The same bytes as liveblog's first page, compressed ahead of time.
    location / {
      gzip_static on;
      brotli_static on;
    }

    location ~ /pub/(\w+)$ {
      nchan_publisher;
      nchan_channel_id \$1;
    }

    # A new reader gets what is published after it connects, as on liveblog.
    location ~ /sub/(\w+)$ {
      nchan_subscriber;
      nchan_channel_id \$1;
      nchan_subscriber_first_message newest;
    }
  }
}
EOF
}

start_nginx() {
  nginx_port=$(free_port)
  write_nginx_conf
  local args=(-p "$work/nginx/" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log")
  nginx -t -q "${args[@]}" || die "nginx refused its configuration (see $work/nginx/error.log)"
  (
    ulimit -n "$fd_limit"
    exec nginx "${args[@]}"
  ) >>"$work/nginx/stdout.log" 2>&1 &
  nginx_pid=$!
  for _ in $(seq 1 100); do
    curl -sf -o /dev/null "http://127.0.0.1:$nginx_port/index.html" && return 0
    if ! kill -0 "$nginx_pid" 2>/dev/null; then
      tail -n 20 "$work/nginx/error.log" >&2
      nginx_pid=""
      die "nginx did not start"
    fi
    sleep 0.1
  done
  die "nginx did not answer within 10 s"
}

# A graceful quit (SIGQUIT), then a fast one (SIGTERM) if it lingers; never SIGKILL.
stop_nginx() {
  [ -n "$nginx_pid" ] || return 0
  kill -QUIT "$nginx_pid" 2>/dev/null || true
  for _ in $(seq 1 300); do
    kill -0 "$nginx_pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$nginx_pid" 2>/dev/null; then
    say "nginx did not quit within 30 s of SIGQUIT; asking for a fast shutdown"
    kill -TERM "$nginx_pid" 2>/dev/null || true
  fi
  wait "$nginx_pid" 2>/dev/null || true
  nginx_pid=""
  if grep -E '\[(alert|emerg|crit|error)\]' "$work/nginx/error.log" >>"$raw" 2>/dev/null; then
    say "nginx logged errors (copied into $raw)"
  fi
  : >"$work/nginx/error.log"
}

cleanup() {
  stop_nginx
  stop_liveblog
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- the page
say "starting liveblog on a fresh store in $work/data"
start_liveblog
token=$("$liveblog" token create bench --data-dir "$work/data")
"$loadgen" seed --url "$lb_url" --slug "$slug" --token "$token" --entries 20 | tee -a "$raw" >&2
curl -sf "$lb_url/live/$slug" -o "$work/www/index.html" || die "cannot read /live/$slug"
gzip -9 -k "$work/www/index.html"
brotli -k "$work/www/index.html"
page_bytes=$(wc -c <"$work/www/index.html")
gzip_bytes=$(wc -c <"$work/www/index.html.gz")
br_bytes=$(wc -c <"$work/www/index.html.br")
say "the first page: $page_bytes bytes of HTML, $gzip_bytes gzipped, $br_bytes with brotli"
start_nginx

page_urls=("http://127.0.0.1:$nginx_port/index.html" "$lb_url/live/$slug")
content_encoding() {
  curl -s -o /dev/null -D - -H "Accept-Encoding: $2" "$1" |
    tr -d '\r' | awk -F': *' 'tolower($1) == "content-encoding" { print $2 }'
}
notes=()
for encoding in gzip br; do
  for target in nginx liveblog; do
    url=${page_urls[0]}
    [ "$target" = liveblog ] && url=${page_urls[1]}
    got=$(content_encoding "$url" "$encoding")
    say "$target answers Accept-Encoding: $encoding with Content-Encoding: ${got:-none}"
    if [ "$got" != "$encoding" ]; then
      notes+=("$target answers Accept-Encoding: $encoding with Content-Encoding: ${got:-none}")
    fi
  done
done

# The 99th percentile from wrk's latency distribution, in ms.
wrk_p99_ms() {
  awk '$1 == "99%" {
    v = $2
    if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v) }
    else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 }
    print v
  }' "$1"
}

: >"$work/page.tsv"
for encoding in gzip br; do
  for run in $(seq 1 "$runs"); do
    for target in nginx liveblog; do
      url=${page_urls[0]}
      [ "$target" = liveblog ] && url=${page_urls[1]}
      file="$out/wrk-$encoding-$target-$run.txt"
      say "page, $encoding, $target, run $run of $runs: wrk -t2 -c64 -d${wrk_seconds}s"
      wrk -t2 -c64 -d"${wrk_seconds}s" --latency -H "Accept-Encoding: $encoding" "$url" >"$file"
      cat "$file" >>"$raw"
      rps=$(awk '/^Requests\/sec:/ { print $2 }' "$file")
      p99=$(wrk_p99_ms "$file")
      if grep -q 'Non-2xx' "$file"; then
        notes+=("$target ($encoding, run $run): $(grep 'Non-2xx' "$file" | tr -s ' ')")
      fi
      printf '%s\t%s\t%s\t%s\n' "$encoding" "$target" "${rps:-}" "${p99:-}" >>"$work/page.tsv"
      say "  $rps requests/s, p99 $p99 ms"
    done
  done
done
stop_nginx
stop_liveblog

# ---------------------------------------------------------------- the fan-out
: >"$work/fanout.jsonl"
# One fan-out run on a freshly started server; its JSON line goes to fanout.jsonl.
fanout() {
  local target=$1 readers=$2 label=$3 pid args
  if [ "$target" = nchan ]; then
    start_nginx
    pid=$nginx_pid
    args=(--target nchan --url "http://127.0.0.1:$nginx_port" --channel bench)
  else
    start_liveblog
    pid=$lb_pid
    args=(--target liveblog --url "$lb_url" --slug "$slug" --token "$token")
  fi
  local log="$out/fanout-$label"
  say "fan-out, $target, $readers readers ($label)"
  if (
    ulimit -n "$fd_limit"
    exec timeout 600 "$loadgen" fanout "${args[@]}" --subscribers "$readers" --events "$events" \
      --pid "$pid" --clk-tck "$clk_tck"
  ) >"$log.txt" 2>"$log.err"; then
    cat "$log.err" "$log.txt" | tee -a "$raw" >&2
    tail -n 1 "$log.txt" | jq -c --arg run "$label" '. + {"run": $run}' >>"$work/fanout.jsonl" ||
      notes+=("fan-out $label: no JSON line at the end of its output")
  else
    cat "$log.err" "$log.txt" | tee -a "$raw" >&2
    notes+=("fan-out $label failed: $(tail -n 1 "$log.err")")
  fi
  if [ "$target" = nchan ]; then stop_nginx; else stop_liveblog; fi
}

for run in $(seq 1 "$runs"); do
  fanout nchan "$subscribers" "nchan-$run"
  fanout liveblog "$subscribers" "liveblog-$run"
done
fanout liveblog "$big_subscribers" "large-liveblog"

# ---------------------------------------------------------------- the table
median() {
  sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) print ""
    else if (NR % 2) print v[(NR + 1) / 2]
    else print (v[NR / 2] + v[NR / 2 + 1]) / 2
  }'
}
page_median() { # encoding target column(3 = req/s, 4 = p99)
  awk -F'\t' -v e="$1" -v t="$2" -v c="$3" '$1 == e && $2 == t && $c != "" { print $c }' \
    "$work/page.tsv" | median
}
fanout_median() { # label-prefix field
  jq -r --arg p "$1-" --arg f "$2" 'select(.run | startswith($p)) | .[$f] // empty' \
    "$work/fanout.jsonl" | median
}
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "-"; else printf "%.2f", a / b }'
}
# Whether `a OP b` holds, for numbers; "-" when either is missing.
holds() {
  awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN {
    if (a == "" || b == "" || a == "-" || b == "-") { print "-"; exit }
    ok = (op == ">=" && a + 0 >= b + 0) || (op == "<=" && a + 0 <= b + 0) || (op == "<" && a + 0 < b + 0)
    print (ok ? "met" : "not met")
  }'
}
# A number with `decimals` places, or "-" when there is none.
show() {
  awk -v v="$1" -v d="$2" 'BEGIN { if (v == "" || v == "-") print "-"; else printf("%." d "f", v) }'
}

rows=()
row() { # name decimals liveblog reference ratio target met
  rows+=("| $1 | $(show "$3" "$2") | $(show "$4" "$2") | $5 | $6 | $7 |")
}
for encoding in gzip br; do
  lb_rps=$(page_median "$encoding" liveblog 3)
  ng_rps=$(page_median "$encoding" nginx 3)
  lb_p99=$(page_median "$encoding" liveblog 4)
  ng_p99=$(page_median "$encoding" nginx 4)
  rps_ratio=$(ratio "$lb_rps" "$ng_rps")
  row "page $encoding req/s" 0 "$lb_rps" "$ng_rps" "$rps_ratio" "≥ 1.2× nginx" "$(holds "$rps_ratio" ">=" 1.2)"
  row "page $encoding p99 (ms)" 2 "$lb_p99" "$ng_p99" "$(ratio "$lb_p99" "$ng_p99")" "≤ nginx" "$(holds "$lb_p99" "<=" "$ng_p99")"
done
lb_p50=$(fanout_median liveblog p50_ms)
nc_p50=$(fanout_median nchan p50_ms)
lb_p99=$(fanout_median liveblog p99_ms)
nc_p99=$(fanout_median nchan p99_ms)
lb_last=$(fanout_median liveblog last_reader_p99_ms)
nc_last=$(fanout_median nchan last_reader_p99_ms)
lb_cpu=$(fanout_median liveblog cpu_us_per_delivery)
nc_cpu=$(fanout_median nchan cpu_us_per_delivery)
lb_kb=$(fanout_median liveblog kb_per_idle_subscriber)
nc_kb=$(fanout_median nchan kb_per_idle_subscriber)
big_kb=$(fanout_median large kb_per_idle_subscriber)
p99_ratio=$(ratio "$lb_p99" "$nc_p99")
lb_connect=$(fanout_median liveblog connect_seconds)
nc_connect=$(fanout_median nchan connect_seconds)
row "time to open every reader (s)" 1 "$lb_connect" "$nc_connect" "$(ratio "$lb_connect" "$nc_connect")" "-" "-"
row "connections dropped by a full accept queue" 0 "$(fanout_median liveblog listen_overflows)" "$(fanout_median nchan listen_overflows)" "-" "-" "-"
row "fan-out p50 (ms)" 1 "$lb_p50" "$nc_p50" "$(ratio "$lb_p50" "$nc_p50")" "-" "-"
row "fan-out p99 (ms)" 1 "$lb_p99" "$nc_p99" "$p99_ratio" "≤ 0.7× nchan" "$(holds "$p99_ratio" "<=" 0.7)"
row "submit to last reader p99 (ms)" 1 "$lb_last" "$nc_last" "$(ratio "$lb_last" "$nc_last")" "< 150 ms" "$(holds "$lb_last" "<" 150)"
row "server CPU per delivery (µs)" 2 "$lb_cpu" "$nc_cpu" "$(ratio "$lb_cpu" "$nc_cpu")" "≤ 5 µs" "$(holds "$lb_cpu" "<=" 5)"
row "memory per idle reader (KB)" 2 "$lb_kb" "$nc_kb" "$(ratio "$lb_kb" "$nc_kb")" "< 8 KB" "$(holds "$lb_kb" "<" 8)"
row "memory per idle reader at $big_subscribers (KB)" 2 "$big_kb" "-" "-" "< 8 KB" "$(holds "$big_kb" "<" 8)"

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD 2>/dev/null || commit="$commit + uncommitted changes"
cpu_model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
memory=$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
table="$out/results.md"
{
  echo "### bench/run.sh ($mode), $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit"
  echo
  echo "$(nproc) cores ($cpu_model), $memory, load average $load_at_start before the build."
  echo "Each server runs alone with the load generator. Medians of $runs run(s); fan-out: $subscribers readers, $events events"
  echo "of 1,500 bytes; page: $page_bytes bytes of HTML ($gzip_bytes gzip -9, $br_bytes brotli), wrk -t2 -c64 -d${wrk_seconds}s."
  echo
  echo "| measure | liveblog | reference (nginx / nchan) | ratio | target | met? |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  if ((${#notes[@]})); then
    echo
    printf -- '- %s\n' "${notes[@]}"
  fi
} >"$table"
cp "$table" target/bench/results.md
cp "$work/page.tsv" "$out/page.tsv"
cp "$work/fanout.jsonl" "$out/fanout.jsonl"
cat "$table" >>"$raw"
echo
cat "$table"
say "table: $table; raw runs: $raw"
