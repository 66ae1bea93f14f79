// The editor's desk, made quick to work at. Every form here works without this file;
// with it:
// - Ctrl+Enter (Cmd+Enter) sends a form from any field; Enter in a one-line field
//   does not send it by accident.
// - What is typed is saved in this browser as it is typed (per page and per entry),
//   restored after a reload, a crash, a refused form or an ended session, and cleared
//   once the server has it. Leaving a form with unsaved text asks first.
// - An image chosen, dropped on the form or pasted into the text is attached at once.
// - The entry is previewed beside the form as it is typed, by the server's own
//   template; the counters say how long the headline and text are.
// - The desk (readers now, the approval queue, drafts, the stream) stays up to date;
//   entries are corrected in place, pinned and marked without leaving the page.
(function () {
  "use strict";
  var main = document.querySelector("main");
  var desk = document.getElementById("desk");
  var notice = document.getElementById("colleagues");
  var STORE = "liveblog:form:";
  var PENDING = "liveblog:pending";
  var submitting = false;
  var forms = [];

  // The page's words in the signed-in person's language, written by the server
  // (src/web/compose/words.rs), each with "{name}" where a value goes.
  var words = {};
  try {
    words = JSON.parse(document.getElementById("editor-words").textContent);
  } catch (e) {
    // No words on this page: the English below is used.
  }
  // The word `key`, its "{name}"s filled from `values`. A function fills them, so a "$"
  // in a headline is only a "$", and a value is never filled in itself.
  function word(key, english, values) {
    var text = words[key] || english;
    if (!values) return text;
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function storage(kind) {
    try {
      return window[kind];
    } catch (error) {
      return null;
    }
  }
  var local = storage("localStorage");
  var session = storage("sessionStorage");

  function say(text) {
    if (!notice) return;
    notice.textContent = text;
    notice.hidden = false;
  }

  // What this editor just did, said where the page says it after a form is sent.
  function done(text) {
    var note = document.getElementById("done");
    if (!note) {
      note = document.createElement("p");
      note.id = "done";
      note.className = "notice done";
      note.setAttribute("role", "status");
      var compose = document.querySelector("section.compose");
      if (!compose) return;
      compose.before(note);
    }
    note.textContent = text;
  }

  // An answer that came from the sign-in page: the session has ended.
  function signedOut(response) {
    return response.redirected && new URL(response.url).pathname === "/login";
  }

  function sessionEnded() {
    var back = location.pathname;
    // The sentence is split where its link goes.
    var text = word("sessionEnded", "Your session has ended. What you typed is kept in this browser: {link}.");
    var at = text.indexOf("{link}");
    var before = at < 0 ? text + " " : text.slice(0, at);
    var after = at < 0 ? "" : text.slice(at + "{link}".length);
    if (!notice) return;
    notice.textContent = before;
    var link = document.createElement("a");
    link.href = "/login?next=" + encodeURIComponent(back) + "&ended=1";
    link.textContent = word("signInAgain", "sign in again to go on");
    notice.appendChild(link);
    notice.appendChild(document.createTextNode(after));
    notice.hidden = false;
    notice.setAttribute("role", "alert");
  }

  // ---- One entry form: keys, saved text, counters, images, preview ----

  // What is typed: not the hidden fields (the CSRF token, the version a correction
  // starts from), which the page that restores the text has fresh.
  function fieldsOf(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      if (!el.name || el.name === "action") return false;
      return ["file", "submit", "button", "hidden"].indexOf(el.type) < 0;
    });
  }

  // The version of the entry or draft the form started from.
  function versionOf(form) {
    return form.dataset.version || null;
  }

  function snapshot(form) {
    var state = {};
    fieldsOf(form).forEach(function (el) {
      state[el.name] = el.type === "checkbox" ? el.checked : el.value;
    });
    return state;
  }

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function apply(form, state) {
    fieldsOf(form).forEach(function (el) {
      if (!(el.name in state)) return;
      if (el.type === "checkbox") el.checked = !!state[el.name];
      else el.value = state[el.name];
    });
  }

  function keyOf(form) {
    return STORE + form.dataset.slug + ":" + form.dataset.formKey;
  }

  function forget(key) {
    if (local) local.removeItem(key);
  }

  function primary(form) {
    return form.querySelector("[data-primary]");
  }

  function oneLine(el) {
    return el.tagName === "INPUT" &&
      ["text", "url", "search", "email", "datetime-local", "number", "password", ""].indexOf(el.type) >= 0;
  }

  function showRestored(form, saved) {
    var note = document.createElement("p");
    note.className = "notice restored";
    note.setAttribute("role", "status");
    var restored = saved.at
      ? word("restoredAt", "Restored what you typed in this browser ({time}).", {
        time: new Date(saved.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }),
      })
      : word("restored", "Restored what you typed in this browser.");
    note.textContent = restored + " " +
      (saved.version && saved.version !== versionOf(form)
        ? word("savedAgain", "It has been saved again since you typed this: compare it with the saved version before sending.") + " "
        : "");
    var discard = document.createElement("button");
    discard.type = "button";
    discard.className = "link-button";
    discard.textContent = word("discardRestored", "Discard it");
    discard.addEventListener("click", function () {
      forget(keyOf(form));
      apply(form, form.__initial);
      form.__saved = form.__initial;
      note.remove();
      form.dispatchEvent(new Event("input"));
    });
    note.appendChild(discard);
    var heading = form.querySelector("h2");
    if (heading) heading.after(note);
    else form.prepend(note);
  }

  function counter(el) {
    var limit = Number(el.dataset.limit);
    var always = el.name === "title" || el.name === "body";
    var out = document.createElement("span");
    out.className = "counter";
    out.id = el.id + "-count";
    el.after(out);
    var described = el.getAttribute("aria-describedby");
    el.setAttribute("aria-describedby", (described ? described + " " : "") + out.id);
    function count() {
      var used = Array.from(el.value.replace(/\r\n/g, "\n").trim()).length;
      var over = used - limit;
      out.hidden = !always && used < limit * 0.9;
      out.classList.toggle("over", over > 0);
      out.textContent = over > 0
        ? word("overLimit", "{used} characters: {over} over the limit of {limit}", {
          used: used.toLocaleString(),
          over: over.toLocaleString(),
          limit: limit.toLocaleString(),
        })
        : used.toLocaleString() + " / " + limit.toLocaleString();
    }
    el.addEventListener("input", count);
    count();
    return count;
  }

  function fieldError(form, name, text) {
    var el = form.elements[name];
    if (!el) return;
    var id = el.id + "-error";
    var out = document.getElementById(id);
    if (!text) {
      if (out) out.remove();
      el.removeAttribute("aria-invalid");
      return;
    }
    if (!out) {
      out = document.createElement("span");
      out.className = "field-error";
      out.id = id;
      el.after(out);
    }
    out.textContent = text;
    el.setAttribute("aria-invalid", "true");
  }

  function attach(form, file) {
    if (!file) return;
    var data = new FormData();
    data.append("csrf_token", form.dataset.csrf);
    data.append("image", file);
    fieldError(form, "image", "");
    var status = form.querySelector(".thumbnail");
    status.hidden = false;
    status.textContent = file.name
      ? word("attaching", "Attaching {name}…", { name: file.name })
      : word("attachingImage", "Attaching the image…");
    fetch("/editor/live/" + form.dataset.slug + "/images", { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) {
        if (signedOut(response)) {
          status.hidden = true;
          sessionEnded();
          return null;
        }
        return response.json().then(function (body) {
          if (!response.ok) throw new Error(body.error || word("imageNotAttached", "The image could not be attached."));
          return body;
        });
      })
      .then(function (body) {
        if (!body) return;
        form.elements.image_url.value = body.url;
        form.elements.image.value = "";
        status.textContent = "";
        var img = document.createElement("img");
        img.src = body.url;
        img.alt = word("attachedImage", "The attached image");
        img.width = 160;
        status.appendChild(img);
        form.elements.image_alt.focus();
        form.dispatchEvent(new Event("input"));
      })
      .catch(function (error) {
        status.hidden = true;
        fieldError(form, "image", error.message);
      });
  }

  function imageIn(list) {
    return Array.prototype.find.call(list || [], function (file) {
      return /^image\//.test(file.type);
    });
  }

  function previewer(form) {
    var pane = form.parentElement.querySelector(".preview-pane");
    var body = pane && pane.querySelector(".preview-body");
    var timer = null;
    var inFlight = null;
    if (!body) return function () {};
    // Beside a new entry's form the pane is kept open, saying what will appear in it.
    if (!form.hasAttribute("data-inline") && body.querySelector(".preview-waiting")) {
      pane.__waiting = body.innerHTML;
      pane.hidden = false;
    }
    function run() {
      if (!form.elements.title.value.trim() && !form.elements.body.value.trim()) return;
      var data = new FormData(form);
      data.delete("image");
      if (inFlight) inFlight.abort();
      inFlight = new AbortController();
      fetch("/editor/live/" + form.dataset.slug + "/preview", {
        method: "POST",
        body: new URLSearchParams(data),
        credentials: "same-origin",
        signal: inFlight.signal,
      })
        .then(function (response) {
          if (signedOut(response)) {
            sessionEnded();
            return null;
          }
          if (response.status === 429) {
            // The last preview is still being made: ask again in a moment.
            clearTimeout(timer);
            timer = setTimeout(run, 500);
            return null;
          }
          return response.ok || response.status === 422 ? response.text() : null;
        })
        .then(function (html) {
          if (html === null) return;
          body.innerHTML = html;
          pane.hidden = false;
          pane.classList.add("live");
        })
        .catch(function () {});
    }
    return function () {
      clearTimeout(timer);
      timer = setTimeout(run, 300);
    };
  }

  // The next whole minute as a datetime-local field takes it, in `zone`.
  function nextMinute(zone) {
    var at = new Date(Math.ceil((Date.now() + 1000) / 60000) * 60000);
    try {
      var parts = {};
      new Intl.DateTimeFormat("en-GB", {
        timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit",
        hour: "2-digit", minute: "2-digit", hourCycle: "h23",
      }).formatToParts(at).forEach(function (part) {
        parts[part.type] = part.value;
      });
      return parts.year + "-" + parts.month + "-" + parts.day + "T" + parts.hour + ":" + parts.minute;
    } catch (error) {
      return "";
    }
  }

  function setUp(form) {
    var key = keyOf(form);
    form.__initial = snapshot(form);
    var saved = null;
    try {
      saved = local && JSON.parse(local.getItem(key) || "null");
    } catch (error) {
      saved = null;
    }
    if (saved && saved.fields && !same(saved.fields, form.__initial)) {
      apply(form, saved.fields);
      showRestored(form, saved);
    }
    form.__saved = snapshot(form);
    var counts = Array.prototype.map.call(form.querySelectorAll("[data-limit]"), counter);
    var preview = previewer(form);
    var saveTimer = null;

    function save() {
      var now = snapshot(form);
      if (!local) return;
      if (same(now, form.__initial)) local.removeItem(key);
      else local.setItem(key, JSON.stringify({ fields: now, at: Date.now(), version: versionOf(form) }));
    }

    form.addEventListener("input", function () {
      clearTimeout(saveTimer);
      saveTimer = setTimeout(save, 250);
      preview();
    });
    form.addEventListener("change", function (event) {
      if (event.target.type === "file") {
        attach(form, event.target.files[0]);
        return;
      }
      save();
    });

    form.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" || event.isComposing) return;
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        save();
        // In "Send back with a note" or "Schedule for later", that section's button.
        var section = event.target.closest("details.send-back, details.schedule");
        var button = (section && section.querySelector("button[type=submit]")) || primary(form);
        if (button) form.requestSubmit(button);
      } else if (oneLine(event.target)) {
        // A headline or byline is finished with Tab, not sent with Enter.
        event.preventDefault();
      }
    });

    // "Schedule for later" starts at the next minute in the page's time zone.
    var schedule = form.querySelector("details.schedule");
    if (schedule) {
      schedule.addEventListener("toggle", function () {
        var field = form.elements.publish_at;
        if (schedule.open && field && !field.value) field.value = nextMinute(field.dataset.zone);
      });
    }

    form.elements.body.addEventListener("paste", function (event) {
      var file = imageIn(event.clipboardData && event.clipboardData.files);
      if (file) {
        event.preventDefault();
        attach(form, file);
      }
    });
    form.addEventListener("dragover", function (event) {
      if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, "Files") >= 0) {
        event.preventDefault();
        form.classList.add("dragging");
      }
    });
    form.addEventListener("dragleave", function () {
      form.classList.remove("dragging");
    });
    form.addEventListener("drop", function (event) {
      var file = imageIn(event.dataTransfer && event.dataTransfer.files);
      form.classList.remove("dragging");
      if (file) {
        event.preventDefault();
        attach(form, file);
      }
    });

    form.addEventListener("submit", function (event) {
      save();
      if (form.dataset.sending) {
        // A second click while the first is on its way.
        event.preventDefault();
        return;
      }
      var action = event.submitter && event.submitter.value;
      if (form.hasAttribute("data-inline")) {
        event.preventDefault();
        sendInline(form, event.submitter);
        return;
      }
      if (action === "publish" && form.hasAttribute("data-new-entry") && !form.hasAttribute("data-refused")) {
        event.preventDefault();
        // A second click of a double-click finds the form just emptied: nothing to send.
        var justSent = Date.now() - (form.__sentAt || 0) < 1000 && same(snapshot(form), form.__initial);
        if (!justSent) publishInBackground(form, event.submitter);
        return;
      }
      submitting = true;
      if (action !== "preview" && session) session.setItem(PENDING, key);
      form.dataset.sending = "1";
    });
    // Back on this page from the browser's history: it can be sent again.
    window.addEventListener("pageshow", function () {
      delete form.dataset.sending;
      submitting = false;
    });

    // A form the server refused holds text it does not have.
    form.__dirty = function () {
      return form.hasAttribute("data-refused") || !same(snapshot(form), form.__initial);
    };
    form.__counts = counts;
    forms.push(form);
  }

  // ---- Publishing without leaving the page ----
  //
  // A new entry is sent in the background: the form is emptied for the next one (the
  // byline stays) and the cursor is in the headline before the answer comes, so
  // nothing typed in the meantime is lost. Published, the page says so and the desk
  // catches up; refused, the entry comes back with its problems beside their fields,
  // and whatever was typed since is kept first, as a draft.

  // Empties a new entry's form for the next one, as the server would send it.
  function resetForNext(form) {
    fieldsOf(form).forEach(function (el) {
      if (el.name === "author_name" || el.name === "author_role") return;
      if (el.type === "checkbox") el.checked = false;
      else el.value = "";
    });
    form.elements.image.value = "";
    var thumbnail = form.querySelector(".thumbnail");
    if (thumbnail) {
      thumbnail.textContent = "";
      thumbnail.hidden = true;
    }
    Array.prototype.forEach.call(form.querySelectorAll("details[open]"), function (details) {
      details.open = false;
    });
    var pane = form.parentElement && form.parentElement.querySelector(".preview-pane");
    if (pane && pane.__waiting) {
      pane.querySelector(".preview-body").innerHTML = pane.__waiting;
      pane.classList.remove("live");
    } else if (pane) {
      pane.hidden = true;
    }
    var kept = document.getElementById("byline-kept");
    if (kept) kept.hidden = !form.elements.author_name.value;
    form.__initial = snapshot(form);
    forget(keyOf(form));
    form.elements.title.focus();
  }

  // The page an answer is, parsed inert: nothing in it loads or runs.
  function parsed(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    return template.content;
  }

  // Each answer heard, counted on the page (a test waits for the count to move).
  function answered() {
    var root = document.documentElement;
    root.dataset.answered = String(Number(root.dataset.answered || 0) + 1);
  }

  function publishInBackground(form, submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) data.set(submitter.name, submitter.value);
    var title = data.get("title") || "";
    form.__sentAt = Date.now();
    resetForNext(form);
    fetch(form.getAttribute("action"), { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) {
        if (signedOut(response)) {
          // As without scripts: the entry kept in this browser, and on to signing in.
          keepUnsent(form, data);
          form.dispatchEvent(new Event("change"));
          location.assign(response.url);
          return null;
        }
        return response.text().then(function (html) {
          var answer = parsed(html);
          var published = response.ok && new URL(response.url).searchParams.get("done") === "published";
          if (published) {
            var note = answer.getElementById("done");
            done(note ? note.textContent.trim() : word("justPublished", "Just published: {title}", { title: title }));
            if (desk) refresh();
            answered();
            return;
          }
          var refused = answer.querySelector("form.entry-form");
          if (refused) {
            putBack(form, refused);
          } else {
            keepUnsent(form, data, response.status);
            answered();
          }
        });
      })
      .catch(function () {
        keepUnsent(form, data);
        answered();
      });
  }

  // The refused entry in the form's place, with its problems beside their fields;
  // what was typed in the meantime is kept in Your drafts first, never dropped.
  function putBack(form, refused) {
    var typedSince = !same(snapshot(form), form.__initial);
    var swap = function () {
      var fresh = document.importNode(refused, true);
      form.replaceWith(fresh);
      setUp(fresh);
      var wrong = fresh.querySelector("[aria-invalid=true]") || fresh.elements.title;
      wrong.focus();
    };
    if (!typedSince) {
      swap();
      answered();
      return;
    }
    var draft = new FormData(form);
    draft.set("action", "draft");
    fetch(form.getAttribute("action"), { method: "POST", body: draft, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        say(word("keptAsDraft", "An entry you sent was not published; it is back in the form. What you had typed since is kept in Your drafts."));
        swap();
        if (desk) refresh();
        answered();
      })
      .catch(function () {
        answered();
        notPublished(refused.elements.title ? refused.elements.title.value : "");
      });
  }

  // An entry that could not be published nor put back, named so it can be sent again.
  function notPublished(title) {
    say(word("notPublished", "An entry you sent was not published: \u201c{title}\u201d. Send it again once the newsroom can be reached.", {
      title: title,
    }));
  }

  // Not sent (no answer, or one that is no form): the entry goes back into the form if
  // nothing has been typed since, and is otherwise named in the notice.
  function keepUnsent(form, data, status) {
    var state = {};
    data.forEach(function (value, name) {
      if (typeof value === "string") state[name] = value;
    });
    state.key_event = data.has("key_event");
    state.pinned = data.has("pinned");
    if (same(snapshot(form), form.__initial)) {
      apply(form, state);
      form.dispatchEvent(new Event("input"));
      say(word("notSentKept", "The entry was not published ({status}); it is back in the form.", { status: status || "—" }));
    } else {
      notPublished(state.title || "");
    }
  }

  // What the server took need not be kept in the browser any more. Only these answers
  // say the form sent last was taken; any other page leaves its copy alone.
  var TAKEN = ["published", "approved", "corrected", "submitted", "scheduled", "sent-back", "discarded", "saved"];
  if (session) {
    var pending = session.getItem(PENDING);
    if (pending && main && TAKEN.indexOf(main.dataset.done) >= 0) forget(pending);
    session.removeItem(PENDING);
  }

  Array.prototype.forEach.call(document.querySelectorAll("form.entry-form"), setUp);

  window.addEventListener("beforeunload", function (event) {
    if (submitting) return;
    var unsaved = forms.some(function (form) {
      return document.contains(form) && form.__dirty();
    });
    if (unsaved) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  if (!desk) return;

  // ---- The desk ----

  var deskUrl = desk.dataset.desk;
  var queueSeen = null;
  var refreshing = null;

  function queueItems(root) {
    var items = {};
    Array.prototype.forEach.call(root.querySelectorAll("#queue li[data-draft]"), function (li) {
      items[li.dataset.draft] = li.querySelector("a").textContent;
    });
    return items;
  }

  // Puts the new desk in place, keeping any correction open in the stream as it is.
  function merge(html) {
    var parsed = document.createElement("template");
    parsed.innerHTML = html;
    var fresh = parsed.content;
    var queue = queueItems(fresh);
    if (queueSeen) {
      var arrived = Object.keys(queue).filter(function (id) { return !(id in queueSeen); });
      if (arrived.length) {
        var titles = arrived.map(function (id) { return queue[id]; }).join(", ");
        say(word("waitingForApproval", "Waiting for approval: {titles}", { titles: titles }));
      }
    }
    queueSeen = queue;
    var list = desk.querySelector("#published-list");
    var open = {};
    if (list) {
      Array.prototype.forEach.call(list.querySelectorAll(":scope > li"), function (li) {
        if (li.querySelector(".inline-correction, .delete-in-place:not([hidden])")) open[li.id] = li;
      });
    }
    var freshList = fresh.querySelector("#published-list");
    Array.from(desk.children).forEach(function (child) {
      if (child.id !== "published" || !Object.keys(open).length) child.remove();
    });
    if (!Object.keys(open).length) {
      while (fresh.firstChild) desk.appendChild(fresh.firstChild);
      return;
    }
    // Sections before the stream are replaced; the stream is updated item by item, and
    // the items with a correction open are never taken out of the page.
    var published = desk.querySelector("#published");
    while (fresh.firstChild && fresh.firstChild.id !== "published") desk.insertBefore(fresh.firstChild, published);
    Array.prototype.forEach.call(list.querySelectorAll(":scope > li"), function (li) {
      if (!open[li.id]) li.remove();
    });
    var anchor = null;
    Array.prototype.forEach.call(freshList.querySelectorAll(":scope > li"), function (li) {
      var kept = open[li.id];
      if (kept) {
        // A deletion being asked about keeps the entry as the editor saw it.
        if (!kept.querySelector(".delete-in-place:not([hidden])")) {
          kept.querySelector(".desk-entry-head").replaceWith(li.querySelector(".desk-entry-head"));
        }
        delete open[li.id];
        anchor = kept;
      } else {
        list.insertBefore(li, anchor ? anchor.nextSibling : list.firstChild);
        anchor = li;
      }
    });
    Object.keys(open).forEach(function (id) {
      var head = open[id].querySelector(".desk-entry-head");
      if (head && !head.querySelector(".gone")) {
        var gone = document.createElement("strong");
        gone.className = "gone";
        gone.textContent = word("deletedMeanwhile", "Deleted meanwhile.") + " ";
        head.prepend(gone);
      }
    });
  }

  function refresh() {
    if (refreshing) return refreshing;
    refreshing = fetch(deskUrl, { credentials: "same-origin" })
      .then(function (response) {
        if (signedOut(response)) {
          sessionEnded();
          return null;
        }
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html !== null) merge(html);
      })
      .catch(function () {})
      .then(function () {
        refreshing = null;
      });
    return refreshing;
  }
  queueSeen = queueItems(desk);

  // Readers and the queue are counted on every instance: ask every few seconds.
  (function poll() {
    setTimeout(function () {
      if (!document.hidden) refresh();
      poll();
    }, 4000 + Math.random() * 2000);
  })();

  // Pin, unpin, key event, delete: sent without leaving the page.
  desk.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute("data-mark")) return;
    event.preventDefault();
    var button = form.querySelector("button");
    button.disabled = true;
    fetch(form.getAttribute("action") + "?inline=1", {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      credentials: "same-origin",
    })
      .then(function (response) {
        if (signedOut(response)) return sessionEnded();
        if (!response.ok) {
          say(word("didNotWork", "That did not work ({status}); reload the page and try again.", { status: response.status }));
        } else if (form.classList.contains("delete-in-place")) {
          // Answered: the question is closed, and the entry leaves the desk.
          form.hidden = true;
        }
        return refresh();
      })
      .catch(function () {
        say(word("unreachable", "The newsroom could not be reached; nothing was changed."));
      })
      .then(function () {
        button.disabled = false;
      });
  });

  // Delete asks in place, under the entry's buttons; Keep it, or Escape, takes it back.
  function keepEntry(ask) {
    ask.hidden = true;
    ask.closest("li").querySelector("a[data-delete]").focus();
  }

  desk.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-delete]");
    var keep = event.target.closest("[data-keep]");
    if (keep) keepEntry(keep.closest(".delete-in-place"));
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    var ask = link.closest("li").querySelector(".delete-in-place");
    ask.hidden = false;
    ask.querySelector("button[type=submit]").focus();
  });

  desk.addEventListener("keydown", function (event) {
    var ask = event.target.closest && event.target.closest(".delete-in-place");
    if (ask && event.key === "Escape" && !event.isComposing) keepEntry(ask);
  });

  // A correction opens in place, in the stream, and is sent from there.
  function closeInline(box) {
    box.remove();
  }

  function showInline(box, html) {
    box.innerHTML = html;
    var form = box.querySelector("form.entry-form");
    if (form) {
      setUp(form);
      var close = function () {
        var question = word("closeCorrection", "Close this correction? What you typed stays saved in this browser.");
        if (form.__dirty() && !window.confirm(question)) return;
        var link = box.parentElement && box.parentElement.querySelector("a[data-correct]");
        closeInline(box);
        if (link) link.focus();
      };
      var cancel = form.querySelector("[data-cancel]");
      if (cancel) {
        cancel.addEventListener("click", function (event) {
          event.preventDefault();
          close();
        });
      }
      // Escape closes it, as it closes any box opened over a list.
      form.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && !event.isComposing) {
          event.preventDefault();
          close();
        }
      });
    }
    return form;
  }

  function sendInline(form, submitter) {
    var box = form.closest(".inline-correction");
    var data = new FormData(form);
    if (submitter && submitter.name) data.set(submitter.name, submitter.value);
    form.dataset.sending = "1";
    fetch(form.getAttribute("action"), { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) {
        if (signedOut(response)) {
          delete form.dataset.sending;
          sessionEnded();
          return;
        }
        return response.text().then(function (html) {
          // Parsed inert: nothing in it loads or runs until it is put in the page.
          var parsed = document.createElement("template");
          parsed.innerHTML = html;
          var answer = parsed.content;
          if (response.ok && answer.querySelector("p[data-saved]")) {
            forget(keyOf(form));
            closeInline(box);
            done(answer.textContent.trim());
            refresh();
            return;
          }
          if (!answer.querySelector("form.entry-form")) {
            // Not a form back (the entry is gone, the form expired): keep what is typed.
            delete form.dataset.sending;
            var reason = answer.querySelector("main p:not(.description)");
            say(reason
              ? word("correctionNotSavedBecause", "The correction was not saved ({status}: {reason}). What you typed is still in the form.",
                { status: response.status, reason: reason.textContent })
              : word("correctionNotSaved", "The correction was not saved ({status}). What you typed is still in the form.",
                { status: response.status }));
            return;
          }
          var again = showInline(box, html);
          var wrong = again.querySelector("[aria-invalid=true]") || again.elements.title;
          wrong.focus();
        });
      })
      .catch(function () {
        delete form.dataset.sending;
        say(word("correctionKept", "The newsroom could not be reached; your correction is kept in the form."));
      });
  }

  desk.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-correct]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    var li = link.closest("li");
    var open = li.querySelector(".inline-correction");
    if (open) {
      open.querySelector("input[name=title]").focus();
      return;
    }
    var box = document.createElement("div");
    box.className = "inline-correction";
    li.appendChild(box);
    fetch(link.href + "?inline=1", { credentials: "same-origin" })
      .then(function (response) {
        if (signedOut(response)) {
          box.remove();
          sessionEnded();
          return null;
        }
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      })
      .then(function (html) {
        if (html === null) return;
        var form = showInline(box, html);
        if (form) form.elements.title.focus();
      })
      .catch(function () {
        box.remove();
        window.location.href = link.href;
      });
  });

  // Colleagues' changes, as they happen.
  if (!window.EventSource || !desk.dataset.events) return;
  var url = desk.dataset.events + "?last_event_id=" + (Number(desk.dataset.seq) || 0);
  var source = new EventSource(url);
  function titleOf(event) {
    try {
      return JSON.parse(event.data).title || "";
    } catch (error) {
      return "";
    }
  }
  source.addEventListener("entry-created", function (event) {
    say(word("justPublished", "Just published: {title}", { title: titleOf(event) }));
    refresh();
  });
  source.addEventListener("entry-updated", function (event) {
    say(word("justChanged", "Just changed: {title}", { title: titleOf(event) }));
    refresh();
  });
  source.addEventListener("entry-deleted", function () {
    say(word("entryDeleted", "An entry was just deleted."));
    refresh();
  });
  source.addEventListener("blog-updated", refresh);
  source.addEventListener("reset", function () {
    source.close();
  });
})();
