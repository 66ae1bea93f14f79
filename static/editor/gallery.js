// liveblog: the gallery's pictures chosen as files. Each file chosen under "Add
// pictures" is sent to the page's shelf, and its address goes into the first empty
// row, a new row made when none is left; the cursor goes to the first new picture's
// alt text. Without this file the rows take addresses as typed.

import { send } from "./images.js";
import { word } from "./words.js";

/** A new row after the last, numbered `n`: the last row's fields, empty, renamed. */
function newRow(rows, n) {
  const last = rows.lastElementChild;
  const row = last.cloneNode(true);
  const thumb = row.querySelector(".gallery-thumb");
  if (thumb) thumb.remove();
  row.querySelector("legend").textContent = word("galleryPicture", "Picture {number}", { number: n });
  for (const input of row.querySelectorAll("input")) {
    const renamed = input.name.replace(/^gallery_\d+_/, "gallery_" + n + "_");
    const label = row.querySelector('label[for="' + input.id + '"]');
    input.id = input.id.replace(input.name, renamed);
    if (label) label.htmlFor = input.id;
    input.name = renamed;
    input.value = "";
    input.removeAttribute("aria-invalid");
  }
  rows.appendChild(row);
  return row;
}

/** The first row with no address, or a new one; none beyond the gallery's limit. */
function emptyRow(rows) {
  const all = Array.from(rows.children);
  const empty = all.find((row) => !row.querySelector('input[name$="_url"]').value.trim());
  if (empty) return empty;
  return all.length < Number(rows.dataset.max) ? newRow(rows, all.length + 1) : null;
}

function put(row, url) {
  const address = row.querySelector('input[name$="_url"]');
  address.value = url;
  let thumb = row.querySelector(".gallery-thumb");
  if (!thumb) {
    thumb = document.createElement("img");
    thumb.className = "gallery-thumb";
    thumb.alt = "";
    thumb.width = 96;
    row.querySelector("legend").after(thumb);
  }
  thumb.src = url;
}

/** Sends the files chosen for `form`'s gallery, one after another, into its rows. */
export function attachGallery(form) {
  const rows = form.querySelector(".gallery-rows");
  const add = form.querySelector(".gallery-add");
  if (!rows || !add) return;
  add.hidden = false;
  const chooser = add.querySelector("input[type=file]");
  chooser.addEventListener("change", async () => {
    const files = Array.from(chooser.files);
    chooser.value = "";
    let first = null;
    for (const file of files) {
      const row = emptyRow(rows);
      if (!row) break;
      try {
        const body = await send(form, file);
        if (!body) return;
        put(row, body.url);
        first = first || row;
      } catch (error) {
        row.querySelector('input[name$="_url"]').setAttribute("aria-invalid", "true");
      }
    }
    if (first) first.querySelector('input[name$="_alt"]').focus();
    form.dispatchEvent(new Event("input"));
  });
}
