// What a reader gets besides the live stream: times that tick, a pause control, a tab
// title that counts what arrived while they looked elsewhere, entries marked that arrived
// since their last visit, a share button, and anchors that find the right page.
"use strict";

const { describe, before, after, test } = require("node:test");
const assert = require("node:assert/strict");
const h = require("./helpers");

describe("the reader's controls", () => {
  let browser;
  before(async () => (browser = await h.launchBrowser()));
  after(() => browser.close());

  async function setUp(t) {
    const server = await h.startServer();
    t.after(() => server.stop());
    const editor = await h.signIn(server);
    const { context, page, errors } = await h.openLivePage(browser, server.url);
    t.after(async () => {
      await context.close();
      assert.deepEqual(errors, [], "no script errors on the page");
    });
    return { editor, page };
  }

  test("every entry shows its clock time, and how long ago beside it while recent", async (t) => {
    const { page } = await setUp(t);
    await page.clock.install();
    await page.reload();
    const newest = page.locator("#stream > article .entry-time").first();
    await page.waitForFunction(() => document.querySelector("#stream .entry-time > .entry-ago"));
    assert.match(await newest.locator("time").textContent(), /^\d\d:\d\d (GMT|BST) \d+ \w+$/, "the clock time stays");
    assert.match(await newest.locator(".entry-ago").textContent(), /^(just now|\d+ min ago)$/);
    assert.ok(await newest.locator("time").getAttribute("datetime"));
    // Seven hours on, the clock time alone.
    await page.clock.fastForward("07:00:00");
    await page.waitForFunction(() => !document.querySelector("#stream .entry-time > .entry-ago"), null, h.WAIT);
    assert.match(await newest.locator("time").textContent(), /^\d\d:\d\d (GMT|BST) \d+ \w+$/);
  });

  test("pausing holds new entries until the reader resumes", async (t) => {
    const { editor, page } = await setUp(t);
    await page.click("#pause-live");
    assert.equal(await page.getAttribute("#pause-live", "aria-pressed"), "true");
    const id = await editor.publish({ title: "Arrived while paused" });
    await page.waitForFunction(() => !document.getElementById("new-updates").hidden, null, h.WAIT);
    assert.equal(await page.$(`#entry-${id}`), null, "nothing moved while paused");
    assert.match(await page.title(), /^\(1\) /, "the tab counts what waits");

    await page.click("#pause-live");
    await page.waitForFunction((id) => document.querySelector("#stream > article")?.id === `entry-${id}`, id, h.WAIT);
    assert.ok(!(await page.title()).startsWith("("), "nothing waits any more");
  });

  test("a hidden tab counts new entries in its title", async (t) => {
    const { editor, page } = await setUp(t);
    await page.evaluate(() => {
      Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
      document.dispatchEvent(new Event("visibilitychange"));
    });
    await editor.publish({ title: "While you were away" });
    await editor.publish({ title: "And another" });
    await page.waitForFunction(() => document.title.startsWith("(2) "), null, h.WAIT);
    await page.evaluate(() => {
      Object.defineProperty(document, "hidden", { configurable: true, get: () => false });
      document.dispatchEvent(new Event("visibilitychange"));
    });
    await page.waitForFunction(() => !document.title.startsWith("("), null, h.WAIT);
  });

  test("entries that arrived since the last visit are marked", async (t) => {
    const { editor, page } = await setUp(t);
    assert.equal(await page.$$eval(".since-mark", (marks) => marks.length), 0, "a first visit marks nothing");
    // What this reader has seen is kept before the tab is closed.
    await page.waitForFunction((slug) => Number(localStorage.getItem(`liveblog:seen:${slug}`)) > 0, h.SLUG, h.WAIT);
    const base = new URL(page.url()).origin;
    const context = page.context();
    await page.close();

    const first = await editor.publish({ title: "Filed while the reader was away" });
    const second = await editor.publish({ title: "Also filed meanwhile" });
    const again = await context.newPage();
    await again.goto(base + `/live/${h.SLUG}`);
    await again.waitForSelector(".since-mark");
    const marked = await again.$$eval(".since-last-visit", (articles) => articles.map((a) => a.id));
    assert.deepEqual(marked.sort(), [`entry-${first}`, `entry-${second}`].sort());
    assert.match(await again.textContent(`#entry-${first} .since-mark`), /New since your last visit/);

    await again.reload();
    await again.waitForSelector(".entry-share");
    assert.equal(await again.$$eval(".since-mark", (marks) => marks.length), 0, "seen entries are not marked twice");
  });

  test("the share button copies the entry's link", async (t) => {
    const { page } = await setUp(t);
    const base = new URL(page.url()).origin;
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
    // This browser's share sheet, where it has one, is set aside: the fallback is tested.
    await page.evaluate(() => delete Navigator.prototype.share);
    const article = page.locator("#stream > article").first();
    const id = (await article.getAttribute("id")).replace("entry-", "");
    await article.locator(".entry-share button").click();
    await article.locator(".entry-share [role=status]").filter({ hasText: "Link copied" }).waitFor(h.WAIT);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${base}/live/${h.SLUG}/entries/${id}`);
  });

  test("the share button opens the system's share sheet where there is one", async (t) => {
    const { page } = await setUp(t);
    await page.evaluate(() => {
      window.__shared = [];
      navigator.share = (data) => {
        window.__shared.push(data);
        return Promise.resolve();
      };
    });
    const article = page.locator("#stream > article").first();
    const id = (await article.getAttribute("id")).replace("entry-", "");
    const title = (await article.locator(".entry-title").textContent()).trim();
    await article.locator(".entry-share button").click();
    const shared = await page.evaluate(() => window.__shared);
    const base = new URL(page.url()).origin;
    assert.deepEqual(shared, [{ title, url: `${base}/live/${h.SLUG}/entries/${id}` }]);
  });

  test("an anchor to an entry pushed to an older page finds it there", async (t) => {
    const { editor, page } = await setUp(t);
    const base = new URL(page.url()).origin;
    const oldest = (await h.serverStreamIds(base)).at(-1);
    for (let i = 1; i <= 10; i++) await editor.publish({ title: `Later update ${i}` });
    assert.ok(!(await h.serverStreamIds(base)).includes(oldest), "the entry left the first page");

    // Followed from elsewhere: a new document.
    const other = await page.context().newPage();
    await other.goto(`${base}/live/${h.SLUG}#entry-${oldest}`);
    await other.waitForURL((url) => url.search === "?page=2" && url.hash === `#entry-${oldest}`, h.WAIT);
    await other.locator(`#entry-${oldest}`).waitFor(h.WAIT);

    // Followed within a page already open: from the second page to the newest entry.
    const newest = (await h.serverStreamIds(base))[0];
    await other.evaluate((id) => (window.location.hash = `#entry-${id}`), newest);
    await other.waitForURL((url) => url.search === "" && url.hash === `#entry-${newest}`, h.WAIT);
    await other.locator(`#entry-${newest}`).waitFor(h.WAIT);
  });
});

