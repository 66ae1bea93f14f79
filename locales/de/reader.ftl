# What readers see: the live page, its embed and teaser, and the page of one entry.
# The keys starting "js-" are read by the page's scripts (reader.js and live.js).

skip-to-content = Zum Inhalt springen
# The badge of a live page while it is open, and once it has ended.
live-badge = LIVE
page-ended = Dieser Liveblog ist beendet
# After the page's title, on the second and later pages of the stream.
title-page-number = (Seite { $number })
last-updated = Stand: { $time }
# A time of publication: the date, the clock time and the time zone's abbreviation.
published-time = { $date }, { $time } Uhr { $zone }
pages-of-updates = Seiten des Liveblogs
newer-updates = Neuere Einträge
earlier-updates = Frühere Einträge
older-updates = Ältere Einträge
later-updates = Spätere Einträge
page-of-pages = Seite { $number } von { $count }
summary = Das Wichtigste in Kürze
key-events = Wichtige Ereignisse
pinned = Angeheftet
latest-updates = Neueste Einträge
no-updates-yet = Noch keine Einträge. Neue Einträge erscheinen hier.
pause-live = Live-Aktualisierung pausieren
resume-live = Live-Aktualisierung fortsetzen
show-new-updates = Neue Einträge anzeigen
new-updates =
    { $count ->
        [one] { $count } neuer Eintrag
       *[other] { $count } neue Einträge
    }
published-at = veröffentlicht am
updated-at = Aktualisiert um { $time } Uhr
image-source = Bildquelle: { $credit }
video-source = Videoquelle: { $credit }
audio-source = Audioquelle: { $credit }
clip-captions = Untertitel
clip-download = Datei herunterladen
corrections =
    { $count ->
        [one] { $count } Korrektur
       *[other] { $count } Korrekturen
    }
# The box an entry's "[!NOTE]" quote becomes.
for-context = Zur Einordnung
label-breaking = Eilmeldung
label-analysis = Analyse
label-explainer = Hintergrund
label-fact-check = Faktencheck
label-watch = Video
# Over the title of an entry marked as a key event.
key-event = Wichtiges Ereignis
all-updates = Alle Einträge im Liveblog
see-latest = Zu den neuesten Einträgen
js-new-since-last-visit = Neu seit Ihrem letzten Besuch
js-share = Teilen
js-show-all = Alles anzeigen
js-show-less = Weniger anzeigen
js-embed-show = Inhalt von { $provider } anzeigen
js-embed-always = Inhalte von { $provider } immer anzeigen
js-embed-privacy = Dann kann { $provider } Cookies setzen und sehen, dass Sie diese Seite lesen.
js-other-updates = Neue Meldungen außerhalb dieser Ansicht: { $count }
js-gallery-previous = Vorheriges Bild
js-gallery-next = Nächstes Bild
embed-view-on = Auf { $provider } ansehen
entry-tags = Schlagwörter
gallery-role = Galerie
gallery-slide = Bild
gallery-of = Bilder: { $count }
gallery-place = { $number } von { $count }
tagged-updates = Meldungen zu „{ $tag }“
key-events-only = Nur wichtige Ereignisse
show-all-updates = Alle Meldungen anzeigen
tag-feed = Feed zu „{ $tag }“
js-share-entry = Teilen: { $title }
js-link-copied = Link kopiert
js-link-to-entry = Link zu diesem Eintrag
js-new-update = Neuer Eintrag: { $title }
js-page-reopened = Dieser Liveblog wird fortgesetzt.
js-page-ended = Dieser Liveblog ist beendet.
js-just-now = gerade eben
poll-vote = Abstimmen
poll-see-results = Ergebnis ansehen
poll-closes = Abstimmung endet um { $time }
poll-closed = Die Abstimmung ist beendet.
poll-share = { $percent } % ({ $count ->
    [one] { $count } Stimme
   *[other] { $count } Stimmen
})
poll-total = { $count ->
    [one] Bisher { $count } Stimme
   *[other] Bisher { $count } Stimmen
}
poll-final = { $count ->
    [one] Endergebnis: { $count } Stimme
   *[other] Endergebnis: { $count } Stimmen
}
poll-counted = Danke: Ihre Stimme ist gezählt.
poll-already-voted = Mit diesem Browser wurde in dieser Umfrage schon abgestimmt.
poll-too-many = Aus Ihrem Netz kamen zu viele Stimmen in dieser Umfrage; Ihre wurde nicht gezählt.
poll-choose = Wählen Sie zuerst eine Antwort.
poll-failed = Ihre Stimme konnte nicht gesendet werden. Versuchen Sie es gleich noch einmal.
poll-back = Zurück zur Live-Seite
poll-voted = Sie haben in dieser Umfrage abgestimmt.
callout-questions = Schicken Sie uns Ihre Fragen
callout-pictures = Schicken Sie uns Ihre Bilder
callout-sightings = Erzählen Sie, was Sie sehen
callout-text = Ihre Nachricht
callout-name = Ihr Vorname
callout-place = Wo Sie sind (freiwillig)
callout-photo = Ein Foto (freiwillig)
callout-contact = E-Mail oder Telefon, nur für unsere Redaktion (freiwillig)
callout-contact-hint = Wird nie veröffentlicht und nach 30 Tagen gelöscht.
callout-leave-empty = Bitte leer lassen
callout-send = Senden
callout-not-published = Nichts wird veröffentlicht, bevor die Redaktion es gelesen hat.
callout-closed = Diese Seite bittet gerade um nichts.
callout-unreadable = Das Formular war nicht lesbar; nichts wurde gesendet.
callout-thanks = Danke: Ihre Nachricht ist in der Redaktion angekommen.
callout-too-many = Sie haben in den letzten Minuten mehrere Nachrichten geschickt; versuchen Sie es etwas später.
callout-sent-title = Ihre Nachricht
callout-failed = Ihre Nachricht konnte nicht gesendet werden. Versuchen Sie es gleich noch einmal.
push-on = Bei wichtigen Ereignissen benachrichtigen
push-off = Benachrichtigungen beenden
push-turned-on = Sie werden bei wichtigen Ereignissen auf dieser Seite benachrichtigt.
push-turned-off = Benachrichtigungen sind aus.
push-refused = Benachrichtigungen ließen sich in diesem Browser nicht einschalten.
