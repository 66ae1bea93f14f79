// Formatting buttons above an entry's text, for editors who do not write Markdown.
// The text stays Markdown: each button writes the marks a Markdown writer would type
// (**bold**, _italic_, [a link](https://…), "> " for a quote, "- " for a list, and a
// "> [!NOTE]" quote for a "For context" note), on what is selected in the text.
// - Ctrl+B, Ctrl+I and Ctrl+K (Cmd on a Mac) do the same as Bold, Italic and Link.
// - Each change goes through the browser's own undo (Ctrl+Z takes it back) and is
//   announced as typing, so the desk's scripts (static/editor/) count it, save it in
//   this browser and preview it like any other key.
// - Alt+F10 in the text moves to the buttons; the arrow keys go along them and
//   Escape goes back to the text. Tab from the headline still goes straight to the
//   text, as live-bloggers expect.
// - Snippets puts one of the newsroom's saved texts (kept on /editor/snippets) where
//   the cursor is, as a paragraph of its own.
// - The buttons exist only when this script runs: without it the form is as it was.

import { word } from "./editor/words.js";

var BODY = "form.entry-form textarea[name=body]";
var MAC = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent || "");
var SHORTCUT = MAC ? "\u2318" : "Ctrl+";
var ARIA_MODIFIER = MAC ? "Meta+" : "Control+";

// ---- Writing into the text ----

// Puts `text` in place of start..end, then selects from..to within what was put.
// insertText goes through the browser's undo and fires "input" itself; where a
// browser will not do it for a text box, the text is set directly and the "input"
// event sent by hand (that change cannot be undone with Ctrl+Z).
function write(el, start, end, text, from, to) {
  var expected = el.value.slice(0, start) + text + el.value.slice(end);
  el.focus();
  el.setSelectionRange(start, end);
  var done = false;
  try {
    done = document.execCommand(text ? "insertText" : "delete", false, text);
  } catch (error) {
    done = false;
  }
  if (!done) {
    el.setRangeText(text, start, end, "end");
    el.dispatchEvent(new Event("input", { bubbles: true }));
  } else if (el.value !== expected) {
    // The browser wrote something else (it changed the line breaks, say): what the
    // button means is what counts.
    el.value = expected;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }
  el.setSelectionRange(start + from, start + to);
}

function blank(line) {
  return !/\S/.test(line);
}

// The selection without the spaces at its ends: "**word **" is not bold in Markdown,
// and a double-click often takes the space after a word too.
function trimmedSelection(el) {
  var value = el.value;
  var start = el.selectionStart;
  var end = el.selectionEnd;
  while (start < end && /\s/.test(value[start])) start++;
  while (end > start && /\s/.test(value[end - 1])) end--;
  return { start: start, end: end, text: value.slice(start, end) };
}

// What starts a line in Markdown (quote marks, a list's dash or number), kept outside
// bold or italic marks, which would otherwise swallow them.
var LINE_START = /^\s*(?:>\s?)*(?:[-*+]\s+|\d+[.)]\s+)?/;

// Bold and italic: the marks around the selection (each line of it, as Markdown's
// marks do not cross lines), or taken off again if they are already there. With
// nothing selected, the two marks with the cursor between them.
function inline(el, mark) {
  var size = mark.length;
  var value = el.value;
  if (el.selectionStart === el.selectionEnd) {
    var at = el.selectionStart;
    // Pressed twice on nothing: the empty marks go again.
    if (value.slice(at - size, at) === mark && value.slice(at, at + size) === mark) {
      write(el, at - size, at + size, "", 0, 0);
    } else {
      write(el, at, at, mark + mark, size, size);
    }
    return;
  }
  var picked = trimmedSelection(el);
  var text = picked.text;
  if (!text) return;
  var wrapped = text.length >= 2 * size && text.slice(0, size) === mark && text.slice(-size) === mark;
  if (wrapped) {
    var inner = text.slice(size, -size);
    write(el, picked.start, picked.end, inner, 0, inner.length);
    return;
  }
  var around = value.slice(picked.start - size, picked.start) === mark && value.slice(picked.end, picked.end + size) === mark;
  if (around && picked.start >= size) {
    write(el, picked.start - size, picked.end + size, text, 0, text.length);
    return;
  }
  var out = text.split("\n").map(function (line) {
    var lead = line.match(LINE_START)[0];
    var rest = line.slice(lead.length);
    var trail = rest.match(/\s*$/)[0];
    var core = rest.slice(0, rest.length - trail.length);
    return core ? lead + mark + core + mark + trail : line;
  }).join("\n");
  if (text.indexOf("\n") < 0 && out === mark + text + mark) {
    write(el, picked.start, picked.end, out, size, size + text.length);
  } else {
    write(el, picked.start, picked.end, out, 0, out.length);
  }
}

