// Tags, as readers use them: one thread of the story followed by its link, without
// script and with it; with script the thread stays live, new entries that belong to it
// appear and the others are only counted.
"use strict";

const { describe, before, after, test } = require("node:test");
const assert = require("node:assert/strict");
const h = require("./helpers");

describe("following one thread of the story", () => {
  let browser;
  before(async () => (browser = await h.launchBrowser()));
  after(() => browser.close());

  test("without script, a tag's link shows its entries only, and Show all brings the rest back", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const editor = await h.signIn(server);
    await editor.publish({ title: "Harbour wall breached", tags: "Harbour, Evacuation" });
    await editor.publish({ title: "Rail lines closed", tags: "Transport" });
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    t.after(() => context.close());
    const page = await context.newPage();
    await page.goto(server.url + "/live/storm-maren");

    const entry = page.locator("#stream article", { has: page.locator(".entry-title", { hasText: "Harbour wall breached" }) });
    await Promise.all([page.waitForURL(/\?tag=Harbour$/), entry.getByRole("link", { name: "Harbour", exact: true }).click()]);
    const titles = await page.locator("#stream .entry-title").allTextContents();
    assert.deepEqual(titles.map((t) => t.trim()), ["Harbour wall breached"]);
    assert.equal(await page.locator(".stream-filter h2").textContent(), "Updates tagged “Harbour”");

    await Promise.all([page.waitForURL(/\/live\/storm-maren$/), page.getByRole("link", { name: "Show all updates" }).click()]);
    assert.ok((await page.locator("#stream article").count()) > 2, "the whole stream again");

    await Promise.all([page.waitForURL(/\?key-events$/), page.getByRole("link", { name: "Key events only" }).click()]);
    const keyEvents = await page.locator("#stream article").count();
    assert.equal(await page.locator("#stream article.key-event").count(), keyEvents, "key events only");
  });

  test("with script, a new entry of the thread arrives live, and one of another thread is counted", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page: desk, errors: deskErrors } = await h.editorTab(browser, server);
    t.after(() => context.close());

    // The tag in any case: "harbour" follows "Harbour".
    const { context: readerContext, page: reader, errors } = await h.readerTab(browser, server.url, "storm-maren?tag=harbour");
    t.after(() => readerContext.close());
    assert.equal(await reader.locator("#stream article").count(), 0);

    await h.openCompose(desk, server.url);
    await desk.fill("#title", "Ferries leave the harbour");
    await desk.fill("#body", "The last two ferries left at noon.");
    await desk.fill("#tags", "Harbour, Ferries");
    await h.andWait(desk, () => desk.keyboard.press("Control+Enter"));
    await desk.fill("#title", "Schools close early");
    await desk.fill("#body", "All schools close at one.");
    await desk.fill("#tags", "Schools");
    await h.andWait(desk, () => desk.keyboard.press("Control+Enter"));
    await desk.fill("#title", "Harbour gates shut");
    await desk.fill("#body", "The gates are shut.");
    await desk.fill("#tags", "harbour");
    await h.andWait(desk, () => desk.keyboard.press("Control+Enter"));

    await h.waitForEntry(reader, "Harbour gates shut");
    const titles = await reader.locator("#stream .entry-title").allTextContents();
    assert.deepEqual(titles.map((t) => t.trim()), ["Harbour gates shut", "Ferries leave the harbour"]);
    await reader.waitForFunction(() => !document.getElementById("other-updates").hidden, null, h.WAIT);
    assert.equal(await reader.textContent("#other-updates"), "New updates outside this view: 1");
    assert.equal(await reader.evaluate(() => window.__marker), "not reloaded");

    // Retagged out of the thread, an entry leaves it in place.
    const id = (await reader.locator("#stream article").first().getAttribute("id")).replace("entry-", "");
    await desk.goto(`${server.url}/editor/live/storm-maren/entries/${id}`);
    await desk.fill("#tags", "Gates");
    await h.clickAndWait(desk, "button[value=publish]");
    await reader.waitForFunction((id) => !document.getElementById(`entry-${id}`), id, h.WAIT);
    assert.deepEqual(errors, []);
    assert.deepEqual(deskErrors, []);
  });
});
