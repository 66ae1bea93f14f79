// liveblog's loader, for an article on another site:
//
//   <div data-liveblog="https://live.example/live/storm-maren"></div>
//   <script src="https://live.example/static/embed.js" async></script>
//
// Puts the live page in a frame there (data-view="latest" data-n="3" for a teaser of
// the newest entries), grows the frame with its content as entries arrive, and scrolls
// to an entry when the article's address ends in #entry-N; tells the frame which part
// of it the reader can see, so it holds new entries behind "N new updates" while the
// reader is further down, as the full page does. It takes messages only from
// the frame's own window at the live page's origin, and sends them only there.
(function () {
  "use strict";

  function place(holder) {
    if (holder.hasAttribute("data-liveblog-placed")) return;
    var page;
    try {
      page = new URL(holder.getAttribute("data-liveblog"), document.baseURI);
    } catch (error) {
      return;
    }
    holder.setAttribute("data-liveblog-placed", "");
    var src = new URL(page.pathname.replace(/\/$/, "") + "/embed", page.origin);
    src.searchParams.set("host", location.origin);
    if (holder.getAttribute("data-view") === "latest") {
      src.searchParams.set("view", "latest");
      if (holder.getAttribute("data-n")) src.searchParams.set("n", holder.getAttribute("data-n"));
    }
    var frame = document.createElement("iframe");
    frame.src = src.href;
    frame.title = holder.getAttribute("data-title") || "Live updates";
    frame.style.cssText = "display:block;width:100%;max-width:100%;border:0;height:600px";
    holder.appendChild(frame);

    window.addEventListener("message", function (event) {
      if (event.origin !== page.origin || event.source !== frame.contentWindow) return;
      var data = event.data || {};
      if (data.type === "liveblog:height" && data.height > 0) {
        frame.style.height = Math.min(data.height, 200000) + "px";
      } else if (data.type === "liveblog:offset" && data.top >= 0) {
        window.scrollTo(0, frame.getBoundingClientRect().top + window.pageYOffset + data.top);
      }
    });
    // Where the frame's top is in the article's window, at most once a frame.
    var telling = false;
    function tellWhereItIs() {
      telling = false;
      var top = Math.round(frame.getBoundingClientRect().top);
      frame.contentWindow.postMessage({ type: "liveblog:viewport", top: top, height: window.innerHeight }, page.origin);
    }
    function moved() {
      if (telling) return;
      telling = true;
      window.requestAnimationFrame(tellWhereItIs);
    }
    window.addEventListener("scroll", moved, { passive: true });
    window.addEventListener("resize", moved);
    frame.addEventListener("load", moved);
    var asked = /^#entry-(\d+)$/.exec(location.hash);
    if (asked) {
      frame.addEventListener("load", function () {
        frame.contentWindow.postMessage({ type: "liveblog:show", id: asked[1] }, page.origin);
      });
    }
  }

  function placeAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-liveblog]"), place);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", placeAll);
  else placeAll();
})();
