// Posts and video from other platforms: an editor pastes a post's address on a line of
// its own, readers see a card, and nothing is asked of the platform until a reader
// clicks "Show content from …". The platforms are not reachable from here: every
// request for another host is answered by a stand-in page and recorded, so the test
// sees exactly what the reader's browser asked for, and when.
"use strict";

const { describe, before, after, test } = require("node:test");
const assert = require("node:assert/strict");
const h = require("./helpers");

// One post per platform in the table (src/domain/embeds.rs), and the frame each
// becomes.
const POSTS = [
  ["youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
  ["vimeo", "https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"],
  ["x", "https://x.com/newsdesk/status/1600000000000000000", "https://platform.twitter.com/embed/Tweet.html?id=1600000000000000000&dnt=true"],
  ["bluesky", "https://bsky.app/profile/newsdesk.bsky.social/post/3kq2xyzabc", "https://embed.bsky.app/embed/newsdesk.bsky.social/app.bsky.feed.post/3kq2xyzabc"],
  ["instagram", "https://www.instagram.com/p/C1a2B3c4D5e/", "https://www.instagram.com/p/C1a2B3c4D5e/embed/"],
  ["tiktok", "https://www.tiktok.com/@newsdesk/video/7300000000000000000", "https://www.tiktok.com/embed/v2/7300000000000000000"],
  ["facebook", "https://www.facebook.com/newsdesk/posts/pfbid02abc", "https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fnewsdesk%2Fposts%2Fpfbid02abc"],
  ["threads", "https://www.threads.net/@newsdesk/post/C1a2B3c4D5e", "https://www.threads.net/@newsdesk/post/C1a2B3c4D5e/embed"],
  ["telegram", "https://t.me/newsdesk/1234", "https://t.me/newsdesk/1234?embed=1"],
  ["reddit", "https://www.reddit.com/r/worldnews/comments/1abc2de/storm/", "https://embed.reddit.com/r/worldnews/comments/1abc2de/storm/?embed=true"],
  ["soundcloud", "https://soundcloud.com/newsdesk/morning-briefing", "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fnewsdesk%2Fmorning-briefing&auto_play=false"],
  ["mastodon", "https://mastodon.social/@newsdesk/111222333444555666", "https://mastodon.social/@newsdesk/111222333444555666/embed"],
];

describe("posts from other platforms", () => {
  let browser;
  before(async () => (browser = await h.launchBrowser()));
  after(() => browser.close());

  // A browser context whose requests for any other host than this machine get a
  // stand-in page, each recorded by its address.
  async function recordedContext(options = {}) {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, ...options });
    await context.addInitScript(h.trackEventSources);
    const elsewhere = [];
    await context.route(
      (url) => url.hostname !== "127.0.0.1",
      (route) => {
        elsewhere.push(route.request().url());
        route.fulfill({ contentType: "text/html", body: `<p>stand-in for ${new URL(route.request().url()).host}</p>` });
      },
    );
    return { context, elsewhere };
  }

  async function readerOn(server, options) {
    const { context, elsewhere } = await recordedContext(options);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error));
    await page.goto(server.url + "/live/storm-maren");
    await h.waitForOpenStream(page);
    await page.evaluate(() => (window.__marker = "not reloaded"));
    return { context, page, errors, elsewhere };
  }

  test("every platform's post pasted on a line of its own is a card, and only a click brings its frame", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const reader = await readerOn(server);
    t.after(() => reader.context.close());
    const { context: editorContext, page: editor, errors: editorErrors } = await h.editorTab(browser, server);
    t.after(() => editorContext.close());

    await h.openCompose(editor, server.url);
    await editor.fill("#title", "What the platforms are showing");
    await editor.click("#body");
    await editor.keyboard.insertText("Posts from every platform, as they came in.\n\n");
    for (const [, address] of POSTS) await editor.keyboard.insertText(address + "\n\n");
    await h.andWait(editor, () => editor.keyboard.press("Control+Enter"));

    const entry = await h.waitForEntry(reader.page, "What the platforms are showing");
    const cards = entry.locator("figure.embed");
    assert.equal(await cards.count(), POSTS.length, "one card per post");
    for (const [i, [key, address]] of POSTS.entries()) {
      const card = cards.nth(i);
      assert.equal(await card.getAttribute("data-provider"), key);
      assert.equal(await card.locator("a.embed-link").getAttribute("href"), address);
      assert.equal(await card.locator("iframe").count(), 0, `${key}: no frame before the click`);
      await card.locator(".embed-show").waitFor(h.WAIT);
    }
    assert.match(await entry.locator(".entry-body > p").first().textContent(), /as they came in/);
    assert.deepEqual(reader.elsewhere, [], "nothing asked of any other host before a click");

    const policy = (await (await fetch(server.url + "/live/storm-maren")).headers.get("content-security-policy")) || "";
    for (const [i, [key, , frame]] of POSTS.entries()) {
      const card = cards.nth(i);
      assert.match(await card.locator(".embed-show").textContent(), /^Show content from \S/);
      // The pointer rests where the last frame now is; a frame from another site
      // takes the pointer's events there, so it moves onto the button first.
      await card.locator(".embed-show").hover();
      await card.locator(".embed-show").click();
      const iframe = card.locator("iframe");
      assert.equal(await iframe.getAttribute("src"), frame, `${key}: its own frame`);
      const loaded = await iframe.elementHandle();
      const content = await (await loaded.contentFrame()).waitForSelector("p", h.WAIT);
      assert.equal(await content.textContent(), `stand-in for ${new URL(frame).host}`, `${key}: the frame loaded`);
      assert.deepEqual(
        reader.elsewhere.map((url) => new URL(url).host),
        POSTS.slice(0, i + 1).map(([, , f]) => new URL(f).host),
        `${key}: each click asks its own platform, once, and nothing else`,
      );
      assert.ok(policy.includes(`https://${new URL(frame).host}`), `${key}: frame-src names its host`);
      assert.equal(await card.locator(".embed-show").count(), 0, `${key}: the question is gone`);
    }
    assert.deepEqual(reader.errors, []);
    assert.deepEqual(editorErrors, []);
  });

  test("always showing a platform is kept in the browser, for that platform only", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const editor = await h.signIn(server);
    await editor.publish({ title: "A video and a post", body: `${POSTS[0][1]}\n\n${POSTS[2][1]}` });
    const reader = await readerOn(server);
    t.after(() => reader.context.close());

    const entry = await h.waitForEntry(reader.page, "A video and a post");
    const youtube = entry.locator('figure[data-provider="youtube"]');
    await youtube.getByLabel("Always show content from YouTube").check();
    await youtube.getByRole("button", { name: "Show content from YouTube" }).click();
    await youtube.locator("iframe").waitFor(h.WAIT);

    // Another YouTube video arriving live is shown at once; X still asks.
    await editor.publish({ title: "Another video", body: "https://youtu.be/aqz-KE-bpKQ" });
    const next = await h.waitForEntry(reader.page, "Another video");
    await next.locator("figure.embed iframe").waitFor(h.WAIT);
    assert.equal(await next.locator("figure.embed iframe").getAttribute("src"), "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ");

    await reader.page.reload();
    await h.waitForOpenStream(reader.page);
    const again = await h.waitForEntry(reader.page, "A video and a post");
    await again.locator('figure[data-provider="youtube"] iframe').waitFor(h.WAIT);
    assert.equal(await again.locator('figure[data-provider="x"] iframe').count(), 0, "X still waits for a click");
    await again.locator('figure[data-provider="x"] .embed-show').waitFor(h.WAIT);
    assert.ok(
      reader.elsewhere.every((url) => new URL(url).host === "www.youtube-nocookie.com"),
      `only YouTube was asked: ${reader.elsewhere}`,
    );
    assert.deepEqual(reader.errors, []);
  });

  test("without script, the card is the post's link; a server the pages may not frame gets a link only", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const editor = await h.signIn(server);
    await editor.publish({ title: "Linked posts", body: `${POSTS[1][1]}\n\nhttps://news.example/@desk/42` });

    const plain = await recordedContext({ javaScriptEnabled: false });
    t.after(() => plain.context.close());
    const page = await plain.context.newPage();
    await page.goto(server.url + "/live/storm-maren");
    const entry = page.locator("article", { has: page.locator(".entry-title", { hasText: "Linked posts" }) });
    const vimeo = entry.locator('figure[data-provider="vimeo"]');
    assert.equal(await vimeo.getByRole("link", { name: "View on Vimeo" }).getAttribute("href"), POSTS[1][1]);
    assert.equal(await entry.locator("button").count(), 0, "no button that could not work");

    const reader = await readerOn(server);
    t.after(() => reader.context.close());
    const scripted = await h.waitForEntry(reader.page, "Linked posts");
    const mastodon = scripted.locator('figure[data-provider="mastodon"]');
    assert.equal(await mastodon.getByRole("link", { name: "View on Mastodon" }).getAttribute("href"), "https://news.example/@desk/42");
    await scripted.locator('figure[data-provider="vimeo"] .embed-show').waitFor(h.WAIT);
    assert.equal(await mastodon.locator(".embed-show").count(), 0, "its frame could not be shown here");
    assert.deepEqual(plain.elsewhere, []);
    assert.deepEqual(reader.elsewhere, []);
  });

  test("a post's address typed into the text opens the post fields; its author and words reach readers, and a correction changes them in place", async (t) => {
    const server = await h.startServer();
    t.after(() => server.stop());
    const reader = await readerOn(server);
    t.after(() => reader.context.close());
    const { context, page, errors } = await h.editorTab(browser, server);
    t.after(() => context.close());
    await h.openCompose(page, server.url);

    const post = "https://bsky.app/profile/coastguard.bsky.social/post/3kq2abcdefg";
    await page.fill("#title", "Coastguard: stay off the beaches");
    await page.click("#body");
    await page.keyboard.insertText("The coastguard's warning:\n\n");
    await page.keyboard.insertText(post);
    assert.equal(await page.locator("details.post-fields").getAttribute("open"), "", "the post fields open");
    assert.equal(await page.inputValue("#post_url"), post);
    await page.fill("#post_author", "Coastguard (@coastguard.bsky.social)");
    await page.fill("#post_text", "Stay off the beaches. Waves over 6 m.");
    await h.andWait(page, () => page.keyboard.press("Control+Enter"));

    const entry = await h.waitForEntry(reader.page, "Coastguard: stay off the beaches");
    const card = entry.locator('figure[data-provider="bluesky"]');
    assert.equal(await card.locator(".embed-text").textContent(), "Stay off the beaches. Waves over 6 m.");
    assert.equal(await card.locator(".embed-author").textContent(), "Coastguard (@coastguard.bsky.social)");
    assert.equal(await entry.locator("figure.embed").count(), 1, "one card: the text's line and the fields are one post");
    assert.equal(await page.locator("details.post-fields").getAttribute("open"), null, "the form is ready for the next");

    // An address of no platform we show is refused beside its field, nothing lost.
    await page.fill("#title", "A link that is no post");
    await page.fill("#body", "Read more.");
    await page.locator("details.post-fields > summary").click();
    await page.fill("#post_url", "https://example.org/news/1");
    await h.andWait(page, () => page.keyboard.press("Control+Enter"));
    await page.waitForSelector("#post_url-error", h.WAIT);
    assert.match(await page.textContent("#post_url-error"), /not the address of a post/);
    assert.equal(await page.inputValue("#title"), "A link that is no post");
    assert.equal(await page.inputValue("#post_url"), "https://example.org/news/1");

    // A correction to the post's words reaches the open reader in place.
    const id = (await entry.getAttribute("id")).replace("entry-", "");
    await page.goto(`${server.url}/editor/live/storm-maren/entries/${id}`);
    assert.equal(await page.inputValue("#post_text"), "Stay off the beaches. Waves over 6 m.");
    await page.fill("#post_text", "Stay off the beaches and the sea wall. Waves over 6 m.");
    await h.clickAndWait(page, "button[value=publish]");
    await reader.page.waitForFunction(
      (id) => /sea wall/.test(document.querySelector(`#entry-${id} .embed-text`)?.textContent),
      id,
      h.WAIT,
    );
    assert.equal(await reader.page.evaluate(() => window.__marker), "not reloaded", "in place");
    assert.deepEqual(reader.elsewhere, [], "nothing asked of the platform");
    assert.deepEqual(reader.errors, []);
    assert.deepEqual(errors, []);
  });
});
