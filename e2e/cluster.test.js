// `scripts/cluster`, as a reader with many tabs meets it: two instances behind nginx,
// HTTP/2 over TLS. Eight tabs of the same site each hold a live stream (over HTTP/1.1
// a browser allows six connections per host, and the seventh tab would wait), and an
// entry an editor publishes through the form reaches every one of them.
"use strict";

const { describe, before, after, test } = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync, spawn } = require("node:child_process");
const crypto = require("node:crypto");
const net = require("node:net");
const path = require("node:path");
const h = require("./helpers");

const TABS = 8;

function psql(sql) {
  execFileSync("psql", ["-q", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-c", sql]);
}

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Starts `scripts/cluster 2` on a database of its own and returns its HTTPS address
// once it says it is ready.
async function startCluster(database) {
  const httpsPort = await freePort();
  const script = spawn(path.join(__dirname, "..", "scripts", "cluster"), ["2"], {
    env: {
      ...process.env,
      LIVEBLOG_BIN: h.BIN,
      DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
      LIVEBLOG_ADMIN_PASSWORD: h.PASSWORD,
      CLUSTER_HTTPS_PORT: String(httpsPort),
      CLUSTER_HTTP_PORT: String(await freePort()),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise((resolve) => script.once("exit", resolve));
  let log = "";
  script.stderr.on("data", (chunk) => (log += chunk));
  await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`the cluster did not start:\n${out}${log}`)), 30000);
    script.stdout.on("data", (chunk) => {
      out += chunk;
      if (out.includes("liveblog cluster of 2 at")) {
        clearTimeout(timer);
        resolve();
      }
    });
    script.once("exit", (code) => reject(new Error(`the cluster exited with ${code}:\n${out}${log}`)));
  });
  return {
    url: `https://localhost:${httpsPort}`,
    // Ctrl-C, as a person stops it.
    async stop() {
      if (script.exitCode === null) script.kill("SIGINT");
      await exited;
    },
  };
}

describe("a cluster behind nginx", () => {
  let browser;
  let cluster;
  const database = `liveblog_e2e_${crypto.randomBytes(6).toString("hex")}`;
  before(async () => {
    psql(`CREATE DATABASE ${database}`);
    cluster = await startCluster(database);
    browser = await h.launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await cluster?.stop();
    psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  test(`${TABS} tabs of one site each get a new entry, over HTTP/2`, async () => {
    // One reader's browser: every tab in one profile, sharing its connections.
    const reader = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1024, height: 700 } });
    await reader.addInitScript(h.trackEventSources);
    const errors = [];
    const tabs = [];
    for (let n = 0; n < TABS; n++) {
      const tab = await reader.newPage();
      tab.on("pageerror", (error) => errors.push(error));
      await tab.goto(cluster.url + h.PAGE);
      tabs.push(tab);
    }
    for (const tab of tabs) await h.waitForOpenStream(tab);
    const protocol = await tabs[0].evaluate(() => performance.getEntriesByType("navigation")[0].nextHopProtocol);
    assert.equal(protocol, "h2");

    const editor = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } });
    await editor.addInitScript(h.trackEventSources);
    const desk = await editor.newPage();
    desk.on("pageerror", (error) => errors.push(error));
    await h.signInBrowser(desk, cluster.url);
    await h.openCompose(desk, cluster.url);
    await desk.fill("#title", "Every tab hears this");
    await desk.fill("#body", "Posted once, through nginx, to whichever instance.");
    await h.clickAndWait(desk, "button[value=publish]");

    for (const tab of tabs) await h.waitForEntry(tab, "Every tab hears this");
    assert.deepEqual(errors, [], "no script errors on any page");
    await editor.close();
    await reader.close();
  });
});
