// liveblog: what the server answers a script: a page parsed inert, and whether the
// answer is the sign-in page.

// The page an answer is, parsed inert: nothing in it loads or runs.
export function parsed(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  return template.content;
}

// An answer that came from the sign-in page: the session has ended.
export function signedOut(response) {
  return response.redirected && new URL(response.url).pathname === "/login";
}
