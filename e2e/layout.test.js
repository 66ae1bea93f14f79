// How the pages hold up on a phone and a laptop, and without JavaScript: no sideways
// scrolling, images that fit, text big enough to read, and every page, page of older
// entries and permalink reachable by plain links. Screenshots of both sizes are saved
// under target/screenshots (the README's pictures are copies of them).
"use strict";

const { describe, before, after, test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const h = require("./helpers");

const SCREENSHOTS = path.join(__dirname, "..", "target", "screenshots");
const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
};

// What a reader's eye would catch: anything wider than the window, images spilling out,
// text set smaller than 14px.
function layoutProblems() {
  const problems = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width) {
    problems.push(`the page is ${document.documentElement.scrollWidth}px wide in a ${width}px window`);
  }
  for (const img of document.querySelectorAll("img")) {
    const box = img.getBoundingClientRect();
    if (box.left < 0 || box.right > width) problems.push(`image ${img.src} spans ${box.left}-${box.right}px`);
  }
  for (const text of document.querySelectorAll(".entry-body p, .entry-body li, .description")) {
    const size = parseFloat(getComputedStyle(text).fontSize);
    if (size < 14) problems.push(`text set at ${size}px: "${text.textContent.slice(0, 40)}"`);
  }
  return problems;
}

// Every control an editor taps, smaller than 44px high or wide (WCAG 2.5.5). A
// checkbox counts with its label, which taps it too.
function smallTargets() {
  const small = [];
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const controls = "button, select, textarea, summary, .action-link, .editor-nav a, input:not([type=hidden]):not([type=checkbox]):not([type=radio])";
  for (const el of document.querySelectorAll(controls)) {
    if (!visible(el)) continue;
    const box = el.getBoundingClientRect();
    if (box.height < 44 || box.width < 44) small.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.name || "").trim().slice(0, 30)}" ${Math.round(box.width)}x${Math.round(box.height)}`);
  }
  for (const el of document.querySelectorAll("input[type=checkbox], input[type=radio]")) {
    const row = el.closest(".checkbox");
    if (!row || !visible(row)) continue;
    const box = row.getBoundingClientRect();
    if (box.height < 44) small.push(`${el.type} ${el.id} row ${Math.round(box.height)}px high`);
  }
  return small;
}

