// liveblog: a gallery walked picture by picture. The server writes its pictures as a
// row that scrolls sideways and stops at each one (static/style.css): a phone swipes
// through it, and so does a page without this file. Here it gets "Previous" and
// "Next", says which picture is shown ("2 of 3"), and takes the arrow keys, Home and
// End when it has the focus.

import { fill } from "./words.js";

function button(className, label, text) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = className;
  b.setAttribute("aria-label", label);
  b.textContent = text;
  return b;
}

function enhance(gallery, word) {
  gallery.setAttribute("data-ready", "");
  const track = gallery.querySelector(".gallery-track");
  const items = Array.from(track.children);
  if (items.length < 2) return;
  const rtl = getComputedStyle(track).direction === "rtl";
  const previous = button("gallery-previous", word("galleryPrevious", "Previous picture"), rtl ? "›" : "‹");
  const next = button("gallery-next", word("galleryNext", "Next picture"), rtl ? "‹" : "›");
  const place = document.createElement("span");
  place.className = "gallery-place";
  place.setAttribute("aria-live", "polite");
  const controls = document.createElement("div");
  controls.className = "gallery-controls";
  controls.append(previous, place, next);
  gallery.append(controls);

  // The picture whose start is nearest the track's.
  function current() {
    const start = track.getBoundingClientRect()[rtl ? "right" : "left"];
    let best = 0;
    let nearest = Infinity;
    items.forEach((item, i) => {
      const distance = Math.abs(item.getBoundingClientRect()[rtl ? "right" : "left"] - start);
      if (distance < nearest) {
        nearest = distance;
        best = i;
      }
    });
    return best;
  }

  function update() {
    const i = current();
    place.textContent = fill(word("galleryPlace", "{number} of {count}"), { number: i + 1, count: items.length });
    previous.disabled = i === 0;
    next.disabled = i === items.length - 1;
  }

  function go(i) {
    const n = Math.max(0, Math.min(items.length - 1, i));
    const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    items[n].scrollIntoView({ block: "nearest", inline: "start", behavior: reduce ? "auto" : "smooth" });
  }

  previous.addEventListener("click", () => go(current() - 1));
  next.addEventListener("click", () => go(current() + 1));
  track.addEventListener("keydown", (event) => {
    const forward = rtl ? "ArrowLeft" : "ArrowRight";
    const back = rtl ? "ArrowRight" : "ArrowLeft";
    const to = { [forward]: current() + 1, [back]: current() - 1, Home: 0, End: items.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    go(to);
  });
  let pending = false;
  track.addEventListener("scroll", () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      update();
    });
  });
  update();
}

/** Every gallery in `root` not yet given its controls. */
export function enhanceGalleries(root, word) {
  root.querySelectorAll("section.gallery:not([data-ready])").forEach((gallery) => enhance(gallery, word));
}
