#!/usr/bin/env python3
"""Years of archive: start-up and memory against the size of the archive, and the idle
cost of pages read once and left.

    python3 bench/archive.py            10k, 100k and 1M archived entries, every phase
    python3 bench/archive.py --quick    10k and 100k archived entries, 2,000 pages read

Phases, in one run, with the release build (`cargo build --release` first):
  archive  for each size, on SQLite and on PostgreSQL: a store of that many archived
           entries (closed pages of 200 entries of about 1 KB, each with its change
           log) and 20 live pages of 1,000 entries, written straight into the tables;
           the server started on it three times: seconds until /healthz answers, and
           its resident memory two seconds later (median of the three, and the range);
           then once more, 200 ended pages' first pages each viewed 21 times: the first
           view read from the store, the others from memory (p50 and p99 of each);
  idle     10,000 live pages of one entry, each page's event stream opened once and
           closed; the server's CPU over 20 s right after, and over 20 s once a minute
           has passed; /metrics' liveblog_held_channels at each point.

Everything listens on 127.0.0.1 and is stopped at the end. The report goes to standard
output.
"""

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target/release/liveblog"
POSTGRES = "postgres://postgres@127.0.0.1:5432"
BODY = "x" * 1000
ARCHIVED_PAGE = 200
LIVE_PAGES = 20
LIVE_ENTRIES = 1000


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def psql(sql, database="test"):
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", f"{POSTGRES}/{database}", "-c", sql],
                   check=True, stdout=subprocess.DEVNULL)


def store_flags(store):
    return ["--database-url", store] if store.startswith("postgres") else ["--data-dir", store]


def migrate(store):
    """Creates the tables, as any command does on a new store."""
    subprocess.run([BIN, "user", "list", *store_flags(store)], check=True, stdout=subprocess.DEVNULL)


def fill_sql(archived, live_pages, live_entries, series):
    """The SQL that writes the archive: `series(a, b)` is the dialect's row source."""
    closed = archived // ARCHIVED_PAGE
    pages = live_pages + closed
    return f"""
INSERT INTO blogs (id, slug, title, description, summary, time_zone, status, created_at, last_seq, reading_order, embed_origins, language)
SELECT i, 'page-' || i, 'Story ' || i, '', '[]', 'Europe/London',
  CASE WHEN i <= {live_pages} THEN 'live' ELSE 'closed' END, '2025-01-01T00:00:00.000000Z',
  CASE WHEN i <= {live_pages} THEN {live_entries} ELSE {ARCHIVED_PAGE} END, 'newest', '', 'en-GB'
FROM {series(1, pages)};
INSERT INTO entries (id, blog_id, title, body, key_event, pinned, published_at, created_by, version)
SELECT i, CASE WHEN i <= {live_pages * live_entries} THEN 1 + (i - 1) / {live_entries}
  ELSE {live_pages} + 1 + (i - 1 - {live_pages * live_entries}) / {ARCHIVED_PAGE} END,
  'Entry ' || i, '{BODY}', 0, 0, '2025-01-01T00:00:00.000000Z', 'bench', 1
FROM {series(1, live_pages * live_entries + archived)};
INSERT INTO changes (blog_id, seq, kind, entry_id, at)
SELECT blog_id, ROW_NUMBER() OVER (PARTITION BY blog_id ORDER BY id), 'entry-created', id, '2025-01-01T00:00:00.000000Z'
FROM entries;
"""


def sqlite_store(work, archived, live_pages=LIVE_PAGES, live_entries=LIVE_ENTRIES):
    import sqlite3
    data = work / f"sqlite-{archived}"
    migrate(str(data))
    db = sqlite3.connect(data / "liveblog.db")
    series = lambda a, b: f"(WITH RECURSIVE n(i) AS (SELECT {a} UNION ALL SELECT i + 1 FROM n WHERE i < {b}) SELECT i FROM n)"
    db.executescript(fill_sql(archived, live_pages, live_entries, series))
    db.commit()
    db.close()
    return str(data)


def postgres_store(archived, live_pages=LIVE_PAGES, live_entries=LIVE_ENTRIES):
    name = f"liveblog_archive_{archived}"
    psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    psql(f"CREATE DATABASE {name}")
    url = f"{POSTGRES}/{name}"
    migrate(url)
    series = lambda a, b: f"generate_series({a}, {b}) AS n(i)"
    psql(fill_sql(archived, live_pages, live_entries, series), database=name)
    # The sequences go on after the ids written.
    for table in ["blogs", "entries"]:
        psql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))", database=name)
    # As a store written over years would be: vacuumed and its statistics gathered,
    # not in the middle of autovacuum's first pass while the server is measured.
    psql("VACUUM ANALYZE", database=name)
    return url, name


