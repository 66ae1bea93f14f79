// liveblog: how long a field is, beside it, against its limit: always for the headline
// and the text, and for the other fields once they come near theirs.

import { word } from "./words.js";

/** Counts what is typed in `el` against its `data-limit`, as it is typed. */
export function counter(el) {
  const limit = Number(el.dataset.limit);
  const always = el.name === "title" || el.name === "body";
  const out = document.createElement("span");
  out.className = "counter";
  out.id = el.id + "-count";
  el.after(out);
  const described = el.getAttribute("aria-describedby");
  el.setAttribute("aria-describedby", (described ? described + " " : "") + out.id);
  function count() {
    const used = Array.from(el.value.replace(/\r\n/g, "\n").trim()).length;
    const over = used - limit;
    out.hidden = !always && used < limit * 0.9;
    out.classList.toggle("over", over > 0);
    out.textContent = over > 0
      ? word("overLimit", "{used} characters: {over} over the limit of {limit}", {
        used: used.toLocaleString(),
        over: over.toLocaleString(),
        limit: limit.toLocaleString(),
      })
      : used.toLocaleString() + " / " + limit.toLocaleString();
  }
  el.addEventListener("input", count);
  count();
}
