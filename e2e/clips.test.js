// A video, from the desk to a reader: an editor chooses a camera's MP4 (carrying the
// place it was filmed) in the entry form, sees it sent and attached, and publishes; a
// reader's open page receives the entry live, loads nothing of the video until play,
// then plays it by range requests, and what is served has no location left in it.
"use strict";

const { describe, before, after, test } = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const h = require("./helpers");

// The Eiffel Tower, as a phone writes where a video was filmed.
const LOCATION = "+48.8584+002.2945/";

// A three-second MP4 (H.264 and AAC) with a location and a title written into it.
function cameraFile(dir) {
  const file = path.join(dir, "camera.mp4");
  execFileSync("ffmpeg", [
    "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=3",
    "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
    "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
    "-metadata", `location=${LOCATION}`, "-metadata", "title=Taken at the tower", file,
  ]);
  return file;
}

function tags(file) {
  return execFileSync("ffprobe", ["-v", "error", "-show_entries", "format_tags:stream_tags", "-of", "json", file]).toString();
}

describe("video", () => {
  let browser;
  before(async () => (browser = await h.launchBrowser()));
  after(() => browser.close());

  test("a video chosen in the form plays in a reader's page by ranges, its location gone", async (t) => {
    const { server, page, errors, reader } = await h.deskAndReader(browser, t);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "liveblog-clip-"));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const upload = cameraFile(dir);
    assert.match(tags(upload), /48\.8584/, "the test file carries a location");

    await h.openCompose(page, server.url);
    await page.fill("#title", "The quay, filmed from the wall");
    await page.fill("#body", "Water over the quay at 08:10.");
    await page.click("details.clip-fields > summary");
    await page.setInputFiles("#clip-file", upload);
    await page.waitForFunction(() => document.getElementById("clip_url").value.startsWith("/media/"), null, h.WAIT);
    assert.match(await page.locator(".clip-status").textContent(), /camera\.mp4 is attached/);
    await page.fill("#clip_caption", "The quay at high tide");
    await page.fill("#clip_credit", "Sam Lee");
    await h.andWait(page, () => page.keyboard.press("Control+Enter"));
    assert.deepEqual(errors, []);

    // The reader's open page: the entry arrives live, the video not fetched.
    const fetched = [];
    reader.page.on("response", (response) => {
      if (/\/media\/[0-9a-f]{64}_320x240\.mp4$/.test(response.url())) {
        fetched.push({ status: response.status(), range: response.headers()["content-range"] || "" });
      }
    });
    const entry = await h.waitForEntry(reader.page, "The quay, filmed from the wall");
    const video = entry.locator("video");
    assert.equal(await video.getAttribute("preload"), "none");
    assert.match(await entry.locator("figcaption").textContent(), /The quay at high tide.*Video source, Sam Lee/s);
    await video.scrollIntoViewIfNeeded();
    await reader.page.waitForTimeout(500);
    assert.deepEqual(fetched, [], "nothing of the video is loaded before play");
    assert.equal(await video.evaluate((v) => v.readyState), 0);

    // Play: the browser asks for ranges, and the picture comes.
    await video.evaluate((v) => {
      v.muted = true;
      return v.play();
    });
    await reader.page.waitForFunction(
      () => document.querySelector("article video").readyState >= HTMLMediaElement.HAVE_CURRENT_DATA,
      null,
      h.WAIT,
    );
    assert.ok(fetched.some((f) => f.status === 206 && /^bytes \d+-\d+\/\d+$/.test(f.range)), JSON.stringify(fetched));
    assert.deepEqual(reader.errors, []);

    // What is served has no location, title or encoder left in it.
    const src = await video.getAttribute("src");
    const served = Buffer.from(await (await fetch(server.url + src)).arrayBuffer());
    const copy = path.join(dir, "served.mp4");
    fs.writeFileSync(copy, served);
    const left = tags(copy);
    for (const gone of ["48.8584", "location", "Taken at the tower", "Lavf"]) {
      assert.ok(!left.includes(gone), `${gone} is gone: ${left}`);
    }
    assert.ok(!served.includes("loci"), "no location box");
  });
});
