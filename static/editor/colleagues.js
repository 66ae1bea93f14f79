// liveblog: colleagues' changes, as they happen: the page's event stream heard on the
// desk, each change said in the notice and the desk fetched again.

import { desk, refresh } from "./desk.js";
import { say } from "./notice.js";
import { word } from "./words.js";

function titleOf(event) {
  try {
    return JSON.parse(event.data).title || "";
  } catch {
    return "";
  }
}

/** Listens to the page's event stream, where the browser has one. */
export function followColleagues() {
  if (!window.EventSource || !desk.dataset.events) return;
  const url = desk.dataset.events + "?last_event_id=" + (Number(desk.dataset.seq) || 0);
  const source = new EventSource(url);
  source.addEventListener("entry-created", (event) => {
    say(word("justPublished", "Just published: {title}", { title: titleOf(event) }));
    refresh();
  });
  source.addEventListener("entry-updated", (event) => {
    say(word("justChanged", "Just changed: {title}", { title: titleOf(event) }));
    refresh();
  });
  source.addEventListener("entry-deleted", () => {
    say(word("entryDeleted", "An entry was just deleted."));
    refresh();
  });
  source.addEventListener("blog-updated", refresh);
  source.addEventListener("reset", () => {
    source.close();
  });
}
