// liveblog: what is typed, saved in this browser as it is typed (per page and per
// entry), restored after a reload, a crash, a refused form or an ended session, and
// cleared once the server has it.

import { word } from "./words.js";

const STORE = "liveblog:form:";
const PENDING = "liveblog:pending";

function storage(kind) {
  try {
    return window[kind];
  } catch {
    return null;
  }
}
const local = storage("localStorage");
const session = storage("sessionStorage");

// What is typed: not the hidden fields (the CSRF token, the version a correction
// starts from), which the page that restores the text has fresh.
export function fieldsOf(form) {
  return Array.from(form.elements).filter((el) => {
    if (!el.name || el.name === "action") return false;
    return !["file", "submit", "button", "hidden"].includes(el.type);
  });
}

// The version of the entry or draft the form started from.
function versionOf(form) {
  return form.dataset.version || null;
}

/** The form's fields as they are now, by name. */
export function snapshot(form) {
  const state = {};
  for (const el of fieldsOf(form)) state[el.name] = el.type === "checkbox" ? el.checked : el.value;
  return state;
}

/** Whether two snapshots hold the same text. */
export function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Puts a snapshot's fields back in the form. */
export function apply(form, state) {
  for (const el of fieldsOf(form)) {
    if (!(el.name in state)) continue;
    if (el.type === "checkbox") el.checked = !!state[el.name];
    else el.value = state[el.name];
  }
}

/** Where the form's text is kept in this browser. */
export function keyOf(form) {
  return STORE + form.dataset.slug + ":" + form.dataset.formKey;
}

/** Lets go of the text kept under `key`. */
export function forget(key) {
  if (local) local.removeItem(key);
}

/** Keeps what is typed in the form, or lets it go once it is as the form came. */
export function keep(form) {
  const now = snapshot(form);
  if (!local) return;
  if (same(now, form.__initial)) local.removeItem(keyOf(form));
  else local.setItem(keyOf(form), JSON.stringify({ fields: now, at: Date.now(), version: versionOf(form) }));
}

/** Puts back what was typed in the form and kept in this browser, and says so. */
export function restore(form) {
  let saved = null;
  try {
    saved = local && JSON.parse(local.getItem(keyOf(form)) || "null");
  } catch {
    saved = null;
  }
  if (saved && saved.fields && !same(saved.fields, form.__initial)) {
    apply(form, saved.fields);
    showRestored(form, saved);
  }
}

function showRestored(form, saved) {
  const note = document.createElement("p");
  note.className = "notice restored";
  note.setAttribute("role", "status");
  const restored = saved.at
    ? word("restoredAt", "Restored what you typed in this browser ({time}).", {
      time: new Date(saved.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }),
    })
    : word("restored", "Restored what you typed in this browser.");
  note.textContent = restored + " " +
    (saved.version && saved.version !== versionOf(form)
      ? word("savedAgain", "It has been saved again since you typed this: compare it with the saved version before sending.") + " "
      : "");
  const discard = document.createElement("button");
  discard.type = "button";
  discard.className = "link-button";
  discard.textContent = word("discardRestored", "Discard it");
  discard.addEventListener("click", () => {
    forget(keyOf(form));
    apply(form, form.__initial);
    note.remove();
    form.dispatchEvent(new Event("input"));
  });
  note.appendChild(discard);
  const heading = form.querySelector("h2");
  if (heading) heading.after(note);
  else form.prepend(note);
}

// ---- Entries kept aside: sent, never answered, with the next one typed since ----

const ASIDE = "liveblog:unsent:";

function keptAside(slug) {
  try {
    return (local && JSON.parse(local.getItem(ASIDE + slug) || "[]")) || [];
  } catch {
    return [];
  }
}

function keepAsideAll(slug, entries) {
  if (!local) return;
  if (entries.length) local.setItem(ASIDE + slug, JSON.stringify(entries));
  else local.removeItem(ASIDE + slug);
}

/**
 * Keeps an entry that was sent and never published (`fields`, by name) in this
 * browser, beside the form, which holds the next entry by now; the form offers it.
 */
export function keepAside(form, fields) {
  const kept = {};
  for (const el of fieldsOf(form)) if (el.name in fields) kept[el.name] = fields[el.name];
  keepAsideAll(form.dataset.slug, keptAside(form.dataset.slug).concat([{ fields: kept, at: Date.now() }]));
  offerKeptAside(form);
}

/**
 * At the top of a new entry's form, each entry kept aside, with a button that puts it
 * back in the form: what the form holds then is kept aside in its place, never lost.
 */
export function offerKeptAside(form) {
  for (const old of form.querySelectorAll(".kept-aside")) old.remove();
  const slug = form.dataset.slug;
  const entries = keptAside(slug);
  const heading = form.querySelector("h2");
  entries.forEach((entry, at) => {
    const note = document.createElement("p");
    note.className = "notice kept-aside";
    note.setAttribute("role", "status");
    note.textContent = word("keptAside", "\u201c{title}\u201d was not published: the newsroom could not be reached. It is kept in this browser.", {
      title: entry.fields.title || "",
    }) + " ";
    const back = document.createElement("button");
    back.type = "button";
    back.className = "link-button";
    back.textContent = word("putBack", "Put it back in the form");
    back.addEventListener("click", () => {
      const rest = keptAside(slug).filter((_, i) => i !== at);
      const now = snapshot(form);
      if (!same(now, form.__initial)) rest.push({ fields: now, at: Date.now() });
      keepAsideAll(slug, rest);
      apply(form, form.__initial);
      apply(form, entry.fields);
      form.dispatchEvent(new Event("input"));
      offerKeptAside(form);
      form.elements.title.focus();
    });
    note.appendChild(back);
    if (heading) heading.after(note);
    else form.prepend(note);
  });
}

/** Notes that the form is on its way to the server, which takes it or not. */
export function sending(form) {
  if (session) session.setItem(PENDING, keyOf(form));
}

// What the server took need not be kept in the browser any more. Only these answers
// say the form sent last was taken; any other page leaves its copy alone.
const TAKEN = ["published", "approved", "corrected", "submitted", "scheduled", "sent-back", "discarded", "saved"];

/** Lets go of the form sent last, if this page is the server saying it took it. */
export function forgetWhatWasTaken() {
  if (!session) return;
  const main = document.querySelector("main");
  const pending = session.getItem(PENDING);
  if (pending && main && TAKEN.includes(main.dataset.done)) forget(pending);
  session.removeItem(PENDING);
}
