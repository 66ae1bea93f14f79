// The newsroom's compose page is live too: a colleague's entry is announced as it is
// published, and the form being written is left alone.
"use strict";

const { describe, before, after, test } = require("node:test");
const assert = require("node:assert/strict");
const h = require("./helpers");

describe("the compose page", () => {
  let browser;
  before(async () => (browser = await h.launchBrowser()));
  after(() => browser.close());

  test("announces a colleague's entry without touching the form", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const colleague = await h.signIn(server);

    const context = await browser.newContext();
    t.after(() => context.close());
    await context.addInitScript(h.trackEventSources);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error));
    await h.signInBrowser(page, server.url);
    await page.goto(server.url + `/editor/live/${h.SLUG}`);
    await h.waitForOpenStream(page);
    await page.fill("#title", "Half-written headline");

    await colleague.publish({ title: "Filed by a colleague" });

    await page.waitForFunction(
      () => !document.getElementById("colleagues").hidden,
      null,
      h.WAIT,
    );
    assert.match(await page.textContent("#colleagues"), /Just published: Filed by a colleague/);
    assert.equal(await page.inputValue("#title"), "Half-written headline");
    assert.deepEqual(errors, []);
  });
});

describe("a page read oldest first", () => {
  let browser;
  before(async () => (browser = await h.launchBrowser()));
  after(() => browser.close());

  test("takes a new entry at the end of the stream", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const editor = await h.signIn(server);
    const newPage = await (await editor.request("/editor/live/new")).text();
    await editor.post("/editor/live", {
      title: "Questions answered",
      slug: "questions",
      time_zone: "Europe/London",
      reading_order: "oldest",
      csrf_token: h.csrfToken(newPage),
    });
    const token = h.csrfToken(await (await editor.request("/editor/live/questions")).text());
    const ask = (title) =>
      editor.post("/editor/live/questions/entries", { title, body: "Answer.", csrf_token: token });
    await ask("First question");

    const context = await browser.newContext();
    t.after(() => context.close());
    await context.addInitScript(h.trackEventSources);
    const page = await context.newPage();
    await page.goto(server.url + "/live/questions");
    await h.waitForOpenStream(page);
    await ask("Second question");

    await page.waitForFunction(
      () => document.querySelectorAll("#stream > article").length === 2,
      null,
      h.WAIT,
    );
    const titles = await page.$$eval("#stream > article .entry-title", (els) => els.map((e) => e.textContent));
    assert.deepEqual(titles, ["First question", "Second question"]);
  });
});
