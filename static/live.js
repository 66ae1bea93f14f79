// Keeps a live page live: listens to the page's event stream and applies each change
// from the server-rendered fragment it carries. Without this file the page still works;
// it just does not update by itself.

import { fill, wordsFrom } from "./words.js";

// The page's words in its language, written by the server (templates/reader_words.html).
const word = wordsFrom("reader-words");
const stream = document.getElementById("stream");
if (stream && stream.dataset.events && window.EventSource) keepLive();

function keepLive() {
  var lang = word("lang", "en-GB");
  var plurals = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;
  var digits = window.Intl ? new Intl.NumberFormat(lang) : null;

  function number(n) {
    return digits ? digits.format(n) : String(n);
  }

  // "3 new updates", in the plural form the page's language uses for the number.
  function newUpdates(n) {
    var forms = word("newUpdates", { one: "{n} new update", other: "{n} new updates" });
    var form = (plurals && forms[plurals.select(n)]) || forms.other;
    return fill(form, { n: number(n) });
  }

  var eventsUrl = stream.dataset.events;
  var lastSeq = Number(stream.dataset.seq) || 0;
  var banner = document.getElementById("new-updates");
  var bannerButton = banner.querySelector("button");
  var announcer = document.getElementById("announcer");
  var pinned = document.getElementById("pinned");
  var keyEvents = document.getElementById("key-events");
  var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var PAGE_SIZE = 20;
  // A page read oldest first (a Q&A, a timeline) takes new entries at the bottom.
  var oldestFirst = stream.dataset.order === "oldest";
  // New entries held back while the reader is further down the page, or has paused.
  var held = [];
  var paused = false;
  var pauseButton = document.getElementById("pause-live");
  var baseTitle = document.title;
  // Entries that arrived while the tab was hidden, counted in the tab's title.
  var unseen = 0;
  var retryDelay = 1000;
  // A filtered stream (`?tag=…`, `?key-events`) takes only the entries it follows and
  // counts the others.
  var main = document.getElementById("main");
  var filter = main ? main.dataset.filter : "";
  var filterTag = main ? main.dataset.filterTag : "";
  var others = 0;
  var otherUpdates = document.getElementById("other-updates");

  function fromHtml(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  function byId(id) {
    return document.getElementById("entry-" + id);
  }

  function published(article) {
    return Number(article.dataset.published) || 0;
  }

  // Whether `a` was published after `b`: by time, then by number (two entries in the
  // same second), as the server orders the stream.
  function later(a, b) {
    var number = function (article) {
      return Number(article.id.replace("entry-", "")) || 0;
    };
    return published(a) > published(b) || (published(a) === published(b) && number(a) > number(b));
  }

  // In an embed the frame is as tall as its content and the article around it scrolls:
  // the loader says where the frame's top is (embed-frame.js keeps it on <html>).
  function readingFurtherDown() {
    var frameTop = Number(document.documentElement.dataset.frameTop) || 0;
    return stream.getBoundingClientRect().top + frameTop < -40;
  }

  function announce(text) {
    announcer.textContent = text;
  }

  function streamArticles() {
    return stream.querySelectorAll(":scope > article");
  }

  // A teaser (an embed's ?view=latest) keeps only its newest few.
  var keep = Number(stream.dataset.keep) || 0;

  function insertAtTop(article) {
    var empty = stream.querySelector(".empty-stream");
    if (empty) empty.remove();
    if (oldestFirst) stream.appendChild(article);
    else stream.insertBefore(article, stream.firstElementChild);
    keepNewest();
  }

  function keepNewest() {
    if (keep) Array.prototype.slice.call(streamArticles(), keep).forEach(function (a) { a.remove(); });
  }

  // Puts an entry back in the stream in time order, if it belongs on this page.
  function insertInOrder(article) {
    var articles = streamArticles();
    for (var i = 0; i < articles.length; i++) {
      var before = oldestFirst ? later(articles[i], article) : later(article, articles[i]);
      if (before) {
        stream.insertBefore(article, articles[i]);
        return;
      }
    }
    if (articles.length < PAGE_SIZE) stream.appendChild(article);
  }

  // Whether `article` was published before the newest entry shown: it is no new one.
  function olderThanShown(article) {
    var shown = streamArticles();
    if (!shown.length) return false;
    var newest = oldestFirst ? shown[shown.length - 1] : shown[0];
    return later(newest, article);
  }

  function refreshPinned() {
    if (pinned) pinned.hidden = !pinned.querySelector("article");
  }

  // Whether this stream shows `article`: every one, unless it is filtered.
  function takes(article, data) {
    if (!filter) return true;
    if (filter === "key-events") return Boolean(data.key_event);
    return (article.dataset.tags || "").split(",").indexOf(filterTag) !== -1;
  }

  function countOther() {
    others += 1;
    if (!otherUpdates) return;
    otherUpdates.textContent = word("otherUpdates", "New updates outside this view: {count}", {
      count: number(others),
    });
    otherUpdates.hidden = false;
  }

  // Whether the page has its pinned entry's place: an unfiltered first page.
  function pins(data) {
    return data.pinned && pinned && !filter;
  }

  function pin(article) {
    var current = pinned.querySelector("article");
    if (current && current !== article) {
      current.remove();
      insertInOrder(current);
    }
    pinned.appendChild(article);
    refreshPinned();
  }

  function updateTitle() {
    var count = unseen + held.length;
    document.title = count > 0 ? "(" + number(count) + ") " + baseTitle : baseTitle;
  }

  function updateBanner() {
    updateTitle();
    if (held.length === 0) {
      banner.hidden = true;
      return;
    }
    bannerButton.textContent = newUpdates(held.length);
    banner.hidden = false;
  }

  function showHeld(goToNewest) {
    // Oldest first, so the newest ends on top.
    held.reverse().forEach(insertAtTop);
    held = [];
    updateBanner();
    var newest = stream.firstElementChild;
    if (newest && goToNewest) {
      newest.setAttribute("tabindex", "-1");
      newest.scrollIntoView({ behavior: reduceMotion ? "auto" : "smooth", block: "start" });
      newest.focus({ preventScroll: true });
    }
  }

  function removeHeld(id) {
    held = held.filter(function (article) {
      return article.id !== "entry-" + id;
    });
    updateBanner();
  }

  function keyEventLink(id) {
    return keyEvents && keyEvents.querySelector('a[href="#entry-' + id + '"]');
  }

  // A key event's line: its clock time, as the entry gives it, and its headline.
  function addKeyEvent(data, article) {
    if (!keyEvents) return;
    var existing = keyEventLink(data.id);
    if (existing) {
      existing.querySelector(".key-event-title").textContent = data.title;
      return;
    }
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = "#entry-" + data.id;
    var published = article.querySelector(".entry-time > time");
    var clock = document.createElement("time");
    clock.className = "key-event-time";
    clock.dateTime = published ? published.getAttribute("datetime") : "";
    clock.textContent = published ? published.dataset.clock : "";
    var title = document.createElement("span");
    title.className = "key-event-title";
    title.textContent = data.title;
    link.append(clock, title);
    item.appendChild(link);
    var list = keyEvents.querySelector("ol");
    list.insertBefore(item, list.firstElementChild);
    keyEvents.hidden = false;
  }

  function removeKeyEvent(id) {
    var link = keyEventLink(id);
    if (link) link.parentElement.remove();
  }

  function entryCreated(data) {
    var article = fromHtml(data.html);
    var existing = byId(data.id);
    if (!takes(article, data)) {
      if (existing) existing.remove();
      else countOther();
      if (data.key_event) addKeyEvent(data, article);
      return;
    }
    if (existing) {
      existing.replaceWith(article);
    } else if (pins(data)) {
      pin(article);
    } else if (olderThanShown(article)) {
      // A deleted entry restored: back in its place, not at the top.
      insertInOrder(article);
      keepNewest();
    } else if (paused || (!oldestFirst && readingFurtherDown())) {
      held.unshift(article);
      updateBanner();
    } else {
      insertAtTop(article);
    }
    if (data.key_event) addKeyEvent(data, article);
    if (document.hidden) {
      unseen += 1;
      updateTitle();
    }
    if (!paused) announce(word("newUpdate", "New update: {title}", { title: data.title }));
  }

  function entryUpdated(data) {
    var article = fromHtml(data.html);
    var existing = byId(data.id);
    var wasHeld = held.some(function (a) { return a.id === article.id; });
    if (!takes(article, data)) {
      // No longer in the thread followed.
      if (existing) existing.remove();
      removeHeld(data.id);
    } else if (wasHeld && pins(data)) {
      removeHeld(data.id);
      pin(article);
    } else if (wasHeld) {
      held = held.map(function (a) { return a.id === article.id ? article : a; });
    } else if (pins(data)) {
      if (existing) existing.remove();
      pin(article);
    } else if (!existing && filter) {
      // Newly in the thread followed.
      insertInOrder(article);
    } else if (existing && pinned && existing.parentElement === pinned) {
      existing.remove();
      refreshPinned();
      insertInOrder(article);
    } else if (existing && published(existing) !== published(article)) {
      // Given an earlier time (back-filled): to its place, or off this page of the stream.
      existing.remove();
      insertInOrder(article);
    } else if (existing) {
      existing.replaceWith(article);
    }
    if (data.key_event) addKeyEvent(data, article);
    else removeKeyEvent(data.id);
  }

  function entryDeleted(data) {
    var existing = byId(data.id);
    if (existing) existing.remove();
    removeHeld(data.id);
    removeKeyEvent(data.id);
    refreshPinned();
  }

  // The LIVE badge, or the line saying the page has ended; the page may end and be
  // reopened while it is open, and the stream stays open to hear both.
  function setLive(live) {
    var badge = document.querySelector(".page-header .live-badge, .page-header .closed-badge");
    var isLive = badge && badge.classList.contains("live-badge");
    if (badge && isLive !== live) {
      var next = document.createElement("p");
      if (live) {
        next.className = "live-badge";
        var dot = document.createElement("span");
        dot.className = "live-dot";
        dot.setAttribute("aria-hidden", "true");
        next.appendChild(dot);
        next.appendChild(document.createTextNode(word("live", "LIVE")));
      } else {
        next.className = "closed-badge";
        next.textContent = word("ended", "This live page has ended");
      }
      badge.replaceWith(next);
      announce(live ? word("reopenedNotice", "This live page has been reopened.") : word("endedNotice", "This live page has ended."));
    }
    if (pauseButton) pauseButton.hidden = !live;
    // An ended page has nothing to pause: what was held is shown.
    if (!live && paused) {
      paused = false;
      pauseButton.setAttribute("aria-pressed", "false");
      pauseButton.textContent = word("pause", "Pause live updates");
      showHeld(false);
    }
  }

  // The summary, and the page's call to its readers below it when it has one.
  function blogUpdated(data) {
    var template = document.createElement("template");
    template.innerHTML = data.html.trim();
    var summary = document.getElementById("summary");
    var freshSummary = template.content.querySelector("#summary");
    if (summary && freshSummary) summary.replaceWith(freshSummary);
    var callout = document.getElementById("callout");
    var freshCallout = template.content.querySelector("#callout");
    // A reader halfway through writing keeps what they wrote while the page still asks.
    var writing = callout && callout.contains(document.activeElement);
    if (callout && freshCallout && !writing) callout.replaceWith(freshCallout);
    else if (callout && !freshCallout) callout.remove();
    else if (!callout && freshCallout && freshSummary) freshSummary.after(freshCallout);
    setLive(data.live);
  }

  // Each change is applied once, in order: anything at or below the last sequence
  // number seen (a replay after reconnecting) is skipped.
  function handler(apply) {
    return function (event) {
      var seq = Number(event.lastEventId);
      if (seq && seq <= lastSeq) return;
      if (seq) lastSeq = seq;
      apply(JSON.parse(event.data));
    };
  }

  function connect() {
    var source = new EventSource(eventsUrl + "?last_event_id=" + lastSeq);
    source.addEventListener("entry-created", handler(entryCreated));
    source.addEventListener("entry-updated", handler(entryUpdated));
    source.addEventListener("entry-deleted", handler(entryDeleted));
    source.addEventListener("blog-updated", handler(blogUpdated));
    // A poll's counts: no change to the page (no id), so never skipped or replayed.
    source.addEventListener("poll-results", function (event) {
      var data = JSON.parse(event.data);
      import("./polls.js").then(function (polls) {
        polls.showPollCounts(data, word);
      });
    });
    source.addEventListener("reset", function () {
      source.close();
      window.location.reload();
    });
    source.onopen = function () {
      retryDelay = 1000;
    };
    source.onerror = function () {
      // The browser retries a dropped stream by itself; a refused one (the server
      // restarting behind a proxy) closes for good, so we open a new one.
      // Each page waits its own share of the delay, so the readers of a server that
      // restarts do not all come back in the same moment.
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(connect, retryDelay * (0.5 + Math.random()));
        retryDelay = Math.min(retryDelay * 2, 30000);
      }
    };
  }

  bannerButton.addEventListener("click", function () {
    showHeld(true);
  });
  // A reader who scrolls back up to the top gets the held entries where they are.
  window.addEventListener("scroll", function () {
    if (held.length && !paused && !readingFurtherDown()) showHeld(false);
  }, { passive: true });
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) {
      unseen = 0;
      updateTitle();
    }
  });

  // "Pause live updates": nothing moves or is announced until the reader resumes
  // (WCAG 2.2.2); what arrives meanwhile waits behind the new-updates button.
  if (pauseButton) {
    pauseButton.hidden = !document.querySelector(".page-header .live-badge");
    pauseButton.addEventListener("click", function () {
      paused = !paused;
      pauseButton.setAttribute("aria-pressed", String(paused));
      pauseButton.textContent = paused ? word("resume", "Resume live updates") : word("pause", "Pause live updates");
      if (!paused && held.length && !readingFurtherDown()) showHeld(false);
    });
  }

  connect();
}
