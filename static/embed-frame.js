// Inside a live page's embed frame. Tells the page around it how tall the content is,
// as entries arrive, so the frame grows with it; opens links in the top window; and
// says where an entry is when the page around it asks (its address ends in
// #entry-N); and learns from the loader where it is in the article's window, so that
// new entries wait behind "N new updates" while the reader is further down, and that
// button stays in sight. Messages go only to the origin the loader named (?host=), and are taken
// only from the frame's own parent at that origin.
//
// Framed by WordPress (its address ends in #?secret=S, and the frame is sandboxed with
// no origin of its own), it speaks WordPress's embed messages instead: its height, and
// the links it follows, go to the parent with the secret, which is how WordPress knows
// which of its frames is talking.
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
  var secret = (/[#&?]secret=([A-Za-z0-9]+)/.exec(location.hash) || [])[1] || null;

  function tell(message) {
    if (hostOrigin) window.parent.postMessage(message, hostOrigin);
  }

  // WordPress's frames are told apart by the secret alone; its page checks it, and
  // the frame has no origin to name, so the message goes to whichever page holds it.
  function tellWordPress(message, value) {
    if (secret) window.parent.postMessage({ message: message, value: value, secret: secret }, "*");
  }

  // A link leaves the frame (to the full page, to another site); an anchor stays. A
  // sandboxed frame may not lead the top window anywhere itself: WordPress does it.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    if (!link || link.getAttribute("href").charAt(0) === "#") return;
    if (secret) {
      event.preventDefault();
      tellWordPress("link", link.href);
    } else {
      link.target = "_top";
    }
  });

  var told = 0;
  function reportHeight(again) {
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height !== told || again === true) {
      told = height;
      tell({ type: "liveblog:height", height: height });
      tellWordPress("height", height);
    }
  }
  if (window.ResizeObserver) new ResizeObserver(reportHeight).observe(document.body);
  window.addEventListener("load", reportHeight);

  window.addEventListener("message", function (event) {
    var data = event.data || {};
    if (secret && event.source === window.parent && data.message === "ready" && data.secret === secret) {
      reportHeight(true);
      return;
    }
    if (event.source !== window.parent || event.origin !== hostOrigin) return;
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
