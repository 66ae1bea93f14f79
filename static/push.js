// liveblog: "Notify me of key events", pressed. Registers the service worker,
// subscribes through the browser's push service with the server's key, and gives the
// subscription to the page; pressed again, it unsubscribes. Each page remembers its
// own choice in this browser (reader.js shows the button as it was left).

function base64url(text) {
  const padded = (text + "===".slice((text.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
}

async function turnOn(url) {
  const registration = await navigator.serviceWorker.register("/push-worker.js");
  const { key } = await (await fetch("/push/key")).json();
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: base64url(key),
  });
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(subscription.toJSON()),
  });
  if (!response.ok) throw new Error("refused");
}

async function turnOff(url) {
  const registration = await navigator.serviceWorker.getRegistration("/push-worker.js");
  const subscription = registration && (await registration.pushManager.getSubscription());
  if (!subscription) return;
  await fetch(url + "/off", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ endpoint: subscription.endpoint }),
  });
}

/** Turns the page's notifications on or off, as the button says they are now. */
export async function togglePush(button, word) {
  if (button.disabled) return;
  const url = button.dataset.push;
  const on = button.getAttribute("aria-pressed") === "true";
  const announcer = document.getElementById("announcer");
  const say = (text) => {
    if (announcer) announcer.textContent = text;
  };
  button.disabled = true;
  try {
    if (on) await turnOff(url);
    else await turnOn(url);
    try {
      window.localStorage.setItem("liveblog:push:" + url, on ? "0" : "1");
    } catch {
      // Remembered by the browser's subscription alone.
    }
    button.setAttribute("aria-pressed", on ? "false" : "true");
    button.textContent = on ? word("pushOn", "Notify me of key events") : word("pushOff", "Stop notifications");
    say(on ? word("pushTurnedOff", "Notifications are off.") : word("pushTurnedOn", "You will be notified of key events."));
  } catch {
    say(word("pushRefused", "Notifications could not be turned on in this browser."));
  } finally {
    button.disabled = false;
  }
}
