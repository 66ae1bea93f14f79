// A reader's page while contributors send the costliest Markdown they can: four
// contributors preview an entry in a loop, as fast as the server answers, while one
// reader asks for the live page again and again. Prints the reader's latency with no
// load, under the text nested 6,666 deep (which the server now refuses), and under the
// heaviest text it still renders (quotes and lists nested 30 deep, 20,000 characters).
//
//   node bench/markdown-pressure.js                  # 20 s a round, the release build
//   SECONDS=5 LIVEBLOG_BIN=target/debug/liveblog node bench/markdown-pressure.js
//
// Needs the browser tests' packages (`npm ci` in e2e/) for their server helper.
"use strict";

const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.join(__dirname, "..");
process.env.LIVEBLOG_BIN ||= path.join(root, "target", "release", "liveblog");
if (!fs.existsSync(process.env.LIVEBLOG_BIN)) {
  console.error(`no server at ${process.env.LIVEBLOG_BIN}: cargo build --release first`);
  process.exit(1);
}
const h = require(path.join(root, "e2e", "helpers"));

const ROUND_SECONDS = Number(process.env.SECONDS || 20);
const CONTRIBUTORS = 4;
const BODIES = {
  "nested 6,666 deep (refused)": ">- ".repeat(6666),
  "heaviest accepted (30 deep, 20,000 characters)": `${">- ".repeat(10)}x\n\n`.repeat(Math.floor(20000 / 34)),
};

// A signed-in session over plain HTTP, keeping its cookies.
async function session(base, username, password) {
  const cookies = new Map();
  const jar = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const keep = (response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const token = (html) => html.match(/name="csrf_token" value="([^"]+)"/)[1];
  let response = await fetch(base + "/login", { headers: { cookie: jar() } });
  keep(response);
  response = await fetch(base + "/login", {
    method: "POST",
    redirect: "manual",
    headers: { cookie: jar(), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username, password, csrf_token: token(await response.text()) }),
  });
  keep(response);
  response = await fetch(`${base}/editor/live/${h.SLUG}`, { headers: { cookie: jar() } });
  const csrf = token(await response.text());
  return { cookie: jar(), csrf };
}

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return `${sorted.length} requests, p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`;
}

async function round(base, sessions, body) {
  const until = Date.now() + ROUND_SECONDS * 1000;
  let previews = 0;
  const statuses = {};
  const contributors = sessions.map(async (s) => {
    while (Date.now() < until && body) {
      const response = await fetch(`${base}/editor/live/${h.SLUG}/entries`, {
        method: "POST",
        redirect: "manual",
        headers: { cookie: s.cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ title: "Heavy", body, action: "preview", csrf_token: s.csrf }),
      });
      await response.arrayBuffer();
      statuses[response.status] = (statuses[response.status] || 0) + 1;
      previews += 1;
    }
  });
  const times = [];
  const reader = (async () => {
    while (Date.now() < until) {
      const started = performance.now();
      const response = await fetch(`${base}/live/${h.SLUG}`, { headers: { "accept-encoding": "br" } });
      await response.arrayBuffer();
      times.push(performance.now() - started);
    }
  })();
  await Promise.all([reader, ...contributors]);
  return { times, previews, statuses };
}

(async () => {
  const server = await h.startServer();
  try {
    const sessions = [];
    for (let n = 1; n <= CONTRIBUTORS; n++) {
      execFileSync(process.env.LIVEBLOG_BIN, ["user", "add", `writer${n}`, "--role", "contributor", "--data-dir", server.dataDir], {
        input: "a contributor's password\n",
        stdio: ["pipe", "ignore", "ignore"],
      });
      sessions.push(await session(server.url, `writer${n}`, "a contributor's password"));
    }
    console.log(`A reader's GET /live/${h.SLUG} while ${CONTRIBUTORS} contributors preview in a loop, ${ROUND_SECONDS} s a round`);
    console.log(`  server: ${path.relative(root, process.env.LIVEBLOG_BIN)}; ${os.cpus().length} cores, ${os.cpus()[0].model}; everything on 127.0.0.1`);
    const quiet = await round(server.url, [], null);
    console.log(`  no previews: ${summary(quiet.times)}`);
    for (const [name, body] of Object.entries(BODIES)) {
      const loaded = await round(server.url, sessions, body);
      const rate = (loaded.previews / ROUND_SECONDS).toFixed(1);
      console.log(`  ${name}: ${summary(loaded.times)}; ${rate} previews/s answered ${JSON.stringify(loaded.statuses)}`);
    }
  } finally {
    await server.stop();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