// A link: the selected words become its text and "https://" is selected, so the
// editor types the address over it. A selected address becomes the link's address
// and the cursor goes where its words go.
function link(el) {
  var picked = trimmedSelection(el);
  var text = picked.text;
  if (!text) {
    var at = el.selectionStart;
    write(el, at, el.selectionEnd, "[](https://)", 1, 1);
    return;
  }
  if (/^(https?:\/\/|www\.)\S+$/i.test(text)) {
    write(el, picked.start, picked.end, "[](" + text + ")", 1, 1);
    return;
  }
  var out = "[" + text + "](https://)";
  write(el, picked.start, picked.end, out, text.length + 3, text.length + 11);
}

// Where the line holding `at` starts, and where it ends (before its line break).
function lineStart(value, at) {
  return at > 0 ? value.lastIndexOf("\n", at - 1) + 1 : 0;
}
function lineEnd(value, at) {
  var end = value.indexOf("\n", at);
  return end < 0 ? value.length : end;
}

// The two kinds of block a button makes of whole lines (a note is a quote).
var BLOCKS = {
  quote: {
    // A blank line inside a quote keeps its ">" so the quote stays one.
    mark: function (line) { return blank(line) ? ">" : "> " + line; },
    marked: function (line) { return /^>/.test(line); },
    unmark: function (line) { return line.replace(/^> ?/, ""); },
  },
  list: {
    mark: function (line) { return blank(line) ? line : "- " + line; },
    marked: function (line) { return /^\s*[-*+]\s/.test(line); },
    unmark: function (line) { return line.replace(/^\s*[-*+]\s+/, ""); },
  },
};
var NOTE = "> [!NOTE]";

// Quote, List and For context work on whole lines: every line the selection touches,
// or the line the cursor is on. Pressed on lines that are already quoted or listed,
// the marks come off. A blank line is left before and after the new block, or the
// next paragraph would run into the quote or list (that is how Markdown reads it).
function lines(el, kind) {
  var value = el.value;
  var start = el.selectionStart;
  var end = el.selectionEnd;
  // A selection that ends at the very start of a line leaves that line alone.
  if (end > start && value[end - 1] === "\n") end--;
  var from = lineStart(value, start);
  var to = lineEnd(value, end);
  var block = value.slice(from, to).split("\n");
  var filled = block.filter(function (line) { return !blank(line); });
  var quote = BLOCKS.quote;
  var out;
  var adding = true;

  if (kind === "context") {
    var isNote = block.length > 1 && block[0].trim().toUpperCase() === NOTE.toUpperCase()
      && block.slice(1).every(function (line) { return blank(line) || quote.marked(line); });
    if (isNote) {
      out = block.slice(1).map(quote.unmark);
      adding = false;
    } else {
      out = [NOTE].concat(filled.length ? block.map(quote.mark) : ["> "]);
    }
  } else {
    var rule = BLOCKS[kind];
    if (filled.length && filled.every(rule.marked)) {
      out = block.map(function (line) { return blank(line) ? (kind === "quote" ? "" : line) : rule.unmark(line); });
      adding = false;
    } else if (!filled.length) {
      out = [kind === "quote" ? "> " : "- "];
    } else {
      out = block.map(rule.mark);
    }
  }

  var text = out.join("\n");
  var before = "";
  var after = "";
  if (adding) {
    var previous = from > 0 ? value.slice(lineStart(value, from - 1), from - 1) : "";
    var next = to < value.length ? value.slice(to + 1, lineEnd(value, to + 1)) : "";
    // A list or quote may carry straight on from one just above or below; a note
    // may not, or it would become part of that quote and no longer be a note.
    var joins = function (line) { return kind !== "context" && BLOCKS[kind].marked(line); };
    if (from > 0 && !blank(previous) && !joins(previous)) before = "\n";
    if (to < value.length && !blank(next) && !joins(next)) after = "\n";
  }
  var whole = before + text + after;
  if (start === el.selectionEnd) {
    // Nothing was selected: the cursor goes to the end of the block, ready to type.
    write(el, from, to, whole, before.length + text.length, before.length + text.length);
  } else {
    write(el, from, to, whole, before.length, before.length + text.length);
  }
}

