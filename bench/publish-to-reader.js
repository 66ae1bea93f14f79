// How long from an editor's Ctrl+Enter to the form ready for the next entry (empty,
// the cursor in the headline), and to the entry on a reader's open tab, in real
// Chromium: the editor types an entry on the compose page and presses Ctrl+Enter; the
// reader's tab, open on the live page, shows it. Every time is read from the same
// clock (performance.timeOrigin + performance.now() in each tab of one browser).
//
//   node bench/publish-to-reader.js            # 20 entries, after 3 to warm up
//   RUNS=50 LIVEBLOG_BIN=target/debug/liveblog node bench/publish-to-reader.js
//
// Needs the browser tests' packages (`npm ci` in e2e/) and a built server: the release
// build by default.
"use strict";

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.join(__dirname, "..");
process.env.LIVEBLOG_BIN ||= path.join(root, "target", "release", "liveblog");
if (!fs.existsSync(process.env.LIVEBLOG_BIN)) {
  console.error(`no server at ${process.env.LIVEBLOG_BIN}: cargo build --release first`);
  process.exit(1);
}
const h = require(path.join(root, "e2e", "helpers"));

const RUNS = Number(process.env.RUNS || 20);
const WARM_UP = 3;

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

(async () => {
  const server = await h.startServer();
  const browser = await h.launchBrowser();
  try {
    const reader = await h.readerTab(browser, server.url);
    await reader.page.evaluate(() => {
      window.__seen = {};
      new MutationObserver(() => {
        for (const title of document.querySelectorAll("#stream article .entry-title")) {
          const text = title.textContent.trim();
          if (!(text in window.__seen)) window.__seen[text] = performance.timeOrigin + performance.now();
        }
      }).observe(document.getElementById("stream"), { childList: true, subtree: true });
    });
    const { page } = await h.editorTab(browser, server);
    // The moment Ctrl+Enter goes down, and the first frame after it in which the form is
    // ready for the next entry.
    await page.addInitScript(() => {
      document.addEventListener(
        "keydown",
        (event) => {
          if (event.key !== "Enter" || !event.ctrlKey) return;
          window.__pressed = performance.timeOrigin + performance.now();
          window.__ready = null;
          const look = () => {
            const title = document.getElementById("title");
            if (title && document.activeElement === title && title.value === "") {
              window.__ready = performance.timeOrigin + performance.now();
            } else {
              requestAnimationFrame(look);
            }
          };
          requestAnimationFrame(look);
        },
        true,
      );
    });
    await h.openCompose(page, server.url);

    const times = [];
    const ready = [];
    for (let n = 1; n <= WARM_UP + RUNS; n++) {
      const title = `Latency probe ${n}`;
      await page.fill("#title", title);
      await page.fill("#body", "Measured from Ctrl+Enter to the reader's tab.");
      await page.focus("#body");
      await h.andWait(page, () => page.keyboard.press("Control+Enter"));
      await reader.page.waitForFunction((t) => t in window.__seen, title, h.WAIT);
      await page.waitForFunction(() => window.__ready, null, h.WAIT);
      const [pressed, formReady] = await page.evaluate(() => [window.__pressed, window.__ready]);
      const shown = await reader.page.evaluate((t) => window.__seen[t], title);
      if (n > WARM_UP) {
        times.push(shown - pressed);
        ready.push(formReady - pressed);
      }
      await page.waitForTimeout(300);
    }
    ready.sort((a, b) => a - b);
    times.sort((a, b) => a - b);
    const fixed = (ms) => `${ms.toFixed(1)} ms`;
    console.log(`Ctrl+Enter to the reader's tab, ${RUNS} entries (${WARM_UP} before them to warm up)`);
    console.log(`  server: ${path.relative(root, process.env.LIVEBLOG_BIN)}, SQLite; ${os.cpus().length} cores, ${os.cpus()[0].model}`);
    console.log(
      `  median ${fixed(percentile(times, 50))}, p90 ${fixed(percentile(times, 90))}, ` +
        `min ${fixed(times[0])}, max ${fixed(times[times.length - 1])}`,
    );
    console.log(`  each: ${times.map((t) => t.toFixed(1)).join(", ")}`);
    console.log(
      `Ctrl+Enter to the form ready for the next entry: median ${fixed(percentile(ready, 50))}, ` +
        `p90 ${fixed(percentile(ready, 90))}, min ${fixed(ready[0])}, max ${fixed(ready[ready.length - 1])}`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
