// Inside a live page's embed frame. Tells the page around it how tall the content is,
// as entries arrive, so the frame grows with it; opens links in the top window; and
// says where an entry is when the page around it asks (its address ends in
// #entry-N); and learns from the loader where it is in the article's window, so that
// new entries wait behind "N new updates" while the reader is further down, and that
// button stays in sight. Messages go only to the origin the loader named (?host=), and are taken
// only from the frame's own parent at that origin.
(function () {
  "use strict";
  if (window.parent === window) return;
  var hostOrigin = null;
  try {
    var host = new URLSearchParams(location.search).get("host");
    if (host) hostOrigin = new URL(host).origin;
  } catch (error) {
    hostOrigin = null;
  }

  // A link leaves the frame (to the full page, to another site); an anchor stays.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    if (link && link.getAttribute("href").charAt(0) !== "#") link.target = "_top";
  });

  function tell(message) {
    if (hostOrigin) window.parent.postMessage(message, hostOrigin);
  }

  var told = 0;
  function reportHeight() {
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height !== told) {
      told = height;
      tell({ type: "liveblog:height", height: height });
    }
  }
  if (window.ResizeObserver) new ResizeObserver(reportHeight).observe(document.body);
  window.addEventListener("load", reportHeight);

  window.addEventListener("message", function (event) {
    if (event.source !== window.parent || event.origin !== hostOrigin) return;
    var data = event.data || {};
    if (data.type === "liveblog:viewport" && isFinite(data.top)) {
      // live.js reads the frame's top to tell whether the reader is further down, and
      // the button keeps to the part of the frame in sight (style.css).
      var root = document.documentElement;
      root.dataset.frameTop = String(Math.round(data.top));
      root.style.setProperty("--in-sight", Math.max(0, -Math.round(data.top)) + "px");
      window.dispatchEvent(new Event("scroll"));
      return;
    }
    if (data.type !== "liveblog:show" || !/^\d+$/.test(String(data.id))) return;
    var entry = document.getElementById("entry-" + data.id);
    if (entry) tell({ type: "liveblog:offset", top: Math.round(entry.getBoundingClientRect().top + window.scrollY) });
  });
})();
