// The compose page by an editor's hands: signing in and out, publishing with Markdown,
// a label, a byline and an image, the keys a live-blogger leans on, text that survives
// reloads and ended sessions, long pastes, bad input, the live preview, and images
// dropped or pasted in. Every flow clicks and types in the real page; an open reader
// tab shows each result as it happens.
"use strict";

const { describe, before, after, test } = require("node:test");
const assert = require("node:assert/strict");
const h = require("./helpers");

const { PNG } = h;

describe("the compose page", () => {
  let browser;
  before(async () => (browser = await h.launchBrowser()));
  after(() => browser.close());

  test("sign in and sign out through the forms", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const context = await browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();
    await page.goto(server.url + `/editor/live/${h.SLUG}`);
    assert.match(page.url(), /\/login\?next=\/editor\/live\/storm-maren$/);
    assert.equal(await page.evaluate(() => document.activeElement.id), "username", "the cursor starts in the first field");
    await page.keyboard.type("admin");
    await page.fill("#password", "not the password");
    await h.clickAndWait(page, "button[type=submit]");
    assert.match(await page.textContent(".form-error"), /do not match an account/);
    assert.equal(await page.inputValue("#username"), "admin", "the name is kept");
    assert.equal(await page.evaluate(() => document.activeElement.id), "password");
    await page.fill("#password", h.PASSWORD);
    await h.clickAndWait(page, "button[type=submit]");
    assert.match(page.url(), /\/editor\/live\/storm-maren$/, "back to the page asked for");

    await h.clickAndWait(page, ".editor-nav button");
    assert.match(page.url(), /\/login$/);
    await page.goto(server.url + "/editor");
    assert.match(page.url(), /\/login/, "signed out for real");
  });

  test("publishes with Markdown, a label, a byline and an uploaded image", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const reader = await h.readerTab(browser, server.url);
    t.after(() => reader.context.close());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());
    await h.openCompose(page, server.url);

    await page.fill("#title", "Ferry crossings resume at noon");
    await page.fill("#body", "The **first** sailing left on time.\n\n> \"We are back,\" the harbour master said.\n\n- one lane open\n- queues expected");
    await page.selectOption("#label", "analysis");
    await page.fill("#author_name", "Ana Ruiz");
    await page.fill("#author_role", "Transport correspondent");
    await page.setInputFiles("#image", { name: "ferry.png", mimeType: "image/png", buffer: PNG });
    await page.waitForSelector(".thumbnail img[src^='/media/']", h.WAIT);
    assert.equal(await page.evaluate(() => document.activeElement.id), "image_alt", "the alt text is asked for next");
    await page.keyboard.type("The ferry leaving the harbour");
    await page.fill("#image_caption", "The first sailing");
    await page.fill("#image_credit", "Calder Ferries");
    await h.clickAndWait(page, "button[value=publish]");

    const entry = await h.waitForEntry(reader.page, "Ferry crossings resume at noon");
    assert.equal(await entry.locator(".entry-body strong").textContent(), "first");
    assert.match(await entry.locator(".entry-body blockquote").textContent(), /We are back/);
    assert.equal(await entry.locator(".entry-body li").count(), 2);
    assert.equal(await entry.locator(".label").textContent(), "Analysis");
    assert.equal(await entry.locator(".byline-name").textContent(), "Ana Ruiz");
    assert.match(await entry.locator("img").getAttribute("src"), /^\/media\/[0-9a-f]{64}_1x1\.png$/);
    assert.equal(await entry.locator("img").getAttribute("alt"), "The ferry leaving the harbour");
    assert.match(await entry.locator("figcaption").textContent(), /Calder Ferries/);
    assert.equal(await h.probes.marker(reader.page), "not reloaded");

    // Ready for the next entry: empty, the cursor in the headline, the byline kept
    // and saying so, and no label: each entry's label is its own.
    assert.match(await page.textContent("#done"), /Published/);
    assert.equal(await page.inputValue("#title"), "");
    assert.equal(await page.inputValue("#body"), "");
    assert.equal(await page.evaluate(() => document.activeElement.id), "title");
    assert.equal(await page.inputValue("#author_name"), "Ana Ruiz");
    assert.equal(await page.inputValue("#author_role"), "Transport correspondent");
    assert.match(await page.textContent("#byline-kept"), /Kept from your last entry/);
    assert.equal(await page.inputValue("#label"), "", "the label does not carry over");
    assert.equal(await page.isChecked("#key_event"), false);

    // The next story, written without touching the label, goes out without one.
    await page.waitForFunction(() => document.activeElement.id === "title", null, h.WAIT);
    await page.keyboard.type("Timetable for the afternoon");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Crossings every two hours.");
    await h.andWait(page, () => page.keyboard.press("Control+Enter"));
    const next = await h.waitForEntry(reader.page, "Timetable for the afternoon");
    assert.equal(await next.locator(".label").count(), 0, "no label on the next story");
    assert.equal(await next.locator(".byline-name").textContent(), "Ana Ruiz");
    assert.deepEqual(errors, []);
  });

  test("a sprint of five entries, each headline typed the moment Ctrl+Enter is pressed: every letter arrives", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const reader = await h.readerTab(browser, server.url);
    t.after(() => reader.context.close());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());
    await h.openCompose(page, server.url);
    await page.click("#title");
    const sprint = ["Road reopens", "MP calls for inquiry", "Ferries back", "Power restored in Harwick", "Schools open tomorrow"];
    for (const title of sprint) {
      // No waiting between entries: the next headline is typed at once.
      await page.keyboard.type(title);
      await page.keyboard.press("Tab");
      await page.keyboard.type(`More on ${title.toLowerCase()}.`);
      await page.keyboard.press("Control+Enter");
    }
    for (const title of sprint) await h.waitForEntry(reader.page, title);
    const titles = await reader.page.$$eval("#stream article .entry-title", (a) => a.map((e) => e.textContent.trim()));
    assert.deepEqual(titles.slice(0, 5), [...sprint].reverse(), "every headline whole, once, in order");
    const bodies = await reader.page.$$eval("#stream article .entry-body", (a) => a.slice(0, 5).map((e) => e.textContent.trim()));
    assert.deepEqual(bodies, [...sprint].reverse().map((title) => `More on ${title.toLowerCase()}.`));
    assert.equal(await page.inputValue("#title"), "", "the form is ready for the next");
    assert.equal(await page.evaluate(() => document.activeElement.id), "title");
    assert.match(page.url(), /\/editor\/live\/storm-maren$/, "the page never left");
    assert.deepEqual(errors, []);
  });

  test("an entry refused in the background comes back with its problem beside the field", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());
    await h.openCompose(page, server.url);
    await page.fill("#title", "Picture from the harbour");
    await page.fill("#body", "See above.");
    await page.fill("#image_url", "javascript:alert(1)");
    await page.fill("#image_alt", "The harbour");
    await h.andWait(page, () => page.keyboard.press("Control+Enter"));
    await page.waitForSelector("#image_url-error", h.WAIT);
    assert.equal(await page.inputValue("#title"), "Picture from the harbour");
    assert.equal(await page.inputValue("#body"), "See above.");
    assert.equal(await page.inputValue("#image_url"), "javascript:alert(1)");
    assert.equal(await page.evaluate(() => document.activeElement.id), "image_url", "the field at fault has the cursor");
    // Put right, it goes out from the same form.
    await page.fill("#image_url", "");
    await page.fill("#image_alt", "");
    await h.clickAndWait(page, "button[value=publish]");
    assert.match(await page.textContent("#done"), /Published/);
    assert.deepEqual(errors, []);
  });

  test("an entry sent into a network that fails, with the next typed since, is kept aside and put back whole", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const relay = await h.startRelay(server.addr);
    t.after(() => relay.stop());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());
    await h.openCompose(page, relay.url());
    await page.fill("#title", "Sent as the line went down");
    await page.fill("#body", "The first entry's text.");
    relay.stall();
    await page.keyboard.press("Control+Enter");
    await page.waitForFunction(() => document.getElementById("title").value === "", null, h.WAIT);
    await page.keyboard.type("Typed while it was on its way");
    await page.fill("#body", "The second entry's text.");
    await relay.cut();
    const aside = page.locator("form.entry-form .kept-aside");
    await aside.waitFor(h.WAIT);
    assert.match(await aside.textContent(), /“Sent as the line went down” was not published/);
    assert.equal(await page.inputValue("#title"), "Typed while it was on its way", "what was typed since stays");

    // A reload keeps both: the entry kept aside, the text in the form.
    await page.reload();
    await h.waitForOpenStream(page);
    assert.match(await aside.textContent(), /Sent as the line went down/);
    assert.equal(await page.inputValue("#title"), "Typed while it was on its way");
    assert.equal(await page.inputValue("#body"), "The second entry's text.", "to the last key");

    // Put back, the one in the form is kept aside in its place.
    await aside.locator("button").click();
    assert.equal(await page.inputValue("#title"), "Sent as the line went down");
    assert.equal(await page.inputValue("#body"), "The first entry's text.");
    assert.match(await aside.textContent(), /“Typed while it was on its way” was not published/);
    await h.andWait(page, () => page.keyboard.press("Control+Enter"));
    assert.match(await page.textContent("#done"), /Published/);
    await aside.locator("button").click();
    assert.equal(await page.inputValue("#body"), "The second entry's text.");
    assert.equal(await aside.count(), 0, "nothing left aside");
    await h.andWait(page, () => page.keyboard.press("Control+Enter"));
    const html = await (await fetch(`${server.url}/live/${h.SLUG}`)).text();
    assert.ok(html.includes("Sent as the line went down") && html.includes("Typed while it was on its way"), "both published");
    assert.deepEqual(errors.filter((e) => !/Failed to fetch|NetworkError/.test(String(e))), []);
  });

  test("an entry published while its answer was lost to a reset, sent again, is published once", async (t) => {
    const { server, page, errors, reader } = await h.deskAndReader(browser, t);
    await h.openCompose(page, server.url);
    // The first send reaches the newsroom, which publishes it; the answer never
    // reaches the browser: the connection is reset.
    let lost = false;
    await page.route(`**/editor/live/${h.SLUG}/entries`, async (route) => {
      if (lost || route.request().method() !== "POST") return route.continue();
      lost = true;
      await route.fetch();
      await route.abort("connectionreset");
    });
    await page.fill("#title", "Evacuation order lifted");
    await page.fill("#body", "Residents may return from 18:00.");
    await h.andWait(page, () => page.keyboard.press("Control+Enter"));
    assert.ok(lost, "the answer was lost");
    await h.waitForEntry(reader.page, "Evacuation order lifted");
    assert.equal(await page.inputValue("#title"), "Evacuation order lifted", "the entry is back in the form, not known to be published");

    // Sent again as it stands, it is the same entry: published once, and said so.
    await h.andWait(page, () => page.keyboard.press("Control+Enter"));
    assert.match(await page.textContent("#done"), /Published/);
    assert.equal(await page.inputValue("#title"), "", "the form is ready for the next one");
    await page.fill("#title", "Evacuation order lifted");
    await page.fill("#body", "Residents may return from 18:00. Roads are open.");
    await h.andWait(page, () => page.keyboard.press("Control+Enter"));
    await h.publishMarker(server, reader.page);
    const titles = await reader.page.$$eval("#stream article .entry-title", (els) => els.map((e) => e.textContent.trim()));
    assert.equal(titles.filter((title) => title === "Evacuation order lifted").length, 2, "the resend made nothing new; the next entry, with its own key, did");
    const bodies = await reader.page.$$eval("#stream article", (els) => els.map((e) => e.textContent));
    assert.equal(bodies.filter((text) => text.includes("Roads are open.")).length, 1);
    assert.deepEqual(errors.filter((e) => !/Failed to fetch|NetworkError/.test(String(e))), []);
  });

  test("a file that is no image is named beside its field and does not hold up the entry", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());
    const reader = await h.readerTab(browser, server.url);
    t.after(() => reader.context.close());
    await h.openCompose(page, server.url);
    await page.fill("#title", "Ferry timetable changed");
    await page.fill("#body", "The 14:00 sails at 15:00.");
    await page.setInputFiles("#image", { name: "timetable.png", mimeType: "image/png", buffer: Buffer.from("a scanned page, not a PNG") });
    const refused = page.locator("#image-error");
    await refused.waitFor(h.WAIT);
    assert.match(await refused.textContent(), /“timetable\.png” was not attached: The file is not a JPEG, PNG, WebP or GIF image\. The entry publishes without it/);
    assert.equal(await page.$eval("#image", (input) => input.files.length), 0, "the file is taken out of the form");
    await page.focus("#body");
    await h.andWait(page, () => page.keyboard.press("Control+Enter"));
    assert.match(await page.textContent("#done"), /Published/);
    await h.waitForEntry(reader.page, "Ferry timetable changed");
    assert.equal(await page.$("#image-error"), null, "the next entry starts without the last one's problem");
    assert.deepEqual(errors, []);
  });

  test("on a wide screen the form, its preview and the stream as readers see it sit side by side", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page, errors } = await h.editorTab(browser, server, { viewport: { width: 1440, height: 900 } });
    t.after(() => context.close());
    await h.openCompose(page, server.url);
    await page.click("#title");
    await page.keyboard.type("Harbour wall breached at Calder");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Water is running into the **lower town**.");
    await page.selectOption("#label", "breaking");
    await page.fill("#author_name", "Ana Ruiz");
    await page.setInputFiles("#image", { name: "wall.png", mimeType: "image/png", buffer: PNG });
    await page.waitForSelector(".thumbnail img[src^='/media/']", h.WAIT);
    await page.keyboard.type("The breach seen from the quay");
    await page.waitForFunction(() => /lower town/.test(document.querySelector(".preview-pane").textContent), null, h.WAIT);

    const box = (selector) => page.$eval(selector, (el) => el.getBoundingClientRect().toJSON());
    const [form, preview, desk] = [await box("form.entry-form"), await box(".preview-pane"), await box("#desk")];
    assert.ok(form.right <= preview.left && preview.right <= desk.left, "form, preview and stream from left to right");
    for (const [name, b] of Object.entries({ form, preview, desk })) {
      assert.ok(b.top < 300, `the ${name} starts on the first screen (at ${Math.round(b.top)}px)`);
    }

    await page.focus("#body");
    await h.andWait(page, () => page.keyboard.press("Control+Enter"));
    const item = page.locator("#published-list > li", { hasText: "Harbour wall breached at Calder" });
    await item.waitFor(h.WAIT);
    assert.match(await item.locator("time").first().textContent(), /^\d{1,2}:\d{2}/, "its clock time");
    assert.equal(await item.locator(".label").textContent(), "Breaking");
    assert.equal(await item.locator(".byline-name").textContent(), "Ana Ruiz");
    assert.match(await item.locator(".entry-body").textContent(), /running into the lower town/);
    assert.equal(await item.locator(".entry-image img").getAttribute("alt"), "The breach seen from the quay");
    for (const action of [/^Correct$/, /^Pin$/, /^Delete/]) {
      const target = await item.getByText(action).first().boundingBox();
      assert.ok(target && target.y + target.height <= 900, `${action} is in sight, one click away`);
    }
    assert.deepEqual(errors, []);
  });

  test("the field the cursor moves to is never under the buttons kept at the bottom", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    for (const viewport of [{ width: 320, height: 640 }, { width: 390, height: 844 }, { width: 1440, height: 900 }]) {
      const { context, page, errors } = await h.editorTab(browser, server, { viewport });
      await h.openCompose(page, server.url);
      await page.click("#title");
      const hidden = [];
      for (let step = 0; step < 14; step++) {
        await page.keyboard.press("Tab");
        const seen = await page.evaluate(() => {
          const field = document.activeElement;
          const bar = document.querySelector(".entry-form .actions").getBoundingClientRect();
          const box = field.getBoundingClientRect();
          // A one-line field whole above the buttons; a tall text box at least its
          // first lines, where the cursor is.
          const clear = box.height <= 80 ? box.bottom <= bar.top + 1 : box.top <= bar.top - 40;
          return { id: field.id || field.textContent.trim(), covered: !clear && !field.closest(".actions") };
        });
        if (seen.covered) hidden.push(seen.id);
      }
      assert.deepEqual(hidden, [], `at ${viewport.width} px no field is under the buttons`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  test("Ctrl+Enter publishes from any field; Enter in a one-line field does not", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const reader = await h.readerTab(browser, server.url);
    t.after(() => reader.context.close());
    const { context, page } = await h.editorTab(browser, server);
    t.after(() => context.close());
    await h.openCompose(page, server.url);
    // A form sent by Enter fires its submit event while the key is handled, so once
    // the key press is done, a count of submit events says whether it was sent.
    await page.evaluate(() => {
      window.__submits = 0;
      document.addEventListener("submit", () => window.__submits++, true);
    });

    await page.click("#title");
    await page.keyboard.type("Sea wall holds");
    await page.keyboard.press("Enter");
    await page.click("#author_name");
    await page.keyboard.type("Sam Okafor");
    await page.keyboard.press("Enter");
    const submits = await page.evaluate(() => window.__submits).catch(() => "the page left");
    assert.equal(submits, 0, "Enter sent nothing");
    assert.equal(await page.inputValue("#title"), "Sea wall holds");

    await page.click("#body");
    await page.keyboard.type("Engineers say the wall held overnight.");
    await page.keyboard.press("Enter");
    await page.keyboard.type("A second paragraph.");
    assert.match(await page.inputValue("#body"), /overnight\.\nA second/, "Enter in the text is a new line");
    await page.click("#author_role");
    await h.andWait(page, () => page.keyboard.press("Control+Enter"));
    const entry = await h.waitForEntry(reader.page, "Sea wall holds");
    assert.equal(await entry.locator(".byline-name").textContent(), "Sam Okafor");
  });

  test("typed text survives a reload, leaving asks first, and publishing clears it", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());
    await h.openCompose(page, server.url);
    await page.fill("#title", "Half-written headline");
    await page.fill("#body", "Notes taken at the scene.");
    await page.check("#key_event");
    await h.waitForSavedText(page, "Notes taken at the scene.");

    const dialogs = [];
    let asked;
    const firstAsk = new Promise((resolve) => (asked = resolve));
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.type());
      // Leaving is asked about: stay the first time, go the second.
      if (dialogs.length === 1) await dialog.dismiss();
      else await dialog.accept();
      asked();
    });
    await page.click(".editor-nav a[href='/editor']");
    await firstAsk;
    assert.deepEqual(dialogs, ["beforeunload"]);
    assert.match(page.url(), /\/editor\/live\/storm-maren$/, "still on the compose page");

    await page.reload();
    assert.equal(dialogs.length, 2);
    await page.waitForSelector(".restored");
    assert.equal(await page.inputValue("#title"), "Half-written headline");
    assert.equal(await page.inputValue("#body"), "Notes taken at the scene.");
    assert.equal(await page.isChecked("#key_event"), true);

    await h.clickAndWait(page, "button[value=publish]");
    await page.goto(server.url + `/editor/live/${h.SLUG}`);
    assert.equal(await page.inputValue("#title"), "", "once published, nothing comes back");
    assert.equal(await page.$(".restored"), null);
    assert.deepEqual(errors, []);
  });

  test("a session that ends mid-typing loses nothing: signing in again brings the text back", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const reader = await h.readerTab(browser, server.url);
    t.after(() => reader.context.close());
    const { context, page } = await h.editorTab(browser, server);
    t.after(() => context.close());
    await h.openCompose(page, server.url);
    await page.fill("#title", "Evacuation centre opens");
    await page.fill("#body", "The school hall takes 200 people.");
    await h.waitForSavedText(page, "The school hall takes 200 people.");

    // In another tab, the same editor changes their password: every session ends.
    const other = await context.newPage();
    await other.goto(server.url + "/editor/account");
    await other.fill("#current_password", h.PASSWORD);
    await other.fill("#new_password", "a brand new password");
    await h.clickAndWait(other, "form[action='/editor/account'] button[type=submit]");
    assert.match(other.url(), /\/login$/);
    await other.close();

    await h.clickAndWait(page, "button[value=publish]");
    assert.match(page.url(), /\/login\?next=\/editor\/live\/storm-maren&ended=1$/);
    assert.match(await page.textContent("main"), /Your session has ended/);
    await page.fill("#username", "admin");
    await page.fill("#password", "a brand new password");
    await h.clickAndWait(page, "button[type=submit]");
    assert.match(page.url(), /\/editor\/live\/storm-maren$/, "back where they were");
    await page.waitForSelector(".restored");
    assert.equal(await page.inputValue("#title"), "Evacuation centre opens");
    assert.equal(await page.inputValue("#body"), "The school hall takes 200 people.");
    await h.clickAndWait(page, "button[value=publish]");
    await h.waitForEntry(reader.page, "Evacuation centre opens");
  });

  test("a long paste is refused with its count and kept whole, never cut", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page } = await h.editorTab(browser, server);
    t.after(() => context.close());
    await h.openCompose(page, server.url);
    const long = "The storm ".repeat(2005).trim();
    await page.fill("#title", "A very long report");
    await page.fill("#body", long);
    assert.equal((await page.inputValue("#body")).length, long.length, "the field took all of it");
    assert.match(await page.textContent("#body-count"), /20,049 characters: 49 over the limit of 20,000/);
    await h.clickAndWait(page, "button[value=publish]");
    assert.match(await page.textContent("#body-error"), /The text is 20049 characters long; the limit is 20000\./);
    assert.equal(await page.inputValue("#body"), long, "every character is kept");
    assert.equal(await page.evaluate(() => document.activeElement.id), "body", "the cursor is where the problem is");
  });

  test("bad input is named beside its field and everything typed is kept", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page } = await h.editorTab(browser, server);
    t.after(() => context.close());
    await h.openCompose(page, server.url);
    await page.fill("#body", "Some text.");
    await page.fill("#author_role", "Live reporter");
    await page.fill("#image_url", "javascript:alert(1)");
    await page.fill("#image_caption", "A caption");
    await h.clickAndWait(page, "button[value=publish]");
    assert.match(await page.textContent(".form-error"), /Nothing was saved/);
    assert.match(await page.textContent("#title-error"), /A headline is required/);
    assert.match(await page.textContent("#author_name-error"), /A role needs a name/);
    assert.match(await page.textContent("#image_url-error"), /must start with https/);
    assert.equal(await page.getAttribute("#image_url", "aria-invalid"), "true");
    assert.equal(await page.inputValue("#body"), "Some text.");
    assert.equal(await page.inputValue("#author_role"), "Live reporter");
    assert.equal(await page.inputValue("#image_caption"), "A caption");
    assert.equal(await page.evaluate(() => document.activeElement.id), "title");
  });

  test("the preview beside the text follows the typing, and the Preview button works without scripts", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page } = await h.editorTab(browser, server);
    t.after(() => context.close());
    await h.openCompose(page, server.url);
    await page.click("#body");
    await page.keyboard.type("Rain **eases** by evening");
    await page.waitForFunction(() => {
      const pane = document.querySelector(".preview-pane");
      return !pane.hidden && pane.querySelector(".entry-body strong")?.textContent === "eases";
    }, null, h.WAIT);
    await page.click("#title");
    await page.keyboard.type("Forecast");
    await page.waitForFunction(
      () => document.querySelector(".preview-pane .entry-title")?.textContent.trim() === "Forecast",
      null,
      h.WAIT,
    );
    await page.fill("#author_role", "Reporter");
    await page.waitForFunction(
      () => /A role needs a name/.test(document.querySelector(".preview-pane").textContent),
      null,
      h.WAIT,
    );

    const plain = await browser.newContext({ javaScriptEnabled: false });
    t.after(() => plain.close());
    const still = await plain.newPage();
    await h.signInBrowser(still, server.url);
    await still.goto(server.url + `/editor/live/${h.SLUG}`);
    await still.fill("#title", "Forecast");
    await still.fill("#body", "Rain **eases** by evening");
    await h.clickAndWait(still, "button[value=preview]");
    assert.equal(await still.textContent(".preview-pane .entry-body strong"), "eases");
    assert.equal(await still.inputValue("#body"), "Rain **eases** by evening");
  });

  test("an image dropped on the form or pasted into the text is attached at once", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const reader = await h.readerTab(browser, server.url);
    t.after(() => reader.context.close());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());
    await h.openCompose(page, server.url);
    const file = async () =>
      page.evaluateHandle((base64) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], "photo.png", { type: "image/png" }));
        return transfer;
      }, PNG.toString("base64"));

    await page.dispatchEvent("form.entry-form", "drop", { dataTransfer: await file() });
    await page.waitForSelector(".thumbnail img[src^='/media/']", h.WAIT);
    assert.match(await page.inputValue("#image_url"), /^\/media\/[0-9a-f]{64}_1x1\.png$/);
    assert.equal(await page.evaluate(() => document.activeElement.id), "image_alt");

    await page.fill("#image_url", "");
    await page.evaluate(() => document.querySelector(".thumbnail").replaceChildren());
    await page.focus("#body");
    const pasted = await file();
    await page.evaluate((transfer) => {
      const body = document.getElementById("body");
      body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, pasted);
    await page.waitForSelector(".thumbnail img[src^='/media/']", h.WAIT);
    assert.match(await page.inputValue("#image_url"), /^\/media\//);
    assert.equal(await page.inputValue("#body"), "", "the image went to the image, not the text");
    await page.keyboard.type("A pasted photo");
    await page.fill("#title", "Photo from the coast");
    await page.fill("#body", "Pasted in.");
    await h.clickAndWait(page, "button[value=publish]");
    const entry = await h.waitForEntry(reader.page, "Photo from the coast");
    assert.equal(await entry.locator("img").getAttribute("alt"), "A pasted photo");

    await page.dispatchEvent("form.entry-form", "drop", {
      dataTransfer: await page.evaluateHandle(() => {
        const transfer = new DataTransfer();
        transfer.items.add(new File(["<svg onload=alert(1)>"], "x.png", { type: "image/png" }));
        return transfer;
      }),
    });
    await page.waitForSelector("#image-error");
    assert.match(await page.textContent("#image-error"), /not a JPEG, PNG, WebP or GIF/);
    assert.deepEqual(errors, []);
  });
});

