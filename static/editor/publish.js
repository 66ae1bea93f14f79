// liveblog: publishing without leaving the page.
//
// A new entry is sent in the background: the form is emptied for the next one (the
// byline stays) and the cursor is in the headline before the answer comes, so
// nothing typed in the meantime is lost. Published, the page says so and the desk
// catches up; refused, the entry comes back with its problems beside their fields,
// and whatever was typed since is kept first, as a draft.

import { parsed, signedOut } from "./answers.js";
import { setUp } from "./compose.js";
import { refresh } from "./desk.js";
import { done, say } from "./notice.js";
import { apply, fieldsOf, forget, keepAside, keyOf, same, snapshot } from "./saved.js";
import { word } from "./words.js";

// A form's own key, as the server gives each new form one: the same entry sent twice
// with it (a resend after a lost answer) is published once.
function freshKey() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

// Empties a new entry's form for the next one, as the server would send it.
function resetForNext(form) {
  for (const el of fieldsOf(form)) {
    if (el.name === "author_name" || el.name === "author_role") continue;
    if (el.type === "checkbox") el.checked = false;
    else el.value = "";
  }
  form.elements.image.value = "";
  if (form.elements.request_key) form.elements.request_key.value = freshKey();
  const thumbnail = form.querySelector(".thumbnail");
  if (thumbnail) {
    thumbnail.textContent = "";
    thumbnail.hidden = true;
  }
  for (const details of form.querySelectorAll("details[open]")) details.open = false;
  // The last entry's problems were its own.
  for (const error of form.querySelectorAll(".field-error")) error.remove();
  for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  const pane = form.parentElement && form.parentElement.querySelector(".preview-pane");
  if (pane && pane.__waiting) {
    pane.querySelector(".preview-body").innerHTML = pane.__waiting;
    pane.classList.remove("live");
  } else if (pane) {
    pane.hidden = true;
  }
  const kept = document.getElementById("byline-kept");
  if (kept) kept.hidden = !form.elements.author_name.value;
  form.__initial = snapshot(form);
  forget(keyOf(form));
  form.elements.title.focus();
}

// Each answer heard, counted on the page (a test waits for the count to move).
function answered() {
  const root = document.documentElement;
  root.dataset.answered = String(Number(root.dataset.answered || 0) + 1);
}

/** Sends a new entry in the background, the form emptied for the next one at once. */
export function publishInBackground(form, submitter) {
  const data = new FormData(form);
  if (submitter && submitter.name) data.set(submitter.name, submitter.value);
  const title = data.get("title") || "";
  form.__sentAt = Date.now();
  resetForNext(form);
  fetch(form.getAttribute("action"), { method: "POST", body: data, credentials: "same-origin" })
    .then((response) => {
      if (signedOut(response)) {
        // As without scripts: the entry kept in this browser, and on to signing in.
        keepUnsent(form, data);
        form.dispatchEvent(new Event("change"));
        location.assign(response.url);
        return null;
      }
      return response.text().then((html) => {
        const answer = parsed(html);
        const published = response.ok && new URL(response.url).searchParams.get("done") === "published";
        if (published) {
          const note = answer.getElementById("done");
          done(note ? note.textContent.trim() : word("justPublished", "Just published: {title}", { title }));
          refresh();
          answered();
          return;
        }
        const refused = answer.querySelector("form.entry-form");
        if (refused) {
          putBack(form, refused);
        } else {
          keepUnsent(form, data, response.status);
          answered();
        }
      });
    })
    .catch(() => {
      keepUnsent(form, data);
      answered();
    });
}

// The refused entry in the form's place, with its problems beside their fields;
// what was typed in the meantime is kept in Your drafts first, never dropped.
function putBack(form, refused) {
  const typedSince = !same(snapshot(form), form.__initial);
  const swap = () => {
    const fresh = document.importNode(refused, true);
    form.replaceWith(fresh);
    setUp(fresh);
    const wrong = fresh.querySelector("[aria-invalid=true]") || fresh.elements.title;
    wrong.focus();
  };
  if (!typedSince) {
    swap();
    answered();
    return;
  }
  const draft = new FormData(form);
  draft.set("action", "draft");
  fetch(form.getAttribute("action"), { method: "POST", body: draft, credentials: "same-origin" })
    .then((response) => {
      if (!response.ok) throw new Error(String(response.status));
      say(word("keptAsDraft", "An entry you sent was not published; it is back in the form. What you had typed since is kept in Your drafts."));
      swap();
      refresh();
      answered();
    })
    .catch(() => {
      // Neither put back nor kept as a draft: kept aside in this browser, whole.
      keepAside(form, snapshot(refused));
      answered();
      notPublished(refused.elements.title ? refused.elements.title.value : "");
    });
}

// An entry that could not be published nor put back, named so it can be sent again.
function notPublished(title) {
  say(word("notPublished", "An entry you sent was not published: \u201c{title}\u201d. Send it again once the newsroom can be reached.", {
    title,
  }));
}

// Not sent (no answer, or one that is no form): the entry goes back into the form if
// nothing has been typed since, and is otherwise kept aside in this browser, offered
// at the top of the form to be put back.
function keepUnsent(form, data, status) {
  const state = {};
  data.forEach((value, name) => {
    if (typeof value === "string") state[name] = value;
  });
  state.key_event = data.has("key_event");
  state.pinned = data.has("pinned");
  if (same(snapshot(form), form.__initial)) {
    apply(form, state);
    // Its own key again: if it was published after all, sending it again says so.
    if (form.elements.request_key && state.request_key) form.elements.request_key.value = state.request_key;
    form.dispatchEvent(new Event("input"));
    say(word("notSentKept", "The entry was not published ({status}); it is back in the form.", { status: status || "—" }));
  } else {
    keepAside(form, state);
    notPublished(state.title || "");
  }
}
