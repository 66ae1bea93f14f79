# The newsroom's own pages, in the language each person chooses on their account.

## Every page
newsroom = Redaktion
people = Team
signed-in-as = Angemeldet als { $user }
sign-out = Abmelden
live = LIVE
ended = Beendet

## The newsroom's front page
waiting-for-approval-count = Warten auf Freigabe ({ $count })
by-for-page = von { $user }, für { $page }
start-live-page = Neuen Liveblog starten
live-pages = Liveblogs
updates-count =
    { $count ->
        [one] { $count } Eintrag
       *[other] { $count } Einträge
    }
readers-view = Leseransicht

## Your account
your-account = Ihr Konto
language-heading = Sprache
language-hint = Die Seiten der Redaktion (diese Menüs, Formulare und Schaltflächen) werden in dieser Sprache angezeigt. Jeder Liveblog hat für seine Leser eine eigene Sprache, die in seinen Einstellungen festgelegt ist.
language-label = Sprache der Redaktionsseiten
save-language = Sprache speichern
language-saved = Die Redaktionsseiten sind jetzt auf Deutsch.
change-password = Passwort ändern
password-sessions-end = Alle Sitzungen Ihres Kontos werden beendet, auf allen Geräten: Danach melden Sie sich neu an.
password-not-changed = Ihr Passwort wurde nicht geändert. Bitte korrigieren Sie das unten markierte Feld.
current-password = Aktuelles Passwort
new-password = Neues Passwort
password-hint = Mindestens 10 Zeichen
change-password-button = Passwort ändern

## The compose page
compose-readers-view = Leseransicht dieses Liveblogs
live-page-settings = Einstellungen des Liveblogs
compose-page-ended = Dieser Liveblog ist beendet: Die Leser sehen ihn als geschlossen. Korrekturen erreichen sie weiterhin, aber nichts Neues wird veröffentlicht, bis ein Admin ihn wieder öffnet.
# What an admin reads: { $settings } is a link to the page's settings, in the words of compose-settings-link.
compose-page-ended-admin = Dieser Liveblog ist beendet: Die Leser sehen ihn als geschlossen. Korrekturen erreichen sie weiterhin, aber nichts Neues wird veröffentlicht, bis ein Admin ihn in { $settings } wieder öffnet.
compose-settings-link = den Einstellungen des Liveblogs

## What the compose page says after a change went through
done-published = Veröffentlicht. Das Formular ist bereit für den nächsten Eintrag.
done-approved = Freigegeben und veröffentlicht.
done-corrected = Korrektur gespeichert.
# After pinning, unpinning or marking a key event.
done-marked = Gespeichert.
done-deleted = Gelöscht.
done-submitted = Zur Freigabe eingereicht. Ein Redakteur veröffentlicht den Eintrag oder schickt ihn zurück.
done-scheduled = Geplant. Der Eintrag steht unten in der Liste, bis er automatisch veröffentlicht wird.
done-unscheduled = Aus der Planung genommen; der Eintrag bleibt in Ihren Entwürfen.
done-sent-back = Mit Ihrer Notiz an den Autor zurückgeschickt.
done-discarded = Entwurf verworfen.
done-saved = Entwurf gespeichert. Nur Sie sehen ihn, bis Sie ihn einreichen oder veröffentlichen.
done-settings-saved = Einstellungen gespeichert: Leser sehen den neuen Titel, die Beschreibung und die Zusammenfassung sofort.
done-restored = Wiederhergestellt: Der Eintrag steht für alle Leser wieder an seinem Platz.
# A second click on a draft's button, or a colleague who acted on it first.
done-gone = Dieser Entwurf ist nicht mehr verfügbar: Er wurde bereits veröffentlicht, verworfen oder von seinem Autor zurückgezogen. Nichts wurde doppelt veröffentlicht.

## The entry form: a new entry, a draft, an entry under review, or a correction
form-new-entry = Neuer Eintrag
form-review-entry = Eintrag von { $user } prüfen
form-scheduled-entry = Geplanter Eintrag
form-draft = Entwurf
# { $id } is the entry's number.
form-correct-entry = Eintrag { $id } korrigieren
# { $names } are one or more colleagues' names, separated by commas; { $count } is how many.
form-others-editing =
    { $count ->
        [one] { $names } hat diesen Eintrag ebenfalls zum Korrigieren geöffnet.
       *[other] { $names } haben diesen Eintrag ebenfalls zum Korrigieren geöffnet.
    }
