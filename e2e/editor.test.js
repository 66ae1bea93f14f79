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
    await page.goto(server.url + "/login");
    await page.fill("#username", "admin");
    await page.fill("#password", h.PASSWORD);
    await Promise.all([page.waitForURL("**/editor"), page.click("button[type=submit]")]);
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