// ---- Snippets ----

// The newsroom's snippets, written into the compose page by the server: a list of
// {name, text}, and whether this person may change them.
var SNIPPETS = (function () {
  try {
    return JSON.parse(document.getElementById("snippets").textContent);
  } catch (e) {
    return { snippets: [], manage: false };
  }
})();

// Puts `text` where the cursor is (over the selection), as a block of its own: a blank
// line before and after it, unless the text already has one there.
function insertBlock(el, text) {
  var start = el.selectionStart;
  var end = el.selectionEnd;
  var before = el.value.slice(0, start);
  var after = el.value.slice(end);
  var lead = !before || /\n\n$/.test(before) ? "" : /\n$/.test(before) ? "\n" : "\n\n";
  var tail = !after || /^\n\n/.test(after) ? "" : /^\n/.test(after) ? "\n" : "\n\n";
  var at = lead.length + text.length;
  write(el, start, end, lead + text + tail, at, at);
}

// The list the Snippets button opens, between the buttons and the text: one button per
// snippet, and the page that keeps them for those who may. Escape closes it.
function snippetMenu(el) {
  var menu = document.createElement("span");
  menu.className = "snippet-menu";
  menu.hidden = true;
  menu.setAttribute("role", "group");
  menu.setAttribute("aria-label", word("formatSnippets", "Snippets"));
  SNIPPETS.snippets.forEach(function (snippet) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "secondary";
    button.textContent = snippet.name;
    button.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
    button.addEventListener("click", function () {
      menu.hidden = true;
      insertBlock(el, snippet.text);
    });
    menu.appendChild(button);
  });
  if (!SNIPPETS.snippets.length) {
    var none = document.createElement("span");
    none.textContent = word("snippetsNone", "The newsroom has no snippets yet.");
    menu.appendChild(none);
  }
  if (SNIPPETS.manage) {
    var manage = document.createElement("a");
    manage.href = "/editor/snippets";
    manage.target = "_blank";
    manage.textContent = word("snippetsManage", "Manage snippets");
    menu.appendChild(manage);
  }
  menu.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    event.preventDefault();
    event.stopPropagation();
    menu.hidden = true;
    el.focus();
  });
  return menu;
}

function toggleSnippets(el) {
  var menu = el.__snippetMenu;
  menu.hidden = !menu.hidden;
  if (!menu.hidden) {
    var first = menu.querySelector("button, a");
    if (first) first.focus();
  }
}

// A picture chosen from disk, attached to the page and put where the cursor is as a
// block of its own, its alt text selected for the editor to write over.
function picture(el) {
  var form = el.form;
  var chooser = document.createElement("input");
  chooser.type = "file";
  chooser.accept = "image/jpeg,image/png,image/webp,image/gif";
  chooser.hidden = true;
  chooser.addEventListener("change", function () {
    var file = chooser.files[0];
    chooser.remove();
    if (!file) return;
    var at = el.selectionStart;
    import("/static/editor/images.js")
      .then(function (images) { return images.send(form, file); })
      .then(function (body) {
        if (!body) return;
        var alt = word("formatPictureAlt", "Describe the picture");
        el.focus();
        el.setSelectionRange(at, at);
        var text = "![" + alt + "](" + body.url + ")";
        insertBlock(el, text);
        // The cursor is left just after what was put in.
        var start = el.selectionEnd - text.length + 2;
        el.setSelectionRange(start, start + alt.length);
      })
      .catch(function (error) {
        // Said beside the text, as any problem with a field is.
        var problem = document.getElementById(el.id + "-picture-error") || document.createElement("span");
        problem.id = el.id + "-picture-error";
        problem.className = "field-error";
        problem.setAttribute("role", "alert");
        problem.textContent = error.message;
        el.after(problem);
      });
  });
  form.appendChild(chooser);
  chooser.click();
}

// ---- The buttons ----

var BUTTONS = [
  { name: "bold", key: "formatBold", english: "Bold", letter: "b", act: function (el) { inline(el, "**"); } },
  { name: "italic", key: "formatItalic", english: "Italic", letter: "i", act: function (el) { inline(el, "_"); } },
  { name: "link", key: "formatLink", english: "Link", letter: "k", act: link },
  { name: "quote", key: "formatQuote", english: "Quote", act: function (el) { lines(el, "quote"); } },
  { name: "list", key: "formatList", english: "List", act: function (el) { lines(el, "list"); } },
  { name: "context", key: "formatContext", english: "For context", act: function (el) { lines(el, "context"); } },
  { name: "picture", key: "formatPicture", english: "Picture", entryOnly: true, act: picture },
].concat(SNIPPETS.snippets.length || SNIPPETS.manage
  ? [{ name: "snippets", key: "formatSnippets", english: "Snippets", act: toggleSnippets }]
  : []);

