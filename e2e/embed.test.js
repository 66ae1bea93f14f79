// A live page inside a newspaper's article on another site (another port here), placed
// by the loader script and by a plain iframe: new entries appear inside, the frame
// grows with them, the article never scrolls sideways on a phone, links open in the
// top window, new entries wait behind "2 new updates" while the reader is further down
// the article, an entry asked for in the article's address is scrolled to, and a site
// not named in --frame-ancestors gets no live page at all. And pasted into WordPress,
// which frames what our oEmbed answers in a sandbox that gives it no origin of its own
// and resizes it only through its own embed messages, it stays live and grows.
"use strict";

const { describe, before, after, test } = require("node:test");
const assert = require("node:assert/strict");
const http = require("node:http");
const h = require("./helpers");

const PHONE = { width: 390, height: 844 };

// A newspaper's site: an article with the live page in it, by the loader or a frame.
// `host.liveblog` is where the live page is, set once that server is up.
function startHost() {
  const host = { liveblog: "" };
  const pages = {
    "/loader": () => `<div data-liveblog="${host.liveblog}/live/${h.SLUG}"></div>
      <script src="${host.liveblog}/static/embed.js" async></script>`,
    "/plain": () => `<iframe src="${host.liveblog}/live/${h.SLUG}/embed" title="Live updates"
      style="width:100%;height:900px;border:0"></iframe>`,
  };
  const server = http.createServer(async (request, response) => {
    if (request.url === "/wordpress" || request.url === "/wordpress-teaser") {
      const view = request.url === "/wordpress-teaser" ? "?view=latest&n=1" : "";
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(await wordpressPost(host.liveblog, view));
      return;
    }
    const page = pages[request.url.split("?")[0]];
    if (!page) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1"><title>The Calder Gazette</title></head>
      <body style="margin:0;font-family:sans-serif"><article style="padding:0 1rem">
      <h1>Storm Maren: our coverage</h1><p>The latest from the coast, as it happens.</p>
      ${page()}<p>More from the Gazette.</p></article></body></html>`);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      host.origin = `http://127.0.0.1:${server.address().port}`;
      host.close = () => new Promise((done) => server.close(done));
      resolve(host);
    });
  });
}

// A WordPress post with the live page's address pasted into it, as WordPress makes it:
// the frame from our oEmbed answer with every attribute but its allow-list stripped,
// sandboxed with scripts alone, the secret in its address, and WordPress's own embed
// script, which sizes a frame (200 to 1000 px) and follows its links only on messages
// that carry the frame's secret.
// `view` is added to the frame's address (a teaser's query), as an editor may.
async function wordpressPost(liveblog, view) {
  const pasted = `${liveblog}/live/${h.SLUG}`;
  const oembed = await (await fetch(`${liveblog}/oembed?url=${encodeURIComponent(pasted)}&format=json`)).json();
  const allowed = ["src", "width", "height", "frameborder", "marginwidth", "marginheight", "scrolling", "title"];
  const attributes = {};
  for (const [, name, value] of oembed.html.matchAll(/([a-z-]+)="([^"]*)"/g)) {
    if (allowed.includes(name)) attributes[name] = value;
  }
  const secret = "Ab3dE5gH9k";
  attributes.src += `${view}#?secret=${secret}`;
  const kept = Object.entries(attributes).map(([name, value]) => `${name}="${value}"`).join(" ");
  const frame = `<iframe sandbox="allow-scripts" security="restricted" class="wp-embedded-content" data-secret="${secret}" ${kept}></iframe>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1"><title>Storm Maren – The Calder Post</title></head>
    <body style="margin:0;font-family:serif"><article style="padding:0 1rem"><h1>Storm Maren, live</h1>
    <figure class="wp-block-embed">${frame}</figure><p>Filed under Weather.</p></article>
    <script>
      window.addEventListener("message", function (e) {
        var data = e.data;
        if (!data || !(data.secret || data.message || data.value) || /[^a-zA-Z0-9]/.test(data.secret)) return;
        var frames = document.querySelectorAll('iframe[data-secret="' + data.secret + '"]');
        for (var i = 0; i < frames.length; i++) {
          var source = frames[i];
          if (e.source !== source.contentWindow) continue;
          source.removeAttribute("style");
          if (data.message === "height") {
            var height = parseInt(data.value, 10);
            if (height > 1000) height = 1000; else if (~~height < 200) height = 200;
            source.height = height;
          } else if (data.message === "link") {
            var from = new URL(source.getAttribute("src")), to = new URL(data.value);
            if (/^https?:$/i.test(to.protocol) && to.host === from.host && document.activeElement === source) {
              window.top.location.href = data.value;
            }
          }
        }
      });
      window.addEventListener("load", function () {
        document.querySelectorAll("iframe.wp-embedded-content").forEach(function (frame) {
          frame.contentWindow.postMessage({ message: "ready", secret: frame.getAttribute("data-secret") }, "*");
        });
      });
    </script></body></html>`;
}

