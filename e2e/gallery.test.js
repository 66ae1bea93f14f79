// A gallery, from the desk to a reader's phone: an editor chooses three pictures for
// an entry, describes each and publishes; a reader on a 390 px phone swipes from one
// to the next, and a reader at a keyboard walks them with the arrow keys, Home and End.
"use strict";

const { describe, before, after, test } = require("node:test");
const assert = require("node:assert/strict");
const h = require("./helpers");

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

describe("galleries", () => {
  let browser;
  before(async () => (browser = await h.launchBrowser()));
  after(() => browser.close());

  test("three pictures published from the form are swiped on a phone and walked with the keyboard", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());

    await h.openCompose(page, server.url);
    await page.fill("#title", "The harbour in three pictures");
    await page.fill("#body", "From dawn to the first ferry.");
    await page.click("details.gallery-fields > summary");
    const files = ["dawn.png", "quay.png", "ferry.png"].map((name) => ({ name, mimeType: "image/png", buffer: h.PNG }));
    await page.setInputFiles("#gallery-files", files);
    await page.waitForFunction(() => document.getElementById("gallery_3_url")?.value.startsWith("/media/"), null, h.WAIT);
    assert.equal(await page.evaluate(() => document.activeElement.id), "gallery_1_alt", "on to the first picture's words");
    await page.keyboard.type("The harbour wall at dawn");
    await page.fill("#gallery_2_alt", "The quay under water");
    await page.fill("#gallery_2_caption", "Water over the quay at 08:10");
    await page.fill("#gallery_3_alt", "The first ferry leaving");
    await h.andWait(page, () => page.keyboard.press("Control+Enter"));
    assert.deepEqual(errors, []);

    // On a phone: a swipe moves one picture on.
    const phone = await browser.newContext(PHONE);
    t.after(() => phone.close());
    const reader = await phone.newPage();
    const readerErrors = [];
    reader.on("pageerror", (error) => readerErrors.push(error));
    await reader.goto(server.url + "/live/storm-maren");
    const gallery = reader.locator("section.gallery").first();
    await gallery.locator(".gallery-place").waitFor(h.WAIT);
    assert.equal(await gallery.locator(".gallery-place").textContent(), "1 of 3");
    assert.deepEqual(await gallery.locator("img").evaluateAll((imgs) => imgs.map((i) => i.alt)), [
      "The harbour wall at dawn",
      "The quay under water",
      "The first ferry leaving",
    ]);
    await gallery.scrollIntoViewIfNeeded();
    const box = await gallery.locator(".gallery-track").boundingBox();
    const cdp = await phone.newCDPSession(reader);
    // A finger on the picture, moved to the left, and lifted.
    const y = Math.round(box.y + Math.min(box.height, 200) / 2);
    const from = Math.round(box.x + box.width * 0.85);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: from, y }] });
    for (let step = 1; step <= 12; step++) {
      const x = Math.round(from - (box.width * 0.6 * step) / 12);
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y }] });
    }
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await reader.waitForFunction(() => document.querySelector("section.gallery .gallery-place").textContent === "2 of 3", null, h.WAIT);
    assert.match(await gallery.locator(".gallery-item").nth(1).textContent(), /Water over the quay/);
    assert.deepEqual(readerErrors, []);

    // At a keyboard: the gallery takes the focus by Tab, then the arrow keys, Home and End.
    const laptop = await h.readerTab(browser, server.url);
    t.after(() => laptop.context.close());
    const track = laptop.page.locator("section.gallery .gallery-track").first();
    const place = laptop.page.locator("section.gallery .gallery-place").first();
    await place.waitFor(h.WAIT);
    await track.focus();
    const shows = (text) =>
      laptop.page.waitForFunction((text) => document.querySelector("section.gallery .gallery-place").textContent === text, text, h.WAIT);
    await laptop.page.keyboard.press("ArrowRight");
    await shows("2 of 3");
    await laptop.page.keyboard.press("End");
    await shows("3 of 3");
    assert.equal(await laptop.page.locator("section.gallery .gallery-next").first().isDisabled(), true, "no picture after the last");
    await laptop.page.keyboard.press("Home");
    await shows("1 of 3");
    await laptop.page.locator("section.gallery .gallery-next").first().click();
    await shows("2 of 3");
    assert.equal(await track.getAttribute("tabindex"), "0");
    assert.deepEqual(laptop.errors, []);
  });

  test("a picture put into the text from the toolbar stands where the cursor was, with its alt text", async (t) => {
    const { server, page, errors, reader } = await h.deskAndReader(browser, t);

    await h.openCompose(page, server.url);
    await page.fill("#title", "The quay this morning");
    await page.fill("#body", "Before the picture.\n\nAfter the picture.");
    await page.click("#body");
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("End");
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click(".format-bar .format-picture")]);
    await chooser.setFiles({ name: "quay.png", mimeType: "image/png", buffer: h.PNG });
    await page.waitForFunction(() => /\]\(\/media\//.test(document.getElementById("body").value), null, h.WAIT);
    // The alt text's words are selected: what is typed replaces them.
    await page.keyboard.type("The quay under water");
    assert.match(await page.inputValue("#body"), /^Before the picture\.\n\n!\[The quay under water\]\(\/media\/[^)]+\)\n\nAfter the picture\.$/);
    await h.andWait(page, () => page.keyboard.press("Control+Enter"));

    const entry = await h.waitForEntry(reader.page, "The quay this morning");
    const parts = await entry.locator(".entry-body > *").evaluateAll((nodes) =>
      nodes.map((n) => (n.tagName === "FIGURE" ? "figure:" + n.querySelector("img").alt : n.textContent.trim())),
    );
    assert.deepEqual(parts, ["Before the picture.", "figure:The quay under water", "After the picture."]);
    assert.ok(await entry.locator(".entry-body figure img").getAttribute("srcset"), "with its srcset");
    assert.deepEqual(errors, []);
    assert.deepEqual(reader.errors, []);
  });
});
