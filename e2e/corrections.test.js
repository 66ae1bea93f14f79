// What editors do to published entries, by hand in Chromium: correct them on a page
// of their own (with a preview and a public note) or in place in the compose page's
// stream, meet a colleague's save of the same entry, pin and unpin, mark and unmark
// key events, delete after a confirmation. An open reader tab follows every change.
"use strict";

const { describe, before, after, test } = require("node:test");
const assert = require("node:assert/strict");
const h = require("./helpers");

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

// Publishes an entry through the compose form and returns its id.
async function publish(page, base, title, body = "Reported from the scene.") {
  await h.openCompose(page, base);
  await page.fill("#title", title);
  await page.fill("#body", body);
  await h.clickAndWait(page, "button[value=publish]");
  const item = page.locator("#published-list > li", { hasText: title }).first();
  return (await item.getAttribute("id")).replace("editor-entry-", "");
}

// The stream item on the compose page for entry `id`.
function item(page, id) {
  return page.locator(`#editor-entry-${id}`);
}

describe("correcting published entries", () => {
  let browser;
  before(async () => (browser = await h.launchBrowser()));
  after(() => browser.close());

  test("corrects an entry on its own page, with a preview and a public note", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());
    const id = await publish(page, server.url, "12,000 homes without power");
    const reader = await h.readerTab(browser, server.url);
    t.after(() => reader.context.close());

    // The link, opened as its own page (as a middle click or a browser without scripts does).
    const href = await item(page, id).locator("a[data-correct]").getAttribute("href");
    await page.goto(server.url + href);
    assert.equal(await page.inputValue("#title"), "12,000 homes without power");
    await page.fill("#title", "14,000 homes without power");
    await h.clickAndWait(page, "button[value=preview]");
    assert.match(await page.textContent(".preview-pane .entry-title"), /14,000 homes/);
    assert.equal(await page.inputValue("#title"), "14,000 homes without power", "the preview keeps the text");
    await page.fill("#correction", "Corrected the number of homes without power");
    await h.clickAndWait(page, "button[value=publish]");
    assert.match(await page.textContent("#done"), /Correction saved/);

    const entry = await h.waitForEntry(reader.page, "14,000 homes without power");
    assert.match(await entry.locator(".corrections").textContent(), /Corrected the number of homes/);
    assert.match(await entry.locator(".updated").textContent(), /Updated/);
    assert.equal(await h.probes.marker(reader.page), "not reloaded");
    assert.deepEqual(errors, []);
  });

  test("Escape closes a correction opened in the stream, and the cursor goes back to its link", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());
    const id = await publish(page, server.url, "Bridge closed to lorries");
    await item(page, id).locator("a[data-correct]").click();
    const inline = item(page, id).locator(".inline-correction form");
    await inline.waitFor();
    await inline.locator("input[name=title]").focus();
    await page.keyboard.press("Escape");
    assert.equal(await page.$(".inline-correction"), null, "the correction closed");
    assert.equal(await page.evaluate(() => document.activeElement.dataset.correct), String(id), "back on its Correct link");
    // With something typed, Escape asks first; saying no keeps it open.
    await item(page, id).locator("a[data-correct]").click();
    await inline.waitFor();
    await inline.locator("input[name=title]").fill("Bridge closed to lorries and vans");
    page.once("dialog", (dialog) => dialog.dismiss());
    await inline.locator("input[name=title]").press("Escape");
    assert.ok(await page.$(".inline-correction"), "kept open when the editor says no");
    assert.deepEqual(errors, []);
  });

  test("corrects in place from the stream, with a new image, keeping the compose form as typed", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());
    const id = await publish(page, server.url, "Road closed at Fenwick");
    const reader = await h.readerTab(browser, server.url);
    t.after(() => reader.context.close());

    await page.fill("#title", "The next entry, half written");
    await page.fill("#body", "Still typing this one.");
    await item(page, id).locator("a[data-correct]").click();
    const inline = item(page, id).locator(".inline-correction form");
    await inline.waitFor();
    assert.match(page.url(), /\/editor\/live\/storm-maren(\?done=published)?$/, "the page stayed");
    await inline.locator("input[name=title]").fill("Road closed at Fenwick until Friday");
    await inline.locator("input[name=image]").setInputFiles({ name: "road.png", mimeType: "image/png", buffer: PNG });
    await inline.locator(".thumbnail img").waitFor();
    await inline.locator("input[name=image_alt]").fill("The closed road");
    await inline.locator("input[name=correction]").fill("Added how long it is closed");
    await inline.locator("input[name=title]").focus();
    await page.keyboard.press("Control+Enter");
    await page.waitForFunction(() => /Correction saved/.test(document.getElementById("done")?.textContent), null, h.WAIT);
    assert.equal(await page.$(".inline-correction"), null, "the correction closed");

    const entry = await h.waitForEntry(reader.page, "Road closed at Fenwick until Friday");
    assert.equal(await entry.locator("img").getAttribute("alt"), "The closed road");
    assert.equal(await page.inputValue("#title"), "The next entry, half written", "the compose form is untouched");
    assert.equal(await page.inputValue("#body"), "Still typing this one.");
    await page.waitForFunction(
      (id) => /until Friday/.test(document.querySelector(`#editor-entry-${id} .entry-title`).textContent),
      id,
      h.WAIT,
    );
    assert.deepEqual(errors, []);
  });

  test("an entry given an earlier time moves to its place in the stream for open readers; a time to come is refused", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());
    const earlier = await publish(page, server.url, "Reported first");
    const id = await publish(page, server.url, "Reported at the briefing an hour ago");
    const reader = await h.readerTab(browser, server.url);
    t.after(() => reader.context.close());
    const order = () => reader.page.$$eval("#stream > article", (articles) => articles.map((a) => a.id));
    assert.deepEqual((await order()).slice(0, 2), [`entry-${id}`, `entry-${earlier}`]);

    await item(page, id).locator("a[data-correct]").click();
    const inline = item(page, id).locator(".inline-correction form");
    await inline.waitFor();
    const when = inline.locator("input[name=published_at]");
    const shown = await when.inputValue();
    assert.match(shown, /^\d{4}-\d\d-\d\dT\d\d:\d\d$/, "the entry's own time, to the minute");
    // The demo page is on London time: in December, UTC.
    const minutes = (change) => new Date(Date.parse(shown + "Z") + change * 60000).toISOString().slice(0, 16);
    await when.fill(minutes(24 * 60));
    await inline.locator("button[value=publish]").click();
    const refused = item(page, id).locator(".inline-correction form");
    await refused.locator("[aria-invalid=true][name=published_at]").waitFor(h.WAIT);
    assert.match(await refused.textContent(), /still to come/);
    assert.equal(await refused.locator("input[name=published_at]").inputValue(), minutes(24 * 60), "what was typed is kept");

    await refused.locator("input[name=published_at]").fill(minutes(-60));
    await refused.locator("button[value=publish]").click();
    await page.waitForFunction(() => /Correction saved/.test(document.getElementById("done")?.textContent), null, h.WAIT);
    await reader.page.waitForFunction(
      ([id, earlier]) => {
        const ids = [...document.querySelectorAll("#stream > article")].map((a) => a.id);
        return ids.indexOf(`entry-${id}`) > ids.indexOf(`entry-${earlier}`);
      },
      [id, earlier],
      h.WAIT,
    );
    const moved = reader.page.locator(`#entry-${id} .entry-time > time`);
    assert.equal(await moved.getAttribute("datetime"), minutes(-60) + ":00+00:00", "the time readers see");
    assert.equal(await h.probes.marker(reader.page), "not reloaded");
    // A reader arriving now finds it in the same place.
    await reader.page.reload();
    const ids = await order();
    assert.ok(ids.indexOf(`entry-${id}`) > ids.indexOf(`entry-${earlier}`), "in its place after a reload too");
    assert.deepEqual(errors, []);
  });

  test("an entry's history says who changed what and when, word by word", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());
    const id = await publish(page, server.url, "12,000 homes without power", "Engineers are on their way.");
    await page.goto(`${server.url}/editor/live/${h.SLUG}/entries/${id}`);
    await page.fill("#title", "14,000 homes without power");
    await page.fill("#body", "Engineers are on their way from Carlow.");
    await page.fill("#correction", "Corrected the number of homes");
    await h.clickAndWait(page, "button[value=publish]");
    await item(page, id).locator("button", { hasText: /^Pin$/ }).click();
    await page.waitForFunction((id) => /Unpin/.test(document.querySelector(`#editor-entry-${id} .entry-actions`).textContent), id, h.WAIT);

    await h.clickAndWait(page, `#editor-entry-${id} a:has-text("History")`);
    assert.match(await page.textContent("h1"), /History of an entry/);
    const versions = await page.$$eval(".history-version", (items) =>
      items.map((item) => ({
        heading: item.querySelector("h2").textContent,
        saved: item.querySelector(".recent-meta").textContent,
        removed: [...item.querySelectorAll("del")].map((d) => d.textContent),
        added: [...item.querySelectorAll("ins")].map((i) => i.textContent),
        fields: [...item.querySelectorAll("dt")].map((d) => d.textContent),
      })),
    );
    assert.deepEqual(versions.map((v) => v.heading), ["Version 3", "Version 2", "Version 1"], "newest first");
    for (const version of versions) assert.match(version.saved, /^\d\d:\d\d \w+ \d+ \w+, by admin$/);
    assert.deepEqual(versions[0].fields, ["Pin above the stream"]);
    assert.deepEqual([versions[0].removed, versions[0].added], [["no"], ["yes"]]);
    assert.deepEqual(versions[1].fields, ["Headline", "Text", "Correction notes"]);
    assert.deepEqual(versions[1].removed, ["12,000"], "the figure, not the whole headline");
    assert.deepEqual(versions[1].added, ["14,000", " from Carlow", "Corrected the number of homes"]);
    assert.match(await page.textContent("#version-1"), /Published\./);
    assert.deepEqual(errors, []);
  });

  test("two editors on one entry: the second save is refused with both versions shown and the text kept", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const admin = await h.editorTab(browser, server);
    t.after(() => admin.context.close());
    await h.addPerson(admin.page, server.url, "kim", "editor", "kim's long password");
    const id = await publish(admin.page, server.url, "Bridge closed");
    const kim = await h.editorTab(browser, server, { username: "kim", password: "kim's long password" });
    t.after(() => kim.context.close());
    const reader = await h.readerTab(browser, server.url);
    t.after(() => reader.context.close());

    const path = `/editor/live/${h.SLUG}/entries/${id}`;
    await admin.page.goto(server.url + path);
    await kim.page.goto(server.url + path);
    assert.match(await kim.page.textContent(".compose .notice"), /admin also has this entry open/);
    await admin.page.fill("#title", "Bridge closed both ways");
    await h.clickAndWait(admin.page, "button[value=publish]");
    await h.waitForEntry(reader.page, "Bridge closed both ways");

    await kim.page.fill("#title", "Bridge closed until Friday");
    await kim.page.fill("#body", "Kim's careful text.");
    await h.clickAndWait(kim.page, "button[value=publish]");
    assert.match(await kim.page.textContent(".conflict"), /Someone else saved this entry while you were editing it \(admin\)/);
    assert.match(await kim.page.textContent(".conflict [aria-label='Their saved version']"), /Bridge closed both ways/);
    assert.match(await kim.page.textContent(".conflict [aria-label='Your version']"), /Kim's careful text/);
    assert.equal(await kim.page.inputValue("#title"), "Bridge closed until Friday", "her text is kept");
    assert.equal(await kim.page.inputValue("#body"), "Kim's careful text.");
    assert.equal(
      await reader.page.$eval(`#entry-${id} .entry-title`, (h) => h.textContent.trim()),
      "Bridge closed both ways",
      "nothing was overwritten",
    );

    await h.clickAndWait(kim.page, "button[value=publish]");
    await h.waitForEntry(reader.page, "Bridge closed until Friday");
  });

  test("pins, unpins and marks key events on new and old entries", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());
    const older = await publish(page, server.url, "An older report");
    for (let i = 1; i <= 3; i++) await publish(page, server.url, `Later report ${i}`);
    const reader = await h.readerTab(browser, server.url);
    t.after(() => reader.context.close());
    await h.openCompose(page, server.url);

    // From the stream: one click each.
    await item(page, older).locator("button", { hasText: /^Pin$/ }).click();
    await h.waitForEntry(reader.page, "An older report", "#pinned");
    await page.waitForFunction((id) => /Unpin/.test(document.querySelector(`#editor-entry-${id}`).textContent), older, h.WAIT);
    await item(page, older).locator("button", { hasText: "Mark key event" }).click();
    await reader.page.waitForFunction(
      (id) => !!document.querySelector(`#key-events a[href="#entry-${id}"]`),
      older,
      h.WAIT,
    );
    await page.waitForFunction((id) => /Unmark key event/.test(document.querySelector(`#editor-entry-${id}`).textContent), older, h.WAIT);
    await item(page, older).locator("button", { hasText: "Unmark key event" }).click();
    await reader.page.waitForFunction((id) => !document.querySelector(`#key-events a[href="#entry-${id}"]`), older, h.WAIT);
    await page.waitForFunction((id) => /Unpin/.test(document.querySelector(`#editor-entry-${id}`).textContent), older, h.WAIT);
    await item(page, older).locator("button", { hasText: /^Unpin$/ }).click();
    await reader.page.waitForFunction(
      (id) => !document.querySelector(`#pinned #entry-${id}`) && !!document.querySelector(`#stream #entry-${id}`),
      older,
      h.WAIT,
    );

    // Through the correction form's boxes, on the newest entry: on, then off again.
    const newest = (await page.locator("#published-list > li", { hasText: "Later report 3" }).getAttribute("id")).replace("editor-entry-", "");
    await page.goto(server.url + `/editor/live/${h.SLUG}/entries/${newest}`);
    await page.check("#pinned");
    await page.check("#key_event");
    await h.clickAndWait(page, "button[value=publish]");
    await h.waitForEntry(reader.page, "Later report 3", "#pinned");
    await reader.page.waitForFunction((id) => !!document.querySelector(`#key-events a[href="#entry-${id}"]`), newest, h.WAIT);
    await page.goto(server.url + `/editor/live/${h.SLUG}/entries/${newest}`);
    await page.uncheck("#pinned");
    await page.uncheck("#key_event");
    await h.clickAndWait(page, "button[value=publish]");
    await reader.page.waitForFunction(
      (id) => !document.querySelector(`#pinned #entry-${id}`) && !document.querySelector(`#key-events a[href="#entry-${id}"]`),
      newest,
      h.WAIT,
    );
    // An entry unpinned can be pinned again.
    await item(page, newest).locator("button", { hasText: /^Pin$/ }).click();
    await h.waitForEntry(reader.page, "Later report 3", "#pinned");
    assert.equal(await h.probes.marker(reader.page), "not reloaded");
    assert.deepEqual(errors, []);
  });

  test("deletes only after a confirmation, asked in place beside the entry", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());
    const id = await publish(page, server.url, "Posted by mistake");
    const reader = await h.readerTab(browser, server.url);
    t.after(() => reader.context.close());
    await h.waitForEntry(reader.page, "Posted by mistake");
    await page.evaluate(() => (window.__marker = "not reloaded"));

    const entry = `#editor-entry-${id}`;
    const ask = page.locator(`${entry} .delete-in-place`);
    await page.click(`${entry} a[data-delete]`);
    await ask.waitFor();
    assert.match(await ask.textContent(), /Delete this entry\?/);
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), "Delete it", "the cursor on the answer");
    // A colleague's entry arriving brings the desk up to date: the question stays.
    const colleague = await h.signIn(server);
    await colleague.publish({ title: "Update from a colleague" });
    await page.locator("#published-list", { hasText: "Update from a colleague" }).waitFor(h.WAIT);
    assert.ok(await ask.isVisible(), "still asked after the desk caught up");
    await page.keyboard.press("Escape");
    assert.equal(await ask.isVisible(), false, "Escape keeps the entry");
    await page.click(`${entry} a[data-delete]`);
    await page.click(`${entry} [data-keep]`);
    assert.equal(await ask.isVisible(), false, "Keep it keeps the entry");
    assert.ok(await reader.page.$(`#entry-${id}`), "kept");

    await page.click(`${entry} a[data-delete]`);
    await page.click(`${entry} .delete-in-place button[type=submit]`);
    await reader.page.waitForFunction((id) => !document.getElementById(`entry-${id}`), id, h.WAIT);
    await page.waitForFunction((id) => !document.getElementById(`editor-entry-${id}`), id, h.WAIT);
    assert.equal(await page.$$eval("#published-list .gone", (gone) => gone.length), 0, "not marked deleted meanwhile");
    assert.equal(await h.probes.marker(page), "not reloaded");
    assert.deepEqual(errors, []);
  });

  test("an entry deleted by mistake is restored from the desk, back in its place for open readers", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());
    const before = await publish(page, server.url, "Published before");
    const id = await publish(page, server.url, "Deleted by mistake");
    const after = await publish(page, server.url, "Published after");
    const reader = await h.readerTab(browser, server.url);
    t.after(() => reader.context.close());
    await h.waitForEntry(reader.page, "Published after");
    const order = () => reader.page.$$eval("#stream > article", (articles) => articles.map((a) => a.id));

    await page.click(`#editor-entry-${id} a[data-delete]`);
    await page.click(`#editor-entry-${id} .delete-in-place button[type=submit]`);
    await reader.page.waitForFunction((id) => !document.getElementById(`entry-${id}`), id, h.WAIT);
    const gone = page.locator(`#deleted-entry-${id}`);
    await gone.waitFor(h.WAIT);
    assert.match(await page.textContent("#deleted"), /Deleted in the last 30 days/);
    assert.match(await gone.textContent(), /Deleted by mistake\s+Deleted by admin at \d\d:\d\d/);
    // With a correction open in the stream, the desk catching up keeps the list.
    await item(page, before).locator("a[data-correct]").click();
    await item(page, before).locator(".inline-correction form").waitFor();
    const colleague = await h.signIn(server);
    await colleague.publish({ title: "Update from a colleague" });
    await page.locator("#published-list", { hasText: "Update from a colleague" }).waitFor(h.WAIT);
    assert.ok(await gone.isVisible(), "still listed while a correction is open");
    await page.keyboard.press("Escape");

    await gone.locator("button", { hasText: "Restore" }).click();
    await h.waitForEntry(reader.page, "Deleted by mistake");
    const ids = await order();
    assert.deepEqual(
      ids.filter((entry) => [`entry-${after}`, `entry-${id}`, `entry-${before}`].includes(entry)),
      [`entry-${after}`, `entry-${id}`, `entry-${before}`],
      "back between the entries around it, not at the top",
    );
    await page.locator(`#editor-entry-${id}`).waitFor(h.WAIT);
    await page.waitForFunction(() => !document.getElementById("deleted"), null, h.WAIT);
    assert.equal(await h.probes.marker(reader.page), "not reloaded");
    assert.deepEqual(errors, []);
  });

  test("without script, Delete asks on a page of its own", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const editor = await h.signIn(server);
    const id = await editor.publish({ title: "Posted by mistake" });
    const { context, page } = await h.editorTab(browser, server, { javaScriptEnabled: false });
    t.after(() => context.close());
    await page.goto(`${server.url}/editor/live/${h.SLUG}`);
    await h.clickAndWait(page, `#editor-entry-${id} a.danger`);
    assert.match(await page.textContent("h1"), /Delete this entry\?/);
    await h.clickAndWait(page, "text=Keep it");
    assert.ok(await page.$(`#editor-entry-${id}`), "kept");
    await h.clickAndWait(page, `#editor-entry-${id} a.danger`);
    await h.clickAndWait(page, "button.danger-button");
    assert.match(await page.textContent("#done"), /Deleted/);
    assert.equal(await page.$(`#editor-entry-${id}`), null);
  });

  test("the compose page announces a colleague's entry without touching the form", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const admin = await h.editorTab(browser, server);
    t.after(() => admin.context.close());
    await h.addPerson(admin.page, server.url, "kim", "editor", "kim's long password");
    await h.openCompose(admin.page, server.url);
    await admin.page.fill("#title", "Half-written headline");

    const kim = await h.editorTab(browser, server, { username: "kim", password: "kim's long password" });
    t.after(() => kim.context.close());
    await publish(kim.page, server.url, "Filed by a colleague");

    await admin.page.waitForFunction(() => !document.getElementById("colleagues").hidden, null, h.WAIT);
    assert.match(await admin.page.textContent("#colleagues"), /Just published: Filed by a colleague/);
    await admin.page.waitForSelector("#published-list >> text=Filed by a colleague");
    assert.equal(await admin.page.inputValue("#title"), "Half-written headline");
    assert.deepEqual(admin.errors, []);
  });
});
