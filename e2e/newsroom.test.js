// Running the newsroom by hand in Chromium: a live page started, its summary edited,
// closed and reopened while readers watch; a page read oldest first; people added
// with the fewest rights and removed after a confirmation; a password changed; the
// readers counted live on the compose page. Bad input in each form is named beside
// its field, with what was typed kept.
"use strict";

const { describe, before, after, test } = require("node:test");
const assert = require("node:assert/strict");
const h = require("./helpers");

describe("the newsroom", () => {
  let browser;
  before(async () => (browser = await h.launchBrowser()));
  after(() => browser.close());

  test("a live page is started, its summary edited, closed and reopened, and open reader tabs follow", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());

    await page.goto(server.url + "/editor");
    await h.clickAndWait(page, "text=Start a new live page");
    assert.equal(await page.evaluate(() => document.activeElement.id), "title");
    await page.fill("#title", "Flood watch: the Calder river");
    await page.fill("#slug", "Flood Watch!");
    await page.fill("#summary", "River levels rising\nSandbags at the town hall");
    await page.fill("#time_zone", "Europe/Atlantis");
    await h.clickAndWait(page, "button[type=submit]:has-text('Create live page')");
    assert.match(await page.textContent("#slug-error"), /lowercase letters, digits and single hyphens/);
    assert.match(await page.textContent("#time_zone-error"), /is not a time zone/);
    assert.equal(await page.inputValue("#title"), "Flood watch: the Calder river", "kept");
    assert.equal(await page.inputValue("#summary"), "River levels rising\nSandbags at the town hall");
    await page.fill("#slug", "flood-watch");
    await page.fill("#time_zone", "Europe/London");
    await h.clickAndWait(page, "button[type=submit]:has-text('Create live page')");
    assert.match(page.url(), /\/editor\/live\/flood-watch$/);

    const reader = await h.readerTab(browser, server.url, "flood-watch");
    t.after(() => reader.context.close());
    assert.match(await reader.page.textContent("#summary"), /Sandbags at the town hall/);

    await h.clickAndWait(page, "text=Live page settings");
    await page.fill("#summary", "River levels rising\nSandbags at the town hall\nSchool closed tomorrow");
    await h.clickAndWait(page, "button:has-text('Save settings')");
    await reader.page.waitForFunction(() => /School closed tomorrow/.test(document.getElementById("summary").textContent), null, h.WAIT);

    // Closing asks first, then every open tab says so, without a reload.
    await page.goto(server.url + "/editor/live/flood-watch/settings");
    assert.equal(await page.isVisible("button:has-text('Yes, close it')"), false);
    await page.click("summary:has-text('Close this live page')");
    await h.clickAndWait(page, "button:has-text('Yes, close it')");
    await reader.page.waitForSelector(".page-header .closed-badge", h.WAIT);
    assert.match(await reader.page.textContent(".page-header"), /This live page has ended/);
    assert.equal(await reader.page.isVisible("#pause-live"), false);

    // The compose page says so, and nothing new is published.
    await h.openCompose(page, server.url, "flood-watch");
    assert.match(await page.textContent(".closed-notice"), /This live page has ended/);
    await page.fill("#title", "Written after the end");
    await page.fill("#body", "Should wait.");
    await h.clickAndWait(page, "button[value=publish]");
    assert.match(await page.textContent(".form-error"), /has ended, so nothing new is published/);
    assert.equal(await page.inputValue("#title"), "Written after the end", "kept");

    await page.goto(server.url + "/editor/live/flood-watch/settings");
    await h.clickAndWait(page, "button:has-text('Reopen it')");
    await reader.page.waitForSelector(".page-header .live-badge", h.WAIT);
    await h.openCompose(page, server.url, "flood-watch");
    await page.fill("#title", "Back on air");
    await page.fill("#body", "Coverage resumes.");
    await h.clickAndWait(page, "button[value=publish]");
    await h.waitForEntry(reader.page, "Back on air");
    assert.equal(await h.probes.marker(reader.page), "not reloaded", "the tab followed both ways by itself");
    assert.deepEqual(errors, []);
    assert.deepEqual(reader.errors, []);
  });

  test("a new page's address is made from its title, its zone is found by a city's name, and saved settings say so", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());
    await page.goto(server.url + "/editor/live/new");
    await page.locator("#title").pressSequentially("Élections: le 2e tour, en direct");
    assert.equal(await page.inputValue("#slug"), "elections-le-2e-tour-en-direct", "suggested as the title is typed");
    // An address of the editor's own is left alone.
    await page.click("#slug");
    await page.keyboard.press("End");
    await page.keyboard.type("-2027");
    await page.locator("#title").pressSequentially(" !");
    assert.equal(await page.inputValue("#slug"), "elections-le-2e-tour-en-direct-2027");

    const suggestions = await page.$$eval("#time_zone", ([field]) => [...field.list.options].map((option) => option.value));
    assert.ok(suggestions.includes("Europe/London") && suggestions.includes("America/New_York"), "zones are suggested");
    assert.ok(!suggestions.includes("GB"), "one name per city");
    await page.fill("#time_zone", "");
    await page.locator("#time_zone").pressSequentially("Paris");
    await h.clickAndWait(page, "button[type=submit]:has-text('Create live page')");
    assert.match(page.url(), /\/editor\/live\/elections-le-2e-tour-en-direct-2027$/);

    await h.clickAndWait(page, "text=Live page settings");
    assert.equal(await page.inputValue("#time_zone"), "Europe/Paris", "the city's zone, by its name");
    await page.fill("#description", "Results as they come in");
    await h.clickAndWait(page, "button:has-text('Save settings')");
    assert.match(await page.textContent("#done"), /Settings saved/);
    assert.deepEqual(errors, []);
  });

  test("a page started in Arabic says so and reads right to left; a language that is no tag is named", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());
    await page.goto(server.url + "/editor/live/new");
    assert.equal(await page.inputValue("#language"), "en-GB", "English unless chosen");
    await page.fill("#title", "عاصفة مارين مباشر");
    await page.fill("#slug", "storm-arabic");
    await page.fill("#language", "arabic please");
    await h.clickAndWait(page, "button[type=submit]:has-text('Create live page')");
    assert.match(await page.textContent("#language-error"), /not a language tag/);
    assert.equal(await page.inputValue("#title"), "عاصفة مارين مباشر", "what was typed is kept");
    await page.fill("#language", "ar");
    await h.clickAndWait(page, "button[type=submit]:has-text('Create live page')");
    const reader = await h.readerTab(browser, server.url, "storm-arabic");
    t.after(() => reader.context.close());
    const html = await reader.page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
    assert.deepEqual(html, ["ar", "rtl"]);
    const direction = await reader.page.evaluate(() => getComputedStyle(document.querySelector("h1")).direction);
    assert.equal(direction, "rtl", "the page is laid out right to left");
    assert.deepEqual(errors, []);
  });

  test("a page read oldest first takes new entries at the end", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page } = await h.editorTab(browser, server);
    t.after(() => context.close());
    await page.goto(server.url + "/editor/live/new");
    await page.fill("#title", "Questions answered");
    await page.fill("#slug", "questions");
    await page.selectOption("#reading_order", "oldest");
    await h.clickAndWait(page, "button[type=submit]:has-text('Create live page')");
    const ask = async (title) => {
      await page.fill("#title", title);
      await page.fill("#body", "Answer.");
      await h.clickAndWait(page, "button[value=publish]");
    };
    await ask("First question");
    const reader = await h.readerTab(browser, server.url, "questions");
    t.after(() => reader.context.close());
    await ask("Second question");
    await reader.page.waitForFunction(() => document.querySelectorAll("#stream > article").length === 2, null, h.WAIT);
    assert.deepEqual(await reader.page.$$eval("#stream > article .entry-title", (e) => e.map((x) => x.textContent)), [
      "First question",
      "Second question",
    ]);
  });

  test("people are added with the fewest rights, and removed after a confirmation", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page } = await h.editorTab(browser, server);
    t.after(() => context.close());
    await page.goto(server.url + "/editor/people");
    assert.equal(await page.isChecked("#role-contributor"), true, "a new account starts as a contributor");
    await page.fill("#username", "sam");
    await page.fill("#password", "short");
    await h.clickAndWait(page, "form[action='/editor/people'] button[type=submit]");
    assert.match(await page.textContent("#password-error"), /at least 10 characters/);
    assert.equal(await page.inputValue("#username"), "sam", "kept");
    await page.fill("#password", "sam's long password");
    await h.clickAndWait(page, "form[action='/editor/people'] button[type=submit]");
    assert.match(await page.textContent(".people"), /sam\s*contributor/);

    const sam = await h.editorTab(browser, server, { username: "sam", password: "sam's long password" });
    t.after(() => sam.context.close());
    await h.openCompose(sam.page, server.url);
    assert.ok(await sam.page.$("button[value=submit]"), "sam writes for approval");
    await sam.page.fill("#title", "Sam's first entry");

    assert.equal(await page.isVisible("button:has-text('Yes, remove sam')"), false, "one click removes nobody");
    await page.click("summary:has-text('Remove sam')");
    await h.clickAndWait(page, "button:has-text('Yes, remove sam')");
    assert.doesNotMatch(await page.textContent(".people"), /\bsam\b/);
    await h.clickAndWait(sam.page, "button[value=draft]");
    assert.match(sam.page.url(), /\/login/, "sam's session ended at once");
  });

  test("a password is changed, with mistakes named beside their field", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page } = await h.editorTab(browser, server);
    t.after(() => context.close());
    await h.clickAndWait(page, "text=Signed in as admin");
    assert.equal(await page.evaluate(() => document.activeElement.id), "current_password");
    const send = () => h.clickAndWait(page, "form[action='/editor/account'] button[type=submit]");
    await page.fill("#current_password", "not my password");
    await page.fill("#new_password", "a new password for admin");
    await send();
    assert.match(await page.textContent("#current_password-error"), /not right/);
    await page.fill("#current_password", h.PASSWORD);
    await page.fill("#new_password", "short");
    await send();
    assert.match(await page.textContent("#new_password-error"), /at least 10 characters/);
    await page.fill("#current_password", h.PASSWORD);
    await page.fill("#new_password", "a new password for admin");
    await send();
    assert.match(page.url(), /\/login$/);

    await page.fill("#username", "admin");
    await page.fill("#password", h.PASSWORD);
    await h.clickAndWait(page, "button[type=submit]");
    assert.match(await page.textContent(".form-error"), /do not match/, "the old password no longer works");
    await page.fill("#password", "a new password for admin");
    await h.clickAndWait(page, "button[type=submit]");
    assert.match(page.url(), /\/editor$/);
  });

  test("the compose page counts the page's readers as they come and go", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page } = await h.editorTab(browser, server);
    t.after(() => context.close());
    await h.openCompose(page, server.url);
    // The compose page has the page's stream open too, and counts itself once it has
    // asked again.
    await page.waitForFunction(() => document.getElementById("reader-count").dataset.readers === "1", null, {
      timeout: 20000,
    });
    const before = 1;
    const first = await h.readerTab(browser, server.url);
    const second = await h.readerTab(browser, server.url);
    t.after(() => first.context.close());
    await page.waitForFunction(
      (n) => Number(document.getElementById("reader-count").dataset.readers) === n,
      before + 2,
      { timeout: 20000 },
    );
    assert.match(await page.textContent("#reader-count"), new RegExp(`${before + 2} readers have this page open`));
    await second.context.close();
    await page.waitForFunction(
      (n) => Number(document.getElementById("reader-count").dataset.readers) === n,
      before + 1,
      { timeout: 20000 },
    );
  });
});
