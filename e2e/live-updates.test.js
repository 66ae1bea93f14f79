// The reader page applies published changes live, without a reload: new entries,
// key events, corrections, deletions, held updates for a reader further down, pinning.
"use strict";

const { describe, before, after, test } = require("node:test");
const assert = require("node:assert/strict");
const h = require("./helpers");

describe("live updates on an open page", () => {
  let browser;
  before(async () => (browser = await h.launchBrowser()));
  after(() => browser.close());

  // A server, a signed-in editor and the demo page open in the browser, all ended
  // when the test ends.
  async function setUp(t, contextOptions) {
    const server = await h.startServer();
    t.after(() => server.stop());
    const editor = await h.signIn(server);
    const { context, page, errors } = await h.openLivePage(browser, server.url, contextOptions);
    t.after(async () => {
      await context.close();
      assert.deepEqual(errors, [], "no script errors on the page");
    });
    return { server, editor, page };
  }

  test("a new entry appears at the top of the stream and in key events", async (t) => {
    const { editor, page } = await setUp(t);
    const keyEventsBefore = await page.$$eval("#key-events li", (items) => items.length);

    const id = await editor.publish({ title: "Harbour wall breached", key_event: "on" });

    await page.waitForFunction(
      (id) => document.querySelector("#stream > article")?.id === `entry-${id}`,
      id,
      h.WAIT,
    );
    assert.equal(await h.probes.firstStreamTitle(page), "Harbour wall breached");
    assert.equal(await h.probes.marker(page), "not reloaded");
    await page.waitForFunction((n) => document.querySelectorAll("#key-events li").length === n, keyEventsBefore + 1, h.WAIT);
    const link = await page.$eval("#key-events li a", (a) => ({
      href: a.getAttribute("href"),
      title: a.querySelector(".key-event-title").textContent,
      clock: a.querySelector("time").textContent,
    }));
    const clock = await page.$eval(`#entry-${id} .entry-time > time`, (time) => time.dataset.clock);
    assert.match(clock, /^\d\d:\d\d$/);
    assert.deepEqual(link, { href: `#entry-${id}`, title: "Harbour wall breached", clock }, "the key event with its clock time");
    // As the server writes it, after a reload: the same line.
    await page.reload();
    const served = await page.$eval("#key-events li a", (a) => [a.querySelector("time").textContent, a.querySelector(".key-event-title").textContent]);
    assert.deepEqual(served, [clock, "Harbour wall breached"]);
    assert.equal(await page.isVisible("#key-events"), true);
  });

  test("a correction shows in place and a deletion removes the entry", async (t) => {
    const { editor, page } = await setUp(t);
    const id = await editor.publish({ title: "Ferry services suspended", body: "All crossings are off." });
    await page.waitForSelector(`#entry-${id}`, h.WAIT);
    const position = await page.$$eval("#stream > article", (a, id) => a.findIndex((x) => x.id === `entry-${id}`), id);

    await editor.correct(id, { title: "Ferry services suspended until noon", body: "Crossings resume at noon." });
    await page.waitForFunction(
      (id) => document.querySelector(`#entry-${id} .entry-body`)?.textContent.includes("resume at noon"),
      id,
      h.WAIT,
    );
    assert.equal(await page.locator(`#entry-${id}`).count(), 1, "one element with that id");
    const corrected = page.locator(`#entry-${id}`);
    assert.equal((await corrected.locator(".entry-title").textContent()).trim(), "Ferry services suspended until noon");
    assert.match(await corrected.locator(".updated").textContent(), /Updated/);
    assert.equal(
      await page.$$eval("#stream > article", (a, id) => a.findIndex((x) => x.id === `entry-${id}`), id),
      position,
      "the corrected entry keeps its place",
    );

    await editor.remove(id);
    await page.waitForFunction((id) => !document.getElementById(`entry-${id}`), id, h.WAIT);
    assert.deepEqual(await h.probes.streamIds(page), await h.serverStreamIds(editor.base));
    assert.equal(await h.probes.marker(page), "not reloaded");
  });

  test("a reader further down is not moved; new entries wait behind a button", async (t) => {
    const { editor, page } = await setUp(t);
    // Chromium's scroll anchoring would hide a layout shift above the reader; turn it
    // off, as browsers without it (Safari) have it off.
    await page.evaluate(() => {
      document.documentElement.style.overflowAnchor = "none";
      document.body.style.overflowAnchor = "none";
    });
    const toBottom = () => page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await toBottom();
    // The lazy image near the bottom loads and makes the page longer; then settle.
    await page.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0), null, h.WAIT);
    await toBottom();
    await page.waitForFunction(
      () => window.scrollY > 1000 && window.scrollY >= document.documentElement.scrollHeight - window.innerHeight - 1,
      null,
      h.WAIT,
    );
    // Where the reader is: the page offset, and the entry on screen.
    const view = () =>
      page.evaluate(() => ({
        y: window.scrollY,
        lastTop: document.querySelector("#stream > article:last-of-type").getBoundingClientRect().top,
      }));
    const before = await view();

    const first = await editor.publish({ title: "Evacuation centre opens" });
    await page.waitForFunction(
      () => !document.getElementById("new-updates").hidden &&
        document.querySelector("#new-updates button").textContent === "1 new update",
      null,
      h.WAIT,
    );
    assert.equal(await page.locator(`#entry-${first}`).count(), 0, "the entry is held, not inserted");
    assert.deepEqual(await view(), before, "the reader has not moved");

    const second = await editor.publish({ title: "Power restored to the old town" });
    await page.waitForFunction(
      () => document.querySelector("#new-updates button").textContent === "2 new updates",
      null,
      h.WAIT,
    );
    assert.deepEqual(await view(), before, "the reader has not moved");
    assert.equal(await page.locator("#new-updates button").isVisible(), true, "the button is on screen");

    await page.click("#new-updates button");
    const ids = await h.probes.streamIds(page);
    assert.deepEqual(ids.slice(0, 2), [second, first], "both inserted, newest first");
    assert.equal(await page.isHidden("#new-updates"), true);
    await page.waitForFunction(
      (id) => {
        const top = document.getElementById(`entry-${id}`).getBoundingClientRect().top;
        return top >= 0 && top < window.innerHeight / 2;
      },
      second,
      h.WAIT,
    );
    assert.equal(await page.evaluate(() => document.activeElement.id), `entry-${second}`);
    assert.equal(await h.probes.marker(page), "not reloaded");
  });

  test("pinning moves the entry to #pinned and returns the old one to the stream", async (t) => {
    const { editor, page } = await setUp(t);
    const pinnedBefore = await page.$$eval("#pinned article", (a) => a.map((x) => x.id));
    assert.equal(pinnedBefore.length, 1, "the demo page has a pinned entry");

    const id = await editor.publish({ title: "Stay indoors tonight", pinned: "on" });
    await page.waitForFunction(
      ([id, old]) =>
        document.querySelector("#pinned article")?.id === `entry-${id}` &&
        document.querySelector(`#stream > #${old}`) &&
        !document.getElementById(old).classList.contains("is-pinned"),
      [id, pinnedBefore[0]],
      h.WAIT,
    );
    assert.deepEqual(await page.$$eval("#pinned article", (a) => a.map((x) => x.id)), [`entry-${id}`]);
    assert.deepEqual(h.duplicates(await h.probes.allIds(page)), []);
    assert.deepEqual(await h.probes.streamIds(page), await h.serverStreamIds(editor.base), "same order as the server");
    assert.equal(await h.probes.marker(page), "not reloaded");
  });
});
