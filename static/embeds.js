// liveblog: posts and video from other platforms, loaded only when the reader asks.
// The server writes each as a card (templates/post_card.html): the platform's name and
// a link to the post, with the address of the platform's frame in `data-frame`. Here
// the card gets "Show content from YouTube" and "Always show content from YouTube";
// one click puts the platform's frame in place of the question, and "always" is kept
// in this browser, per platform. Nothing is asked of the platform before that.

const ALWAYS = "liveblog:always-show:";

function alwaysShows(provider) {
  try {
    return window.localStorage.getItem(ALWAYS + provider) === "yes";
  } catch (e) {
    return false;
  }
}

function rememberAlways(provider) {
  try {
    window.localStorage.setItem(ALWAYS + provider, "yes");
  } catch (e) {
    // Storage is off: the choice lasts until the page is left.
  }
}

/** Puts the platform's frame in the card, in place of the question. */
function show(card, focus) {
  if (card.querySelector("iframe")) return;
  const frame = document.createElement("iframe");
  frame.src = card.dataset.frame;
  frame.title = card.querySelector(".embed-link").textContent;
  frame.className = "embed-frame";
  // The platform's page may run its own script, inside its own origin, and open the
  // post in a new tab; it gets no access to this page.
  frame.setAttribute(
    "sandbox",
    "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation",
  );
  frame.setAttribute("allow", "fullscreen; picture-in-picture; encrypted-media");
  frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
  const ask = card.querySelector(".embed-ask");
  if (ask) ask.replaceWith(frame);
  else card.prepend(frame);
  card.classList.add("embed-shown");
  if (focus) frame.focus({ preventScroll: true });
}

/** Gives one card its question, or its frame if the reader always shows the platform. */
function enhanceCard(card, word) {
  card.setAttribute("data-ready", "");
  const provider = card.dataset.provider;
  if (alwaysShows(provider)) {
    show(card, false);
    return;
  }
  const values = { provider: card.dataset.providerName };
  const ask = document.createElement("div");
  ask.className = "embed-ask";
  const privacy = document.createElement("p");
  privacy.className = "embed-privacy";
  privacy.textContent = word(
    "embedPrivacy",
    "Showing it lets {provider} set cookies and see that you read this page.",
    values,
  );
  const button = document.createElement("button");
  button.type = "button";
  button.className = "embed-show";
  button.textContent = word("embedShow", "Show content from {provider}", values);
  const always = document.createElement("label");
  always.className = "embed-always";
  const box = document.createElement("input");
  box.type = "checkbox";
  always.append(box, " ", word("embedAlways", "Always show content from {provider}", values));
  button.addEventListener("click", function () {
    if (box.checked) {
      rememberAlways(provider);
      document
        .querySelectorAll('figure.embed[data-frame][data-provider="' + provider + '"]')
        .forEach(function (other) {
          if (other !== card) show(other, false);
        });
    }
    show(card, true);
  });
  ask.append(privacy, button, always);
  card.prepend(ask);
}

/** Every card in `root` not yet given its question. */
export function enhanceCards(root, word) {
  root.querySelectorAll("figure.embed[data-frame]:not([data-ready])").forEach(function (card) {
    enhanceCard(card, word);
  });
}
