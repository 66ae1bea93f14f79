// Shared pieces of the browser tests: a liveblog server per test, an editor that
// publishes over HTTP with its own cookies, a Chromium page with the demo live page
// open, a TCP relay that can drop connections, and a few DOM probes.
"use strict";

const { execFile, spawn } = require("node:child_process");
const fs = require("node:fs");
const net = require("node:net");
const os = require("node:os");
const path = require("node:path");
const { chromium } = require("playwright-core");

const BIN = process.env.LIVEBLOG_BIN || path.join(__dirname, "..", "target", "debug", "liveblog");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const PASSWORD = "e2e-admin-password";
const SLUG = "storm-maren";
const PAGE = `/live/${SLUG}`;
// Generous, so a slow machine does not fail a test that would pass.
const WAIT = { timeout: 15000 };

// Data directories made here, removed when the test process ends.
const dataDirs = [];
process.once("exit", () => dataDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

// A 1x1 PNG, as a file an editor would choose.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

function newDataDir() {
  dataDirs.push(fs.mkdtempSync(path.join(os.tmpdir(), "liveblog-e2e-")));
  return dataDirs.at(-1);
}

// Starts the server binary, by default on a free port with a fresh data directory.
// The address it really serves on is read from its first line of output.
async function startServer({ addr = "127.0.0.1:0", dataDir = newDataDir(), env = {} } = {}) {
  const child = spawn(BIN, ["--addr", addr, "--data-dir", dataDir], {
    env: { ...process.env, LIVEBLOG_ADMIN_PASSWORD: PASSWORD, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stderr.on("data", (chunk) => (log += chunk));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const served = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}${log}`)), 15000);
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/liveblog is serving at (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}${log}`));
    });
    child.once("error", reject);
  }).catch((error) => {
    child.kill("SIGKILL");
    throw error;
  });
  const url = new URL(served);
  return {
    url: url.origin,
    dataDir,
    addr: url.host,
    port: Number(url.port),
    // Ends the process (SIGKILL by default: no goodbye to the browsers) and waits.
    async stop(signal = "SIGKILL") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

function csrfToken(html) {
  const match = html.match(/name="csrf_token" value="([^"]+)"/);
  if (!match) throw new Error("page has no csrf_token field");
  return match[1];
}

// A signed-in editor talking to one server with fetch, keeping its cookies.
class Editor {
  constructor(base) {
    this.base = base;
    this.cookies = new Map();
  }

  async request(pathname, options = {}) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const response = await fetch(this.base + pathname, {
      ...options,
      redirect: "manual",
      headers: { ...(options.headers || {}), cookie },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const [name, value] = pair.split("=");
      const gone = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (gone) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return response;
  }

  async post(pathname, fields) {
    const response = await this.request(pathname, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
    if (response.status !== 303) {
      throw new Error(`POST ${pathname} answered ${response.status}: ${await response.text()}`);
    }
  }

  async login() {
    const form = await (await this.request("/login")).text();
    await this.post("/login", { username: "admin", password: PASSWORD, csrf_token: csrfToken(form) });
    return this;
  }

  async csrf() {
    return csrfToken(await (await this.request(`/editor/live/${SLUG}`)).text());
  }

  // Publishes an entry and returns its id, read from the reader's page.
  async publish(fields) {
    const body = "Reported from the test harness.";
    await this.post(`/editor/live/${SLUG}/entries`, { body, ...fields, csrf_token: await this.csrf() });
    const html = await (await fetch(this.base + PAGE)).text();
    const title = fields.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const link = html.match(new RegExp(`<a href="${PAGE}/entries/(\\d+)">${title}</a>`));
    if (!link) throw new Error(`"${fields.title}" is not on the page`);
    return link[1];
  }

  // Schedules an entry for `publishAt` (a local time in the page's zone, to the
  // second) through the compose form's own route.
  async schedule(fields, publishAt) {
    const body = "Reported from the test harness.";
    const form = { body, ...fields, action: "schedule", publish_at: publishAt, csrf_token: await this.csrf() };
    await this.post(`/editor/live/${SLUG}/entries`, form);
  }

  async correct(id, fields) {
    await this.post(`/editor/live/${SLUG}/entries/${id}`, { ...fields, csrf_token: await this.csrf() });
  }

  async remove(id) {
    await this.post(`/editor/live/${SLUG}/entries/${id}/delete`, { csrf_token: await this.csrf() });
  }
}

async function signIn(server) {
  return new Editor(server.url).login();
}

// The entry ids of the page's stream as the server renders it now.
async function serverStreamIds(base) {
  const html = await (await fetch(base + PAGE)).text();
  const stream = html.slice(html.indexOf('id="stream"'));
  const ids = stream.slice(0, stream.indexOf("</section>")).matchAll(/<article id="entry-(\d+)"/g);
  return [...ids].map((m) => m[1]);
}

function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

// Records every EventSource the page opens, so a test can wait for the stream.
function trackEventSources() {
  const Native = window.EventSource;
  window.__sources = [];
  window.EventSource = class extends Native {
    constructor(url, init) {
      super(url, init);
      window.__sources.push(this);
    }
  };
}

// Opens the demo live page in a fresh context, waits until its stream is open, and
// leaves a marker on `window` that only a reload would remove.
async function openLivePage(browser, base, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 700 }, ...options });
  await context.addInitScript(trackEventSources);
  const page = await context.newPage();
  // Script errors on the page, for a test to assert there were none.
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.goto(base + PAGE);
  await waitForOpenStream(page);
  await page.evaluate(() => (window.__marker = "not reloaded"));
  return { context, page, errors };
}

