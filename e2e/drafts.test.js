// Entries before they are published, by hand in Chromium: drafts saved, previewed,
// reopened and published once; a contributor's entry submitted, sent back with a note,
// submitted again and approved, with the queue live on the editor's pages; an entry
// scheduled for later, called off or published at its time. An open reader tab shows
// what is published, and only that.
"use strict";

const { describe, before, after, test } = require("node:test");
const assert = require("node:assert/strict");
const h = require("./helpers");

// `date` as a `datetime-local` value in the demo page's zone, to the minute (as the
// field takes it) or to the second.
function londonTime(date, { seconds = false } = {}) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/London",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const minute = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
  return seconds ? `${minute}:${parts.second}` : minute;
}

describe("entries before they are published", () => {
  let browser;
  before(async () => (browser = await h.launchBrowser()));
  after(() => browser.close());

  test("a draft is saved, previewed, reopened and published once", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const reader = await h.readerTab(browser, server.url);
    t.after(() => reader.context.close());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());
    await h.openCompose(page, server.url);

    await page.fill("#title", "Shelter numbers rise");
    await page.fill("#body", "Notes so far.");
    await h.clickAndWait(page, "button[value=draft]");
    // Kept, and out of the way: the form is empty for the next story.
    assert.match(page.url(), new RegExp(`/editor/live/${h.SLUG}\\?done=saved$`));
    assert.match(await page.textContent("#done"), /Draft saved/);
    assert.equal(await page.inputValue("#title"), "");
    assert.equal(await page.inputValue("#body"), "");
    assert.equal(await page.evaluate(() => document.activeElement.id), "title");
    await h.clickAndWait(page, "#drafts a:has-text('Shelter numbers rise')");
    await page.fill("#body", "Notes so far, no headline yet.");
    await h.clickAndWait(page, "button[value=draft]");
    await h.clickAndWait(page, "#drafts a:has-text('Shelter numbers rise')");
    await h.clickAndWait(page, "button[value=preview]");
    assert.equal(await page.textContent(".preview-pane .entry-title"), "Shelter numbers rise");

    await page.goto(server.url + `/editor/live/${h.SLUG}`);
    await h.clickAndWait(page, "#drafts a:has-text('Shelter numbers rise')");
    assert.equal(await page.inputValue("#body"), "Notes so far, no headline yet.");
    assert.ok(await page.$("summary:has-text('Discard draft')"), "discarding asks first");
    // Two quick clicks, as a hurried editor makes: one entry.
    await Promise.all([page.waitForURL("**done=published"), page.dblclick("button[value=publish]")]);
    await h.waitForEntry(reader.page, "Shelter numbers rise");
    await h.publishMarker(server, reader.page);
    const titles = await reader.page.$$eval("#stream article .entry-title", (a) => a.map((e) => e.textContent.trim()));
    assert.equal(titles.filter((t) => t === "Shelter numbers rise").length, 1, "published once");
    assert.equal(await page.$("#drafts"), null, "the draft is gone");
    assert.deepEqual(errors, []);
  });

  test("a draft saved, then the next story scheduled: two entries, neither merged into the other", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());
    await h.openCompose(page, server.url);

    await page.keyboard.type("Health officials to give update at 13:00");
    await page.keyboard.press("Tab");
    await page.keyboard.type("The briefing is at the town hall.");
    await h.clickAndWait(page, "button[value=draft]");
    // The cursor is back in the empty headline, as after publishing.
    await page.waitForFunction(() => document.activeElement.id === "title" && document.activeElement.value === "", null, h.WAIT);
    await page.keyboard.type("Reminder: schools reopen tomorrow");
    await page.keyboard.press("Tab");
    await page.keyboard.type("All but two schools open as normal.");
    await page.click("summary:has-text('Schedule for later')");
    await page.fill("#publish_at", londonTime(new Date(Date.now() + 3600 * 1000)));
    await h.clickAndWait(page, "button[value=schedule]");

    assert.match(await page.textContent("#done"), /Scheduled/);
    const scheduled = await page.textContent("#scheduled");
    assert.match(scheduled, /Reminder: schools reopen tomorrow/);
    assert.doesNotMatch(scheduled, /Health officials/, "the draft stayed out of the scheduled entry");
    const waiting = page.locator("#drafts li", { hasText: "Health officials to give update at 13:00" });
    assert.match(await waiting.textContent(), /saved at \d\d:\d\d \w+ \d+ \w+/, "the draft waits with its time");
    await h.clickAndWait(page, "#drafts a:has-text('Health officials to give update at 13:00')");
    assert.equal(await page.inputValue("#title"), "Health officials to give update at 13:00");
    assert.equal(await page.inputValue("#body"), "The briefing is at the town hall.");
    assert.deepEqual(errors, []);
  });

  test("a contributor's entry is submitted, sent back with a note, submitted again and approved", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const admin = await h.editorTab(browser, server);
    t.after(() => admin.context.close());
    await h.addPerson(admin.page, server.url, "cat", "contributor", "cat's long password");
    await h.openCompose(admin.page, server.url);
    assert.match(await admin.page.textContent("#queue-count"), /0 entries wait for approval/);
    const reader = await h.readerTab(browser, server.url);
    t.after(() => reader.context.close());

    const cat = await h.editorTab(browser, server, { username: "cat", password: "cat's long password" });
    t.after(() => cat.context.close());
    await h.openCompose(cat.page, server.url);
    assert.equal(await cat.page.$("#pinned"), null, "pinning is not a contributor's to do");
    assert.equal(await cat.page.$("#key_event"), null);
    assert.equal(await cat.page.$("button[value=publish]"), null);
    await cat.page.fill("#title", "Queues at the port");
    await cat.page.fill("#body", "Long queues for the first ferry.");
    await h.clickAndWait(cat.page, "button[value=submit]");
    assert.match(await cat.page.textContent("#done"), /Sent for approval/);

    // The editor's open compose page hears of it without a reload.
    await admin.page.waitForFunction(
      () => /1 entry waits for approval/.test(document.getElementById("queue-count").textContent),
      null,
      { timeout: 20000 },
    );
    assert.match(await admin.page.textContent("#colleagues"), /Waiting for approval: Queues at the port/);
    await admin.page.goto(server.url + "/editor");
    assert.match(await admin.page.textContent("#queue"), /Queues at the port.*by cat, for Storm Maren/s);
    await h.clickAndWait(admin.page, "#queue a");
    assert.match(await admin.page.textContent("h2"), /Review an entry from cat/);
    assert.equal(await admin.page.$("button[value=discard]"), null, "no one-click discard");
    await admin.page.click("summary:has-text('Send back with a note')");
    await h.clickAndWait(admin.page, "button[value=send-back]");
    assert.match(await admin.page.textContent("#review_note-error"), /Say what should change/);
    await admin.page.fill("#review_note", "Which port? Name it.");
    // Ctrl+Enter in the note sends it back: it does not approve.
    await Promise.all([admin.page.waitForNavigation({ waitUntil: "load" }), admin.page.keyboard.press("Control+Enter")]);
    assert.match(await admin.page.textContent("#done"), /Sent back/);

    await h.openCompose(cat.page, server.url);
    assert.match(await cat.page.textContent("#drafts"), /Queues at the port.*sent back by admin/s);
    await h.clickAndWait(cat.page, "#drafts a");
    assert.match(await cat.page.textContent(".sent-back"), /Which port\? Name it\./);
    await cat.page.fill("#title", "Queues at Calder port");
    await h.clickAndWait(cat.page, "button[value=submit]");

    await h.openCompose(admin.page, server.url);
    await h.clickAndWait(admin.page, "#queue a");
    assert.equal(await admin.page.inputValue("#title"), "Queues at Calder port");
    await admin.page.check("#key_event");
    await h.clickAndWait(admin.page, "button[value=publish]");
    assert.match(await admin.page.textContent("#done"), /Approved and published/);
    const entry = await h.waitForEntry(reader.page, "Queues at Calder port");
    assert.match(await entry.getAttribute("class"), /key-event/);
    assert.equal(await h.probes.marker(reader.page), "not reloaded");
    const listed = admin.page.locator("#published-list > li", { hasText: "Queues at Calder port" });
    assert.match(await listed.locator(".recent-meta").textContent(), /by cat/);
  });

  test("alerts land at the top of whatever editor page is open, and the tab's title counts them", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const admin = await h.editorTab(browser, server, { viewport: { width: 1280, height: 900 } });
    t.after(() => admin.context.close());
    await h.addPerson(admin.page, server.url, "cat", "contributor", "cat's long password");
    const cat = await h.editorTab(browser, server, { username: "cat", password: "cat's long password" });
    t.after(() => cat.context.close());
    // Each alert is on the first screen, at the top, wherever the person is.
    const atTop = (page, selector) =>
      page.waitForFunction(
        (selector) => {
          const alert = document.querySelector(`#alerts ${selector}`);
          return alert && alert.getBoundingClientRect().top < 300 && alert.getBoundingClientRect().bottom <= innerHeight;
        },
        selector,
        h.WAIT,
      );

    await admin.page.goto(server.url + "/editor/people");
    const peopleTitle = await admin.page.title();
    await h.openCompose(cat.page, server.url);
    await cat.page.fill("#title", "Ferry queues at the port");
    await cat.page.fill("#body", "Long queues.");
    await h.clickAndWait(cat.page, "button[value=submit]");

    await atTop(admin.page, ".waiting");
    assert.match(await admin.page.textContent("#alerts .waiting"), /Waiting for approval \(1\).*Ferry queues at the port.*by cat/s);
    assert.equal(await admin.page.title(), `(1) ${peopleTitle}`, "the tab counts it");
    await h.clickAndWait(admin.page, "#alerts a:has-text('Ferry queues at the port')");
    await admin.page.click("summary:has-text('Send back with a note')");
    await admin.page.fill("#review_note", "Which port? Name it.");
    await h.clickAndWait(admin.page, "button[value=send-back]");
    await admin.page.waitForFunction(() => document.getElementById("alerts").hidden, null, h.WAIT);
    assert.doesNotMatch(await admin.page.title(), /^\(/, "nothing waits any more");

    await cat.page.goto(server.url + "/editor/account");
    await atTop(cat.page, ".sent-back");
    assert.match(await cat.page.textContent("#alerts .sent-back"), /sent back to you by admin.*Which port\? Name it\./s);
    assert.match(await cat.page.title(), /^\(1\) /);
    await cat.page.click("#alerts .sent-back button:has-text('Dismiss')");
    assert.equal(await cat.page.isHidden("#alerts"), true);
    assert.doesNotMatch(await cat.page.title(), /^\(/);
    await cat.page.reload();
    await cat.page.waitForTimeout(500);
    assert.equal(await cat.page.isHidden("#alerts"), true, "dismissed stays dismissed");

    await h.openCompose(cat.page, server.url);
    await h.clickAndWait(cat.page, "#drafts a");
    await cat.page.fill("#title", "Ferry queues at Calder port");
    await h.clickAndWait(cat.page, "button[value=submit]");
    await cat.page.goto(server.url + "/editor");
    await h.openCompose(admin.page, server.url);
    await atTop(admin.page, ".waiting");
    await h.clickAndWait(admin.page, "#alerts a:has-text('Ferry queues at Calder port')");
    await h.clickAndWait(admin.page, "button[value=publish]");
    await atTop(cat.page, ".published");
    assert.match(await cat.page.textContent("#alerts .published"), /“Ferry queues at Calder port” was published on Storm Maren/);
    assert.deepEqual([...admin.errors, ...cat.errors], []);
  });

  test("a snippet kept by an editor goes into an entry in one click, as a paragraph of its own", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());
    await h.clickAndWait(page, "a[href='/editor/snippets']");
    await page.fill("#name", "Safety advice");
    await page.fill("#body", "Stay indoors.\n\nAvoid the coast road.");
    await h.clickAndWait(page, "button:has-text('Add snippet')");
    assert.match(await page.textContent("#done"), /Snippet saved/);
    // The same name again is refused beside the field, with the text kept.
    await page.fill("#name", "Safety advice");
    await page.fill("#body", "A second version.");
    await h.clickAndWait(page, "button:has-text('Add snippet')");
    assert.match(await page.textContent("#name-error"), /has that name already/);
    assert.equal(await page.inputValue("#body"), "A second version.");

    const reader = await h.readerTab(browser, server.url);
    t.after(() => reader.context.close());
    await h.openCompose(page, server.url);
    await page.fill("#title", "Gales reach the coast");
    await page.click("#body");
    await page.keyboard.type("Gusts of 90 mph at the harbour.");
    await page.click("form.entry-form .format-snippets");
    await page.click("form.entry-form .snippet-menu button:has-text('Safety advice')");
    assert.equal(await page.inputValue("#body"), "Gusts of 90 mph at the harbour.\n\nStay indoors.\n\nAvoid the coast road.");
    assert.equal(await page.evaluate(() => document.activeElement.id), "body", "the cursor back in the text");
    assert.ok(await page.isHidden("form.entry-form .snippet-menu"), "the list closes");
    await page.keyboard.press("Control+Enter");
    const entry = await h.waitForEntry(reader.page, "Gales reach the coast");
    assert.deepEqual(await entry.locator(".entry-body p").allTextContents(), [
      "Gusts of 90 mph at the harbour.",
      "Stay indoors.",
      "Avoid the coast road.",
    ]);

    await page.goto(`${server.url}/editor/snippets`);
    await page.click(".snippet > summary");
    await page.click(".snippet details.confirm > summary");
    await h.clickAndWait(page, ".snippet button.danger-button");
    assert.match(await page.textContent("#done"), /Snippet deleted/);
    assert.equal(await page.$(".snippet"), null);
    assert.deepEqual(errors, []);
  });

  test("an entry scheduled for later is listed, can be called off, and publishes itself at its time", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const reader = await h.readerTab(browser, server.url);
    t.after(() => reader.context.close());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());
    await h.openCompose(page, server.url);

    // The next whole minute, at least a few seconds ahead (the field takes minutes).
    let at = new Date(Math.ceil((Date.now() + 5000) / 60000) * 60000);
    await page.fill("#title", "Press conference at the top of the minute");
    await page.fill("#body", "Written ahead.");
    const opened = Date.now();
    await page.click("summary:has-text('Schedule for later')");
    // It starts at the next minute, in the page's time zone.
    await page.waitForFunction(() => document.getElementById("publish_at").value !== "", null, h.WAIT);
    const starts = [opened, Date.now()].map((t) => londonTime(new Date(Math.ceil((t + 1000) / 60000) * 60000)));
    assert.ok(starts.includes(await page.inputValue("#publish_at")), `starts at the next minute: ${starts}`);
    await page.fill("#publish_at", "2020-01-01T09:00");
    await h.clickAndWait(page, "button[value=schedule]");
    assert.match(await page.textContent("#publish_at-error"), /That time has passed/);
    assert.equal(await page.inputValue("#title"), "Press conference at the top of the minute");
    at = new Date(Math.ceil((Date.now() + 5000) / 60000) * 60000);
    await page.fill("#publish_at", londonTime(at));
    await h.clickAndWait(page, "button[value=schedule]");
    assert.match(await page.textContent("#done"), /Scheduled/);
    assert.match(await page.textContent("#scheduled"), /Press conference at the top of the minute.*publishes at/s);

    await page.fill("#title", "Called off");
    await page.fill("#body", "Not to run.");
    await page.click("summary:has-text('Schedule for later')");
    await page.fill("#publish_at", londonTime(at));
    await h.clickAndWait(page, "button[value=schedule]");
    await h.clickAndWait(page, "#scheduled li:has-text('Called off') button");
    assert.match(await page.textContent("#done"), /Taken off the schedule/);
    assert.match(await page.textContent("#drafts"), /Called off/);
    assert.doesNotMatch(await page.textContent("#scheduled"), /Called off/);

    const due = { timeout: at.getTime() - Date.now() + 15000 };
    await h.waitForEntry(reader.page, "Press conference at the top of the minute", "#stream", due);
    assert.ok(Date.now() >= at.getTime(), "not before its time");
    // A second entry scheduled two seconds on is published by a later pass of the
    // schedule: by the time it arrives, a second copy of the first would have too.
    const marker = "Scheduled marker";
    const editor = await h.signIn(server);
    await editor.schedule({ title: marker }, londonTime(new Date(Date.now() + 2000), { seconds: true }));
    await h.waitForEntry(reader.page, marker);
    const titles = await reader.page.$$eval("#stream article .entry-title", (a) => a.map((e) => e.textContent.trim()));
    assert.equal(titles.filter((t) => t === "Press conference at the top of the minute").length, 1);
    assert.ok(!titles.includes("Called off"), "what was called off stays unpublished");
    assert.equal(await h.probes.marker(reader.page), "not reloaded");
    assert.deepEqual(errors, []);
  });
});