# An editor sent the draft back to its author with a note, shown after this.
form-sent-back-by = Zurückgeschickt von { $user }:
# { $time } is written as the page's readers read a time, as in "16:16 GMT 14 March".
form-scheduled-for = Automatische Veröffentlichung geplant: { $time }.
form-not-saved = Es wurde nichts gespeichert. Bitte korrigieren Sie die unten markierten Felder; Ihr Text bleibt erhalten.
form-page-ended = Dieser Liveblog ist beendet, daher wird darin nichts Neues mehr veröffentlicht. Ihr Eintrag bleibt in diesem Formular erhalten: Speichern Sie ihn als Entwurf oder bitten Sie einen Admin, den Liveblog wieder zu öffnen.
# { $user } saved the draft again while this person had it open; the two versions are shown side by side below.
form-draft-saved-again = { $user } hat diesen Eintrag erneut gespeichert, während Sie ihn geöffnet hatten. Es wurde nichts veröffentlicht oder zurückgeschickt.
form-draft-side-by-side = Die neueste gespeicherte Fassung steht links, Ihre ist noch im Formular: Ändern Sie sie nach Bedarf und senden Sie sie erneut, oder brechen Sie ab.
# A correction that a colleague saved first; the two versions are shown side by side below.
form-entry-saved-meanwhile = Jemand anderes hat diesen Eintrag gespeichert, während Sie ihn bearbeitet haben. Von Ihren Änderungen wurde nichts gespeichert.
form-entry-saved-meanwhile-by = Jemand anderes hat diesen Eintrag gespeichert, während Sie ihn bearbeitet haben ({ $user }). Von Ihren Änderungen wurde nichts gespeichert.
form-entry-side-by-side = Die andere Fassung steht links, Ihre ist noch im Formular: Ändern Sie sie nach Bedarf und speichern Sie erneut, um die andere zu ersetzen, oder brechen Sie ab, um die andere zu behalten.
form-their-version = Gespeicherte Fassung
form-your-version = Ihre Fassung
form-headline = Überschrift
form-text = Text
# "> ", "- " and "[!NOTE]" are Markdown and stay as they are; "For context" is what readers see on such a note.
form-text-hint = Markdown: eine Leerzeile zwischen Absätzen, > für ein Zitat, - für eine Liste und ein Zitat, das mit [!NOTE] beginnt, für einen Kasten „Zur Einordnung“. Ctrl+Enter veröffentlicht.
form-label = Label
form-tags = Schlagwörter
form-tags-hint = Stränge der Geschichte, denen Leser folgen können, durch Kommas getrennt.
form-tags-in-use = Auf dieser Seite: { $names }.
form-tags-example = Hafen, Evakuierung
# No label on the entry.
form-label-none = Keins
# The labels an entry can carry, as its readers see them.
entry-label-breaking = Eilmeldung
entry-label-analysis = Analyse
entry-label-explainer = Hintergrund
entry-label-fact-check = Faktencheck
entry-label-watch = Video
form-byline = Autorenzeile
form-profiles-hint = Die Leute der Redaktion, mit dem Namen ihres Profils; der Name eines Gastes steht darunter.
form-profile = Profil { $number }
form-byline-name = Name
form-byline-role = Funktion
# An example of a byline's role, shown in the empty field.
form-byline-role-example = Live-Reporterin
form-byline-kept = Aus deinem letzten Eintrag übernommen.
form-image = Bild
form-upload-image = Bild hochladen
# { $size } is a number of megabytes.
form-upload-image-hint = JPEG, PNG, WebP oder GIF, bis { $size } MB: Wählen Sie ein Bild aus, ziehen Sie es hierher oder fügen Sie es in den Text ein; oder geben Sie unten eine Adresse an
form-attached-image = Das angehängte Bild
form-image-address = Bildadresse
form-alt-text = Alternativtext
form-caption = Bildunterschrift
form-credit = Bildquelle
form-gallery = Galerie
form-gallery-hint = Bilder nach dem Text, in dieser Reihenfolge, bis zu { $limit }; Leser wischen durch sie. Eine leere Zeile ist kein Bild.
form-gallery-picture = Bild { $number }
form-gallery-add = Bilder hinzufügen
form-clip = Video oder Ton
form-clip-hint = Eine MP4-, WebM-, MP3-, AAC- oder Ogg-Datei, abgespielt nach dem Text; Leser laden nichts davon, bevor sie auf Abspielen drücken. Ihre Metadaten (auch der Standort eines Telefons) werden entfernt.
form-clip-file = Datei wählen
form-clip-address = Adresse der hochgeladenen Datei
form-clip-captions-file = Untertitel (WebVTT-Datei)
form-clip-captions-address = Adresse der Untertitel
form-post = Beitrag von einer anderen Plattform
form-post-hint = Die Adresse eines Beitrags in einer eigenen Zeile des Textes, oder hier, wird zu einer Karte, die Leser öffnen, wenn sie wollen. Kopieren Sie, wer ihn gepostet hat und was er sagt: Der Eintrag behält es, falls der Beitrag gelöscht wird.
form-post-address = Adresse des Beitrags
form-post-author = Gepostet von
form-post-author-example = DWD (@DWD_presse)
form-post-text = Was er sagt
form-correction-note = Korrekturhinweis
form-correction-note-hint = Optional und öffentlich, etwa „Zahl der Haushalte ohne Strom korrigiert“. Bei einer kleinen Korrektur leer lassen.
form-published-at = Veröffentlicht um (Zeitzone { $zone })
form-published-at-hint = Eine frühere Zeit setzt den Eintrag für alle Leser an seinen Platz im Ticker: für Meldungen, die vor dem Posten hier berichtet wurden.
form-key-event = Wichtiges Ereignis
form-pin = Über den Einträgen anheften
form-save-correction = Korrektur speichern
form-approve = Freigeben und veröffentlichen
form-publish-now = Jetzt veröffentlichen
form-publish = Veröffentlichen
form-submit-again = Erneut einreichen
form-submit = Zur Freigabe einreichen
form-preview = Vorschau
form-save-draft-unscheduled = Als Entwurf speichern, nicht geplant
form-save-draft = Entwurf speichern
form-cancel = Abbrechen
form-discard-draft = Entwurf verwerfen…
form-discard-gone = Er ist dann endgültig weg.
form-discard-confirm = Ja, verwerfen
form-send-back-open = Mit Notiz zurückschicken…
form-send-back-note = Was geändert werden sollte
form-send-back = Zurückschicken
form-schedule-open = Für später planen…
# { $zone } is the page's time zone, as in Europe/London.
form-publish-at = Veröffentlichungszeitpunkt (Zeitzone { $zone })
form-schedule = Planen
form-preview-not-published = Vorschau: nicht veröffentlicht
form-preview-waiting = Während Sie schreiben, erscheint der Eintrag hier so, wie ihn die Leser sehen werden.
form-choose-image = Wählen Sie ein Bild zum Anhängen aus.
# Shown in the preview in place of what is not typed yet.
preview-no-headline = (Noch keine Überschrift)
preview-no-text = (Noch kein Text)
# Before a list of what is wrong with the entry as typed.
preview-not-ready = Noch nicht bereit zur Veröffentlichung:

