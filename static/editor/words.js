// liveblog: the compose page's words, in the signed-in person's language
// (src/web/compose/words.rs), for every script of the page; the English each script
// gives is for a page without them.

import { wordsFrom } from "../words.js";

/** The word `key`, or `english`, with its "{name}"s filled from `values`. */
export const word = wordsFrom("editor-words");
