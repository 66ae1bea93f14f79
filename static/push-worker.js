// liveblog: the service worker that shows a live page's key events as notifications,
// for the readers who asked. The server sends each one encrypted for this browser;
// the push service hands it here as JSON: {title, body, url, tag}.
"use strict";

self.addEventListener("push", (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    return;
  }
  if (!message.title) return;
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body || "",
      tag: message.tag,
      data: { url: message.url },
    }),
  );
});

// A click opens the entry, in a tab already open on it if there is one.
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = event.notification.data && event.notification.data.url;
  if (!url) return;
  event.waitUntil(
    self.clients.matchAll({ type: "window" }).then((open) => {
      const same = open.find((client) => client.url === url);
      return same ? same.focus() : self.clients.openWindow(url);
    }),
  );
});
