// Readers' questions, from the page to the desk and back: an editor asks readers for
// their questions from the desk; the form appears on an open reader's page; the
// reader types a question, their name and place, attaches a photo and leaves an
// address; the question reaches the editor's desk by itself, and the editor answers
// it through the answer form; the reader's page shows it published, the address
// nowhere.
"use strict";

const { describe, before, after, test } = require("node:test");
const assert = require("node:assert/strict");
const h = require("./helpers");

const CONTACT = "ana.reader@example.net";

describe("readers' questions", () => {
  let browser;
  before(async () => (browser = await h.launchBrowser()));
  after(() => browser.close());

  test("a reader's question with a photo reaches the desk and is published with an answer", async (t) => {
    const { server, page, errors, reader } = await h.deskAndReader(browser, t);

    // The editor asks readers, from the desk.
    await h.openCompose(page, server.url);
    await Promise.all([page.waitForURL("**/callout"), page.getByRole("link", { name: "Ask readers" }).click()]);
    await page.getByLabel("Their questions").check();
    await page.fill("#callout_prompt", "What do you want to know about the flooding?");
    await h.clickAndWait(page, "button[value=open]");

    // The reader's open page shows the form, by itself.
    const callout = reader.page.locator("#callout");
    await callout.waitFor(h.WAIT);
    assert.match(await callout.locator(".callout-prompt").textContent(), /know about the flooding/);
    await reader.page.waitForSelector("#callout[data-ready]", h.WAIT);
    await callout.getByLabel("Your message").fill("Is the school on Harbour Street open tomorrow?");
    await callout.getByLabel("Your first name").fill("Ana");
    await callout.getByLabel("Where you are (optional)").fill("Calder Bay");
    await callout.getByLabel("A photo (optional)").setInputFiles({ name: "street.png", mimeType: "image/png", buffer: h.PNG });
    await callout.getByLabel(/Email or phone/).fill(CONTACT);
    await callout.getByRole("button", { name: "Send" }).click();
    await callout.locator(".callout-message", { hasText: "reached the newsroom" }).waitFor(h.WAIT);
    assert.equal(await callout.getByLabel("Your message").inputValue(), "", "the form is emptied");

    // The desk shows it by itself, with the address for editors.
    const item = page.locator("#from-readers li", { hasText: "Harbour Street" });
    await page.goto(`${server.url}/editor/live/${h.SLUG}`);
    await item.waitFor({ timeout: 15000 });
    assert.match(await item.textContent(), new RegExp(CONTACT.replace(/\./g, "\\.")));
    assert.match(await page.locator("#from-readers-count").textContent(), /1 from readers/);

    // Answered through the form.
    await Promise.all([page.waitForURL("**/contributions/*"), item.getByRole("link", { name: "Answer" }).click()]);
    await page.fill("#answer", "Yes: the council says every school opens at the usual time.");
    await Promise.all([page.waitForURL(`**/editor/live/${h.SLUG}?done=published`), page.getByRole("button", { name: "Publish with the answer" }).click()]);

    const entry = await h.waitForEntry(reader.page, "Your questions answered");
    assert.match(await entry.locator("blockquote").textContent(), /Harbour Street open tomorrow\?[\s\S]*Ana, Calder Bay/);
    assert.match(await entry.textContent(), /every school opens at the usual time/);
    assert.equal(await entry.locator("img[alt='Photo sent by Ana']").count(), 1);
    assert.ok(!(await reader.page.content()).includes(CONTACT), "the address is nowhere on the page");
    assert.deepEqual(errors, []);
    assert.deepEqual(reader.errors, []);
  });
});