## The desk beside the entry form
desk-readers =
    { $count ->
        [one] { $count } Leser hat diesen Liveblog geöffnet
       *[other] { $count } Leser haben diesen Liveblog geöffnet
    }
desk-queue-count =
    { $count ->
        [one] { $count } Eintrag wartet auf Freigabe
       *[other] { $count } Einträge warten auf Freigabe
    }
desk-waiting = Warten auf Freigabe
alerts-sent-back = { $user } hat „{ $title }“ an Sie zurückgeschickt ({ $page }):
alerts-published = „{ $title }“ wurde auf { $page } veröffentlicht.
alerts-open-draft = Öffnen
alerts-see-entry = So sehen, wie Leser ihn sehen
alerts-dismiss = Ausblenden
alerts-label = Hinweise
desk-by = von { $user }
desk-your-drafts = Ihre Entwürfe
desk-scheduled = Geplant
# Where one of your drafts stands.
desk-state-waiting = wartet auf Freigabe
desk-state-saved-at = gespeichert um { $time }
desk-state-sent-back = zurückgeschickt von { $user }
# { $time } is written as the page's readers read a time, as in "16:16 GMT 14 March".
desk-state-publishes-at = geplant für { $time }
# A scheduled entry: when it publishes itself, and who wrote it.
desk-scheduled-by = von { $user }, geplant für { $time }
desk-unreadable = Nicht lesbar
desk-unreadable-draft = Entwurf { $id }: { $reason }. Er bleibt, wie er ist; die anderen laufen weiter.
desk-cancel-schedule = Planung aufheben
desk-published = Veröffentlicht
# Before the headline of the pinned entry.
desk-pinned = Angeheftet:
# Before the headline of an entry marked as a key event.
# Who wrote a published entry, and who corrected it last.
desk-by-changed-by = von { $user }, geändert von { $editor }
# An entry with no author on record, corrected by { $editor }.
desk-changed-by = geändert von { $editor }
desk-correct = Korrigieren
desk-pin = Anheften
desk-unpin = Nicht mehr anheften
desk-mark-key-event = Als wichtiges Ereignis markieren
desk-unmark-key-event = Nicht mehr als wichtiges Ereignis markieren
desk-delete = Löschen…
desk-deleted = In den letzten 30 Tagen gelöscht
desk-deleted-by = Gelöscht von { $user } um { $time }
desk-restore = Wiederherstellen
desk-history = Verlauf
history-heading = Verlauf eines Eintrags
history-version = Version { $number }
history-saved = { $time }, von { $user }
history-published = Veröffentlicht.
history-first-kept = Die erste aufbewahrte Version.
history-nothing-shown = Erneut gespeichert, ohne Änderung für die Leser.
history-older-not-kept = Versionen von vor der Einführung des Verlaufs sind nicht aufgeführt.
history-yes = ja
history-no = nein
history-publication-time = Veröffentlichungszeit
history-correction-notes = Korrekturhinweise
snippets-heading = Textbausteine
snippets-link-hint = Texte, die die Redaktion mit einem Klick in Einträge einfügt
snippets-explained = Texte, die die Redaktion einmal speichert, etwa „Was wir wissen“ oder Sicherheitshinweise, und die jeder Redakteur mit einem Klick über die Schaltfläche Textbausteine über dem Text in einen Eintrag einfügt. Höchstens { $limit }.
snippets-saved-by = Zuletzt gespeichert von { $user }
snippets-name = Name
snippets-name-hint = So, wie es auf der Schaltfläche steht, etwa „Sicherheitshinweise“
snippets-text = Text
snippets-save = Textbaustein speichern
snippets-delete = Textbaustein löschen…
snippets-delete-explained = Einträge, in die er eingefügt wurde, behalten ihren Text.
snippets-delete-confirm = Löschen
snippets-add = Textbaustein hinzufügen
snippets-add-button = Hinzufügen
snippets-not-saved = Nichts wurde gespeichert. Bitte korrigieren Sie die markierten Felder; Ihr Text bleibt erhalten.
snippets-done-saved = Textbaustein gespeichert: Er wird über dem Text jedes Eintrags angeboten.
snippets-done-deleted = Textbaustein gelöscht.
labels-heading = Labels
labels-link-hint = die Arten von Einträgen über der Überschrift, in jeder Sprache
labels-explained = Die Arten von Einträgen, die die Redaktion über der Überschrift nennt, etwa Eilmeldung oder Analyse, jede mit ihrem Namen in jeder Sprache der Seiten. Einträge behalten ein Label, wie es beim Speichern war. Höchstens { $limit }.
labels-key = Schlüssel
labels-key-hint = Was Formulare und die API senden, in Kleinbuchstaben, Ziffern und Bindestrichen, etwa kursk-offensive; später nicht änderbar
labels-save = Label speichern
labels-delete = Label entfernen…
labels-delete-explained = Einträge mit diesem Label behalten es; für neue wird es nicht mehr angeboten.
labels-delete-confirm = Entfernen
labels-add = Label hinzufügen
labels-add-button = Label hinzufügen
labels-not-saved = Nichts wurde gespeichert. Bitte korrigieren Sie die markierten Felder; Ihr Text bleibt erhalten.
labels-done-saved = Label gespeichert: das Eintragsformular bietet es an.
labels-done-deleted = Label entfernt.
labels-language-en = Englisch
labels-language-es = Spanisch
labels-language-fr = Französisch
labels-language-de = Deutsch
labels-language-ar = Arabisch
labels-language-hi = Hindi
labels-language-zh-Hans = Chinesisch (vereinfacht)
profiles-heading = Profile
profiles-link-hint = die Leute der Redaktion, mit den Gesichtern, die Leser in der Autorenzeile sehen
profiles-explained = Die Leute der Redaktion, wie Leser sie in der Autorenzeile sehen: Name, Rolle, Foto, eine Zeile und ein Link. Ein Eintrag nennt sie in seiner Autorenzeile und behält das Profil, wie es beim Speichern war.
profiles-line = Kurze Zeile
profiles-link = Link
profiles-photo-url = Adresse des Fotos
profiles-photo = Foto
profiles-save = Profil speichern
profiles-delete = Profil löschen…
profiles-delete-explained = Einträge, die es nennen, behalten ihre Autorenzeile, wie sie war.
profiles-add = Profil hinzufügen
profiles-add-button = Profil hinzufügen
profiles-done-saved = Profil gespeichert: Sein Name wird in der Autorenzeile jedes Eintrags angeboten.
profiles-done-deleted = Profil gelöscht.

