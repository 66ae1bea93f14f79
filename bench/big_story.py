#!/usr/bin/env python3
"""A big story on this machine: 100,000 readers of one live page.

    python3 bench/big_story.py            100,000 readers, 60 posts, every phase
    python3 bench/big_story.py --quick    6,000 readers, 10 posts (a minute in all)

Phases, in one run:
  steady   six liveblog instances on one PostgreSQL, the readers spread evenly over
           them (one `loadgen crowd` process per instance: one process holds under
           20,000 sockets), one post a second through instance 1 (`loadgen wire`);
  storm    the same, with instance 6 restarted under its readers a quarter of the way
           in: they all come back with Last-Event-ID while posts keep coming;
  nchan    the same readers on nginx with nchan (one nginx, six workers);
  single   one liveblog instance with as many readers as its cap allows.

For every phase: whether every reader got every post once; from publish to the last
reader (per instance and overall) p50 and p99 over the posts, and the median reader's
delay; memory per server process; CPU of the servers and of PostgreSQL over the posts;
PostgreSQL's connections. Everything listens on 127.0.0.1 and is stopped at the end.
The report goes to standard output and to target/big-story/TIME.txt.
"""

import argparse
import json
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target/release/liveblog"
LOADGEN = ROOT / "target/release/loadgen"
POSTGRES = "postgres://postgres@127.0.0.1:5432"
DATABASE = "liveblog_big_story"
NCHAN = "/usr/lib/nginx/modules/ngx_nchan_module.so"
CLK_TCK = os.sysconf("SC_CLK_TCK")


