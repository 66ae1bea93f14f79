// What script adds to every reader page (a live page, any page of its stream, a
// permalink): times that tick, entries marked that arrived since the reader's last
// visit, a share button on each entry, a summary and key events that fold away on a
// phone, and `#entry-{id}` links that find the page the entry is on now. Without this file every page still reads and links as it should.

import { wordsFrom } from "./words.js";

// The page's words in its language, written by the server (templates/reader_words.html).
const word = wordsFrom("reader-words");
const main = document.getElementById("main");
const slug = main && main.dataset.slug;
if (slug) readerPage();

function readerPage() {
  // An `#entry-{id}` link to an entry newer ones have pushed to an older page: the
  // server knows which page holds it now.
  function findAnchoredEntry() {
    var anchor = /^#entry-(\d+)$/.exec(window.location.hash);
    if (!anchor || document.getElementById("entry-" + anchor[1])) return false;
    window.location.replace("/live/" + slug + "/entries/" + anchor[1] + "/in-stream");
    return true;
  }
  if (findAnchoredEntry()) return;
  window.addEventListener("hashchange", findAnchoredEntry);

  function entries() {
    return document.querySelectorAll("article[data-published]");
  }

  // "Since your last visit": the newest publication time this reader has seen, kept
  // in this browser only. Nothing about it is sent to the server.
  var seenKey = "liveblog:seen:" + slug;

  function readSeen() {
    try {
      return Number(window.localStorage.getItem(seenKey)) || 0;
    } catch (e) {
      return 0;
    }
  }

  function rememberSeen() {
    var newest = readSeen();
    var list = entries();
    for (var i = 0; i < list.length; i++) {
      newest = Math.max(newest, Number(list[i].dataset.published) || 0);
    }
    try {
      window.localStorage.setItem(seenKey, String(newest));
    } catch (e) {
      // Storage is off in this browser: nothing is marked, nothing breaks.
    }
  }

  function markSinceLastVisit(lastSeen) {
    if (!lastSeen) return;
    var list = entries();
    for (var i = 0; i < list.length; i++) {
      var article = list[i];
      if (Number(article.dataset.published) > lastSeen) {
        article.classList.add("since-last-visit");
        var mark = document.createElement("p");
        mark.className = "since-mark";
        mark.textContent = word("newSinceLastVisit", "New since your last visit");
        article.insertBefore(mark, article.firstElementChild);
      }
    }
  }

  // A share button per entry: the system's share sheet where there is one, otherwise
  // the link is copied, or shown to copy by hand.
  function permalink(article) {
    return window.location.origin + "/live/" + slug + "/entries/" + article.id.replace("entry-", "");
  }

  function say(status, text) {
    status.textContent = text;
  }

  function share(article, status) {
    var url = permalink(article);
    // Counted for the desk's figures; nothing about the reader is sent.
    if (navigator.sendBeacon) navigator.sendBeacon(new URL(url).pathname + "/shared");
    var title = article.querySelector(".entry-title").textContent.trim();
    if (navigator.share) {
      navigator.share({ title: title, url: url }).catch(function () {});
      return;
    }
    var copied = navigator.clipboard ? navigator.clipboard.writeText(url) : Promise.reject();
    copied.then(
      function () {
        say(status, word("linkCopied", "Link copied"));
      },
      function () {
        var field = document.createElement("input");
        field.readOnly = true;
        field.value = url;
        field.setAttribute("aria-label", word("linkToEntry", "Link to this entry"));
        status.replaceChildren(field);
        field.select();
      }
    );
  }

  function addShareButton(article) {
    if (article.querySelector(".entry-share")) return;
    var bar = document.createElement("p");
    bar.className = "entry-share";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "link-button";
    button.textContent = word("share", "Share");
    var title = article.querySelector(".entry-title").textContent.trim();
    button.setAttribute("aria-label", word("shareEntry", "Share: {title}", { title: title }));
    var status = document.createElement("span");
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      share(article, status);
    });
    bar.append(button, status);
    article.appendChild(bar);
  }

  // Each entry keeps its clock time ("14:07 GMT 2 December", in the page's zone and
  // language); while it is recent, "3 min ago" stands beside it, in the page's
  // language, and keeps ticking.
  var ago = null;
  try {
    ago = new Intl.RelativeTimeFormat(word("lang", "en-GB"), { numeric: "always", style: "short" });
  } catch (e) {
    // A browser without Intl.RelativeTimeFormat shows the clock times alone.
  }

  function relative(time) {
    var seconds = (Date.now() - Date.parse(time.getAttribute("datetime"))) / 1000;
    if (!ago || !(seconds >= 0)) return null;
    if (seconds < 60) return word("justNow", "just now");
    if (seconds < 3600) return ago.format(-Math.floor(seconds / 60), "minute");
    if (seconds < 6 * 3600) return ago.format(-Math.floor(seconds / 3600), "hour");
    return null;
  }

  function tick() {
    var times = document.querySelectorAll(".entry-time > time");
    for (var i = 0; i < times.length; i++) {
      var time = times[i];
      var next = time.nextElementSibling;
      var beside = next && next.classList.contains("entry-ago") ? next : null;
      var text = relative(time);
      // Only a real change is written, so the observer below does not wake itself.
      if (text && !beside) {
        beside = document.createElement("span");
        beside.className = "entry-ago";
        time.after(beside);
      }
      if (text && beside.textContent !== text) beside.textContent = text;
      if (!text && beside) beside.remove();
    }
  }

  // The summary and key events fold away under their headings: open on a wide screen,
  // closed on a phone so that the newest entry is on the first screen, unless this
  // reader chose otherwise (kept in this browser, for every page).
  var phone = window.matchMedia("(max-width: 47.99rem)").matches;

  function foldKey(fold) {
    return "liveblog:fold:" + fold.dataset.fold;
  }

  function chosenOpen(fold) {
    try {
      var chosen = window.localStorage.getItem(foldKey(fold));
      if (chosen) return chosen === "open";
    } catch (e) {
      // Storage is off in this browser: the screen's own default.
    }
    return !phone;
  }

  // A fold the live script replaced (a new summary) comes open: it is set again.
  function applyFolds() {
    var folds = main.querySelectorAll("details[data-fold]:not([data-folded])");
    for (var i = 0; i < folds.length; i++) {
      var open = chosenOpen(folds[i]);
      if (folds[i].open !== open) folds[i].open = open;
      folds[i].dataset.folded = "";
    }
  }

  // A click on a heading toggles its fold after this listener: what it becomes is kept.
  main.addEventListener("click", function (event) {
    var heading = event.target.closest("details[data-fold] > summary");
    if (!heading) return;
    try {
      window.localStorage.setItem(foldKey(heading.parentElement), heading.parentElement.open ? "closed" : "open");
    } catch (e) {
      // Storage is off: the choice lasts until the page is left.
    }
  });

  // On a phone the pinned entry shows its first lines, with "Show all" for the rest.
  function clampPinned() {
    var pinned = document.getElementById("pinned");
    var article = pinned && pinned.querySelector("article");
    if (!phone || !article || article.hasAttribute("data-clamped")) return;
    article.setAttribute("data-clamped", "");
    var more = pinned.querySelector(".pinned-more");
    pinned.classList.add("clamped");
    if (article.scrollHeight <= article.clientHeight) {
      pinned.classList.remove("clamped");
      if (more) more.remove();
      return;
    }
    if (!more) {
      more = document.createElement("p");
      more.className = "pinned-more";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "link-button";
      button.addEventListener("click", function () {
        var open = pinned.classList.toggle("clamped") === false;
        button.setAttribute("aria-expanded", String(open));
        button.textContent = open ? word("showLess", "Show less") : word("showAll", "Show all");
      });
      more.appendChild(button);
    }
    var toggle = more.firstElementChild;
    toggle.setAttribute("aria-expanded", "false");
    toggle.textContent = word("showAll", "Show all");
    article.after(more);
  }

  // Runs on load and whenever the live script puts an entry in the page.
  function enhance() {
    applyFolds();
    clampPinned();
    tick();
    var list = entries();
    for (var i = 0; i < list.length; i++) addShareButton(list[i]);
    // Galleries and posts from other platforms: their scripts come only to a page
    // that has one.
    if (main.querySelector("section.gallery:not([data-ready])")) {
      import("./gallery.js").then(function (galleries) {
        galleries.enhanceGalleries(main, word);
      });
    }
    if (main.querySelector("#callout:not([data-ready])")) {
      import("./callout.js").then(function (callout) {
        callout.enhanceCallout(main, word);
      });
    }
    if (main.querySelector("section.poll[data-poll]:not([data-ready])")) {
      import("./polls.js").then(function (polls) {
        polls.enhancePolls(main, word);
      });
    }
    if (main.querySelector("figure.embed[data-frame]:not([data-ready])")) {
      import("./embeds.js").then(function (embeds) {
        embeds.enhanceCards(main, word);
      });
    }
    rememberSeen();
  }

  // Key events as notifications, where the browser can show them; the script that
  // subscribes comes only when the button is pressed.
  var pushButton = document.getElementById("push-toggle");
  if (pushButton && "serviceWorker" in navigator && "PushManager" in window) {
    var pushOn = false;
    try {
      pushOn = window.localStorage.getItem("liveblog:push:" + pushButton.dataset.push) === "1";
    } catch (e) {
      // No storage: the button starts off.
    }
    if (pushOn) {
      pushButton.setAttribute("aria-pressed", "true");
      pushButton.textContent = word("pushOff", "Stop notifications");
    }
    pushButton.hidden = false;
    pushButton.addEventListener("click", function () {
      import("./push.js").then(function (push) {
        push.togglePush(pushButton, word);
      });
    });
  }

  markSinceLastVisit(readSeen());
  enhance();
  new MutationObserver(enhance).observe(main, { childList: true, subtree: true });
  setInterval(tick, 30000);
}
