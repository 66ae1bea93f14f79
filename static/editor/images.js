// liveblog: an image chosen, dropped on the form or pasted into the text is attached
// at once: sent to the server, its address put in the form and its thumbnail shown.

import { signedOut } from "./answers.js";
import { sessionEnded } from "./notice.js";
import { word } from "./words.js";

function fieldError(form, name, text) {
  const el = form.elements[name];
  if (!el) return;
  const id = el.id + "-error";
  let out = document.getElementById(id);
  if (!text) {
    if (out) out.remove();
    el.removeAttribute("aria-invalid");
    return;
  }
  if (!out) {
    out = document.createElement("span");
    out.className = "field-error";
    out.id = id;
    el.after(out);
  }
  out.textContent = text;
  el.setAttribute("aria-invalid", "true");
}

/**
 * Sends an image file to the page's shelf: the answer's `{url}`, or null when the
 * session has ended (said on the page); refused, an error with the server's reason.
 */
export function send(form, file) {
  const data = new FormData();
  data.append("csrf_token", form.dataset.csrf);
  data.append("image", file);
  return fetch("/editor/live/" + form.dataset.slug + "/images", { method: "POST", body: data, credentials: "same-origin" })
    .then((response) => {
      if (signedOut(response)) {
        sessionEnded();
        return null;
      }
      return response.json().then((body) => {
        if (!response.ok) throw new Error(body.error || word("imageNotAttached", "The image could not be attached."));
        return body;
      });
    });
}

function attach(form, file) {
  if (!file) return;
  fieldError(form, "image", "");
  const status = form.querySelector(".thumbnail");
  status.hidden = false;
  status.textContent = file.name
    ? word("attaching", "Attaching {name}…", { name: file.name })
    : word("attachingImage", "Attaching the image…");
  send(form, file)
    .then((body) => {
      if (!body) {
        status.hidden = true;
        return;
      }
      form.elements.image_url.value = body.url;
      form.elements.image.value = "";
      status.textContent = "";
      const img = document.createElement("img");
      img.src = body.url;
      img.alt = word("attachedImage", "The attached image");
      img.width = 160;
      status.appendChild(img);
      form.elements.image_alt.focus();
      form.dispatchEvent(new Event("input"));
    })
    .catch((error) => {
      // A file that is no image does not hold up the entry: it is taken out of the
      // form, and the entry publishes without it unless another is chosen.
      status.hidden = true;
      form.elements.image.value = "";
      fieldError(form, "image", word("imageRefused", "\u201c{name}\u201d was not attached: {reason} The entry publishes without it unless you choose another image.", {
        name: file.name || word("attachingImage", "the image"),
        reason: error.message,
      }));
    });
}

function imageIn(list) {
  return Array.from(list || []).find((file) => /^image\//.test(file.type));
}

/** Attaches the image chosen in the form, dropped on it or pasted into its text. */
export function attachImages(form) {
  form.addEventListener("change", (event) => {
    if (event.target.name === "image") attach(form, event.target.files[0]);
  });
  form.elements.body.addEventListener("paste", (event) => {
    const file = imageIn(event.clipboardData && event.clipboardData.files);
    if (file) {
      event.preventDefault();
      attach(form, file);
    }
  });
  form.addEventListener("dragover", (event) => {
    if (event.dataTransfer && Array.from(event.dataTransfer.types).includes("Files")) {
      event.preventDefault();
      form.classList.add("dragging");
    }
  });
  form.addEventListener("dragleave", () => {
    form.classList.remove("dragging");
  });
  form.addEventListener("drop", (event) => {
    const file = imageIn(event.dataTransfer && event.dataTransfer.files);
    form.classList.remove("dragging");
    if (file) {
      event.preventDefault();
      attach(form, file);
    }
  });
}