describe("the first screen on a phone", () => {
  let browser;
  let server;
  before(async () => {
    browser = await h.launchBrowser();
    server = await h.startServer();
  });
  after(async () => {
    await browser.close();
    await server.stop();
  });

  const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
  const LAPTOP = { viewport: { width: 1280, height: 800 } };

  async function open(context) {
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error));
    await page.goto(`${server.url}/live/${h.SLUG}`);
    await page.waitForSelector("#stream .entry-share");
    return { page, errors };
  }

  const folds = (page) =>
    page.evaluate(() => ({
      summary: document.getElementById("summary").open,
      keyEvents: document.querySelector("#key-events details").open,
    }));

  test("shows the newest entry; summary and key events fold, open on a laptop, as each reader left them", async (t) => {
    // The demo page: a three-line description, a summary, five key events, a long pinned entry.
    const phone = await browser.newContext(PHONE);
    t.after(() => phone.close());
    const { page, errors } = await open(phone);
    const newest = await page.evaluate(() => {
      const title = document.querySelector("#stream > article .entry-title");
      return { text: title.textContent.trim(), bottom: title.getBoundingClientRect().bottom, screen: window.innerHeight };
    });
    assert.ok(newest.bottom < newest.screen, `"${newest.text}" ends ${Math.round(newest.bottom)}px down a ${newest.screen}px screen`);
    assert.deepEqual(await folds(page), { summary: false, keyEvents: false }, "folded on a phone");
    assert.ok(await page.isVisible("#summary-heading"), "the summary's heading is still there to tap");
    assert.equal(await page.isVisible("#key-events li"), false);

    const pinnedHeight = () => page.$eval("#pinned article", (a) => a.getBoundingClientRect().height);
    const clamped = await pinnedHeight();
    await page.tap("#pinned .pinned-more button");
    assert.ok((await pinnedHeight()) > clamped + 100, "Show all shows the whole pinned entry");
    assert.equal(await page.textContent("#pinned .pinned-more button"), "Show less");

    await page.tap("#key-events summary");
    assert.ok(await page.isVisible("#key-events li"), "a tap opens the key events");
    await page.reload();
    await page.waitForSelector("#stream .entry-share");
    assert.deepEqual(await folds(page), { summary: false, keyEvents: true }, "the reader's choice is kept");

    // A new summary arriving live keeps the reader's fold.
    const desk = await h.editorTab(browser, server);
    t.after(() => desk.context.close());
    await desk.page.goto(`${server.url}/editor/live/${h.SLUG}/settings`);
    await desk.page.fill("#summary", "Roads reopen along the coast\nFerries run again from noon");
    await h.clickAndWait(desk.page, 'form[action$="/settings"] button[type=submit]');
    await page.waitForFunction(() => /Ferries run again/.test(document.getElementById("summary").textContent), null, h.WAIT);
    assert.deepEqual(await folds(page), { summary: false, keyEvents: true }, "still folded after a live change");
    assert.deepEqual(errors, [], "no script errors on the phone");

    const laptop = await browser.newContext(LAPTOP);
    t.after(() => laptop.close());
    const wide = await open(laptop);
    assert.deepEqual(await folds(wide.page), { summary: true, keyEvents: true }, "open on a laptop");
    await wide.page.click("#summary summary");
    await wide.page.reload();
    await wide.page.waitForSelector("#stream .entry-share");
    assert.deepEqual(await folds(wide.page), { summary: false, keyEvents: true }, "closed as the reader left it");
    assert.deepEqual(wide.errors, [], "no script errors on the laptop");
  });
});