def say(text):
    print(text, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def psql(sql, database="test"):
    return subprocess.run(
        ["psql", "-qtA", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-c", sql],
        check=True, capture_output=True, text=True,
    ).stdout.strip()


def rss_kb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def cpu_ticks(pid):
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return 0


def pids_named(name):
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == name:
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


def postgres_ticks():
    return sum(cpu_ticks(pid) for pid in pids_named("postgres"))


class Instance:
    """One liveblog process on a port of its own."""

    def __init__(self, work, number, database_url):
        self.number = number
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.dir = work / f"instance-{number}"
        self.dir.mkdir(exist_ok=True)
        self.database_url = database_url
        self.process = None
        self.start()

    def start(self):
        env = dict(os.environ, RUST_LOG="warn", LIVEBLOG_ADMIN_PASSWORD="big story admin password")
        args = [str(BIN), "serve", "--addr", f"127.0.0.1:{self.port}", "--data-dir", str(self.dir)]
        if self.database_url:
            args += ["--database-url", self.database_url]
        self.process = subprocess.Popen(
            args, env=env, stdout=subprocess.PIPE, stderr=open(self.dir / "server.log", "a"), text=True
        )
        for line in self.process.stdout:
            if "serving at" in line:
                return
        raise SystemExit(f"instance {self.number} did not start; see {self.dir}/server.log")

    def stop(self, sig=signal.SIGTERM):
        if self.process and self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=30)


class Nchan:
    """nginx with nchan: one master, `workers` workers, a port per crowd."""

    def __init__(self, work, workers, ports):
        self.dir = work / "nginx"
        (self.dir / "tmp").mkdir(parents=True, exist_ok=True)
        self.urls = [f"http://127.0.0.1:{port}" for port in ports]
        listens = "\n".join(f"    listen 127.0.0.1:{port} reuseport;" for port in ports)
        (self.dir / "nginx.conf").write_text(f"""
load_module {NCHAN};
daemon off;
worker_processes {workers};
worker_rlimit_nofile 20000;
pid {self.dir}/nginx.pid;
error_log {self.dir}/error.log warn;
events {{ worker_connections 19500; }}
http {{
  access_log off;
  client_body_temp_path {self.dir}/tmp;
  server {{
{listens}
    location ~ /pub/(\\w+)$ {{ nchan_publisher; nchan_channel_id $1; }}
    location ~ /sub/(\\w+)$ {{
      nchan_subscriber; nchan_channel_id $1; nchan_subscriber_first_message newest;
    }}
  }}
}}
""")
        self.process = subprocess.Popen(
            ["nginx", "-p", str(self.dir), "-c", str(self.dir / "nginx.conf"), "-e", str(self.dir / "error.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        time.sleep(1)
        if self.process.poll() is not None:
            raise SystemExit(f"nginx did not start; see {self.dir}/error.log")

    def pids(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        return [self.process.pid] + [int(pid) for pid in children]

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)
            self.process.wait(timeout=30)


def crowds(work, phase, urls, readers, path, posts, seconds):
    """Starts a crowd per URL and waits until every one has connected its readers."""
    running = []
    for n, url in enumerate(urls, 1):
        share = readers // len(urls) + (1 if n <= readers % len(urls) else 0)
        ready = work / f"{phase}-{n}.ready"
        out = open(work / f"{phase}-{n}.json", "w")
        log = open(work / f"{phase}-{n}.log", "w")
        process = subprocess.Popen(
            [str(LOADGEN), "crowd", "--url", url, "--path", path, "--readers", str(share),
             "--events", str(posts), "--ready-file", str(ready), "--seconds", str(seconds)],
            stdout=out, stderr=log,
        )
        running.append((n, url, process, ready))
    for n, url, process, ready in running:
        while not ready.exists():
            if process.poll() is not None:
                raise SystemExit(f"crowd {phase}-{n} stopped: {(work / f'{phase}-{n}.log').read_text()}")
            time.sleep(0.2)
    return running


def collect(work, phase, running):
    results = []
    for n, url, process, _ in running:
        process.wait()
        text = (work / f"{phase}-{n}.json").read_text().strip()
        if not text:
            raise SystemExit(f"crowd {phase}-{n} reported nothing: {(work / f'{phase}-{n}.log').read_text()}")
        results.append((n, json.loads(text)))
    return results


def percentile(values, p):
    values = sorted(values)
    if not values:
        return None
    rank = max(1, min(len(values), -(-p * len(values) // 100)))
    return values[int(rank) - 1]


def ms(ns):
    return "-" if ns is None else f"{ns / 1e6:,.0f}"


def tally(phase, wire, results, servers, restart_ns=None):
    """Rows of the report for one phase, and its figures as JSON."""
    sent = {e["k"]: e["sent_at"] for e in wire["events"]}
    rows = []
    overall_last = {}
    totals = {"readers": 0, "missing": 0, "duplicates": 0, "reconnects": 0}
    for n, crowd in results:
        to_last, median_reader = [], []
        for event in crowd["events"]:
            k = event["k"]
            if event["last_at"] is None or k not in sent:
                continue
            to_last.append(event["last_at"] - sent[k])
            median_reader.append(event["p50_at"] - sent[k])
            overall_last[k] = max(overall_last.get(k, 0), event["last_at"])
        server = servers.get(n, {})
        rows.append({
            "server": f"{n}",
            "readers": crowd["connected"],
            "missing": crowd["missing"],
            "duplicates": crowd["duplicates"],
            "reconnects": crowd["reconnects"],
            "median_reader_ms": ms(percentile(median_reader, 50)),
            "last_p50_ms": ms(percentile(to_last, 50)),
            "last_p99_ms": ms(percentile(to_last, 99)),
            "rss_mb": f"{server['rss_kb'] / 1024:,.0f}" if server else "-",
            "cpu_s": f"{server['cpu_s']:.1f}" if server else "-",
        })
        for key in totals:
            totals[key] += crowd["connected" if key == "readers" else key]
    overall = [overall_last[k] - sent[k] for k in overall_last]
    summary = dict(totals)
    summary["last_p50_ms"] = ms(percentile(overall, 50))
    summary["last_p99_ms"] = ms(percentile(overall, 99))
    summary["posts"] = len(sent)
    if restart_ns is not None:
        storm = [overall_last[k] - sent[k] for k in overall_last if restart_ns <= sent[k] <= restart_ns + 20e9]
        summary["storm_posts"] = len(storm)
        summary["storm_last_p50_ms"] = ms(percentile(storm, 50))
        summary["storm_last_p99_ms"] = ms(percentile(storm, 99))
    return rows, summary


def print_phase(title, rows, summary, extra, out):
    lines = [f"\n## {title}", ""]
    lines.append("| server | readers | missing | twice | came back | median reader ms | last reader p50 ms | last reader p99 ms | RSS MB | CPU s |")
    lines.append("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        lines.append(
            f"| {r['server']} | {r['readers']:,} | {r['missing']} | {r['duplicates']} | {r['reconnects']:,} | "
            f"{r['median_reader_ms']} | {r['last_p50_ms']} | {r['last_p99_ms']} | {r['rss_mb']} | {r['cpu_s']} |"
        )
    lines.append(
        f"| all | {summary['readers']:,} | {summary['missing']} | {summary['duplicates']} | {summary['reconnects']:,} | "
        f"| {summary['last_p50_ms']} | {summary['last_p99_ms']} | | |"
    )
    if "storm_posts" in summary:
        lines.append(
            f"\nPosts in the 20 s after the restart ({summary['storm_posts']}): last reader p50 "
            f"{summary['storm_last_p50_ms']} ms, p99 {summary['storm_last_p99_ms']} ms."
        )
    lines.extend(extra)
    text = "\n".join(lines)
    say(text)
    out.write(text + "\n")
    out.flush()


def run_phase(work, name, urls, readers, path, posts, wire_args, server_pids, restart=None):
    """Crowds, then the wire; CPU of the servers and PostgreSQL over the posts."""
    seconds = posts + 240
    say(f"{name}: {readers:,} readers over {len(urls)} servers")
    running = crowds(work, name, urls, readers, path, posts, seconds)
    time.sleep(3)
    memory = {n: sum(rss_kb(pid) for pid in pids()) for n, pids in server_pids.items()}
    ticks = {n: sum(cpu_ticks(pid) for pid in pids()) for n, pids in server_pids.items()}
    pg_before = postgres_ticks()
    generator_before = sum(cpu_ticks(process.pid) for _, _, process, _ in running)
    wire_out = work / f"{name}-wire.json"
    wire = subprocess.Popen(
        [str(LOADGEN), "wire", "--events", str(posts), *wire_args],
        stdout=open(wire_out, "w"), stderr=open(work / f"{name}-wire.log", "w"),
    )
    restart_ns = None
    restart_times = None
    if restart is not None:
        time.sleep(posts / 4)
        restart_ns = time.time_ns()
        say(f"{name}: restarting instance {restart.number} under its readers")
        # The process that stops takes its CPU time with it: count it now, and the new
        # process's from nothing.
        spent = cpu_ticks(restart.process.pid) - ticks[restart.number]
        stopping = time.monotonic()
        restart.stop()
        starting = time.monotonic()
        restart.start()
        started = time.monotonic()
        ticks[restart.number] = -spent
        say(
            f"{name}: instance {restart.number} took {starting - stopping:.1f} s to stop "
            f"(its readers told to go) and {started - starting:.1f} s to start again"
        )
        restart_times = (starting - stopping, started - starting)
    wire.wait()
    pg_seconds = (postgres_ticks() - pg_before) / CLK_TCK
    generator_seconds = (sum(cpu_ticks(process.pid) for _, _, process, _ in running) - generator_before) / CLK_TCK
    say(f"{name}: the readers' processes (the generator) took {generator_seconds:.1f} s of CPU over the posts")
    servers = {
        n: {"rss_kb": memory[n], "cpu_s": (sum(cpu_ticks(pid) for pid in pids()) - ticks[n]) / CLK_TCK}
        for n, pids in server_pids.items()
    }
    servers["generator"] = {"rss_kb": 0, "cpu_s": generator_seconds}
    results = collect(work, name, running)
    wire_report = json.loads(wire_out.read_text())
    return results, wire_report, servers, pg_seconds, (restart_ns, restart_times)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="6,000 readers and 10 posts")
    parser.add_argument("--readers", type=int, default=100_000)
    parser.add_argument("--posts", type=int, default=60)
    parser.add_argument("--instances", type=int, default=6)
    parser.add_argument("--single-readers", type=int, default=18_900,
                        help="readers of the single instance: below its cap of 19,000 streams")
    parser.add_argument("--phases", default="steady,storm,nchan,single")
    args = parser.parse_args()
    if args.quick:
        args.readers, args.posts, args.single_readers = 6_000, 10, 3_000
    phases = args.phases.split(",")

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    say("building (cargo build --release --workspace)")
    subprocess.run(["cargo", "build", "--release", "--workspace", "--quiet"], cwd=ROOT, check=True)

    report_dir = ROOT / "target/big-story"
    report_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc)
    out = open(report_dir / f"{stamp:%Y%m%dT%H%M%SZ}.txt", "w")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    head = (
        f"# A big story: {args.readers:,} readers, {args.posts} posts at one a second\n\n"
        f"{stamp:%Y-%m-%d %H:%M} UTC, commit {commit}; {os.cpu_count()} cores, "
        f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB; "
        f"open files per process {hard:,}; load average {os.getloadavg()[0]:.2f} at the start"
    )
    say(head)
    out.write(head + "\n")

    work = Path(tempfile.mkdtemp(prefix="big-story-"))
    instances = []
    nchan = None
    try:
        if "steady" in phases or "storm" in phases:
            psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
            psql(f"CREATE DATABASE {DATABASE}")
            database_url = f"{POSTGRES}/{DATABASE}"
            instances = [Instance(work, n, database_url) for n in range(1, args.instances + 1)]
            token = subprocess.run(
                [str(BIN), "token", "create", "wire", "--database-url", database_url, "--data-dir", str(work / "cli")],
                check=True, capture_output=True, text=True,
            ).stdout.strip()
            urls = [i.url for i in instances]
            server_pids = {i.number: (lambda i=i: [i.process.pid]) for i in instances}
            wire_args = ["--url", instances[0].url, "--token", token]
            for phase in [p for p in ("steady", "storm") if p in phases]:
                restart = instances[-1] if phase == "storm" else None
                results, wire, servers, pg_seconds, (restart_ns, restart_times) = run_phase(
                    work, phase, urls, args.readers, "/live/storm-maren/events", args.posts,
                    wire_args, server_pids, restart,
                )
                connections = psql(f"SELECT count(*) FROM pg_stat_activity WHERE datname = '{DATABASE}'")
                rows, summary = tally(phase, wire, results, servers, restart_ns)
                title = {
                    "steady": f"{args.instances} instances on one PostgreSQL, steady",
                    "storm": f"{args.instances} instances, instance {args.instances} restarted under its readers",
                }[phase]
                restarted = [] if restart_times is None else [
                    f"\nInstance {args.instances} took {restart_times[0]:.1f} s to stop and "
                    f"{restart_times[1]:.1f} s to start again; its readers were away meanwhile."
                ]
                print_phase(title, rows, summary, restarted + [
                    f"\nPostgreSQL: {connections} connections from the instances; "
                    f"{pg_seconds:.1f} s of CPU over the {args.posts} posts.",
                    f"Posts not acknowledged: {wire['failed']}.",
                    f"The readers' processes (the generator, on the same cores): "
                    f"{servers['generator']['cpu_s']:.1f} s of CPU over the posts.",
                ], out)
            for instance in instances:
                instance.stop()
            instances = []

        if "nchan" in phases:
            if not Path(NCHAN).exists():
                raise SystemExit("nchan is missing: apt-get install libnginx-mod-nchan")
            ports = [free_port() for _ in range(args.instances)]
            nchan = Nchan(work, args.instances, ports)
            results, wire, servers, _, _ = run_phase(
                work, "nchan", nchan.urls, args.readers, "/sub/bench", args.posts,
                ["--url", nchan.urls[0]], {"nginx": nchan.pids},
            )
            rows, summary = tally("nchan", wire, results, {})
            memory = servers["nginx"]
            print_phase(f"nginx with nchan, {args.instances} workers", rows, summary, [
                f"\nnginx in all: {memory['rss_kb'] / 1024:,.0f} MB, {memory['cpu_s']:.1f} s of CPU over the posts.",
                f"The readers' processes (the generator): {servers['generator']['cpu_s']:.1f} s of CPU over the posts.",
            ], out)
            nchan.stop()
            nchan = None

        if "single" in phases:
            single = Instance(work, 0, None)
            instances = [single]
            token = subprocess.run(
                [str(BIN), "token", "create", "wire", "--data-dir", str(single.dir)],
                check=True, capture_output=True, text=True,
            ).stdout.strip()
            results, wire, servers, _, _ = run_phase(
                work, "single", [single.url], args.single_readers, "/live/storm-maren/events", args.posts,
                ["--url", single.url, "--token", token], {1: lambda: [single.process.pid]},
            )
            rows, summary = tally("single", wire, results, servers)
            print_phase("one instance (SQLite) up to its cap", rows, summary, [
                f"\nThe readers' process (the generator): {servers['generator']['cpu_s']:.1f} s of CPU over the posts.",
            ], out)
            single.stop()
            instances = []
    finally:
        for instance in instances:
            instance.stop(signal.SIGKILL)
        if nchan:
            nchan.stop()
        if "--keep" not in sys.argv:
            shutil.rmtree(work, ignore_errors=True)
    say(f"\nreport: {out.name}")


if __name__ == "__main__":
    main()
