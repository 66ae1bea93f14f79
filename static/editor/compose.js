// liveblog: one entry form set up: Ctrl+Enter (Cmd+Enter) sends it from any field and
// Enter in a one-line field does not send it by accident; what is typed is saved in
// this browser, counted and previewed; images are attached at once; "Schedule for
// later" starts at the next minute. Leaving a form with unsaved text asks first.

import { counter } from "./counter.js";
import { attachClips } from "./clips.js";
import { attachGallery } from "./gallery.js";
import { attachImages } from "./images.js";
import { spotPosts } from "./posts.js";
import { previewer } from "./preview.js";
import { keep, offerKeptAside, restore, same, sending, snapshot } from "./saved.js";

// Every form set up, and whether one is being sent (the page is leaving for its answer).
let forms = [];
let submitting = false;

// The forms set up on this page that are still in it (a correction closed, a refused
// entry put back in a new form: those have gone).
function formsInPage() {
  forms = forms.filter((form) => document.contains(form));
  return forms;
}

// The last keys before the page is left, reloaded or closed are kept too.
window.addEventListener("pagehide", () => {
  for (const form of formsInPage()) {
    clearTimeout(form.__saveTimer);
    keep(form);
  }
});
// Back on this page from the browser's history: its forms can be sent again.
window.addEventListener("pageshow", () => {
  submitting = false;
  for (const form of formsInPage()) delete form.dataset.sending;
});

// How a form is sent without leaving the page, named by main.js: a correction in place
// (correction.js) and a new entry in the background (publish.js). Both set up with
// `setUp` the forms they put in the page.
const send = { correction: null, newEntry: null };

/** Names the senders of a correction in place and of a new entry in the background. */
export function sendWithoutLeaving(senders) {
  Object.assign(send, senders);
}

function primary(form) {
  return form.querySelector("[data-primary]");
}

function oneLine(el) {
  return el.tagName === "INPUT" &&
    ["text", "url", "search", "email", "datetime-local", "number", "password", ""].includes(el.type);
}

// The next whole minute as a datetime-local field takes it, in `zone`.
function nextMinute(zone) {
  const at = new Date(Math.ceil((Date.now() + 1000) / 60000) * 60000);
  try {
    const parts = {};
    new Intl.DateTimeFormat("en-GB", {
      timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    }).formatToParts(at).forEach((part) => {
      parts[part.type] = part.value;
    });
    return parts.year + "-" + parts.month + "-" + parts.day + "T" + parts.hour + ":" + parts.minute;
  } catch {
    return "";
  }
}

/** Sets up an entry form: its keys, saved text, counters, images and preview. */
export function setUp(form) {
  form.__initial = snapshot(form);
  restore(form);
  if (form.dataset.formKey === "new") offerKeptAside(form);
  form.querySelectorAll("[data-limit]").forEach(counter);
  const preview = previewer(form);

  form.addEventListener("input", () => {
    clearTimeout(form.__saveTimer);
    form.__saveTimer = setTimeout(() => keep(form), 250);
    preview();
  });
  form.addEventListener("change", (event) => {
    if (event.target.type !== "file") keep(form);
  });

  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.isComposing) return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      keep(form);
      // In "Send back with a note" or "Schedule for later", that section's button.
      const section = event.target.closest("details.send-back, details.schedule");
      const button = (section && section.querySelector("button[type=submit]")) || primary(form);
      if (button) form.requestSubmit(button);
    } else if (oneLine(event.target)) {
      // A headline or byline is finished with Tab, not sent with Enter.
      event.preventDefault();
    }
  });

  // "Schedule for later" starts at the next minute in the page's time zone.
  const schedule = form.querySelector("details.schedule");
  if (schedule) {
    schedule.addEventListener("toggle", () => {
      const field = form.elements.publish_at;
      if (schedule.open && field && !field.value) field.value = nextMinute(field.dataset.zone);
    });
  }

  attachImages(form);
  attachGallery(form);
  attachClips(form);
  spotPosts(form);

  form.addEventListener("submit", (event) => {
    keep(form);
    if (form.dataset.sending) {
      // A second click while the first is on its way.
      event.preventDefault();
      return;
    }
    const action = event.submitter && event.submitter.value;
    if (form.hasAttribute("data-inline")) {
      event.preventDefault();
      send.correction(form, event.submitter);
      return;
    }
    if (action === "publish" && form.hasAttribute("data-new-entry") && !form.hasAttribute("data-refused")) {
      event.preventDefault();
      // A second click of a double-click finds the form just emptied: nothing to send.
      const justSent = Date.now() - (form.__sentAt || 0) < 1000 && same(snapshot(form), form.__initial);
      if (!justSent) send.newEntry(form, event.submitter);
      return;
    }
    submitting = true;
    if (action !== "preview") sending(form);
    form.dataset.sending = "1";
  });
  // A form the server refused holds text it does not have.
  form.__dirty = () => form.hasAttribute("data-refused") || !same(snapshot(form), form.__initial);
  formsInPage().push(form);
}

/** Asks before the page is left with text in a form that the server does not have. */
export function askBeforeLeaving() {
  window.addEventListener("beforeunload", (event) => {
    if (submitting) return;
    const unsaved = formsInPage().some((form) => form.__dirty());
    if (unsaved) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
}