describe("the list of live pages", () => {
  let browser;
  before(async () => (browser = await h.launchBrowser()));
  after(() => browser.close());

  test("years of pages are read fifty at a time, older and newer by their links", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const token = require("node:child_process")
      .execFileSync(h.BIN, ["token", "create", "desk", "--data-dir", server.dataDir])
      .toString()
      .trim();
    for (let n = 0; n < 60; n++) {
      const opened = await fetch(`${server.url}/api/v1/live`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ title: `Ward ${n}`, slug: `ward-${n}` }),
      });
      assert.equal(opened.status, 201);
    }
    const context = await browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();
    await page.goto(server.url + "/");
    assert.equal(await page.locator(".page-list li").count(), 50, "61 pages, fifty on the first");
    assert.equal(await page.locator("text=Newer live pages").count(), 0);
    await h.clickAndWait(page, "text=Older live pages");
    assert.match(page.url(), /\/\?page=2$/);
    assert.equal(await page.locator(".page-list li").count(), 11);
    assert.equal(await page.locator("text=Older live pages").count(), 0);
    await h.clickAndWait(page, "text=Newer live pages");
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, "/");
    await h.clickAndWait(page, ".page-list li:first-child a");
    assert.match(page.url(), /\/live\/[a-z0-9-]+$/, "a page in the list opens");
  });
});
