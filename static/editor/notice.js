// liveblog: what the desk tells the editor: news in the notice above the desk, what
// this editor just did, and a session that has ended.

import { word } from "./words.js";

const notice = document.getElementById("colleagues");

/** Says `text` in the notice above the desk. */
export function say(text) {
  if (!notice) return;
  notice.textContent = text;
  notice.hidden = false;
}

// What this editor just did, said where the page says it after a form is sent.
export function done(text) {
  let note = document.getElementById("done");
  if (!note) {
    note = document.createElement("p");
    note.id = "done";
    note.className = "notice done";
    note.setAttribute("role", "status");
    const compose = document.querySelector("section.compose");
    if (!compose) return;
    compose.before(note);
  }
  note.textContent = text;
}

/** Says the session has ended, with a link to sign in again and come back here. */
export function sessionEnded() {
  const back = location.pathname;
  // The sentence is split where its link goes.
  const text = word("sessionEnded", "Your session has ended. What you typed is kept in this browser: {link}.");
  const at = text.indexOf("{link}");
  const before = at < 0 ? text + " " : text.slice(0, at);
  const after = at < 0 ? "" : text.slice(at + "{link}".length);
  if (!notice) return;
  notice.textContent = before;
  const link = document.createElement("a");
  link.href = "/login?next=" + encodeURIComponent(back) + "&ended=1";
  link.textContent = word("signInAgain", "sign in again to go on");
  notice.appendChild(link);
  notice.appendChild(document.createTextNode(after));
  notice.hidden = false;
  notice.setAttribute("role", "alert");
}
