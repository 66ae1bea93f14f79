// The reader page keeps itself live when its connection breaks: after a server restart,
// a network blip, or a proxy refusing the stream, it recovers with no reader action,
// and no entry ends up on the page twice.
"use strict";

const { describe, before, after, test } = require("node:test");
const assert = require("node:assert/strict");
const h = require("./helpers");

describe("reconnecting", () => {
  let browser;
  before(async () => (browser = await h.launchBrowser()));
  after(() => browser.close());

  async function livePage(t, base) {
    const { context, page, errors } = await h.openLivePage(browser, base);
    t.after(async () => {
      await context.close();
      assert.deepEqual(errors, [], "no script errors on the page");
    });
    return page;
  }

  function waitForTop(page, id) {
    return page.waitForFunction((id) => document.querySelector("#stream > article")?.id === `entry-${id}`, id, h.WAIT);
  }

  function waitForDroppedStream(page) {
    return page.waitForFunction(() => window.__sources.every((s) => s.readyState !== EventSource.OPEN), null, h.WAIT);
  }

  async function assertNoDuplicates(page) {
    assert.deepEqual(h.duplicates(await h.probes.allIds(page)), [], "no entry twice");
    const links = await page.$$eval("#key-events a", (a) => a.map((x) => x.getAttribute("href")));
    assert.deepEqual(h.duplicates(links), [], "no key event twice");
  }

  test("after the server is killed and restarted on the same port with a new store, the page follows it", async (t) => {
    const first = await h.startServer();
    t.after(() => first.stop());
    const page = await livePage(t, first.url);
    const before = await (await h.signIn(first)).publish({ title: "Said before the restart" });
    await waitForTop(page, before);

    await first.stop("SIGKILL");
    await waitForDroppedStream(page);
    // A new server with a new store: it knows nothing the page saw after the demo, so
    // the page's last event id is from its future and it must reload.
    const reloaded = page.waitForEvent("load", h.WAIT);
    const second = await h.startServer({ addr: first.addr });
    t.after(() => second.stop());
    assert.equal(second.port, first.port);
    await reloaded;
    await h.waitForOpenStream(page);
    assert.equal(await h.probes.marker(page), undefined, "the page reloaded itself");
    assert.equal(await page.locator(`text=Said before the restart`).count(), 0);
    assert.deepEqual(await h.probes.streamIds(page), await h.serverStreamIds(second.url));

    const after = await (await h.signIn(second)).publish({ title: "Said after the restart" });
    await waitForTop(page, after);
    assert.equal(await h.probes.firstStreamTitle(page), "Said after the restart");
    await assertNoDuplicates(page);
  });

  test("after a restart on the same store, the page carries on without reloading", async (t) => {
    const first = await h.startServer();
    t.after(() => first.stop());
    const page = await livePage(t, first.url);
    const before = await (await h.signIn(first)).publish({ title: "Said before the restart" });
    await waitForTop(page, before);

    await first.stop("SIGKILL");
    await waitForDroppedStream(page);
    const second = await h.startServer({ addr: first.addr, dataDir: first.dataDir });
    t.after(() => second.stop());
    await h.waitForOpenStream(page);

    const after = await (await h.signIn(second)).publish({ title: "Said after the restart" });
    await waitForTop(page, after);
    assert.equal(await h.probes.marker(page), "not reloaded");
    assert.deepEqual(await h.probes.streamIds(page), await h.serverStreamIds(second.url));
    await assertNoDuplicates(page);
  });

  test("after a network blip, the page catches up on what it missed without reloading", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const relay = await h.startRelay(server.addr);
    t.after(() => relay.stop());
    const editor = await h.signIn(server);
    const page = await livePage(t, relay.url());
    await waitForTop(page, await editor.publish({ title: "Seen before the blip" }));

    await relay.cut({ refuse: true });
    await waitForDroppedStream(page);
    await editor.publish({ title: "Missed during the blip" });
    const last = await editor.publish({ title: "Also missed during the blip" });
    await relay.restore();

    await waitForTop(page, last);
    assert.equal(await h.probes.marker(page), "not reloaded", "caught up by replay, not by reloading");
    assert.deepEqual(await h.probes.streamIds(page), await h.serverStreamIds(server.url));
    await assertNoDuplicates(page);
  });

  test("a stream refused by a proxy (502) is reopened by the page itself", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const relay = await h.startRelay(server.addr);
    t.after(() => relay.stop());
    const editor = await h.signIn(server);
    const page = await livePage(t, relay.url());

    // A 502 makes the browser close the EventSource for good; only live.js reopens it.
    await page.route("**/events*", (route) => route.fulfill({ status: 502, body: "Bad Gateway" }));
    await relay.cut();
    await page.waitForFunction(() => window.__sources.length >= 2, null, h.WAIT);
    const missed = await editor.publish({ title: "Published while the proxy failed" });
    await page.unroute("**/events*");

    await waitForTop(page, missed);
    assert.equal(await h.probes.marker(page), "not reloaded");
    assert.equal(await page.evaluate(() => window.__sources.filter((s) => s.readyState !== EventSource.CLOSED).length), 1);
    await assertNoDuplicates(page);
  });

  test("no entry appears twice after reconnects, held or shown", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const relay = await h.startRelay(server.addr);
    t.after(() => relay.stop());
    const editor = await h.signIn(server);
    const page = await livePage(t, relay.url());

    const shown = await editor.publish({ title: "Shown at the top", key_event: "on" });
    await waitForTop(page, shown);
    await relay.cut();
    await waitForDroppedStream(page);
    await h.waitForOpenStream(page);

    // Further down the page, new entries are held; hold one, blip, miss one.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction(() => window.scrollY > 1000, null, h.WAIT);
    const held = await editor.publish({ title: "Held while reading", key_event: "on" });
    await page.waitForFunction(() => !document.getElementById("new-updates").hidden, null, h.WAIT);
    await relay.cut({ refuse: true });
    await waitForDroppedStream(page);
    await editor.correct(shown, { title: "Shown at the top, corrected", body: "Corrected.", key_event: "on" });
    const missed = await editor.publish({ title: "Missed while away" });
    await relay.restore();

    await page.waitForFunction(
      () => document.querySelector("#new-updates button").textContent === "2 new updates",
      null,
      h.WAIT,
    );
    await page.waitForFunction(
      (id) => document.querySelector(`#entry-${id} .entry-title`)?.textContent.includes("corrected"),
      shown,
      h.WAIT,
    );
    await page.click("#new-updates button");
    assert.deepEqual((await h.probes.streamIds(page)).slice(0, 3), [missed, held, shown]);
    assert.deepEqual(await h.probes.streamIds(page), await h.serverStreamIds(server.url));
    assert.equal(await h.probes.marker(page), "not reloaded");
    await assertNoDuplicates(page);
  });
});