// Signs someone in through the login form of a browser page.
async function signInBrowser(page, base, username = "admin", password = PASSWORD) {
  await page.goto(base + "/login");
  await page.fill("#username", username);
  await page.fill("#password", password);
  await Promise.all([page.waitForURL("**/editor"), page.click("button[type=submit]")]);
}

// An editor at the keyboard: a browser context of their own, signed in through the
// login form, with script errors collected for the test to check.
async function editorTab(browser, server, options = {}) {
  const { username = "admin", password = PASSWORD, viewport = { width: 1280, height: 900 }, ...rest } = options;
  const context = await browser.newContext({ viewport, ...rest });
  await context.addInitScript(trackEventSources);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await signInBrowser(page, server.url, username, password);
  return { context, page, errors };
}

// A server of its own for one test, an editor signed in at the keyboard and a reader's
// tab on the demo page, all closed when the test ends.
async function deskAndReader(browser, t) {
  const server = await startServer();
  t.after(() => server.stop());
  const { context, page, errors } = await editorTab(browser, server);
  t.after(() => context.close());
  const reader = await readerTab(browser, server.url);
  t.after(() => reader.context.close());
  return { server, page, errors, reader };
}

// Opens a page's compose page and waits until it hears the page's live events.
async function openCompose(page, base, slug = SLUG) {
  await page.goto(`${base}/editor/live/${slug}`);
  await waitForOpenStream(page);
}

// Clicks something that sends a form, and waits for the page that comes back.
// Does `act` (a click, a key) and waits for its answer: the next page, or, for a new
// entry the compose page sends in the background, the page having heard back
// (<html data-answered> counts the answers).
async function andWait(page, act) {
  const before = await page.evaluate(() => document.documentElement.dataset.answered || "0");
  const navigated = page.waitForNavigation({ waitUntil: "load" });
  const answered = page.waitForFunction((n) => (document.documentElement.dataset.answered || "0") !== n, before, WAIT);
  navigated.catch(() => {});
  answered.catch(() => {});
  await act();
  await Promise.race([navigated, answered]);
}

async function clickAndWait(page, selector) {
  await andWait(page, () => page.click(selector));
}

// A reader's tab on a live page (the demo page by default), its stream open.
async function readerTab(browser, base, slug = SLUG) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 700 } });
  await context.addInitScript(trackEventSources);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.goto(`${base}/live/${slug}`);
  await waitForOpenStream(page);
  await page.evaluate(() => (window.__marker = "not reloaded"));
  return { context, page, errors };
}

// Waits until a reader's tab shows an entry titled `title` in `where` (the stream by
// default), and returns that entry's article.
async function waitForEntry(page, title, where = "#stream", wait = WAIT) {
  await page.waitForFunction(
    ([where, title]) =>
      Array.from(document.querySelectorAll(`${where} article .entry-title`)).some((h) => h.textContent.trim() === title),
    [where, title],
    wait,
  );
  return page.locator(`${where} article`, { has: page.locator(".entry-title", { hasText: title }) }).first();
}

// Adds someone through the People page, as an admin does.
async function addPerson(page, base, name, role, password) {
  await page.goto(base + "/editor/people");
  await page.fill("#username", name);
  await page.check(`#role-${role}`);
  await page.fill("#password", password);
  await clickAndWait(page, "form[action='/editor/people'] button[type=submit]");
}