## Deleting an entry
delete-title = Eintrag löschen
delete-question = Diesen Eintrag löschen?
delete-explained = Er verschwindet sofort von der Seite jedes Lesers, aus dem Feed und aus der API. 30 Tage lang kann ein Redakteur ihn auf der Schreibseite wiederherstellen.
delete-confirm = Löschen
delete-keep = Behalten
delete-the-entry = Der Eintrag

## A live page's settings
settings-new-page = Neuer Liveblog
settings-back = Zurück zum Schreiben
settings-not-saved = Es wurde nichts gespeichert. Bitte korrigieren Sie die unten markierten Felder.
settings-title = Titel
# The page's address on the site.
settings-address = Adresse
settings-address-hint = /live/ gefolgt von Kleinbuchstaben, Ziffern und Bindestrichen, etwa storm-live
settings-description = Beschreibung
settings-summary = Das Wichtigste in Kürze
settings-summary-hint = Ein Kernpunkt pro Zeile
settings-time-zone = Zeitzone
settings-time-zone-hint = Zeiten im Liveblog werden in dieser Zeitzone angezeigt, etwa Europe/London oder America/New_York; der Name einer Stadt wie London genügt
settings-reading-order = Reihenfolge
settings-newest-first = Neueste zuerst
settings-oldest-first = Älteste zuerst (Fragen und Antworten, Chronik)
# The language the live page is written in, for its readers.
settings-language = Sprache
settings-language-hint = Die Sprache, in der der Liveblog geschrieben ist, als Sprach-Tag: en-GB, es, fr, de, ar, hi, zh-Hans…
settings-embed-origins = Websites, die diesen Liveblog in ihren Artikeln zeigen dürfen
settings-embed-origins-hint = Ihre Adressen, eine pro Zeile, etwa https://news.example; zusätzlich zu denen, die jeder Liveblog erlaubt
settings-save = Einstellungen speichern
settings-create = Liveblog anlegen
settings-close = Diesen Liveblog beenden…
settings-close-explained = Alle Leser erfahren sofort, dass er beendet ist; er bleibt lesbar, Korrekturen erreichen sie weiterhin, und nichts Neues kann veröffentlicht werden, bis er wieder geöffnet wird.
settings-close-confirm = Ja, beenden
settings-ended = Dieser Liveblog ist beendet.
settings-reopen = Wieder öffnen
embed-heading = Diesen Liveblog in einen Artikel einbinden
embed-loader = In den Artikel einfügen, auf einer der oben genannten Websites
embed-frame = Oder, wo die Website keine Skripte erlaubt
embed-copy = Code kopieren
# On the copy button, once the code is copied.
embed-copied = Kopiert
# The title of the frame in the embed code, read out to the article's readers: it is taken in the live page's language, not the newsroom's.
embed-frame-title = Liveblog