describe("layout on a phone and a laptop", () => {
  let browser;
  let server;
  let permalink;
  before(async () => {
    browser = await h.launchBrowser();
    server = await h.startServer();
    const editor = await h.signIn(server);
    const id = await editor.publish({
      title: "A long link and a wide table should not widen the page",
      body:
        "See https://example.org/a/very/long/address/that/would/otherwise/run/off/the/edge/of/a/phone/screen/entirely\n\n" +
        "| Area | Rain (mm) | Gusts (mph) | Homes without power |\n|---|---|---|---|\n" +
        "| Coast | 81 | 94 | 12,400 |\n| Valley | 64 | 71 | 3,100 |",
    });
    permalink = `/live/${h.SLUG}/entries/${id}`;
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  after(async () => {
    await server.stop();
    await browser.close();
  });

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    test(`on a ${name} (${viewport.width}x${viewport.height}) nothing scrolls sideways`, async (t) => {
      const context = await browser.newContext({ viewport, isMobile: name === "phone", hasTouch: name === "phone" });
      t.after(() => context.close());
      const page = await context.newPage();
      for (const pathname of ["/", `/live/${h.SLUG}`, permalink, "/login"]) {
        await page.goto(server.url + pathname, { waitUntil: "load" });
        assert.deepEqual(await page.evaluate(layoutProblems), [], `${pathname} on a ${name}`);
      }
      await page.goto(server.url + `/live/${h.SLUG}`, { waitUntil: "load" });
      await page.waitForSelector(".entry-share");
      await page.screenshot({ path: path.join(SCREENSHOTS, `live-page-${name}.png`) });
      assert.ok(fs.statSync(path.join(SCREENSHOTS, `live-page-${name}.png`)).size > 10000);
    });
  }

  test("on a phone, the editor's pages fit, and everything tapped is at least 44px", async (t) => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true });
    t.after(() => context.close());
    const page = await context.newPage();
    await h.signInBrowser(page, server.url);
    const pages = [
      "/editor",
      `/editor/live/${h.SLUG}`,
      `/editor/live/${h.SLUG}/settings`,
      "/editor/live/new",
      "/editor/people",
      "/editor/account",
    ];
    for (const pathname of pages) {
      await page.goto(server.url + pathname, { waitUntil: "load" });
      assert.deepEqual(await page.evaluate(layoutProblems), [], pathname);
      assert.deepEqual(await page.evaluate(smallTargets), [], `${pathname}: targets under 44px`);
    }
  });

  test("on a laptop, People's role choices read on one line and the embed code fills its column", async (t) => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    t.after(() => context.close());
    const page = await context.newPage();
    await h.signInBrowser(page, server.url);
    await page.goto(server.url + "/editor/people", { waitUntil: "load" });
    const roles = await page.$$eval("input[name=role]", (radios) =>
      radios.map((radio) => {
        const label = document.querySelector(`label[for="${radio.id}"]`);
        const lineHeight = parseFloat(getComputedStyle(label).lineHeight) || 24;
        return {
          id: radio.id,
          radioWidth: Math.round(radio.getBoundingClientRect().width),
          labelWidth: Math.round(label.getBoundingClientRect().width),
          lines: Math.round(label.getBoundingClientRect().height / lineHeight),
        };
      }),
    );
    assert.equal(roles.length, 3, "three roles to choose from");
    for (const role of roles) {
      assert.ok(role.radioWidth <= 40, `${role.id}: the radio button is ${role.radioWidth}px wide`);
      assert.ok(role.labelWidth >= 200, `${role.id}: its label is ${role.labelWidth}px wide`);
    }
    await page.goto(server.url + `/editor/live/${h.SLUG}/settings`, { waitUntil: "load" });
    const widths = await page.$$eval(".embed-code textarea", (boxes) =>
      boxes.map((box) => box.getBoundingClientRect().width / box.closest("main").getBoundingClientRect().width),
    );
    assert.equal(widths.length, 2, "the loader and the frame");
    for (const share of widths) assert.ok(share > 0.9, `an embed-code box fills ${Math.round(share * 100)}% of the column`);
  });

  test("on a phone, the compose form comes first and Publish is within reach", async (t) => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true });
    t.after(() => context.close());
    const page = await context.newPage();
    await h.signInBrowser(page, server.url);
    await page.goto(server.url + `/editor/live/${h.SLUG}`, { waitUntil: "load" });
    const inView = () =>
      page.$eval("button[data-primary]", (b) => {
        const box = b.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      });
    assert.equal(await inView(), true, "Publish is on the first screen");
    const order = await page.evaluate(() => {
      const top = (s) => document.querySelector(s).getBoundingClientRect().top;
      return top("form.entry-form") < top("#desk");
    });
    assert.equal(order, true, "the form before the lists");
    await page.tap("#body");
    await page.keyboard.type("Typing on the way down the form.");
    await page.evaluate(() => document.getElementById("image_caption").scrollIntoView());
    assert.equal(await inView(), true, "Publish stays within reach further down the form");
    await page.screenshot({ path: path.join(SCREENSHOTS, "compose-phone.png") });

    // On the narrowest phone too, the buttons are one row, not a fifth of the screen.
    await page.setViewportSize({ width: 320, height: 640 });
    const bar = await page.$eval(".entry-form .actions", (actions) => ({
      height: Math.round(actions.getBoundingClientRect().height),
      // Buttons on one row may differ by a pixel or two (a border): rows are further apart.
      rows: [...actions.querySelectorAll("button")]
        .filter((b) => b.getClientRects().length)
        .map((b) => b.getBoundingClientRect().top)
        .sort((a, b) => a - b)
        .filter((top, i, tops) => i === 0 || top - tops[i - 1] > 10).length,
    }));
    assert.equal(bar.rows, 1, `the buttons in ${bar.rows} rows, ${bar.height}px high`);
    assert.equal(await inView(), true, "Publish within reach at 320px");
  });
});

describe("without JavaScript", () => {
  let browser;
  before(async () => (browser = await h.launchBrowser()));
  after(() => browser.close());

  test("the page, its older pages and its permalinks all work", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const editor = await h.signIn(server);
    for (let i = 1; i <= 10; i++) await editor.publish({ title: `Update number ${i}` });

    const context = await browser.newContext({ javaScriptEnabled: false });
    t.after(() => context.close());
    const page = await context.newPage();
    await page.goto(server.url + `/live/${h.SLUG}`);
    assert.equal(await page.$$eval("#stream > article", (a) => a.length), 20, "a full first page");
    assert.equal(await page.$(".entry-share"), null, "no script ran");
    const newest = await page.$eval("#stream > article", (a) => a.id);
    const seenFirst = await page.$$eval("article[id^='entry-']", (a) => a.map((e) => e.id));

    await Promise.all([page.waitForURL("**/live/*?page=2"), page.click("a[rel=next]")]);
    const second = await page.$$eval("#stream > article", (a) => a.map((e) => e.id));
    assert.ok(second.length > 0, "the second page has entries");
    assert.deepEqual(second.filter((id) => seenFirst.includes(id)), [], "no entry on both pages");
    assert.match(await page.textContent(".pagination"), /Page 2 of 2/);

    await Promise.all([page.waitForURL("**/entries/*"), page.click("#stream > article .entry-title a")]);
    assert.equal(await page.$$eval("main article", (a) => a.length), 1, "a permalink shows its entry");
    await Promise.all([page.waitForURL("**/live/*?page=2#entry-*"), page.click(".permalink-title a")]);
    await Promise.all([page.waitForURL("**/live/*"), page.click("a[rel=prev]")]);
    assert.equal(await page.$eval("#stream > article", (a) => a.id), newest);

    // A key event links to its entry on the page it is on.
    const keyEvent = await page.$eval("#key-events a", (a) => a.getAttribute("href"));
    await page.click("#key-events a");
    const target = keyEvent.slice(keyEvent.indexOf("#") + 1);
    assert.ok(await page.$(`#${target}`), `${keyEvent} leads to its entry`);
  });
});
