// liveblog: a page's call to its readers, sent from the page. Without this file the
// form posts and the server answers with a page of thanks; with it, the message is
// sent from here (its photo with it), the thanks shown in place and the form emptied.

export function enhanceCallout(main, word) {
  const section = main.querySelector("#callout");
  if (!section) return;
  section.setAttribute("data-ready", "");
  const form = section.querySelector(".callout-form");
  const message = form.querySelector(".callout-message");
  const button = form.querySelector("button[type=submit]");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    button.disabled = true;
    message.textContent = "";
    try {
      const response = await fetch(form.action, {
        method: "POST",
        headers: { Accept: "application/json" },
        body: new FormData(form),
        credentials: "same-origin",
      });
      const answer = await response.json();
      if (response.ok) {
        form.reset();
        message.textContent = answer.message;
      } else {
        message.textContent = answer.error || word("calloutFailed", "Your message could not be sent.");
        const field = answer.field && form.querySelector(`[name="${answer.field}"]`);
        if (field) field.focus();
      }
    } catch {
      message.textContent = word("calloutFailed", "Your message could not be sent.");
    } finally {
      button.disabled = false;
    }
  });
}
