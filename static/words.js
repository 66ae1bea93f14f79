// liveblog: the page's words, one loader for every script. The server writes them into
// the page as JSON, each with "{name}" where a value goes: a reader page's
// `#reader-words` (templates/reader_words.html), the compose page's `#editor-words`
// (src/web/compose/words.rs).

/**
 * The words in the page's element `id`, as `word(key, english, values)`: the word
 * `key`, or `english` on a page without it, with its "{name}"s filled from `values`.
 */
export function wordsFrom(id) {
  let words = {};
  try {
    words = JSON.parse(document.getElementById(id).textContent);
  } catch {
    // No words on this page: the English each script gives is used.
  }
  return (key, english, values) => fill(words[key] || english, values);
}

/**
 * `text` with its "{name}"s filled from `values`. A function fills them, so a "$" in a
 * headline is only a "$", and a value is never filled in itself.
 */
export function fill(text, values) {
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}
