# What readers see: the live page, its embed and teaser, and the page of one entry.
# The keys starting "js-" are read by the page's scripts (reader.js and live.js).

skip-to-content = Skip to content
# The badge of a live page while it is open, and once it has ended.
live-badge = LIVE
page-ended = This live page has ended
# After the page's title, on the second and later pages of the stream.
title-page-number = (page { $number })
last-updated = Last updated { $time }
# A time of publication: the date, the clock time and the time zone's abbreviation.
published-time = { $time } { $zone } { $date }
pages-of-updates = Pages of updates
newer-updates = Newer updates
earlier-updates = Earlier updates
older-updates = Older updates
later-updates = Later updates
page-of-pages = Page { $number } of { $count }
summary = Summary
key-events = Key events
pinned = Pinned
latest-updates = Latest updates
no-updates-yet = No updates yet. New entries will appear here.
pause-live = Pause live updates
resume-live = Resume live updates
show-new-updates = Show new updates
new-updates =
    { $count ->
        [one] { $count } new update
       *[other] { $count } new updates
    }
published-at = published at
updated-at = Updated { $time }
image-source = Image source, { $credit }
video-source = Video source, { $credit }
audio-source = Audio source, { $credit }
clip-captions = Captions
clip-download = Download the file
corrections =
    { $count ->
        [one] { $count } correction
       *[other] { $count } corrections
    }
# The box an entry's "[!NOTE]" quote becomes.
for-context = For context
label-breaking = Breaking
label-analysis = Analysis
label-explainer = Explainer
label-fact-check = Fact check
label-watch = Watch
# Over the title of an entry marked as a key event.
key-event = Key event
all-updates = All updates on the live page
see-latest = See the latest updates
js-new-since-last-visit = New since your last visit
js-share = Share
js-show-all = Show all
js-show-less = Show less
js-embed-show = Show content from { $provider }
js-embed-always = Always show content from { $provider }
js-embed-privacy = Showing it lets { $provider } set cookies and see that you read this page.
js-other-updates = New updates outside this view: { $count }
js-gallery-previous = Previous picture
js-gallery-next = Next picture
embed-view-on = View on { $provider }
entry-tags = Tags
gallery-role = gallery
gallery-slide = picture
gallery-of = Pictures: { $count }
gallery-place = { $number } of { $count }
tagged-updates = Updates tagged “{ $tag }”
key-events-only = Key events only
show-all-updates = Show all updates
tag-feed = Feed of “{ $tag }”
js-share-entry = Share: { $title }
js-link-copied = Link copied
js-link-to-entry = Link to this entry
js-new-update = New update: { $title }
js-page-reopened = This live page has been reopened.
js-page-ended = This live page has ended.
js-just-now = just now
poll-vote = Vote
poll-see-results = See the results
poll-closes = Voting closes at { $time }
poll-closed = Voting has closed.
poll-share = { $percent }% ({ $count ->
    [one] { $count } vote
   *[other] { $count } votes
})
poll-total = { $count ->
    [one] { $count } vote so far
   *[other] { $count } votes so far
}
poll-final = { $count ->
    [one] Final result: { $count } vote
   *[other] Final result: { $count } votes
}
poll-counted = Thank you: your vote is counted.
poll-already-voted = This browser has voted in this poll already.
poll-too-many = Too many votes in this poll have come from your network; yours was not counted.
poll-choose = Choose an answer first.
poll-failed = Your vote could not be sent. Try again in a moment.
poll-back = Back to the live page
poll-voted = You have voted in this poll.
callout-questions = Send us your questions
callout-pictures = Send us your pictures
callout-sightings = Tell us what you see
callout-text = Your message
callout-name = Your first name
callout-place = Where you are (optional)
callout-photo = A photo (optional)
callout-contact = Email or phone, for our journalists only (optional)
callout-contact-hint = Never published; deleted after 30 days.
callout-leave-empty = Leave this empty
callout-send = Send
callout-not-published = Nothing you send is published until an editor has read it.
callout-closed = This page is not asking readers for anything just now.
callout-unreadable = The form could not be read; nothing was sent.
callout-thanks = Thank you: your message has reached the newsroom.
callout-too-many = You have sent several messages in the last few minutes; try again a little later.
callout-sent-title = Your message
callout-failed = Your message could not be sent. Try again in a moment.
push-on = Notify me of key events
push-off = Stop notifications
push-turned-on = You will be notified of key events on this page.
push-turned-off = Notifications are off.
push-refused = Notifications could not be turned on in this browser.
