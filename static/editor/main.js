// liveblog: the editor's desk, made quick to work at. Every form here works without
// these scripts; with them:
// - Ctrl+Enter (Cmd+Enter) sends a form from any field; Enter in a one-line field
//   does not send it by accident (compose.js).
// - What is typed is saved in this browser as it is typed (per page and per entry),
//   restored after a reload, a crash, a refused form or an ended session, and cleared
//   once the server has it (saved.js). Leaving a form with unsaved text asks first.
// - An image chosen, dropped on the form or pasted into the text is attached at once
//   (images.js).
// - A post's address pasted into the text opens the post fields with it (posts.js).
// - Pictures chosen for the gallery are attached into its rows (gallery.js).
// - A video or sound file chosen is sent with its progress shown, and its address
//   put in the form (clips.js).
// - The entry is previewed beside the form as it is typed, by the server's own
//   template (preview.js); the counters say how long the headline and text are
//   (counter.js).
// - A new entry is published in the background, the form ready for the next at once
//   (publish.js).
// - The desk (readers now, the approval queue, drafts, the stream) stays up to date
//   (desk.js, colleagues.js); entries are corrected in place (correction.js), pinned
//   and marked without leaving the page.
//
// This module sets them up, in this order: what the server took is let go of before
// the forms restore what this browser kept.

import { followColleagues } from "./colleagues.js";
import { askBeforeLeaving, sendWithoutLeaving, setUp } from "./compose.js";
import { correctInPlace, sendInline } from "./correction.js";
import { desk, keepDesk } from "./desk.js";
import { publishInBackground } from "./publish.js";
import { forgetWhatWasTaken } from "./saved.js";

sendWithoutLeaving({ correction: sendInline, newEntry: publishInBackground });
forgetWhatWasTaken();
document.querySelectorAll("form.entry-form").forEach(setUp);
askBeforeLeaving();

if (desk) {
  keepDesk();
  correctInPlace();
  followColleagues();
}
