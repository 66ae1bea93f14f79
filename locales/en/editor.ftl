# The newsroom's own pages, in the language each person chooses on their account.

## Every page
newsroom = Newsroom
people = People
signed-in-as = Signed in as { $user }
sign-out = Sign out
live = LIVE
ended = Ended

## The newsroom's front page
waiting-for-approval-count = Waiting for approval ({ $count })
by-for-page = by { $user }, for { $page }
start-live-page = Start a new live page
live-pages = Live pages
updates-count =
    { $count ->
        [one] { $count } update
       *[other] { $count } updates
    }
readers-view = reader's view

## Your account
your-account = Your account
language-heading = Language
language-hint = The newsroom's pages (these menus, forms and buttons) are shown in it. Each live page has its own language for its readers, in its settings.
language-label = Language of the newsroom pages
save-language = Save language
language-saved = The newsroom's pages are now in English.
change-password = Change your password
password-sessions-end = Every session of your account ends, on every device: you sign in again after.
password-not-changed = Your password was not changed. Please fix the field marked below.
current-password = Current password
new-password = New password
password-hint = At least 10 characters
change-password-button = Change password

## The compose page
compose-readers-view = Reader's view of this page
live-page-settings = Live page settings
compose-page-ended = This live page has ended: readers see it as closed. Corrections still reach them, but nothing new is published until an admin reopens it.
# What an admin reads: { $settings } is a link to the page's settings, in the words of compose-settings-link.
compose-page-ended-admin = This live page has ended: readers see it as closed. Corrections still reach them, but nothing new is published until an admin reopens it in { $settings }.
compose-settings-link = the page's settings

## What the compose page says after a change went through
done-published = Published. The form is ready for the next entry.
done-approved = Approved and published.
done-corrected = Correction saved.
# After pinning, unpinning or marking a key event.
done-marked = Saved.
done-deleted = Deleted.
done-submitted = Sent for approval. An editor will publish it or send it back.
done-scheduled = Scheduled. It is listed below until it publishes itself.
done-unscheduled = Taken off the schedule; it is kept in your drafts.
done-sent-back = Sent back to its author with your note.
done-discarded = Draft discarded.
done-saved = Draft saved: it waits in Your drafts, and only you can see it until you submit or publish it. The form is ready for the next entry.
done-settings-saved = Settings saved: readers see the new title, description and summary at once.
done-restored = Restored: the entry is back in its place for every reader.
# A second click on a draft's button, or a colleague who acted on it first.
done-gone = That draft is no longer there to act on: it was published, discarded or taken back by its author already. Nothing was published twice.

## The entry form: a new entry, a draft, an entry under review, or a correction
form-new-entry = New entry
form-review-entry = Review an entry from { $user }
form-scheduled-entry = Scheduled entry
form-draft = Draft
# { $id } is the entry's number.
form-correct-entry = Correct entry { $id }
# { $names } are one or more colleagues' names, separated by commas; { $count } is how many.
form-others-editing =
    { $count ->
        [one] { $names } also has this entry open for correcting.
       *[other] { $names } also have this entry open for correcting.
    }