// The letter of a shortcut as the keyboard's own layout has it, or, on a keyboard
// with no Latin letters (Arabic, Hindi), the key in the same place.
function letterOf(event) {
  var key = (event.key || "").toLowerCase();
  if (/^[a-z]$/.test(key)) return key;
  var code = /^Key([A-Z])$/.exec(event.code || "");
  return code ? code[1].toLowerCase() : "";
}

function setUp(el) {
  if (el.__formatBar) return;
  // A copy of a form made after the buttons were added has them without their
  // handlers: those go, and the text gets its own.
  var stale = el.previousElementSibling;
  while (stale && (stale.classList.contains("format-bar") || stale.classList.contains("snippet-menu"))) {
    var earlier = stale.previousElementSibling;
    stale.remove();
    stale = earlier;
  }

  // A <span>: the text's field is a <p>, which cannot hold a <div>.
  var bar = document.createElement("span");
  bar.className = "format-bar";
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", word("formatToolbar", "Text formatting"));
  if (el.id) bar.setAttribute("aria-controls", el.id);
  // A picture is attached to a live page: only an entry's text has the button.
  var inEntry = Boolean(el.form && el.form.dataset.slug && el.form.dataset.csrf);
  var specs = BUTTONS.filter(function (spec) { return inEntry || !spec.entryOnly; });
  var buttons = specs.map(function (spec) {
    var button = document.createElement("button");
    var label = word(spec.key, spec.english);
    button.type = "button";
    button.className = "format-" + spec.name;
    button.textContent = label;
    button.setAttribute("aria-label", label);
    button.title = spec.letter ? label + " (" + SHORTCUT + spec.letter.toUpperCase() + ")" : label;
    if (spec.letter) button.setAttribute("aria-keyshortcuts", ARIA_MODIFIER + spec.letter.toUpperCase());
    // Out of the Tab order (Tab goes from the headline straight to the text);
    // Alt+F10 and the arrow keys reach them.
    button.tabIndex = -1;
    // A click or tap leaves the cursor in the text, and the phone's keyboard up.
    button.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
    button.addEventListener("click", function () {
      current = buttons.indexOf(button);
      spec.act(el);
    });
    bar.appendChild(button);
    return button;
  });
  var current = 0;
  el.before(bar);
  el.__formatBar = bar;
  el.__snippetMenu = snippetMenu(el);
  el.before(el.__snippetMenu);
  el.setAttribute("aria-keyshortcuts", "Alt+F10");

  // Along the buttons with the arrow keys (the other way round in a right-to-left
  // language), Home and End; Escape goes back to the text without closing a
  // correction opened in place.
  bar.addEventListener("keydown", function (event) {
    var backwards = getComputedStyle(bar).direction === "rtl";
    var step = { ArrowRight: backwards ? -1 : 1, ArrowLeft: backwards ? 1 : -1 }[event.key];
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      el.focus();
      return;
    }
    if (event.key === "Home") current = 0;
    else if (event.key === "End") current = buttons.length - 1;
    else if (step) current = (current + step + buttons.length) % buttons.length;
    else return;
    event.preventDefault();
    buttons[current].focus();
  });

  el.addEventListener("keydown", function (event) {
    if (event.isComposing) return;
    if (event.key === "F10" && event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      buttons[current].focus();
      return;
    }
    // Only the shortcuts themselves: Ctrl+Enter, Ctrl+Shift+I and the rest are left
    // to the desk's scripts and the browser.
    var held = MAC ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
    if (!held || event.altKey || event.shiftKey) return;
    var letter = letterOf(event);
    var spec = BUTTONS.filter(function (b) { return b.letter && b.letter === letter; })[0];
    if (!spec) return;
    event.preventDefault();
    spec.act(el);
  });
}

function setUpAll() {
  Array.prototype.forEach.call(document.querySelectorAll(BODY), setUp);
}

setUpAll();
// Forms come later too: a correction opened in place, a refused entry put back.
new MutationObserver(setUpAll).observe(document.body, { childList: true, subtree: true });
