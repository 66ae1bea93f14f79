// Keeps the newsroom's compose page live: colleagues' entries are announced as they are
// published, corrected or deleted, without disturbing the form being written.
(function () {
  "use strict";
  var list = document.querySelector("[data-events]");
  var notice = document.getElementById("colleagues");
  if (!list || !notice || !window.EventSource) return;
  var url = list.dataset.events + "?last_event_id=" + (Number(list.dataset.seq) || 0);
  var changes = 0;
  var source = new EventSource(url);

  function announce(text) {
    changes += 1;
    notice.textContent = text + (changes > 1 ? " (" + changes + " changes since this page opened; reload to see them all)" : "");
    notice.hidden = false;
  }

  function titleOf(event) {
    try {
      return JSON.parse(event.data).title || "";
    } catch (error) {
      return "";
    }
  }

  source.addEventListener("entry-created", function (event) {
    var ol = list.querySelector("ol");
    var item = document.createElement("li");
    item.className = "just-published";
    item.textContent = titleOf(event);
    if (ol) ol.insertBefore(item, ol.firstElementChild);
    announce("Just published: " + titleOf(event));
  });
  source.addEventListener("entry-updated", function (event) {
    announce("Just corrected: " + titleOf(event));
  });
  source.addEventListener("entry-deleted", function () {
    announce("An entry was just deleted.");
  });
  source.addEventListener("reset", function () {
    source.close();
  });
})();
