// A new page's address, suggested from its title as it is typed ("Storm Maren: red
// warning" gives storm-maren-red-warning), until the editor types an address of their
// own. Without this file the address is typed by hand, as the hint says.
(function () {
  "use strict";
  var address = document.querySelector("input[data-from]");
  var title = address && document.getElementById(address.dataset.from);
  if (!title) return;
  // The most characters of an address (MAX_SLUG_CHARS in src/domain/blog.rs).
  var longest = 80;

  // Lowercase Latin letters and digits, accents dropped, single hyphens between words;
  // cut at a word's end. A title in another script suggests nothing.
  function suggested(text) {
    var words = text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    var slug = "";
    for (var i = 0; i < words.length; i++) {
      var next = slug ? slug + "-" + words[i] : words[i];
      if (next.length > longest) break;
      slug = next;
    }
    return slug;
  }

  var following = address.value === "" || address.value === suggested(title.value);
  address.addEventListener("input", function () {
    following = address.value === "";
  });
  title.addEventListener("input", function () {
    if (following) address.value = suggested(title.value);
  });
})();
