// liveblog: a poll answered in place. Without this file the poll's form posts and the
// server answers with a page of the counts; with it, the vote is sent from here, the
// answer shown beside the form, and the counts opened. This browser remembers which
// polls it has voted in (the server knows by its cookie and refuses a second vote),
// so a page opened again shows the counts rather than the form.

const VOTED = "liveblog:voted:";

function remembered(key) {
  try {
    return window.localStorage.getItem(key) === "1";
  } catch {
    return false;
  }
}

function remember(key) {
  try {
    window.localStorage.setItem(key, "1");
  } catch {
    // Storage is off: the server still refuses a second vote.
  }
}

// The form gives way to its counts: voted, or closed.
function showCounts(section, message) {
  const form = section.querySelector(".poll-form");
  const details = section.querySelector(".poll-details");
  if (form) form.hidden = true;
  if (details) details.open = true;
  let note = section.querySelector(".poll-voted");
  if (message) {
    if (!note) {
      note = document.createElement("p");
      note.className = "poll-voted";
      note.setAttribute("role", "status");
      section.querySelector(".poll-question").after(note);
    }
    note.textContent = message;
  }
}

function enhance(section, slug, word) {
  section.setAttribute("data-ready", "");
  const form = section.querySelector(".poll-form");
  if (!form) return;
  const key = VOTED + slug + ":" + section.dataset.poll;
  if (remembered(key)) {
    showCounts(section, word("pollVoted", "You have voted in this poll."));
    return;
  }
  const message = form.querySelector(".poll-message");
  const button = form.querySelector("button[type=submit]");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!form.querySelector("input[name=answer]:checked")) {
      message.textContent = word("pollChoose", "Choose an answer first.");
      return;
    }
    button.disabled = true;
    message.textContent = "";
    try {
      const response = await fetch(form.action, {
        method: "POST",
        headers: { Accept: "application/json" },
        body: new URLSearchParams(new FormData(form)),
        credentials: "same-origin",
      });
      const answer = await response.json();
      if (response.ok || response.status === 409) {
        remember(key);
        showCounts(section, answer.message || answer.error);
      } else {
        message.textContent = answer.error || word("pollFailed", "Your vote could not be sent.");
      }
    } catch {
      message.textContent = word("pollFailed", "Your vote could not be sent.");
    } finally {
      button.disabled = false;
    }
  });
}

/** Makes every poll on the page not yet enhanced answer in place. */
export function enhancePolls(main, word) {
  const slug = main.dataset.slug;
  for (const section of main.querySelectorAll("section.poll[data-poll]:not([data-ready])")) {
    enhance(section, slug, word);
  }
}

/**
 * Puts a poll's new counts in the page (the `poll-results` event): the results
 * rendered by the server, and, once it has closed, no form.
 */
export function showPollCounts(data, word) {
  const section = document.getElementById("poll-" + data.id);
  if (!section) return;
  const results = section.querySelector(".poll-results");
  if (results) {
    const next = document.createElement("template");
    next.innerHTML = data.html;
    results.replaceWith(next.content);
  }
  if (!data.open && !section.classList.contains("is-closed")) {
    section.classList.add("is-closed");
    const form = section.querySelector(".poll-form");
    if (form) form.remove();
    const details = section.querySelector(".poll-details");
    if (details) {
      const closed = document.createElement("p");
      closed.className = "poll-closed";
      closed.textContent = word("pollClosed", "Voting has closed.");
      details.before(closed);
      details.replaceWith(...Array.from(details.childNodes).filter((n) => n.nodeName !== "SUMMARY"));
    }
  }
}