## The newsroom's people
role-contributor = Autor
role-editor = Redakteur
role-admin = Admin
people-remove = { $user } entfernen…
people-remove-explained = Die Person wird sofort überall abgemeldet und kann sich nicht mehr anmelden. Was sie veröffentlicht hat, bleibt erhalten.
people-remove-confirm = Ja, { $user } entfernen
people-add-someone = Person hinzufügen
people-not-added = Es wurde niemand hinzugefügt. Bitte korrigieren Sie die unten markierten Felder.
people-user-name = Benutzername
people-role = Rolle
# Each role as the form offers it: its name (as in role-contributor), then what it may do.
people-role-contributor = Autor: schreibt Einträge, die ein Redakteur freigibt
people-role-editor = Redakteur: veröffentlicht, korrigiert, heftet an und löscht Einträge
people-role-admin = Admin: verwaltet außerdem Liveblogs und das Team
people-password = Passwort
people-password-hint = Mindestens 10 Zeichen; geben Sie es der Person persönlich
people-add = Hinzufügen

## What the compose page's script (editor.js) writes. It fills in each { $name } itself.
# { $link } is a link in the words of js-sign-in-again.
js-session-ended = Ihre Sitzung ist abgelaufen. Ihre Eingaben bleiben in diesem Browser gespeichert: { $link }.
js-sign-in-again = Melden Sie sich erneut an, um weiterzumachen
js-restored = Ihre Eingaben aus diesem Browser wurden wiederhergestellt.
# { $time } is when it was typed, as in 16:40.
js-restored-at = Ihre Eingaben aus diesem Browser wurden wiederhergestellt ({ $time }).
js-saved-again = Der Eintrag wurde seit Ihrer Eingabe erneut gespeichert: Vergleichen Sie Ihren Text vor dem Senden mit der gespeicherten Fassung.
# A button that throws away the text restored from the browser.
js-discard-restored = Verwerfen
# Shown once a field's text is over its limit, which is 100 characters or more.
js-over-limit = { $used } Zeichen: { $over } über dem Limit von { $limit }
# { $name } is the image file's name.
js-attaching = { $name } wird angehängt…
js-attaching-image = Bild wird angehängt…
js-image-not-attached = Das Bild konnte nicht angehängt werden.
js-image-refused = „{ $name }“ wurde nicht angehängt: { $reason } Der Eintrag erscheint ohne das Bild, wenn Sie kein anderes wählen.
js-clip-sending = { $name } wird gesendet: { $percent } %
js-clip-making = { $name } wird geprüft, Metadaten werden entfernt…
js-clip-attached = { $name } ist angehängt.
js-clip-refused = „{ $name }“ wurde nicht angehängt: { $reason }
js-kept-aside = „{ $title }“ wurde nicht veröffentlicht: Die Redaktion war nicht erreichbar. Der Eintrag bleibt in diesem Browser erhalten.
js-put-back = Zurück ins Formular
# { $titles } are the headlines of entries that have just arrived, separated by commas.
js-waiting-for-approval = Warten auf Freigabe: { $titles }
# Before the headline of an entry that was deleted while it was being corrected.
js-deleted-meanwhile = Inzwischen gelöscht.
# { $status } is an HTTP status code, as in 500.
js-did-not-work = Das hat nicht geklappt ({ $status }); laden Sie die Seite neu und versuchen Sie es noch einmal.
js-unreachable = Die Redaktion war nicht erreichbar; es wurde nichts geändert.
js-close-correction = Diese Korrektur schließen? Ihre Eingaben bleiben in diesem Browser gespeichert.
# { $status } is an HTTP status code, as in 404.
js-correction-not-saved = Die Korrektur wurde nicht gespeichert ({ $status }). Ihre Eingaben stehen noch im Formular.
# { $reason } is the newsroom's explanation, in English.
js-correction-not-saved-because = Die Korrektur wurde nicht gespeichert ({ $status }: { $reason }). Ihre Eingaben stehen noch im Formular.
js-correction-kept = Die Redaktion war nicht erreichbar; Ihre Korrektur bleibt im Formular.
# { $title } is an entry's headline.
js-just-published = Gerade veröffentlicht: { $title }
js-just-changed = Gerade geändert: { $title }
js-entry-deleted = Ein Eintrag wurde gerade gelöscht.
js-kept-as-draft = Ein gesendeter Eintrag wurde nicht veröffentlicht; er ist wieder im Formular, die Probleme markiert. Was du seitdem getippt hast, liegt in Deinen Entwürfen.
js-not-published = Ein gesendeter Eintrag wurde nicht veröffentlicht: „{ $title }“. Sende ihn erneut, sobald die Redaktion erreichbar ist.
js-not-sent-kept = Der Eintrag wurde nicht veröffentlicht ({ $status }); er ist wieder im Formular.

