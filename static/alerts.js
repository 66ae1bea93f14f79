// liveblog: what an editor or contributor should know at once, at the top of every
// editor page: entries waiting for approval, an entry sent back with its note, one an
// editor published. The tab's title counts them, so a tab in the background says so
// too. Asked for every few seconds; what is dismissed stays dismissed in this browser.

const box = document.getElementById("alerts");
const DISMISSED = "liveblog:alerts-dismissed";
const title = document.title;

function dismissed() {
  try {
    return JSON.parse(localStorage.getItem(DISMISSED)) || [];
  } catch {
    return [];
  }
}

function dismiss(id) {
  try {
    // The last hundred are enough: older alerts have left the list by then.
    const kept = dismissed().filter((seen) => seen !== id).slice(-99);
    localStorage.setItem(DISMISSED, JSON.stringify([...kept, id]));
  } catch {
    // Storage refused (private mode, full): it is dismissed until the next look.
  }
}

// The box shown while it holds an alert, and the tab's title counting them.
function recount() {
  const count = box.querySelectorAll(".alert").length;
  box.hidden = count === 0;
  document.title = count ? `(${count}) ${title}` : title;
}

function show(html) {
  const answer = document.createElement("template");
  answer.innerHTML = html;
  const now = answer.content.getElementById("alerts-now");
  if (!now) return;
  const gone = dismissed();
  for (const alert of now.querySelectorAll("[data-alert]")) {
    if (gone.includes(alert.dataset.alert)) alert.remove();
  }
  for (const button of now.querySelectorAll("[data-dismiss]")) button.hidden = false;
  // Put in place only when it changed: a reader of the page is not interrupted.
  if (box.innerHTML !== now.innerHTML) box.innerHTML = now.innerHTML;
  recount();
}

async function look() {
  try {
    const response = await fetch(box.dataset.alerts, { credentials: "same-origin" });
    if (response.ok && !response.redirected) show(await response.text());
  } catch {
    // Not reachable now: the next look tries again.
  }
}

box.addEventListener("click", (event) => {
  const button = event.target.closest("[data-dismiss]");
  if (!button) return;
  const alert = button.closest("[data-alert]");
  dismiss(alert.dataset.alert);
  alert.remove();
  recount();
});

function every() {
  setTimeout(async () => {
    if (!document.hidden) await look();
    every();
  }, 4000 + Math.random() * 2000);
}

look();
every();
document.addEventListener("visibilitychange", () => {
  if (!document.hidden) look();
});