# An editor sent the draft back to its author with a note, shown after this.
form-sent-back-by = Sent back by { $user }:
# { $time } is written as the page's readers read a time, as in "16:16 GMT 14 March".
form-scheduled-for = Scheduled to publish itself at { $time }.
form-not-saved = Nothing was saved. Please fix the fields marked below; your text is kept.
form-page-ended = This live page has ended, so nothing new is published on it. Your entry is kept in this form; save it as a draft, or ask an admin to reopen the page.
# { $user } saved the draft again while this person had it open; the two versions are shown side by side below.
form-draft-saved-again = { $user } saved this entry again while you had it open. Nothing was published or sent back.
form-draft-side-by-side = Their latest version is on the left, yours is still in the form: change it as needed and send it again, or cancel.
# A correction that a colleague saved first; the two versions are shown side by side below.
form-entry-saved-meanwhile = Someone else saved this entry while you were editing it. Nothing of yours was saved.
form-entry-saved-meanwhile-by = Someone else saved this entry while you were editing it ({ $user }). Nothing of yours was saved.
form-entry-side-by-side = Their version is on the left, yours is still in the form: change it as needed and save again to replace theirs, or cancel to keep theirs.
form-their-version = Their saved version
form-your-version = Your version
form-headline = Headline
form-text = Text
# "> ", "- " and "[!NOTE]" are Markdown and stay as they are; "For context" is what readers see on such a note.
form-text-hint = Markdown: a blank line between paragraphs, > for a quote, - for a list, and a quote starting [!NOTE] for a "For context" note. Ctrl+Enter publishes.
form-label = Label
form-tags = Tags
form-tags-hint = Threads of the story readers can follow, separated by commas.
form-tags-in-use = In use on this page: { $names }.
form-tags-example = Harbour, Evacuation
# No label on the entry.
form-label-none = None
# The labels an entry can carry, as its readers see them.
entry-label-breaking = Breaking
entry-label-analysis = Analysis
entry-label-explainer = Explainer
entry-label-fact-check = Fact check
entry-label-watch = Watch
form-byline = Byline
form-profiles-hint = The newsroom's people, by the name on their profile; a guest's name goes below.
form-profile = Profile { $number }
form-byline-name = Name
form-byline-role = Role
# An example of a byline's role, shown in the empty field.
form-byline-role-example = Live reporter
form-byline-kept = Kept from your last entry.
form-image = Image
form-upload-image = Upload an image
# { $size } is a number of megabytes.
form-upload-image-hint = JPEG, PNG, WebP or GIF, up to { $size } MB: choose one, drop it here or paste it into the text; or give an address below
form-attached-image = The attached image
form-image-address = Image address
form-alt-text = Alt text
form-caption = Caption
form-credit = Credit
form-gallery = Gallery
form-gallery-hint = Pictures after the text, in this order, up to { $limit }; readers swipe through them. A row left empty is no picture.
form-gallery-picture = Picture { $number }
form-gallery-add = Add pictures
form-clip = Video or sound
form-clip-hint = An MP4, WebM, MP3, AAC or Ogg file, played after the text; readers load nothing of it until they press play. Its tags (a phone's location among them) are removed.
form-clip-file = Choose a file
form-clip-address = Address of the uploaded file
form-clip-captions-file = Captions (WebVTT file)
form-clip-captions-address = Address of the captions
form-post = Post from another platform
form-post-hint = A post's address on a line of its own in the text, or here, becomes a card that readers open when they choose. Copy who posted it and what it says: the entry keeps them if the post is taken down.
form-post-address = Post's address
form-post-author = Posted by
form-post-author-example = Met Office (@metoffice)
form-post-text = What it says
form-correction-note = Correction note
form-correction-note-hint = Optional and public, as in "Corrected the number of homes without power". Leave it empty for a small fix.
form-published-at = Published at ({ $zone } time)
form-published-at-hint = Set an earlier time, and the entry takes its place in the stream for every reader: for news that was reported before it was posted here.
form-key-event = Key event
form-pin = Pin above the stream
form-save-correction = Save correction
form-approve = Approve and publish
form-publish-now = Publish now
form-publish = Publish
form-submit-again = Submit again
form-submit = Submit for approval
form-preview = Preview
form-save-draft-unscheduled = Save as a draft, not scheduled
form-save-draft = Save draft
form-cancel = Cancel
form-discard-draft = Discard draft…
form-discard-gone = It is gone for good.
form-discard-confirm = Yes, discard it
form-send-back-open = Send back with a note…
form-send-back-note = What should change
form-send-back = Send back
form-schedule-open = Schedule for later…
# { $zone } is the page's time zone, as in Europe/London.
form-publish-at = Publish at ({ $zone } time)
form-schedule = Schedule
form-preview-not-published = Preview: not published
form-preview-waiting = As you type, the entry appears here as readers will see it.
form-choose-image = Choose an image to attach.
# Shown in the preview in place of what is not typed yet.
preview-no-headline = (No headline yet)
preview-no-text = (No text yet)
# Before a list of what is wrong with the entry as typed.
preview-not-ready = Not ready to publish yet:

## The desk beside the entry form
desk-readers =
    { $count ->
        [one] { $count } reader has this page open
       *[other] { $count } readers have this page open
    }
desk-queue-count =
    { $count ->
        [one] { $count } entry waits for approval
       *[other] { $count } entries wait for approval
    }
desk-waiting = Waiting for approval
alerts-sent-back = “{ $title }” was sent back to you by { $user } ({ $page }):
alerts-published = “{ $title }” was published on { $page }.
alerts-open-draft = Open it
alerts-see-entry = See it as readers do
alerts-dismiss = Dismiss
alerts-label = Alerts
desk-by = by { $user }
desk-your-drafts = Your drafts
desk-scheduled = Scheduled
# Where one of your drafts stands.
desk-state-waiting = waiting for approval
desk-state-saved-at = saved at { $time }
desk-state-sent-back = sent back by { $user }
# { $time } is written as the page's readers read a time, as in "16:16 GMT 14 March".
desk-state-publishes-at = publishes at { $time }
# A scheduled entry: when it publishes itself, and who wrote it.
desk-scheduled-by = publishes at { $time }, by { $user }
desk-unreadable = Could not be read
desk-unreadable-draft = Draft { $id }: { $reason }. It is kept as it is; the others go on.
desk-cancel-schedule = Cancel the schedule
desk-published = Published
# Before the headline of the pinned entry.
desk-pinned = Pinned:
# Before the headline of an entry marked as a key event.
# Who wrote a published entry, and who corrected it last.
desk-by-changed-by = by { $user }, changed by { $editor }
# An entry with no author on record, corrected by { $editor }.
desk-changed-by = changed by { $editor }
desk-correct = Correct
desk-pin = Pin
desk-unpin = Unpin
desk-mark-key-event = Mark key event
desk-unmark-key-event = Unmark key event
desk-delete = Delete…
desk-deleted = Deleted in the last 30 days
desk-deleted-by = Deleted by { $user } at { $time }
desk-restore = Restore
desk-history = History
history-heading = History of an entry
history-version = Version { $number }
history-saved = { $time }, by { $user }
history-published = Published.
history-first-kept = The first version kept.
history-nothing-shown = Saved again, with nothing readers see changed.
history-older-not-kept = Versions saved before entries kept their history are not listed.
history-yes = yes
history-no = no
history-publication-time = Publication time
history-correction-notes = Correction notes
snippets-heading = Snippets
snippets-link-hint = the texts the newsroom puts into entries in one click
snippets-explained = Texts the newsroom saves once, such as "What we know so far" or safety advice, and any editor puts into an entry in one click, from the Snippets button above its text. At most { $limit }.
snippets-saved-by = Last saved by { $user }
snippets-name = Name
snippets-name-hint = As the button will say, as in "Safety advice"
snippets-text = Text
snippets-save = Save snippet
snippets-delete = Delete snippet…
snippets-delete-explained = Entries it was put into keep their text.
snippets-delete-confirm = Delete it
snippets-add = Add a snippet
snippets-add-button = Add snippet
snippets-not-saved = Nothing was saved. Please fix the fields marked below; your text is kept.
snippets-done-saved = Snippet saved: it is offered above every entry's text.
snippets-done-deleted = Snippet deleted.
labels-heading = Labels
labels-link-hint = the kinds of entry named above a headline, in each language
labels-explained = The kinds of entry the newsroom names above a headline, such as Breaking or Analysis, each with its name in every language a page may be written in. Entries keep a label as it was when they were saved. At most { $limit }.
labels-key = Key
labels-key-hint = What forms and the API send, in lower-case letters, digits and hyphens, as in kursk-offensive; it cannot be changed later
labels-save = Save label
labels-delete = Remove label…
labels-delete-explained = Entries that carry it keep it; it is no longer offered for new ones.
labels-delete-confirm = Remove it
labels-add = Add a label
labels-add-button = Add label
labels-not-saved = Nothing was saved. Please fix the fields marked below; your text is kept.
labels-done-saved = Label saved: the entry form offers it.
labels-done-deleted = Label removed.
labels-language-en = English
labels-language-es = Spanish
labels-language-fr = French
labels-language-de = German
labels-language-ar = Arabic
labels-language-hi = Hindi
labels-language-zh-Hans = Chinese (simplified)
profiles-heading = Profiles
profiles-link-hint = the newsroom's people, with the faces readers see in bylines
profiles-explained = The newsroom's people as readers meet them in bylines: a name, a role, a photo, a short line and a link. An entry names them in its byline; each entry keeps the profile as it was when the entry was saved.
profiles-line = Short line
profiles-link = Link
profiles-photo-url = Photo's address
profiles-photo = Photo
profiles-save = Save profile
profiles-delete = Delete profile…
profiles-delete-explained = Entries that name it keep their byline as it was.
profiles-add = Add a profile
profiles-add-button = Add profile
profiles-done-saved = Profile saved: its name is offered in every entry's byline.
profiles-done-deleted = Profile deleted.

## Deleting an entry
delete-title = Delete an entry
delete-question = Delete this entry?
delete-explained = It disappears from every reader's page at once, from the feed and from the API. For 30 days an editor can restore it from the compose page.
delete-confirm = Delete it
delete-keep = Keep it
delete-the-entry = The entry

## A live page's settings
settings-new-page = New live page
settings-back = Back to the compose page
settings-not-saved = Nothing was saved. Please fix the fields marked below.
settings-title = Title
# The page's address on the site.
settings-address = Address
settings-address-hint = /live/ followed by lowercase letters, digits and hyphens, as in storm-live
settings-description = Description
settings-summary = Summary
settings-summary-hint = One key point a line
settings-time-zone = Time zone
settings-time-zone-hint = Times on the page are shown in this zone, as in Europe/London or America/New_York; a city's name such as London will do
settings-reading-order = Reading order
settings-newest-first = Newest first
settings-oldest-first = Oldest first (a Q&A, a timeline)
# The language the live page is written in, for its readers.
settings-language = Language
settings-language-hint = What the page is written in, as a language tag: en-GB, es, fr, de, ar, hi, zh-Hans…
settings-embed-origins = Sites that may show this page in their articles
settings-embed-origins-hint = Their addresses, one a line, as in https://news.example; besides those every page allows
settings-save = Save settings
settings-create = Create live page
settings-close = Close this live page…
settings-close-explained = Every reader is told at once that it has ended; it stays readable, corrections still reach them, and nothing new can be published until it is reopened.
settings-close-confirm = Yes, close it
settings-ended = This live page has ended.
settings-reopen = Reopen it
embed-heading = Put this page in an article
embed-loader = Paste into the article, on a site named above
embed-frame = Or, where the site allows no scripts
embed-copy = Copy the code
# On the copy button, once the code is copied.
embed-copied = Copied
# The title of the frame in the embed code, read out to the article's readers: it is taken in the live page's language, not the newsroom's.
embed-frame-title = Live updates

## The newsroom's people
role-contributor = contributor
role-editor = editor
role-admin = admin
people-remove = Remove { $user }…
people-remove-explained = They are signed out everywhere at once and can no longer sign in. What they published stays.
people-remove-confirm = Yes, remove { $user }
people-add-someone = Add someone
people-not-added = Nobody was added. Please fix the fields marked below.
people-user-name = User name
people-role = Role
# Each role as the form offers it: its name (as in role-contributor), then what it may do.
people-role-contributor = contributor: writes entries for an editor to approve
people-role-editor = editor: publishes, corrects, pins and deletes entries
people-role-admin = admin: also runs live pages and people
people-password = Password
people-password-hint = At least 10 characters; give it to them in person
people-add = Add

## What the compose page's script (editor.js) writes. It fills in each { $name } itself.
# { $link } is a link in the words of js-sign-in-again.
js-session-ended = Your session has ended. What you typed is kept in this browser: { $link }.
js-sign-in-again = sign in again to go on
js-restored = Restored what you typed in this browser.
# { $time } is when it was typed, as in 16:40.
js-restored-at = Restored what you typed in this browser ({ $time }).
js-saved-again = It has been saved again since you typed this: compare it with the saved version before sending.
# A button that throws away the text restored from the browser.
js-discard-restored = Discard it
# Shown once a field's text is over its limit, which is 100 characters or more.
js-over-limit = { $used } characters: { $over } over the limit of { $limit }
# { $name } is the image file's name.
js-attaching = Attaching { $name }…
js-attaching-image = Attaching the image…
js-image-not-attached = The image could not be attached.
js-image-refused = “{ $name }” was not attached: { $reason } The entry publishes without it unless you choose another image.
js-clip-sending = Sending { $name }: { $percent } %
js-clip-making = Checking { $name } and removing its tags…
js-clip-attached = { $name } is attached.
js-clip-refused = “{ $name }” was not attached: { $reason }
js-kept-aside = “{ $title }” was not published: the newsroom could not be reached. It is kept in this browser.
js-put-back = Put it back in the form
# { $titles } are the headlines of entries that have just arrived, separated by commas.
js-waiting-for-approval = Waiting for approval: { $titles }
# Before the headline of an entry that was deleted while it was being corrected.
js-deleted-meanwhile = Deleted meanwhile.
# { $status } is an HTTP status code, as in 500.
js-did-not-work = That did not work ({ $status }); reload the page and try again.
js-unreachable = The newsroom could not be reached; nothing was changed.
js-close-correction = Close this correction? What you typed stays saved in this browser.
# { $status } is an HTTP status code, as in 404.
js-correction-not-saved = The correction was not saved ({ $status }). What you typed is still in the form.
# { $reason } is the newsroom's explanation, in English.
js-correction-not-saved-because = The correction was not saved ({ $status }: { $reason }). What you typed is still in the form.
js-correction-kept = The newsroom could not be reached; your correction is kept in the form.
# { $title } is an entry's headline.
js-just-published = Just published: { $title }
js-just-changed = Just changed: { $title }
js-entry-deleted = An entry was just deleted.
js-kept-as-draft = An entry you sent was not published; it is back in the form, its problems marked. What you had typed since is kept in Your drafts.
js-not-published = An entry you sent was not published: “{ $title }”. Send it again once the newsroom can be reached.
js-not-sent-kept = The entry was not published ({ $status }); it is back in the form.

# The formatting buttons above an entry's text (static/format.js). Each writes Markdown
# for the editor; "For context" is the same note readers see headed "For context".
js-format-toolbar = Text formatting
js-format-bold = Bold
js-format-italic = Italic
js-format-link = Link
js-format-quote = Quote
js-format-list = List
js-format-context = For context
js-format-picture = Picture
js-format-picture-alt = Describe the picture
js-format-snippets = Snippets
js-snippets-none = The newsroom has no snippets yet.
js-snippets-manage = Manage snippets
form-poll = Poll
form-poll-hint = A question readers answer with one click, two to six answers, one per line. The counts move on every open page; a poll closes at its time or when you close it from the desk.
form-poll-question = Question
form-poll-answers = Answers, one per line
form-poll-open = Open
form-poll-until-closed = Until I close it
form-poll-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
form-poll-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
desk-close-poll = Close the poll
webhooks = Webhooks
webhooks-explained = Every change to a page (an entry published, corrected, pinned or deleted; the page changed, closed or reopened) is sent as JSON to each address below, in the page's order, signed as the Standard Webhooks specification says. An address that does not answer with 2xx is tried again, each wait longer, for a day.
webhooks-added = The webhook is added.
webhooks-secret-once = Its secret, for the receiver to check each signature, is shown this once:
webhooks-none = No webhooks yet.
webhooks-every-page = Every page
webhooks-added-by = added by { $user }, { $time }
webhooks-remove = Remove…
webhooks-remove-explained = Nothing more is sent to this address, and what waits for it is dropped.
webhooks-remove-confirm = Yes, remove it
webhooks-add = Add a webhook
webhooks-not-added = The webhook was not added: see below.
webhooks-url = Address
webhooks-page = For
webhooks-add-button = Add the webhook
webhooks-log = Latest deliveries
webhooks-log-empty = Nothing sent yet.
webhooks-log-change = Change
webhooks-log-state = State
webhooks-log-tries = Tries
webhooks-log-answer = Last answer
webhooks-state-waiting = Waiting
webhooks-state-delivered = Delivered
webhooks-state-failed = Given up
callout-ask = Ask readers
callout-ask-explained = A form on the live page, under the summary, with your prompt: readers send a message, their first name and place, perhaps a photo and a way to reach them. Nothing is shown to readers until an editor publishes it.
callout-kind = Ask readers for
callout-kind-questions = Their questions
callout-kind-pictures = Their pictures
callout-kind-sightings = What they see
callout-prompt = Your prompt
callout-open = Open it on the page
callout-change = Save the change
callout-stop = Stop asking
answer-heading = Answer a reader
answer-contact = How to reach them (editors only):
answer-label = Your answer
answer-publish = Publish with the answer
answer-discard = Set aside
answer-photo-alt = Photo sent by { $name }
answer-needed = Write an answer to publish with it.
answer-title-questions = Your questions answered
answer-title-pictures = Your pictures
answer-title-sightings = What you see
done-set-aside = Set aside.
desk-from-readers = From readers
desk-asking = Asking readers: { $prompt }
desk-with-photo = with a photo
desk-answer = Answer
desk-from-readers-count = { $count ->
    [one] { $count } from readers
   *[other] { $count } from readers
}
desk-readers-chart = Readers over the last { $hours } hours, at most { $peak } at once
desk-entry-figures = { $views ->
    [one] { $views } view of its page
   *[other] { $views } views of its page
} · { $shares ->
    [one] { $shares } share
   *[other] { $shares } shares
}
