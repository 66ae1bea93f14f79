// A poll, from the desk to readers' screens: an editor adds one to an entry through
// the form; a reader votes with a click and a second reader's tab shows the new count
// within two seconds; the same browser cannot vote twice; a reader without script
// votes through the plain form; and when the editor closes the poll, it closes on
// every open page.
"use strict";

const { describe, before, after, test } = require("node:test");
const assert = require("node:assert/strict");
const h = require("./helpers");

const QUESTION = "Should the harbour road reopen tonight?";

describe("polls", () => {
  let browser;
  before(async () => (browser = await h.launchBrowser()));
  after(() => browser.close());

  test("readers vote once each, with script or without, and every open page sees the counts", async (t) => {
    const { server, page, errors, reader } = await h.deskAndReader(browser, t);
    const other = await h.readerTab(browser, server.url);
    t.after(() => other.context.close());

    // The editor adds the poll in the entry form.
    await h.openCompose(page, server.url);
    await page.fill("#title", "Have your say on the harbour road");
    await page.fill("#body", "The council meets at nine.");
    await page.click("details.poll-fields > summary");
    await page.fill("#poll_question", QUESTION);
    await page.click("#poll_answers");
    await page.keyboard.type("Yes\nNo\nNot until it is dry");
    await h.andWait(page, () => page.keyboard.press("Control+Enter"));
    assert.deepEqual(errors, []);

    // A reader votes with a click.
    const entry = await h.waitForEntry(reader.page, "Have your say on the harbour road");
    const poll = entry.locator("section.poll");
    assert.equal((await poll.locator(".poll-question").textContent()).trim(), QUESTION);
    await other.page.waitForSelector("section.poll[data-ready]", h.WAIT);
    await poll.getByLabel("No", { exact: true }).check();
    const clicked = Date.now();
    await poll.getByRole("button", { name: "Vote" }).click();
    await poll.locator(".poll-voted", { hasText: "your vote is counted" }).waitFor(h.WAIT);
    assert.equal(await poll.locator(".poll-form").isVisible(), false, "the form gives way to the counts");
    assert.ok(await poll.locator(".poll-details").evaluate((d) => d.open));

    // The second reader's tab shows it within two seconds, as text.
    await other.page.waitForFunction(
      () => /1 vote so far/.test(document.querySelector("section.poll .poll-total")?.textContent || ""),
      null,
      { timeout: 2000 },
    );
    const waited = Date.now() - clicked;
    assert.ok(waited <= 2000, `the count reached the other tab in ${waited} ms`);
    assert.match(await other.page.locator("section.poll .poll-count").nth(1).textContent(), /100%\s*\(1 vote\)/);

    // The same browser, a second tab: it knows it voted; with that forgotten, the
    // server still refuses a second vote.
    const again = await reader.context.newPage();
    await again.goto(server.url + "/live/storm-maren");
    const againPoll = again.locator("section.poll").first();
    await againPoll.locator(".poll-voted").waitFor(h.WAIT);
    await again.evaluate(() => window.localStorage.clear());
    await again.reload();
    await again.waitForSelector("section.poll[data-ready]", h.WAIT);
    await againPoll.getByLabel("Yes", { exact: true }).check();
    await againPoll.getByRole("button", { name: "Vote" }).click();
    await againPoll.locator(".poll-voted", { hasText: "voted in this poll already" }).waitFor(h.WAIT);

    // A reader without script: the plain form, then a page of the counts.
    const plain = await browser.newContext({ javaScriptEnabled: false });
    t.after(() => plain.close());
    const noScript = await plain.newPage();
    await noScript.goto(server.url + "/live/storm-maren");
    const plainPoll = noScript.locator("section.poll").first();
    await plainPoll.getByLabel("Yes", { exact: true }).check();
    await Promise.all([noScript.waitForNavigation(), plainPoll.getByRole("button", { name: "Vote" }).click()]);
    assert.match(await noScript.locator(".poll-message").textContent(), /your vote is counted/);
    assert.match(await noScript.locator(".poll-total").textContent(), /2 votes so far/);
    await other.page.waitForFunction(
      () => /2 votes so far/.test(document.querySelector("section.poll .poll-total")?.textContent || ""),
      null,
      h.WAIT,
    );

    // The editor closes it from the desk: every open page shows it closed.
    const close = page.locator("#published-list li", { hasText: "Have your say on the harbour road" }).getByRole("button", { name: "Close the poll" });
    await close.click();
    await other.page.waitForFunction(() => {
      const section = document.querySelector("section.poll");
      return section && section.classList.contains("is-closed") && !section.querySelector(".poll-form");
    }, null, h.WAIT);
    assert.match(await other.page.locator("section.poll .poll-total").first().textContent(), /Final result: 2 votes/);
    assert.deepEqual(reader.errors, []);
    assert.deepEqual(other.errors, []);
  });
});
