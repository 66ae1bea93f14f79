// liveblog: the entry previewed beside its form as it is typed, by the server's own
// template (and with the problems it would be refused for).

import { signedOut } from "./answers.js";
import { sessionEnded } from "./notice.js";

/** The form's preview pane kept up to date: returns what to call as it is typed. */
export function previewer(form) {
  const pane = form.parentElement.querySelector(".preview-pane");
  const body = pane && pane.querySelector(".preview-body");
  let timer = null;
  let inFlight = null;
  if (!body) return () => {};
  // Beside a new entry's form the pane is kept open, saying what will appear in it.
  if (!form.hasAttribute("data-inline") && body.querySelector(".preview-waiting")) {
    pane.__waiting = body.innerHTML;
    pane.hidden = false;
  }
  function run() {
    if (!form.elements.title.value.trim() && !form.elements.body.value.trim()) return;
    const data = new FormData(form);
    data.delete("image");
    if (inFlight) inFlight.abort();
    inFlight = new AbortController();
    fetch("/editor/live/" + form.dataset.slug + "/preview", {
      method: "POST",
      body: new URLSearchParams(data),
      credentials: "same-origin",
      signal: inFlight.signal,
    })
      .then((response) => {
        if (signedOut(response)) {
          sessionEnded();
          return null;
        }
        if (response.status === 429) {
          // The last preview is still being made: ask again in a moment.
          clearTimeout(timer);
          timer = setTimeout(run, 500);
          return null;
        }
        return response.ok || response.status === 422 ? response.text() : null;
      })
      .then((html) => {
        if (html === null) return;
        body.innerHTML = html;
        pane.hidden = false;
        pane.classList.add("live");
      })
      .catch(() => {});
  }
  return () => {
    clearTimeout(timer);
    timer = setTimeout(run, 300);
  };
}
