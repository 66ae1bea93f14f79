// liveblog: "Notify me of key events". Registers the service worker, subscribes
// through the browser's push service with the server's key, and gives the
// subscription to the page; pressed again, it unsubscribes. Each page remembers its
// own choice in this browser.

function base64url(text) {
  const padded = (text + "===".slice((text.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
}

export function offerPush(word) {
  const button = document.getElementById("push-toggle");
  const announcer = document.getElementById("announcer");
  const url = button.dataset.push;
  const key = "liveblog:push:" + url;
  const say = (text) => {
    if (announcer) announcer.textContent = text;
  };
  const show = (on) => {
    button.setAttribute("aria-pressed", on ? "true" : "false");
    button.textContent = on ? word("pushOff", "Stop notifications") : word("pushOn", "Notify me of key events");
  };
  let on = false;
  try {
    on = window.localStorage.getItem(key) === "1";
  } catch {
    // No storage: the button starts off.
  }
  show(on);
  button.hidden = false;

  async function turnOn() {
    const registration = await navigator.serviceWorker.register("/push-worker.js");
    const { key: serverKey } = await (await fetch("/push/key")).json();
    const subscription = await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: base64url(serverKey),
    });
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(subscription.toJSON()),
    });
    if (!response.ok) throw new Error("refused");
  }

  async function turnOff() {
    const registration = await navigator.serviceWorker.getRegistration("/push-worker.js");
    const subscription = registration && (await registration.pushManager.getSubscription());
    if (!subscription) return;
    await fetch(url + "/off", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ endpoint: subscription.endpoint }),
    });
  }

  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      if (on) await turnOff();
      else await turnOn();
      on = !on;
      try {
        window.localStorage.setItem(key, on ? "1" : "0");
      } catch {
        // Remembered by the browser's subscription alone.
      }
      show(on);
      say(on ? word("pushTurnedOn", "You will be notified of key events.") : word("pushTurnedOff", "Notifications are off."));
    } catch {
      say(word("pushRefused", "Notifications could not be turned on in this browser."));
    } finally {
      button.disabled = false;
    }
  });
}