# The formatting buttons above an entry's text (static/format.js). Each writes Markdown
# for the editor; "For context" is the same note readers see headed "For context".
js-format-toolbar = Textformatierung
js-format-bold = Fett
js-format-italic = Kursiv
js-format-link = Link
js-format-quote = Zitat
js-format-list = Liste
js-format-context = Zur Einordnung
js-format-picture = Bild
js-format-picture-alt = Beschreiben Sie das Bild
js-format-snippets = Textbausteine
js-snippets-none = Die Redaktion hat noch keine Textbausteine.
js-snippets-manage = Textbausteine verwalten
form-poll = Umfrage
form-poll-hint = Eine Frage, die Leser mit einem Klick beantworten, zwei bis sechs Antworten, eine pro Zeile. Die Zahlen bewegen sich auf jeder offenen Seite; eine Umfrage endet zu ihrer Zeit oder wenn Sie sie am Desk schließen.
form-poll-question = Frage
form-poll-answers = Antworten, eine pro Zeile
form-poll-open = Offen
form-poll-until-closed = Bis ich sie schließe
form-poll-minutes = { $count ->
    [one] { $count } Minute
   *[other] { $count } Minuten
}
form-poll-hours = { $count ->
    [one] { $count } Stunde
   *[other] { $count } Stunden
}
desk-close-poll = Umfrage schließen
webhooks = Webhooks
webhooks-explained = Jede Änderung einer Seite (ein Eintrag veröffentlicht, korrigiert, angeheftet oder gelöscht; die Seite geändert, beendet oder wieder geöffnet) wird als JSON an jede Adresse unten geschickt, in der Reihenfolge der Seite, signiert nach der Spezifikation Standard Webhooks. Eine Adresse, die nicht mit 2xx antwortet, wird einen Tag lang erneut versucht, mit jedes Mal längerer Pause.
webhooks-added = Der Webhook ist angelegt.
webhooks-secret-once = Sein Geheimnis, mit dem der Empfänger jede Signatur prüft, wird nur dieses eine Mal gezeigt:
webhooks-none = Noch keine Webhooks.
webhooks-every-page = Alle Seiten
webhooks-added-by = angelegt von { $user }, { $time }
webhooks-remove = Entfernen…
webhooks-remove-explained = An diese Adresse wird nichts mehr geschickt, und was auf sie wartet, verfällt.
webhooks-remove-confirm = Ja, entfernen
webhooks-add = Webhook anlegen
webhooks-not-added = Der Webhook wurde nicht angelegt: siehe unten.
webhooks-url = Adresse
webhooks-page = Für
webhooks-add-button = Webhook anlegen
webhooks-log = Letzte Zustellungen
webhooks-log-empty = Noch nichts verschickt.
webhooks-log-change = Änderung
webhooks-log-state = Stand
webhooks-log-tries = Versuche
webhooks-log-answer = Letzte Antwort
webhooks-state-waiting = Wartet
webhooks-state-delivered = Zugestellt
webhooks-state-failed = Aufgegeben
callout-ask = Leser fragen
callout-ask-explained = Ein Formular auf der Live-Seite unter der Zusammenfassung, mit Ihrem Aufruf: Leser schicken eine Nachricht, Vornamen und Ort, vielleicht ein Foto und einen Kontakt. Lesern wird nichts gezeigt, bevor die Redaktion es veröffentlicht.
callout-kind = Leser bitten um
callout-kind-questions = Ihre Fragen
callout-kind-pictures = Ihre Bilder
callout-kind-sightings = Was sie sehen
callout-prompt = Ihr Aufruf
callout-open = Auf der Seite öffnen
callout-change = Änderung speichern
callout-stop = Nicht mehr fragen
answer-heading = Einem Leser antworten
answer-contact = Kontakt (nur für die Redaktion):
answer-label = Ihre Antwort
answer-publish = Mit der Antwort veröffentlichen
answer-discard = Beiseitelegen
answer-photo-alt = Foto von { $name }
answer-needed = Schreiben Sie eine Antwort, die mit erscheint.
answer-title-questions = Ihre Fragen, unsere Antworten
answer-title-pictures = Ihre Bilder
answer-title-sightings = Was Sie sehen
done-set-aside = Beiseitegelegt.
desk-from-readers = Von Lesern
desk-asking = Leser gefragt: { $prompt }
desk-with-photo = mit Foto
desk-answer = Antworten
desk-from-readers-count = { $count } von Lesern
desk-readers-chart = Leser in den letzten { $hours } Stunden, höchstens { $peak } zugleich
desk-entry-figures = { $views } Aufrufe der eigenen Seite · { $shares }-mal geteilt