// Publishes an entry after everything a test has done and waits until the reader's tab
// shows it. The stream keeps the order entries were published in, so once the marker
// is there, anything published before it (a duplicate, say) is there too.
async function publishMarker(server, readerPage, title = "Marker: everything before this has arrived") {
  const editor = await signIn(server);
  await editor.publish({ title });
  await waitForEntry(readerPage, title);
}

// Waits until the editor's browser has saved what is typed in the form (it saves a
// moment after the last key, under "liveblog:form:<page>:<form>"), holding `text`.
function waitForSavedText(page, text) {
  return page.waitForFunction(
    (text) =>
      Object.keys(localStorage).some((key) => key.startsWith("liveblog:form:") && localStorage.getItem(key).includes(text)),
    text,
    WAIT,
  );
}

function waitForOpenStream(page) {
  return page.waitForFunction(
    () => (window.__sources || []).some((s) => s.readyState === EventSource.OPEN),
    null,
    WAIT,
  );
}

const probes = {
  marker: (page) => page.evaluate(() => window.__marker),
  streamIds: (page) =>
    page.$$eval("#stream > article", (articles) => articles.map((a) => a.id.replace("entry-", ""))),
  // Every entry id in the document, each as often as it appears.
  allIds: (page) => page.$$eval("article[id^='entry-']", (articles) => articles.map((a) => a.id)),
  firstStreamTitle: (page) => page.$eval("#stream > article .entry-title", (h) => h.textContent.trim()),
};

function duplicates(ids) {
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

// A TCP relay in front of a server: the browser talks to it, and a test can drop every
// connection and refuse new ones for a while, as a network blip would.
async function startRelay(target) {
  const [host, port] = target.split(":");
  const sockets = new Set();
  let server = null;
  let relayPort = 0;
  let stalled = false;
  function listen() {
    server = net.createServer((client) => {
      if (stalled) {
        // Taken, never answered: a request on its way through a network that hangs.
        sockets.add(client);
        client.on("error", () => {});
        client.on("close", () => sockets.delete(client));
        return;
      }
      const upstream = net.connect(Number(port), host);
      for (const [a, b] of [[client, upstream], [upstream, client]]) {
        sockets.add(a);
        a.on("error", () => b.destroy());
        a.on("close", () => {
          sockets.delete(a);
          b.destroy();
        });
        a.pipe(b);
      }
    });
    return new Promise((resolve) => server.listen(relayPort, "127.0.0.1", resolve)).then(() => {
      relayPort = server.address().port;
    });
  }
  await listen();
  return {
    url: () => `http://127.0.0.1:${relayPort}`,
    // Drops every open connection, and takes new ones without answering them, until `cut`.
    stall() {
      stalled = true;
      for (const socket of sockets) socket.destroy();
    },
    // Drops every open connection; with `refuse`, also stops accepting until `restore`.
    async cut({ refuse = false } = {}) {
      stalled = false;
      for (const socket of sockets) socket.destroy();
      if (refuse) await new Promise((resolve) => server.close(resolve));
    },
    restore: listen,
    async stop() {
      for (const socket of sockets) socket.destroy();
      if (server.listening) await new Promise((resolve) => server.close(resolve));
    },
  };
}

// The Nu Html Checker's messages on `files` (paths of HTML documents).
const VNU = require.resolve("vnu-jar/build/dist/vnu.jar");
function runVnu(files) {
  return new Promise((resolve, reject) => {
    execFile("java", ["-jar", VNU, "--errors-only", "--format", "json", ...files], (error, stdout, stderr) => {
      try {
        resolve(JSON.parse(stderr).messages);
      } catch (parseError) {
        reject(error || parseError);
      }
    });
  });
}

// axe-core, to be added to a page with page.addScriptTag({ path: AXE }).
const AXE = require.resolve("axe-core/axe.min.js");

module.exports = {
  PNG,
  deskAndReader,
  andWait,
  AXE,
  runVnu,
  BIN,
  PAGE,
  WAIT,
  csrfToken,
  PASSWORD,
  SLUG,
  trackEventSources,
  startServer,
  signIn,
  serverStreamIds,
  launchBrowser,
  openLivePage,
  signInBrowser,
  editorTab,
  openCompose,
  clickAndWait,
  readerTab,
  waitForEntry,
  addPerson,
  waitForOpenStream,
  publishMarker,
  waitForSavedText,
  probes,
  duplicates,
  startRelay,
};
