// A live page in the reader's own language: an Arabic page on a phone reads right to
// left (summary, stream and "N new updates" mirrored), never scrolls sideways, passes
// axe-core and the Nu Html Checker, and writes its dates in Arabic; a Hindi and a
// Chinese page write their dates and relative times in their language; an editor who
// chooses Arabic on their account reads the newsroom's pages in it.
"use strict";

const { describe, before, after, test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const h = require("./helpers");

const PHONE = { width: 390, height: 844 };
// Where the screenshot of the Arabic page on a phone is kept (the README shows a copy).
const SHOTS = path.join(__dirname, "..", "target", "screenshots");
const ARABIC_LETTERS = /[\u0600-\u06ff]/;

// The page's words, as the server wrote them for its scripts.
function pageWords(page) {
  return page.evaluate(() => JSON.parse(document.getElementById("reader-words").textContent));
}

// Where the text of the first `selector` sits, as the reader sees it.
function textBox(page, selector) {
  return page.evaluate((selector) => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector(selector));
    const box = range.getBoundingClientRect();
    return { left: box.left, right: box.right };
  }, selector);
}

describe("a live page in the reader's language", () => {
  let browser;
  before(async () => {
    browser = await h.launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  test("an Arabic page reads right to left on a phone, with its dates in Arabic", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());
    await page.goto(server.url + "/editor/live/new");
    await page.fill("#title", "عاصفة مارين: تحذير أحمر على الساحل");
    await page.fill("#slug", "storm-ar");
    await page.fill("#language", "ar");
    await page.fill("#time_zone", "Asia/Riyadh");
    await page.fill("#summary", "رياح قوية على الساحل\nإغلاق الطرق الساحلية");
    await h.clickAndWait(page, "button[type=submit]:has-text('Create live page')");
    const publish = async (title) => {
      await page.goto(server.url + "/editor/live/storm-ar");
      await page.fill("#title", title);
      await page.fill("#body", "أغلقت الشرطة الطريق الساحلي بعد ارتفاع الأمواج. ".repeat(6));
      await h.clickAndWait(page, "button[value=publish]");
    };
    for (let n = 1; n <= 5; n++) await publish(`تحديث رقم ${n}`);
    // The editor reads the newsroom in English, but types the page's Arabic right to
    // left, in fields that say their language.
    await page.goto(server.url + "/editor/live/storm-ar");
    for (const field of ["#title", "#body", "#author_name", "#image_caption"]) {
      assert.equal(await page.$eval(field, (el) => getComputedStyle(el).direction), "rtl", field);
      assert.equal(await page.getAttribute(field, "lang"), "ar", field);
    }
    assert.equal(await page.$eval("#publish_at", (el) => getComputedStyle(el).direction), "ltr", "a time is a time");

    const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    t.after(() => phone.close());
    await phone.addInitScript(h.trackEventSources);
    const reader = await phone.newPage();
    const readerErrors = [];
    reader.on("pageerror", (error) => readerErrors.push(error));
    await reader.goto(server.url + "/live/storm-ar");
    await h.waitForOpenStream(reader);
    const words = await pageWords(reader);

    assert.deepEqual(await reader.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ["ar", "rtl"]);
    assert.equal(await reader.textContent(".live-badge"), words.live);
    assert.match(words.live, ARABIC_LETTERS);
    // Mirrored: the badge, the summary's heading and each entry's title start at the
    // right-hand edge.
    for (const selector of [".live-badge", "#summary-heading", "#stream article .entry-title", "#summary li"]) {
      const box = await textBox(reader, selector);
      const fromRight = PHONE.width - box.right;
      assert.ok(fromRight < 60 && fromRight < box.left, `${selector} starts on the right: ${JSON.stringify(box)}`);
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    await reader.screenshot({ path: path.join(SHOTS, "live-page-arabic-phone.png") });
    const width = await reader.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `the page is ${width}px wide on a ${PHONE.width}px phone`);

    // Dates: the newest entry says "just now" in Arabic, beside its time in Arabic.
    const time = reader.locator("#stream article .entry-time").first();
    await time.locator(".entry-ago").waitFor(h.WAIT);
    assert.equal(await time.locator(".entry-ago").textContent(), words.justNow);
    assert.match(await time.locator("time").textContent(), ARABIC_LETTERS);

    // Two new entries while the reader is further down: the button says so in Arabic
    // (the dual), mirrored with the page.
    await reader.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await publish("تحديث رقم 6");
    await publish("تحديث رقم 7");
    await reader.waitForFunction(() => !document.getElementById("new-updates").hidden, null, h.WAIT);
    const button = reader.locator("#new-updates button");
    await reader.waitForFunction((two) => document.querySelector("#new-updates button").textContent === two, words.newUpdates.two, h.WAIT);
    assert.equal(await button.evaluate((b) => getComputedStyle(b).direction), "rtl");
    const width2 = await reader.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width2 <= PHONE.width, `the page is ${width2}px wide with the button shown`);
    await button.click();
    await h.waitForEntry(reader, "تحديث رقم 7");
    assert.deepEqual(readerErrors, []);
    assert.deepEqual(errors, []);

    // axe-core, in a context that lets the test add it.
    const checking = await browser.newContext({ viewport: PHONE, bypassCSP: true });
    t.after(() => checking.close());
    const checked = await checking.newPage();
    await checked.goto(server.url + "/live/storm-ar");
    await checked.addScriptTag({ path: h.AXE });
    const results = await checked.evaluate(() => window.axe.run(document));
    const grave = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(grave.map((v) => `${v.id}: ${v.help}`), []);

    // The Nu Html Checker, on the page as served and as its scripts leave it.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "liveblog-vnu-ar-"));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const served = path.join(dir, "arabic.html");
    fs.writeFileSync(served, await (await fetch(server.url + "/live/storm-ar")).text());
    const scripted = path.join(dir, "arabic-after-scripts.html");
    fs.writeFileSync(scripted, await reader.content());
    const found = (await h.runVnu([served, scripted])).filter((m) => m.type === "error");
    assert.deepEqual(found.map((m) => `${m.lastLine}: ${m.message}`), []);
  });

  test("a Hindi and a Chinese page write their dates and relative times in their language", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const { context, page } = await h.editorTab(browser, server);
    t.after(() => context.close());
    const editor = await h.signIn(server);
    for (const [language, script] of [["hi", /[\u0900-\u097f]/], ["zh-Hans", /[\u4e00-\u9fff]/]]) {
      await page.goto(`${server.url}/editor/live/${h.SLUG}/settings`);
      await page.fill("#language", language);
      await h.clickAndWait(page, "button[type=submit]:has-text('Save settings')");
      await editor.publish({ title: `Entry for ${language}` });

      const readerContext = await browser.newContext({ viewport: PHONE });
      const reader = await readerContext.newPage();
      await reader.clock.install();
      await reader.goto(`${server.url}/live/${h.SLUG}`);
      const words = await pageWords(reader);
      assert.equal(words.lang, language);
      const time = reader.locator("#stream article .entry-time").first();
      await time.locator(".entry-ago").waitFor(h.WAIT);
      assert.equal(await time.locator(".entry-ago").textContent(), words.justNow);
      assert.match(words.justNow, script);
      const absolute = await time.locator("time").textContent();
      assert.match(absolute, script, `the full time in ${language}: ${absolute}`);
      if (language === "zh-Hans") assert.match(absolute, /\d+月\d+日/);

      // Five minutes on, the time reads as the language says "5 min ago".
      await reader.clock.fastForward("05:00");
      const expected = await reader.evaluate((lang) => new Intl.RelativeTimeFormat(lang, { style: "short" }).format(-5, "minute"), language);
      assert.match(expected, script);
      await reader.waitForFunction((text) => document.querySelector("#stream article .entry-time > .entry-ago").textContent === text, expected, h.WAIT);
      console.log(`${language}: "${words.justNow}", then "${expected}"; full time "${absolute}"`);
      await readerContext.close();
    }
  });
  test("an editor chooses Arabic on their account: the newsroom's pages read in it, right to left", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    // bypassCSP lets the test add axe-core to the compose page.
    const { context, page, errors } = await h.editorTab(browser, server, { viewport: PHONE, bypassCSP: true });
    t.after(() => context.close());
    await page.goto(server.url + "/editor/account");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
    await page.selectOption("#language", "ar");
    await h.clickAndWait(page, "form[action='/editor/account/language'] button[type=submit]");
    assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ["ar", "rtl"]);
    assert.match(await page.textContent("#done"), ARABIC_LETTERS, "the notice says so in Arabic");
    assert.equal(await page.inputValue("#language"), "ar", "the choice is shown as made");

    await h.openCompose(page, server.url);
    const nav = await page.textContent(".editor-nav");
    assert.match(nav, ARABIC_LETTERS);
    assert.doesNotMatch(nav, /Newsroom|Sign out/);
    const publish = page.locator("button[value=publish]");
    assert.match(await publish.textContent(), ARABIC_LETTERS, "the publish button is in Arabic");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `the compose page is ${width}px wide on a ${PHONE.width}px phone`);
    const compose = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "liveblog-vnu-editor-")), "compose.html");
    t.after(() => fs.rmSync(path.dirname(compose), { recursive: true, force: true }));
    fs.writeFileSync(compose, await page.content());
    const found = (await h.runVnu([compose])).filter((m) => m.type === "error");
    assert.deepEqual(found.map((m) => `${m.lastLine}: ${m.message}`), [], "the Nu Html Checker on the Arabic compose page");
    // axe goes in after the page is kept for the checker: it adds its own script.
    await page.addScriptTag({ path: h.AXE });
    const results = await page.evaluate(() => window.axe.run(document));
    const grave = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(grave.map((v) => `${v.id}: ${v.help}`), [], "axe-core on the Arabic compose page");
    await page.fill("#title", "Ferries stay in port");
    await page.fill("#body", "Every crossing is cancelled until noon.");
    await h.clickAndWait(page, "button[value=publish]");
    assert.match(await page.textContent("#done"), ARABIC_LETTERS, "published, in Arabic");
    // Readers keep the page's own language.
    const reader = await (await fetch(`${server.url}/live/${h.SLUG}`)).text();
    assert.match(reader, /<html lang="en-GB" dir="ltr"/);
    assert.match(reader, />Ferries stay in port</);
    assert.deepEqual(errors, []);
  });
});
