// liveblog: a correction opens in place, in the stream, and is sent from there;
// Cancel or Escape closes it, and what was typed stays saved in this browser.

import { parsed, signedOut } from "./answers.js";
import { setUp } from "./compose.js";
import { desk, refresh } from "./desk.js";
import { done, say, sessionEnded } from "./notice.js";
import { forget, keyOf } from "./saved.js";
import { word } from "./words.js";

function closeInline(box) {
  box.remove();
}

function showInline(box, html) {
  box.innerHTML = html;
  const form = box.querySelector("form.entry-form");
  if (form) {
    setUp(form);
    const close = () => {
      const question = word("closeCorrection", "Close this correction? What you typed stays saved in this browser.");
      if (form.__dirty() && !window.confirm(question)) return;
      const link = box.parentElement && box.parentElement.querySelector("a[data-correct]");
      closeInline(box);
      if (link) link.focus();
    };
    const cancel = form.querySelector("[data-cancel]");
    if (cancel) {
      cancel.addEventListener("click", (event) => {
        event.preventDefault();
        close();
      });
    }
    // Escape closes it, as it closes any box opened over a list.
    form.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !event.isComposing) {
        event.preventDefault();
        close();
      }
    });
  }
  return form;
}

/** Sends a correction from its place in the stream; a refused one comes back there. */
export function sendInline(form, submitter) {
  const box = form.closest(".inline-correction");
  const data = new FormData(form);
  if (submitter && submitter.name) data.set(submitter.name, submitter.value);
  form.dataset.sending = "1";
  fetch(form.getAttribute("action"), { method: "POST", body: data, credentials: "same-origin" })
    .then((response) => {
      if (signedOut(response)) {
        delete form.dataset.sending;
        sessionEnded();
        return;
      }
      return response.text().then((html) => {
        // Parsed inert: nothing in it loads or runs until it is put in the page.
        const answer = parsed(html);
        if (response.ok && answer.querySelector("p[data-saved]")) {
          forget(keyOf(form));
          closeInline(box);
          done(answer.textContent.trim());
          refresh();
          return;
        }
        if (!answer.querySelector("form.entry-form")) {
          // Not a form back (the entry is gone, the form expired): keep what is typed.
          delete form.dataset.sending;
          const reason = answer.querySelector("main p:not(.description)");
          say(reason
            ? word("correctionNotSavedBecause", "The correction was not saved ({status}: {reason}). What you typed is still in the form.",
              { status: response.status, reason: reason.textContent })
            : word("correctionNotSaved", "The correction was not saved ({status}). What you typed is still in the form.",
              { status: response.status }));
          return;
        }
        const again = showInline(box, html);
        const wrong = again.querySelector("[aria-invalid=true]") || again.elements.title;
        wrong.focus();
      });
    })
    .catch(() => {
      delete form.dataset.sending;
      say(word("correctionKept", "The newsroom could not be reached; your correction is kept in the form."));
    });
}

/** Opens a correction in place when its link in the desk's stream is followed. */
export function correctInPlace() {
  desk.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-correct]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    const li = link.closest("li");
    const open = li.querySelector(".inline-correction");
    if (open) {
      open.querySelector("input[name=title]").focus();
      return;
    }
    const box = document.createElement("div");
    box.className = "inline-correction";
    li.appendChild(box);
    fetch(link.href + "?inline=1", { credentials: "same-origin" })
      .then((response) => {
        if (signedOut(response)) {
          box.remove();
          sessionEnded();
          return null;
        }
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      })
      .then((html) => {
        if (html === null) return;
        const form = showInline(box, html);
        if (form) form.elements.title.focus();
      })
      .catch(() => {
        box.remove();
        window.location.href = link.href;
      });
  });
}
