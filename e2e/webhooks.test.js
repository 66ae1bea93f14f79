// Webhooks, from the admin's page to a receiver: an admin opens Webhooks from the
// nav, types a receiver's address, chooses the page and adds it; the secret is shown
// once; an entry published on the desk reaches the receiver signed with that secret,
// and the delivery log says it was delivered. A receiver's address typed wrong comes
// back with the problem named and the address still in the field.
"use strict";

const { describe, before, after, test } = require("node:test");
const assert = require("node:assert/strict");
const crypto = require("node:crypto");
const http = require("node:http");
const h = require("./helpers");

// A receiver on 127.0.0.1 that keeps what it is sent.
async function receiver() {
  const got = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      got.push({ headers: request.headers, body });
      response.writeHead(200).end("ok");
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}/hook`, got, close: () => server.close() };
}

function signedWith(secret, delivery) {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": signature } = delivery.headers;
  const expected = "v1," + crypto.createHmac("sha256", key).update(`${id}.${timestamp}.${delivery.body}`).digest("base64");
  return signature.split(" ").includes(expected);
}

describe("webhooks", () => {
  let browser;
  before(async () => (browser = await h.launchBrowser()));
  after(() => browser.close());

  test("an admin adds a webhook through the form and a published entry reaches it, signed", async (t) => {
    const server = await h.startServer({ env: { LIVEBLOG_WEBHOOKS_TO_PRIVATE_ADDRESSES: "true" } });
    t.after(() => server.stop());
    const hook = await receiver();
    t.after(() => hook.close());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());

    await Promise.all([page.waitForURL("**/editor/webhooks"), page.getByRole("link", { name: "Webhooks" }).click()]);
    // Typed wrong first: the problem is named beside the field, the text kept.
    await page.fill("#url", "htp:/127.0.0.1/hook");
    await page.evaluate(() => document.querySelector("form.form").setAttribute("novalidate", ""));
    await h.clickAndWait(page, "form.form button[type=submit]");
    assert.match(await page.locator(".field-error").textContent(), /https:\/\/ or http:\/\//);
    assert.equal(await page.inputValue("#url"), "htp:/127.0.0.1/hook");

    await page.fill("#url", hook.url);
    await page.selectOption("#page", { label: "Storm Maren: red warning as gales and flooding hit the Calder coast" });
    await h.clickAndWait(page, "form.form button[type=submit]");
    const secret = (await page.locator(".webhook-secret").textContent()).trim();
    assert.match(secret, /^whsec_/);
    assert.equal(await page.locator(".webhook-url").textContent(), hook.url);

    // An entry published on the desk reaches the receiver.
    await h.openCompose(page, server.url);
    await page.fill("#title", "The ferry is running again");
    await page.fill("#body", "First sailing at ten.");
    await h.andWait(page, () => page.keyboard.press("Control+Enter"));
    const deadline = Date.now() + 10000;
    while (hook.got.length < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.equal(hook.got.length, 1, "one delivery");
    const delivery = JSON.parse(hook.got[0].body);
    assert.equal(delivery.type, "entry.created");
    assert.equal(delivery.data.entry.title, "The ferry is running again");
    assert.ok(signedWith(secret, hook.got[0]), "signed with the secret shown");

    await page.goto(server.url + "/editor/webhooks");
    assert.equal(await page.locator(".webhook-secret").count(), 0, "the secret is not shown again");
    assert.match(await page.locator(".webhook-log tbody tr").first().textContent(), /Delivered/);
    assert.deepEqual(errors, []);
  });
});
