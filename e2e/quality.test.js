// The quality gates, with the tools people use: axe-core finds no serious or critical
// accessibility violation and the Nu Html Checker finds no error on the pages readers and
// editors see; the first page of a live page with 20 entries stays light and asks no
// other host for anything.
"use strict";

const { describe, before, after, test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const h = require("./helpers");

const { AXE, runVnu } = h;

const WORDS = (
  "crews councils worked through night clear coast road first buses again shortly after " +
  "harbour master says outer wall held though slipway north side closed until engineers " +
  "looked water high square hope schools valley stay today ferry runs reduced timetable " +
  "power back homes forecasters warn gusts could reach miles hour evening residents told " +
  "avoid travel unless essential police closed bridge river burst banks overnight flood " +
  "defences held town centre fire service rescued people cars stranded motorway lanes"
).split(" ");

// An entry body of the length live entries run to (about 1,000 characters: a paragraph,
// a quote, a list), in words picked at random so that it compresses no better than
// prose does: the page then weighs what a real one would.
function body(seed) {
  let state = seed * 7919 + 17;
  const word = () => WORDS[(state = (state * 48271) % 2147483647) % WORDS.length];
  const sentence = (n) => Array.from({ length: n }, word).join(" ");
  return `${sentence(60)}.\n\n> ${sentence(18)}.\n\n- ${sentence(6)}\n- ${sentence(7)}\n- ${sentence(5)}\n\n${sentence(40)}.`;
}

// Every page the gates cover, signed in so the editor page can be reached.
async function pagesToCheck(server) {
  const editor = await h.signIn(server);
  const poll = await editor.publish({
    title: "Have your say on the ferry timetable",
    body: "The operator asks readers.",
    poll_question: "Should the late ferry run all winter?",
    poll_answers: "Yes\nNo\nOnly at weekends",
    poll_open_minutes: "60",
  });
  await editor.post(`/editor/live/${h.SLUG}/callout`, {
    callout_kind: "questions",
    callout_prompt: "What do you want to know about the storm?",
    action: "open",
    csrf_token: await editor.csrf(),
  });
  const id = await editor.publish({ title: "Roads reopen along the coast", body: body(0) });
  return {
    editor,
    pages: {
      index: "/",
      "live page": `/live/${h.SLUG}`,
      permalink: `/live/${h.SLUG}/entries/${id}`,
      "poll counts": `/live/${h.SLUG}/entries/${poll}/poll`,
      "callout form": `/editor/live/${h.SLUG}/callout`,
      login: "/login",
      "editor page": `/editor/live/${h.SLUG}`,
    },
  };
}

describe("quality gates", () => {
  let browser;
  let server;
  let checked;
  before(async () => {
    browser = await h.launchBrowser();
    server = await h.startServer();
    checked = await pagesToCheck(server);
  });
  after(async () => {
    await server.stop();
    await browser.close();
  });

  test("axe-core finds no serious or critical violation", async (t) => {
    // axe is injected from the test, which the page's own policy would rightly refuse.
    const context = await browser.newContext({ bypassCSP: true });
    t.after(() => context.close());
    const page = await context.newPage();
    await h.signInBrowser(page, server.url);
    const found = {};
    for (const [name, pathname] of Object.entries(checked.pages)) {
      // The login page is checked as a stranger sees it.
      const target = name === "login" ? await browser.newPage({ bypassCSP: true }) : page;
      await target.goto(server.url + pathname);
      await target.waitForLoadState("load");
      await target.addScriptTag({ path: AXE });
      const results = await target.evaluate(() => window.axe.run(document));
      if (target !== page) await target.close();
      const grave = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      const minor = results.violations.filter((v) => !grave.includes(v));
      found[name] = grave.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(", ")})`);
      console.log(`axe ${name}: ${results.passes.length} rules passed, ${grave.length} serious or critical, ` +
        `${minor.length} minor (${minor.map((v) => v.id).join(", ") || "none"})`);
    }
    assert.deepEqual(found, Object.fromEntries(Object.keys(checked.pages).map((name) => [name, []])));
  });

  test("the Nu Html Checker finds no error", async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "liveblog-vnu-"));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const files = [];
    for (const [name, pathname] of Object.entries(checked.pages)) {
      const response = await checked.editor.request(pathname);
      assert.equal(response.status, 200, `${name} answered ${response.status}`);
      const file = path.join(dir, `${name.replace(/ /g, "-")}.html`);
      fs.writeFileSync(file, await response.text());
      files.push(file);
    }
    // The live page again, as the browser holds it once its scripts have run.
    const page = await browser.newPage();
    await page.goto(server.url + checked.pages["live page"]);
    await page.waitForSelector(".entry-share");
    const scripted = path.join(dir, "live-page-after-scripts.html");
    fs.writeFileSync(scripted, await page.content());
    await page.close();
    files.push(scripted);

    const errors = (await runVnu(files)).filter((m) => m.type === "error");
    console.log(`vnu: ${files.length} documents, ${errors.length} errors`);
    assert.deepEqual(
      errors.map((m) => `${path.basename(new URL(m.url).pathname)}:${m.lastLine}: ${m.message}`),
      [],
    );
  });

  test("the first page of 20 entries is light and asks no other host", async (t) => {
    // The page as most readers get it: no callout open (one adds its 1.1 KB script).
    await checked.editor.post(`/editor/live/${h.SLUG}/callout`, { action: "stop", csrf_token: await checked.editor.csrf() });
    for (let i = 1; i <= 20; i++) await checked.editor.publish({ title: `Update number ${i}`, body: body(i) });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    t.after(() => context.close());
    const page = await context.newPage();
    const requests = [];
    page.on("request", (request) => requests.push(request));
    await page.goto(server.url + `/live/${h.SLUG}`, { waitUntil: "load" });
    await page.waitForSelector(".entry-share");
    assert.equal(await page.$$eval("#stream > article", (a) => a.length), 20);

    const origin = new URL(server.url).origin;
    const elsewhere = requests.map((r) => r.url()).filter((url) => new URL(url).origin !== origin);
    assert.deepEqual(elsewhere, [], "no request to any other host");

    let total = 0;
    let script = 0;
    let html = 0;
    for (const request of requests) {
      if (request.resourceType() === "eventsource") continue;
      const response = await request.response();
      const sizes = await request.sizes();
      const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
      const encoding = (await response.allHeaders())["content-encoding"] || "identity";
      console.log(`weight ${new URL(request.url()).pathname}: ${bytes} bytes on the wire (${encoding})`);
      total += bytes;
      if (request.resourceType() === "document") html = (await response.body()).length;
      if (request.resourceType() === "script") script += bytes;
    }
    console.log(`weight total: ${total} bytes, script ${script} bytes; the page's HTML is ${html} bytes uncompressed`);
    assert.ok(total < 100 * 1024, `the first page weighs ${total} bytes compressed`);
    assert.ok(script < 10 * 1024, `its scripts weigh ${script} bytes compressed`);
  });
});
