// liveblog: a video or sound file, or its captions, chosen in the form is sent at once
// to the page's shelf, with how far it has gone; the server checks it and removes its
// tags, and its address goes into the form. Without this file the address fields take
// a file sent through the API.

import { signedOut } from "./answers.js";
import { sessionEnded } from "./notice.js";
import { word } from "./words.js";

/**
 * Sends one file to `/editor/live/{slug}/clips`, the form's token first as the server
 * asks; `progress(percent)` while it is sent. The answer's `{url, poster}`, or null
 * when the session has ended; refused, an error with the server's reason.
 */
function send(form, field, file, progress) {
  const data = new FormData();
  data.append("csrf_token", form.dataset.csrf);
  data.append(field, file);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/editor/live/" + form.dataset.slug + "/clips");
    request.responseType = "json";
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) progress(Math.floor((100 * event.loaded) / event.total));
    });
    request.addEventListener("load", () => {
      // A session that has ended is sent to the sign-in page, as `fetch` would be.
      if (signedOut({ redirected: true, url: request.responseURL || location.href })) {
        sessionEnded();
        resolve(null);
        return;
      }
      const body = request.response || {};
      if (request.status >= 200 && request.status < 300) resolve(body);
      else reject(new Error(body.error || word("didNotWork", "That did not work ({status}).", { status: request.status })));
    });
    request.addEventListener("error", () => reject(new Error(word("unreachable", "The server could not be reached."))));
    request.send(data);
  });
}

function attach(form, input) {
  const file = input.files[0];
  if (!file) return;
  const field = input.dataset.field;
  const address = form.elements[field === "clip" ? "clip_url" : "clip_captions_url"];
  const status = form.querySelector(".clip-status");
  const say = (text) => {
    status.hidden = false;
    status.textContent = text;
  };
  say(word("clipSending", "Sending {name}: {percent} %", { name: file.name, percent: 0 }));
  send(form, field, file, (percent) => {
    say(percent < 100
      ? word("clipSending", "Sending {name}: {percent} %", { name: file.name, percent })
      : word("clipMaking", "Checking {name} and removing its tags…", { name: file.name }));
  })
    .then((body) => {
      input.value = "";
      if (!body) {
        status.hidden = true;
        return;
      }
      address.value = body.url;
      say(word("clipAttached", "{name} is attached.", { name: file.name }));
      form.dispatchEvent(new Event("input"));
    })
    .catch((error) => {
      input.value = "";
      say(word("clipRefused", "\u201c{name}\u201d was not attached: {reason}", { name: file.name, reason: error.message }));
    });
}

/** Sends the clip and captions chosen in the form's clip fields as they are chosen. */
export function attachClips(form) {
  for (const add of form.querySelectorAll(".clip-add")) add.hidden = false;
  form.addEventListener("change", (event) => {
    if (event.target.classList.contains("clip-file")) attach(form, event.target);
  });
}
