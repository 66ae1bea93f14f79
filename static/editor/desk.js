// liveblog: the desk (readers now, the approval queue, drafts, the stream) kept up to
// date; entries pinned, marked and deleted without leaving the page.

import { parsed, signedOut } from "./answers.js";
import { say, sessionEnded } from "./notice.js";
import { word } from "./words.js";

/** The desk beside the entry form, on the compose page. */
export const desk = document.getElementById("desk");

let queueSeen = null;
let refreshing = null;

function queueItems(root) {
  const items = {};
  for (const li of root.querySelectorAll("#queue li[data-draft]")) items[li.dataset.draft] = li.querySelector("a").textContent;
  return items;
}

// Puts the new desk in place, keeping any correction open in the stream as it is.
function merge(html) {
  const fresh = parsed(html);
  const queue = queueItems(fresh);
  if (queueSeen) {
    const arrived = Object.keys(queue).filter((id) => !(id in queueSeen));
    if (arrived.length) {
      const titles = arrived.map((id) => queue[id]).join(", ");
      say(word("waitingForApproval", "Waiting for approval: {titles}", { titles }));
    }
  }
  queueSeen = queue;
  const list = desk.querySelector("#published-list");
  const open = {};
  if (list) {
    for (const li of list.querySelectorAll(":scope > li")) {
      if (li.querySelector(".inline-correction, .delete-in-place:not([hidden])")) open[li.id] = li;
    }
  }
  const freshList = fresh.querySelector("#published-list");
  for (const child of Array.from(desk.children)) {
    if (child.id !== "published" || !Object.keys(open).length) child.remove();
  }
  if (!Object.keys(open).length) {
    while (fresh.firstChild) desk.appendChild(fresh.firstChild);
    return;
  }
  // The other sections are replaced, before and after the stream; the stream is
  // updated item by item, and the items with a correction open are never taken out
  // of the page.
  const published = desk.querySelector("#published");
  while (fresh.firstChild && fresh.firstChild.id !== "published") desk.insertBefore(fresh.firstChild, published);
  const freshPublished = fresh.querySelector("#published");
  while (freshPublished && freshPublished.nextSibling) desk.appendChild(freshPublished.nextSibling);
  for (const li of list.querySelectorAll(":scope > li")) {
    if (!open[li.id]) li.remove();
  }
  let anchor = null;
  for (const li of freshList.querySelectorAll(":scope > li")) {
    const kept = open[li.id];
    if (kept) {
      // A deletion being asked about keeps the entry as the editor saw it.
      if (!kept.querySelector(".delete-in-place:not([hidden])")) {
        kept.querySelector(".desk-entry-head").replaceWith(li.querySelector(".desk-entry-head"));
      }
      delete open[li.id];
      anchor = kept;
    } else {
      list.insertBefore(li, anchor ? anchor.nextSibling : list.firstChild);
      anchor = li;
    }
  }
  for (const id of Object.keys(open)) {
    const head = open[id].querySelector(".desk-entry-head");
    if (head && !head.querySelector(".gone")) {
      const gone = document.createElement("strong");
      gone.className = "gone";
      gone.textContent = word("deletedMeanwhile", "Deleted meanwhile.") + " ";
      head.prepend(gone);
    }
  }
}

/** Fetches the desk again and puts it in place; nothing on a page without a desk. */
export function refresh() {
  if (!desk) return Promise.resolve();
  if (refreshing) return refreshing;
  refreshing = fetch(desk.dataset.desk, { credentials: "same-origin" })
    .then((response) => {
      if (signedOut(response)) {
        sessionEnded();
        return null;
      }
      return response.ok ? response.text() : null;
    })
    .then((html) => {
      if (html !== null) merge(html);
    })
    .catch(() => {})
    .then(() => {
      refreshing = null;
    });
  return refreshing;
}

// Delete asks in place, under the entry's buttons; Keep it, or Escape, takes it back.
function keepEntry(ask) {
  ask.hidden = true;
  ask.closest("li").querySelector("a[data-delete]").focus();
}

/** Keeps the desk up to date, and its marks and deletions sent from where they are. */
export function keepDesk() {
  queueSeen = queueItems(desk);

  // Readers and the queue are counted on every instance: ask every few seconds.
  (function poll() {
    setTimeout(() => {
      if (!document.hidden) refresh();
      poll();
    }, 4000 + Math.random() * 2000);
  })();

  // Pin, unpin, key event, delete: sent without leaving the page.
  desk.addEventListener("submit", (event) => {
    const form = event.target;
    if (!form.hasAttribute("data-mark")) return;
    event.preventDefault();
    const button = form.querySelector("button");
    button.disabled = true;
    fetch(form.getAttribute("action") + "?inline=1", {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      credentials: "same-origin",
    })
      .then((response) => {
        if (signedOut(response)) return sessionEnded();
        if (!response.ok) {
          say(word("didNotWork", "That did not work ({status}); reload the page and try again.", { status: response.status }));
        } else if (form.classList.contains("delete-in-place")) {
          // Answered: the question is closed, and the entry leaves the desk.
          form.hidden = true;
        }
        return refresh();
      })
      .catch(() => {
        say(word("unreachable", "The newsroom could not be reached; nothing was changed."));
      })
      .then(() => {
        button.disabled = false;
      });
  });

  desk.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-delete]");
    const keep = event.target.closest("[data-keep]");
    if (keep) keepEntry(keep.closest(".delete-in-place"));
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    const ask = link.closest("li").querySelector(".delete-in-place");
    ask.hidden = false;
    ask.querySelector("button[type=submit]").focus();
  });

  desk.addEventListener("keydown", (event) => {
    const ask = event.target.closest && event.target.closest(".delete-in-place");
    if (ask && event.key === "Escape" && !event.isComposing) keepEntry(ask);
  });
}
