# What readers see: the live page, its embed and teaser, and the page of one entry.
# The keys starting "js-" are read by the page's scripts (reader.js and live.js).

skip-to-content = Aller au contenu
# The badge of a live page while it is open, and once it has ended.
live-badge = EN DIRECT
page-ended = Ce direct est terminé
# After the page's title, on the second and later pages of the stream.
title-page-number = (page { $number })
last-updated = Mis à jour le { $time }
# A time of publication: the date, the clock time and the time zone's abbreviation.
published-time = { $date } à { $time } { $zone }
pages-of-updates = Pages du direct
newer-updates = Mises à jour plus récentes
earlier-updates = Mises à jour précédentes
older-updates = Mises à jour plus anciennes
later-updates = Mises à jour suivantes
page-of-pages = Page { $number } sur { $count }
summary = Résumé
key-events = Temps forts
pinned = Épinglé
latest-updates = Dernières mises à jour
no-updates-yet = Aucune mise à jour pour l’instant. Les nouvelles publications apparaîtront ici.
pause-live = Suspendre les mises à jour en direct
resume-live = Reprendre les mises à jour en direct
show-new-updates = Afficher les nouvelles mises à jour
new-updates =
    { $count ->
        [one] { $count } nouvelle mise à jour
        [many] { $count } nouvelles mises à jour
       *[other] { $count } nouvelles mises à jour
    }
published-at = publié le
updated-at = Mis à jour à { $time }
image-source = Crédit photo, { $credit }
video-source = Crédit vidéo, { $credit }
audio-source = Crédit audio, { $credit }
clip-captions = Sous-titres
clip-download = Télécharger le fichier
corrections =
    { $count ->
        [one] { $count } correction
        [many] { $count } corrections
       *[other] { $count } corrections
    }
# The box an entry's "[!NOTE]" quote becomes.
for-context = Contexte
label-breaking = Dernière minute
label-analysis = Analyse
label-explainer = Décryptage
label-fact-check = Vérification
label-watch = Vidéo
# Over the title of an entry marked as a key event.
key-event = Temps fort
all-updates = Toutes les mises à jour du direct
see-latest = Voir les dernières mises à jour
js-new-since-last-visit = Nouveau depuis votre dernière visite
js-share = Partager
js-show-all = Tout afficher
js-show-less = Afficher moins
js-embed-show = Afficher le contenu de { $provider }
js-embed-always = Toujours afficher le contenu de { $provider }
js-embed-privacy = L'afficher permet à { $provider } de déposer des cookies et de savoir que vous lisez cette page.
js-other-updates = Nouvelles mises à jour hors de cette vue : { $count }
js-gallery-previous = Photo précédente
js-gallery-next = Photo suivante
embed-view-on = Voir sur { $provider }
entry-tags = Mots-clés
gallery-role = galerie
gallery-slide = photo
gallery-of = Photos : { $count }
gallery-place = { $number } sur { $count }
tagged-updates = Mises à jour sur « { $tag } »
key-events-only = Moments clés seulement
show-all-updates = Voir toutes les mises à jour
tag-feed = Flux « { $tag } »
js-share-entry = Partager : { $title }
js-link-copied = Lien copié
js-link-to-entry = Lien vers cette publication
js-new-update = Nouvelle mise à jour : { $title }
js-page-reopened = Ce direct a repris.
js-page-ended = Ce direct est terminé.
js-just-now = à l’instant
poll-vote = Voter
poll-see-results = Voir les résultats
poll-closes = Le vote se termine à { $time }
poll-closed = Le vote est terminé.
poll-share = { $percent } % ({ $count ->
    [one] { $count } voix
   *[other] { $count } voix
})
poll-total = { $count ->
    [one] { $count } voix pour l’instant
   *[other] { $count } voix pour l’instant
}
poll-final = Résultat final : { $count } voix
poll-counted = Merci : votre vote est compté.
poll-already-voted = Ce navigateur a déjà voté dans ce sondage.
poll-too-many = Trop de votes sont venus de votre réseau dans ce sondage ; le vôtre n’a pas été compté.
poll-choose = Choisissez d’abord une réponse.
poll-failed = Votre vote n’a pas pu être envoyé. Réessayez dans un instant.
poll-back = Retour à la page en direct
poll-voted = Vous avez voté dans ce sondage.
callout-questions = Envoyez-nous vos questions
callout-pictures = Envoyez-nous vos photos
callout-sightings = Dites-nous ce que vous voyez
callout-text = Votre message
callout-name = Votre prénom
callout-place = Où vous êtes (facultatif)
callout-photo = Une photo (facultatif)
callout-contact = E-mail ou téléphone, pour nos journalistes seulement (facultatif)
callout-contact-hint = Jamais publié ; effacé après 30 jours.
callout-leave-empty = Laissez ce champ vide
callout-send = Envoyer
callout-not-published = Rien de ce que vous envoyez n’est publié avant qu’un éditeur l’ait lu.
callout-closed = Cette page ne demande rien aux lecteurs en ce moment.
callout-unreadable = Le formulaire n’a pas pu être lu ; rien n’a été envoyé.
callout-thanks = Merci : votre message est arrivé à la rédaction.
callout-too-many = Vous avez envoyé plusieurs messages ces dernières minutes ; réessayez un peu plus tard.
callout-sent-title = Votre message
callout-failed = Votre message n’a pas pu être envoyé. Réessayez dans un instant.
push-on = M’avertir des faits marquants
push-off = Arrêter les notifications
push-turned-on = Vous serez averti des faits marquants de cette page.
push-turned-off = Les notifications sont désactivées.
push-refused = Les notifications n’ont pas pu être activées dans ce navigateur.