// A newspaper's site, and a live page that lets `allowed` (its origin, by default;
// no site, for null) frame it.
async function newspaper(t, allowed) {
  const host = await startHost();
  t.after(() => host.close());
  const env = allowed === null ? {} : { LIVEBLOG_FRAME_ANCESTORS: allowed || host.origin };
  const server = await h.startServer({ env });
  t.after(() => server.stop());
  host.liveblog = server.url;
  return { host, server };
}

// The frame the live page is in, once the article has placed it.
async function liveFrame(page) {
  await page.waitForFunction(() => document.querySelector("iframe"), null, h.WAIT);
  await page.waitForFunction(() => document.querySelector("iframe").contentWindow, null, h.WAIT);
  let frame;
  for (let i = 0; i < 100 && !frame; i++) {
    frame = page.frames().find((f) => f.url().includes("/embed"));
    if (!frame) await page.waitForTimeout(50);
  }
  return frame;
}

function waitForStream(frame) {
  return frame.waitForFunction(() => (window.__sources || []).some((s) => s.readyState === EventSource.OPEN), null, h.WAIT);
}

async function phone(t, options = {}) {
  const context = await browser.newContext({ viewport: PHONE });
  t.after(() => context.close());
  await context.addInitScript(h.trackEventSources);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  return { page, errors };
}

let browser;