describe("the formatting buttons above the text", () => {
  let browser;
  before(async () => (browser = await h.launchBrowser()));
  after(() => browser.close());

  test("bold, italic, a link, a list, a quote and a note, by keys and buttons, without writing Markdown", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const reader = await h.readerTab(browser, server.url);
    t.after(() => reader.context.close());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());
    await h.openCompose(page, server.url);
    const bar = page.locator("form.entry-form [role=toolbar]");
    assert.equal(await bar.count(), 1, "one row of buttons above the text");
    assert.ok(await bar.getAttribute("aria-label"), "the row is named");
    const body = () => page.inputValue("#body");
    const keys = async (key, times = 1) => {
      for (let i = 0; i < times; i++) await page.keyboard.press(key);
    };

    // Tab still goes from the headline straight into the text.
    await page.click("#title");
    await page.keyboard.type("Ferries run again from noon");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.id), "body");

    // Bold on a word picked with the keyboard; pressed again it comes off, and on.
    await page.keyboard.type("Crossings resume at noon.");
    await keys("ArrowLeft");
    await keys("Shift+ArrowLeft", 4);
    await page.keyboard.press("Control+B");
    assert.equal(await body(), "Crossings resume at **noon**.");
    await page.keyboard.press("Control+B");
    assert.equal(await body(), "Crossings resume at noon.", "pressed again, the bold comes off");
    await page.keyboard.press("Control+B");
    assert.equal(await body(), "Crossings resume at **noon**.");
    // The desk's scripts hear it as typing: the preview shows it and the browser keeps it.
    await page.waitForFunction(() => document.querySelector(".preview-pane strong")?.textContent === "noon", null, h.WAIT);
    await h.waitForSavedText(page, "**noon**");

    // Italic, taken back with Ctrl+Z, and given again.
    await keys("End");
    await page.keyboard.type("\n\nCalder Ferries say to expect queues");
    await keys("Shift+ArrowLeft", 6);
    const beforeItalic = await body();
    await page.keyboard.press("Control+I");
    assert.ok((await body()).endsWith("to expect _queues_"), await body());
    await page.keyboard.press("Control+Z");
    assert.equal(await body(), beforeItalic, "Ctrl+Z takes the italic back");
    await keys("End");
    await keys("Shift+ArrowLeft", 6);
    await page.keyboard.press("Control+I");
    assert.ok((await body()).endsWith("to expect _queues_"));

    // A link: Ctrl+K on the words, then the address typed over "https://".
    await keys("End");
    await page.keyboard.type("\n\nThe timetable is online");
    await keys("Shift+ArrowLeft", 6);
    await page.keyboard.press("Control+K");
    await page.keyboard.type("https://example.org/ferries");
    assert.ok((await body()).endsWith("The timetable is [online](https://example.org/ferries)"), await body());

    // A list of two lines, both selected.
    await keys("End");
    await page.keyboard.type("\n\nOne lane open\nQueues expected");
    await keys("Shift+ArrowUp");
    await keys("Shift+Home");
    await page.click("form.entry-form [role=toolbar] button.format-list");
    assert.ok((await body()).endsWith("\n\n- One lane open\n- Queues expected"), await body());

    // A quote, with nothing selected: the line the cursor is on.
    await keys("Control+End");
    await page.keyboard.type('\n\n"We are back," the harbour master said.');
    await page.click("form.entry-form [role=toolbar] button.format-quote");
    assert.ok((await body()).endsWith('\n\n> "We are back," the harbour master said.'));

    // A "For context" note from a selected line, reached from the keyboard too.
    await page.keyboard.type("\n\nThe ferry has run since 1904.");
    await keys("Shift+Home");
    await keys("Alt+F10");
    assert.equal(await page.evaluate(() => document.activeElement.closest("[role=toolbar]") !== null), true, "Alt+F10 goes to the buttons");
    await keys("Escape");
    assert.equal(await page.evaluate(() => document.activeElement.id), "body", "Escape goes back to the text");
    await page.click("form.entry-form [role=toolbar] button.format-context");
    assert.equal(
      await body(),
      "Crossings resume at **noon**.\n\nCalder Ferries say to expect _queues_\n\n" +
        "The timetable is [online](https://example.org/ferries)\n\n- One lane open\n- Queues expected\n\n" +
        '> "We are back," the harbour master said.\n\n> [!NOTE]\n> The ferry has run since 1904.',
    );

    // On the narrowest phone the buttons wrap: nothing scrolls sideways, each 44px.
    await page.setViewportSize({ width: 320, height: 700 });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), "no sideways scrolling at 320px");
    const sizes = await bar.locator("button").evaluateAll((buttons) =>
      buttons.map((b) => b.getBoundingClientRect()).map((r) => [Math.round(r.width), Math.round(r.height)]),
    );
    assert.equal(sizes.length, 8, "six for formatting, Picture, and Snippets for an editor");
    for (const [width, height] of sizes) assert.ok(width >= 44 && height >= 44, `a button of ${width}x${height}px`);
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.focus("#body");
    await h.andWait(page, () => page.keyboard.press("Control+Enter"));
    const entry = await h.waitForEntry(reader.page, "Ferries run again from noon");
    assert.equal(await entry.locator(".entry-body strong").first().textContent(), "noon");
    assert.equal(await entry.locator(".entry-body em").textContent(), "queues");
    const link = entry.locator(".entry-body a[href='https://example.org/ferries']");
    assert.equal(await link.textContent(), "online");
    assert.deepEqual(await entry.locator(".entry-body li").allTextContents(), ["One lane open", "Queues expected"]);
    assert.match(await entry.locator(".entry-body blockquote").textContent(), /We are back/);
    const note = entry.locator(".entry-body aside.context");
    assert.equal(await note.locator(".context-label").textContent(), "For context");
    assert.match(await note.textContent(), /run since 1904/);

    // A correction opened in place gets its own buttons, once.
    const item = page.locator("#published-list > li", { hasText: "Ferries run again from noon" });
    await item.locator("a[data-correct]").click();
    const inline = item.locator(".inline-correction form.entry-form");
    await inline.waitFor(h.WAIT);
    assert.equal(await inline.locator("[role=toolbar]").count(), 1);
    await inline.locator("textarea[name=body]").focus();
    await keys("Control+End");
    await page.keyboard.type("\n\nMore to follow");
    await keys("Shift+ArrowLeft", 6);
    await page.keyboard.press("Control+B");
    assert.ok((await inline.locator("textarea[name=body]").inputValue()).endsWith("More to **follow**"));
    assert.deepEqual(errors, []);
  });
});
