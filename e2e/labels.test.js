// The newsroom's own labels: an editor adds one on the Labels page, named in English
// and in French, picks it in the entry form's list, and readers see it above the
// headline as it arrives; a key typed wrong comes back beside its field, kept.
"use strict";

const { describe, before, after, test } = require("node:test");
const assert = require("node:assert/strict");
const h = require("./helpers");

describe("labels", () => {
  let browser;
  before(async () => (browser = await h.launchBrowser()));
  after(() => browser.close());

  test("a label added on the Labels page is picked in the form and shown to readers", async (t) => {
    const { server, page, errors, reader } = await h.deskAndReader(browser, t);

    await page.goto(server.url + "/editor");
    await h.clickAndWait(page, 'a[href="/editor/labels"]');
    assert.equal(await page.locator(".snippet-list > li").count(), 5, "the five every newsroom has");
    await page.fill("#key", "Kursk offensive");
    await page.fill("#name_en", "Kursk offensive");
    await page.fill("#name_fr", "Offensive de Koursk");
    await h.clickAndWait(page, 'form[action="/editor/labels"] button[type=submit]');
    assert.match(await page.textContent("#key-error"), /lower-case letters, digits and hyphens/);
    assert.equal(await page.inputValue("#name_fr"), "Offensive de Koursk", "what was typed is kept");
    await page.fill("#key", "kursk-offensive");
    await h.clickAndWait(page, 'form[action="/editor/labels"] button[type=submit]');
    assert.match(await page.textContent("#done"), /Label saved/);
    assert.equal(await page.locator(".snippet-list > li").count(), 6);

    await h.openCompose(page, server.url);
    await page.fill("#title", "Troops cross the border");
    await page.fill("#body", "Reported from the border crossing.");
    await page.selectOption("#label", { label: "Kursk offensive" });
    await h.andWait(page, () => page.keyboard.press("Control+Enter"));
    assert.deepEqual(errors, []);

    const entry = await h.waitForEntry(reader.page, "Troops cross the border");
    const label = entry.locator("p.label");
    assert.equal(await label.textContent(), "Kursk offensive");
    assert.match(await label.getAttribute("class"), /\blabel-kursk-offensive\b/);
    assert.deepEqual(reader.errors, []);
  });
});