class Server:
    def __init__(self, store, work):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, LIVEBLOG_ADMIN_PASSWORD="a long bench password")
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            [BIN, "serve", "--addr", f"127.0.0.1:{self.port}", *store_flags(store)],
            env=env, stdout=subprocess.DEVNULL, stderr=open(work / "server.log", "ab"), cwd=work)
        while True:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=5) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if self.process.poll() is not None:
                sys.exit(f"the server stopped: see {work / 'server.log'}")
            time.sleep(0.02)
        self.startup = time.monotonic() - self.started

    def rss_mb(self):
        for line in open(f"/proc/{self.process.pid}/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def cpu_seconds(self):
        fields = open(f"/proc/{self.process.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def metric(self, name):
        with urllib.request.urlopen(self.url + "/metrics") as answer:
            for line in answer.read().decode().splitlines():
                if line.startswith(name + " "):
                    return float(line.split()[1])
        return None

    def stop(self):
        self.process.terminate()
        self.process.wait(30)


def measure(store, work, runs=3):
    startups, rss = [], []
    for _ in range(runs):
        server = Server(store, work)
        time.sleep(2)
        startups.append(server.startup)
        rss.append(server.rss_mb())
        server.stop()
    return startups, rss


def first_views(store, work, size, views=200, repeats=20):
    """Milliseconds to the last byte of an ended page's first page: read from the store
    (its first view since the start), then from memory (`repeats` more views of it)."""
    import http.client
    import random
    server = Server(store, work)
    connection = http.client.HTTPConnection("127.0.0.1", server.port)
    ended = range(LIVE_PAGES + 1, LIVE_PAGES + size // ARCHIVED_PAGE + 1)
    first, again = [], []
    for page in random.Random(7).sample(ended, min(views, len(ended))):
        for n in range(1 + repeats):
            began = time.perf_counter()
            connection.request("GET", f"/live/page-{page}", headers={"Accept-Encoding": "br"})
            answer = connection.getresponse()
            answer.read()
            took = (time.perf_counter() - began) * 1000
            assert answer.status == 200, answer.status
            (first if n == 0 else again).append(took)
    server.stop()
    return first, again


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p / 100))]


def spread(values, unit, digits):
    return f"{statistics.median(values):.{digits}f} {unit} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def idle(work, pages):
    data = sqlite_store(work, 0, live_pages=pages, live_entries=1)
    server = Server(data, work)
    for page in range(1, pages + 1):
        with socket.create_connection(("127.0.0.1", server.port)) as s:
            s.sendall(f"GET /live/page-{page}/events HTTP/1.1\r\nHost: bench\r\nAccept: text/event-stream\r\n\r\n".encode())
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = s.recv(4096)
                if not chunk:
                    break
                head += chunk
    held_after = server.metric("liveblog_held_channels")
    before = server.cpu_seconds()
    time.sleep(20)
    right_after = (server.cpu_seconds() - before) / 20 * 100
    time.sleep(40)
    held_later = server.metric("liveblog_held_channels")
    before = server.cpu_seconds()
    time.sleep(20)
    later = (server.cpu_seconds() - before) / 20 * 100
    rss = server.rss_mb()
    server.stop()
    return held_after, right_after, held_later, later, rss


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if not BIN.exists():
        sys.exit("build it first: cargo build --release")
    sizes = [10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000]
    pages = 2_000 if args.quick else 10_000
    work = Path(tempfile.mkdtemp(prefix="liveblog-archive-"))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    print(f"# archive benchmark, commit {commit}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print(f"# every store also holds {LIVE_PAGES} live pages of {LIVE_ENTRIES} entries; medians of 3 starts (range)")
    print("# an ended page's first page, to the last byte (brotli), over one kept-alive connection:")
    print("# 200 ended pages each viewed once since the start (read from the store), then 20 times more (from memory)")
    print("| archived entries | store | start-up to /healthz | resident memory | first view p50 / p99 | again p50 / p99 |")
    print("|---|---|---|---|---|---|")

    def row(size, kind, store):
        startups, rss = measure(store, work)
        first, again = first_views(store, work, size)
        views = lambda v: f"{percentile(v, 50):.1f} / {percentile(v, 99):.1f} ms"
        print(f"| {size:,} | {kind} | {spread(startups, 's', 2)} | {spread(rss, 'MB', 0)} | {views(first)} | {views(again)} |", flush=True)

    try:
        for size in sizes:
            data = sqlite_store(work, size)
            row(size, "SQLite", data)
            shutil.rmtree(data)
            url, name = postgres_store(size)
            row(size, "PostgreSQL", url)
            psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        held_after, right_after, held_later, later, rss = idle(work, pages)
        print()
        print(f"# {pages:,} live pages, each page's stream opened once and closed (SQLite)")
        print("| when | pages holding a channel | server CPU over 20 s | resident memory |")
        print("|---|---|---|---|")
        print(f"| just after | {held_after:.0f} | {right_after:.2f}% of a core | |")
        print(f"| a minute later | {held_later:.0f} | {later:.2f}% of a core | {rss:.0f} MB |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
