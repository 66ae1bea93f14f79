// liveblog: a post from another platform pasted into the text. When a line of the text
// is the address of a post on a platform the server shows (the hosts are in the post
// fields' `data-post-hosts`; Mastodon is known by its `/@user/number` path on any
// host), the "Post from another platform" fields open with that address, ready for
// who posted it and what it says.

/** The post address a line is, if it is one. */
function postAddress(line, hosts) {
  const text = line.trim().replace(/^<(.*)>$/, "$1");
  if (!/^https?:\/\/\S+$/.test(text)) return null;
  let url;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const mastodon = url.protocol === "https:" && /^\/@\w+\/\d+\/?$/.test(url.pathname);
  return hosts.has(url.hostname.toLowerCase()) || mastodon ? text : null;
}

/** Opens the post fields of `form` with the first post pasted into its text. */
export function spotPosts(form) {
  const fields = form.querySelector("details.post-fields");
  const body = form.elements.body;
  const address = form.elements.post_url;
  if (!fields || !body || !address) return;
  const hosts = new Set((fields.dataset.postHosts || "").split(" "));
  body.addEventListener("input", () => {
    if (address.value.trim()) return;
    for (const line of body.value.split("\n")) {
      const post = postAddress(line, hosts);
      if (!post) continue;
      address.value = post;
      fields.open = true;
      address.dispatchEvent(new Event("input", { bubbles: true }));
      return;
    }
  });
}
