// Buttons that copy the code in the field they name (data-copy="field-id"), as a
// newsroom copies a page's embed code into its CMS. Without this file the field is
// still there to select and copy by hand.
(function () {
  "use strict";
  var buttons = document.querySelectorAll("button[data-copy]");
  Array.prototype.forEach.call(buttons, function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      field.focus();
      field.select();
      var copied = function () {
        button.textContent = button.getAttribute("data-copied") || "Copied";
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(copied, function () {});
      } else if (document.execCommand && document.execCommand("copy")) {
        copied();
      }
    });
  });
})();