describe("a live page in another site's article", () => {
  before(async () => (browser = await h.launchBrowser()));
  after(() => browser.close());

  test("placed by the loader, it stays live, grows, fits a phone and sends links to the top window", async (t) => {
    const { host, server } = await newspaper(t);
    const { page, errors } = await phone(t);
    await page.goto(`${host.origin}/loader`);
    const frame = await liveFrame(page);
    assert.ok(frame, "the live page is in the article");
    await waitForStream(frame);
    const frameHeight = () => page.evaluate(() => document.querySelector("iframe").getBoundingClientRect().height);
    await page.waitForFunction(() => document.querySelector("iframe").getBoundingClientRect().height !== 600, null, h.WAIT);
    const before = await frameHeight();

    await (await h.signIn(server)).publish({ title: "Ferries stay in port", body: "Every crossing is cancelled until noon.\n\nMore soon." });
    await h.waitForEntry(frame, "Ferries stay in port", "#stream", { timeout: 3000 });
    await page.waitForFunction((before) => document.querySelector("iframe").getBoundingClientRect().height > before, before, h.WAIT);

    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(sideways <= 0, `the article does not scroll sideways (${sideways} px too wide)`);

    await Promise.all([
      page.waitForURL(/\/live\/storm-maren\/entries\/\d+$/, h.WAIT),
      frame.click("#stream article .entry-title a"),
    ]);
    assert.equal(new URL(page.url()).origin, server.url, "the link opened in the top window");
    assert.deepEqual(errors, []);
  });

  test("while the reader is further down the article, new entries wait behind a button in sight", async (t) => {
    const { host, server } = await newspaper(t);
    const { page, errors } = await phone(t);
    await page.goto(`${host.origin}/loader`);
    const frame = await liveFrame(page);
    await waitForStream(frame);
    await page.waitForFunction(() => document.querySelector("iframe").getBoundingClientRect().height > 3000, null, h.WAIT);
    // Down the article, past the top of the live page's stream.
    await page.evaluate(() => window.scrollTo(0, document.querySelector("iframe").getBoundingClientRect().top + window.scrollY + 1500));
    await frame.waitForFunction(() => Number(document.documentElement.dataset.frameTop) < -1000, null, h.WAIT);
    const editor = await h.signIn(server);
    await editor.publish({ title: "Bridge closed to lorries" });
    await editor.publish({ title: "Bridge closed to cars" });
    await frame.waitForFunction(() => document.querySelector("#new-updates button").textContent === "2 new updates", null, h.WAIT);
    assert.equal(await frame.$$eval("#stream .entry-title", (titles) => titles.some((t) => t.textContent.includes("Bridge closed"))), false,
      "nothing moved under the reader");
    const button = await frame.locator("#new-updates button").boundingBox();
    assert.ok(button.y >= 0 && button.y + button.height <= PHONE.height, `the button is in sight: ${JSON.stringify(button)}`);
    await frame.click("#new-updates button");
    await h.waitForEntry(frame, "Bridge closed to cars");
    assert.deepEqual(errors, []);
  });

  test("placed by a plain iframe, for a site that allows no scripts, it stays live", async (t) => {
    const { host, server } = await newspaper(t);
    const { page } = await phone(t);
    await page.goto(`${host.origin}/plain`);
    const frame = await liveFrame(page);
    await waitForStream(frame);
    await (await h.signIn(server)).publish({ title: "Roads reopen on the coast", body: "One lane each way." });
    await h.waitForEntry(frame, "Roads reopen on the coast", "#stream", { timeout: 3000 });
  });

  test("an entry asked for in the article's address is scrolled to", async (t) => {
    const { host, server } = await newspaper(t);
    const ids = await h.serverStreamIds(server.url);
    const deep = ids[ids.length - 1];
    const { page } = await phone(t);
    await page.goto(`${host.origin}/loader#entry-${deep}`);
    await page.waitForFunction(() => window.scrollY > 300, null, h.WAIT);
    const frame = await liveFrame(page);
    const box = await (await frame.$(`#entry-${deep}`)).boundingBox();
    assert.ok(box && box.y < PHONE.height && box.y + box.height > 0, "the entry is in view");
  });

  test("an admin names the newspaper on the page's settings and copies the code for its article", async (t) => {
    const { host, server } = await newspaper(t, null);
    const { context, page: desk, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    await desk.goto(`${server.url}/editor/live/${h.SLUG}/settings`);
    await desk.fill("#embed_origins", `${host.origin}\nhttps://partner.example`);
    await h.clickAndWait(desk, "button:has-text('Save settings')");
    await desk.goto(`${server.url}/editor/live/${h.SLUG}/settings`);
    assert.equal(await desk.inputValue("#embed_origins"), `${host.origin}\nhttps://partner.example`);
    const code = await desk.inputValue("#embed-loader");
    assert.ok(code.includes(`data-liveblog="${server.url}/live/${h.SLUG}"`), code);
    await desk.click("button[data-copy=embed-loader]");
    await desk.waitForFunction(() => document.querySelector("button[data-copy=embed-loader]").textContent === "Copied", null, h.WAIT);
    assert.equal(await desk.evaluate(() => navigator.clipboard.readText()), code);
    assert.deepEqual(errors, []);

    const { page } = await phone(t);
    await page.goto(`${host.origin}/loader`);
    const frame = await liveFrame(page);
    await waitForStream(frame);
  });

  test("pasted into WordPress, sandboxed with no origin of its own, it stays live and grows", async (t) => {
    const { host, server } = await newspaper(t);
    const { page, errors } = await phone(t);
    const refused = [];
    page.on("console", (message) => message.type() === "error" && refused.push(message.text()));
    await page.goto(`${host.origin}/wordpress`);
    const frame = await liveFrame(page);
    assert.ok(frame, "the live page is in the post");
    assert.equal(await page.$eval("iframe", (f) => f.getAttribute("sandbox")), "allow-scripts");
    assert.equal(await frame.evaluate(() => window.origin), "null", "the frame has no origin of its own");
    await waitForStream(frame);

    // WordPress sizes the frame from the height the frame reports, within its bounds.
    const content = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    const expected = Math.min(1000, Math.max(200, content));
    await page.waitForFunction((expected) => document.querySelector("iframe").height === String(expected), expected, h.WAIT);
    assert.notEqual(expected, 600, "the frame is no longer the height oEmbed gave");

    await (await h.signIn(server)).publish({ title: "Sea wall holds at high tide", body: "The water stayed below the top." });
    await h.waitForEntry(frame, "Sea wall holds at high tide", "#stream", { timeout: 3000 });

    await Promise.all([
      page.waitForURL(/\/live\/storm-maren\/entries\/\d+$/, h.WAIT),
      frame.click("#stream article .entry-title a"),
    ]);
    assert.equal(new URL(page.url()).origin, server.url, "WordPress followed the link in the top window");
    assert.deepEqual(errors, []);
    assert.deepEqual(refused.filter((text) => /CORS|Access-Control|Refused/.test(text)), []);
  });

  test("pasted into WordPress as a teaser, its frame takes the teaser's own height", async (t) => {
    const { host } = await newspaper(t);
    const { page } = await phone(t);
    await page.goto(`${host.origin}/wordpress-teaser`);
    const frame = await liveFrame(page);
    await waitForStream(frame);
    const content = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    assert.ok(content > 100 && content < 1000 && content !== 600, `within WordPress's bounds, and not oEmbed's 600 px (${content} px)`);
    // Compact: the newest entry's label, headline and time, nothing to pause.
    const teaser = await frame.evaluate(() => {
      const entry = document.querySelector("#stream > article");
      return {
        height: entry.getBoundingClientRect().height,
        body: entry.querySelector(".entry-body").getClientRects().length,
        title: entry.querySelector(".entry-title").getClientRects().length,
        pause: document.getElementById("pause-live").getClientRects().length,
      };
    });
    assert.ok(teaser.height < 130, `an entry ${Math.round(teaser.height)} px high`);
    assert.deepEqual({ ...teaser, height: 0 }, { height: 0, body: 0, title: 1, pause: 0 }, "headline only, no Pause");
    await page.waitForFunction((content) => document.querySelector("iframe").height === String(content), content, h.WAIT);
  });

  test("a site not named may not frame it", async (t) => {
    const { host } = await newspaper(t, "https://news.example");
    const { page } = await phone(t);
    await page.goto(`${host.origin}/loader`);
    await page.waitForFunction(() => document.querySelector("iframe"), null, h.WAIT);
    let frame;
    for (let i = 0; i < 100 && !frame; i++) {
      frame = page.frames().find((f) => f !== page.mainFrame());
      if (!frame) await page.waitForTimeout(50);
    }
    assert.ok(frame, "the loader placed its frame");
    await frame.waitForLoadState("load").catch(() => {});
    // The frame's own answer is in before the page says it has loaded.
    await page.waitForLoadState("load");
    const stream = await frame.$("#stream").catch(() => null);
    assert.equal(stream, null, "no live page in the stranger's article");
    const height = await page.evaluate(() => document.querySelector("iframe").getBoundingClientRect().height);
    assert.equal(height, 600, "and no word from it about its height");
  });
});
