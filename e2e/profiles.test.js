// Bylines with faces, as the newsroom makes them: an editor adds two people on the
// Profiles page, each with a photo chosen from disk, names both in an entry's byline
// from the list the form offers, and readers see both faces, names and roles.
"use strict";

const { describe, before, after, test } = require("node:test");
const assert = require("node:assert/strict");
const h = require("./helpers");

describe("bylines with faces", () => {
  let browser;
  before(async () => (browser = await h.launchBrowser()));
  after(() => browser.close());

  test("an entry names two profiles and readers see both faces", async (t) => {
    const { server, page, errors, reader } = await h.deskAndReader(browser, t);

    await page.goto(server.url + "/editor");
    await h.clickAndWait(page, 'a[href="/editor/profiles"]');
    for (const [name, role] of [["Ana Ruiz", "Weather correspondent"], ["Ben Cho", "Harbour reporter"]]) {
      await page.fill("#new-name", name);
      await page.fill("#new-role", role);
      await page.setInputFiles("#new-photo", { name: "face.png", mimeType: "image/png", buffer: h.PNG });
      await h.clickAndWait(page, 'form[action="/editor/profiles"] button[type=submit]');
      assert.match(await page.textContent("#done"), /Profile saved/);
    }
    assert.equal(await page.locator(".profile-list > li").count(), 2);

    await h.openCompose(page, server.url);
    const offered = await page.$$eval("#newsroom-profiles option", (options) => options.map((o) => o.value));
    assert.deepEqual(offered, ["Ana Ruiz", "Ben Cho"], "the form offers the newsroom's people");
    await page.fill("#title", "Two reporters on the harbour wall");
    await page.fill("#body", "Reported together from the quay.");
    await page.fill("#profile_1", "Ana Ruiz");
    await page.fill("#profile_2", "Ben Cho");
    await h.andWait(page, () => page.keyboard.press("Control+Enter"));

    const entry = await h.waitForEntry(reader.page, "Two reporters on the harbour wall");
    const authors = entry.locator(".authors > .author");
    assert.equal(await authors.count(), 2);
    assert.deepEqual(
      (await authors.locator(".byline-name").allTextContents()).map((t) => t.trim()),
      ["Ana Ruiz", "Ben Cho"],
    );
    assert.deepEqual(
      (await authors.locator(".byline-role").allTextContents()).map((t) => t.trim()),
      ["Weather correspondent", "Harbour reporter"],
    );
    // Both faces loaded, from this server's media shelf.
    await reader.page.waitForFunction(
      (id) => Array.from(document.querySelectorAll(`#${id} .author-photo`)).every((img) => img.complete && img.naturalWidth > 0),
      await entry.getAttribute("id"),
      h.WAIT,
    );
    for (const src of await authors.locator("img.author-photo").evaluateAll((imgs) => imgs.map((i) => i.getAttribute("src")))) {
      assert.match(src, /^\/media\//);
    }

    // A name that is no profile is refused beside its field, with the rest kept.
    await page.fill("#title", "By someone unknown");
    await page.fill("#body", "Kept as typed.");
    await page.fill("#profile_1", "Nobody Here");
    await h.andWait(page, () => page.keyboard.press("Control+Enter"));
    await page.waitForSelector("#profile_1-error", h.WAIT);
    assert.match(await page.textContent("#profile_1-error"), /No profile is named “Nobody Here”/);
    assert.equal(await page.inputValue("#body"), "Kept as typed.");
    assert.deepEqual(errors, []);
    assert.deepEqual(reader.errors, []);
  });

  test("a profile is changed in place and deleted after a confirmation, the entries' bylines kept", async (t) => {
    const { server, page, errors, reader } = await h.deskAndReader(browser, t);
    await page.goto(server.url + "/editor/profiles");
    await page.fill("#new-name", "Ana Ruiz");
    await page.fill("#new-role", "Weather correspondent");
    await h.clickAndWait(page, 'form[action="/editor/profiles"] button[type=submit]');
    await h.openCompose(page, server.url);
    await page.fill("#title", "By Ana before the change");
    await page.fill("#body", "Reported.");
    await page.fill("#profile_1", "Ana Ruiz");
    await h.andWait(page, () => page.keyboard.press("Control+Enter"));
    await h.waitForEntry(reader.page, "By Ana before the change");

    // Changed in place: a name already taken in another case is refused beside its field.
    await page.goto(server.url + "/editor/profiles");
    const item = page.locator(".profile-list > li").first();
    await item.locator("summary").first().click();
    const role = item.locator('input[name="role"]');
    await role.fill("Chief weather correspondent");
    await h.clickAndWait(page, '.profile-list form[action^="/editor/profiles/"]:not([action$="/delete"]) button[type=submit]');
    assert.match(await page.textContent("#done"), /Profile saved/);
    assert.match(await page.locator(".profile-list > li summary").first().textContent(), /Chief weather correspondent/);

    await page.fill("#new-name", "ana ruiz");
    await h.clickAndWait(page, 'form[action="/editor/profiles"] button[type=submit]');
    assert.match(await page.textContent("#new-name-error"), /A profile has that name already/);
    assert.equal(await page.inputValue("#new-name"), "ana ruiz", "what was typed is kept");

    // Deleted after a confirmation asked in place.
    const kept = page.locator(".profile-list > li").first();
    await kept.locator("summary").first().click();
    await kept.locator("details.confirm > summary").click();
    await h.clickAndWait(page, '.profile-list form[action$="/delete"] button[type=submit]');
    assert.match(await page.textContent("#done"), /Profile deleted/);
    assert.equal(await page.locator(".profile-list > li").count(), 0);

    // The entry printed before keeps its byline as it was.
    await reader.page.reload();
    const again = await h.waitForEntry(reader.page, "By Ana before the change");
    assert.equal((await again.locator(".author .byline-role").textContent()).trim(), "Weather correspondent");
    assert.deepEqual(errors, []);
  });
});
