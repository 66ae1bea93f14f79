// What a reader gets besides the live stream: times that tick, a pause control, and a
// tab title that counts what arrived while they looked elsewhere.
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

  test("times read as relative, with the absolute time kept", async (t) => {
    const { page } = await setUp(t);
    const newest = page.locator("#stream > article .entry-time > time").first();
    await page.waitForFunction(() => /ago|just now/.test(document.querySelector("#stream .entry-time > time").textContent));
    assert.match(await newest.textContent(), /^(just now|\d+ min ago)$/);
    assert.match(await newest.getAttribute("title"), /^\d\d:\d\d (GMT|BST) \d+ \w+$/);
    assert.ok(await newest.getAttribute("datetime"));
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
});
