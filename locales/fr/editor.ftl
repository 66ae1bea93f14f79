# The newsroom's own pages, in the language each person chooses on their account.

## Every page
newsroom = Rédaction
people = Équipe
signed-in-as = Connecté en tant que { $user }
sign-out = Se déconnecter
live = EN DIRECT
ended = Terminé

## The newsroom's front page
waiting-for-approval-count = En attente de validation ({ $count })
by-for-page = par { $user }, pour { $page }
start-live-page = Lancer un nouveau direct
live-pages = Directs
updates-count =
    { $count ->
        [one] { $count } mise à jour
        [many] { $count } mises à jour
       *[other] { $count } mises à jour
    }
readers-view = vue lecteur

## Your account
your-account = Votre compte
language-heading = Langue
language-hint = Les pages de la rédaction (ces menus, formulaires et boutons) s’affichent dans cette langue. Chaque direct a sa propre langue pour ses lecteurs, définie dans ses réglages.
language-label = Langue des pages de la rédaction
save-language = Enregistrer la langue
language-saved = Les pages de la rédaction sont désormais en français.
change-password = Modifier votre mot de passe
password-sessions-end = Toutes les sessions de votre compte sont fermées, sur tous les appareils : vous devrez ensuite vous reconnecter.
password-not-changed = Votre mot de passe n’a pas été modifié. Veuillez corriger le champ signalé ci-dessous.
current-password = Mot de passe actuel
new-password = Nouveau mot de passe
password-hint = Au moins 10 caractères
change-password-button = Modifier le mot de passe

## The compose page
compose-readers-view = Vue lecteur de ce direct
live-page-settings = Réglages du direct
compose-page-ended = Ce direct est terminé : les lecteurs le voient comme clos. Les corrections leur parviennent toujours, mais rien de nouveau n’est publié tant qu’un administrateur ne l’a pas rouvert.
# What an admin reads: { $settings } is a link to the page's settings, in the words of compose-settings-link.
compose-page-ended-admin = Ce direct est terminé : les lecteurs le voient comme clos. Les corrections leur parviennent toujours, mais rien de nouveau n’est publié tant qu’un administrateur ne l’a pas rouvert dans { $settings }.
compose-settings-link = les réglages du direct

## What the compose page says after a change went through
done-published = Publiée. Le formulaire est prêt pour la prochaine publication.
done-approved = Validée et publiée.
done-corrected = Correction enregistrée.
# After pinning, unpinning or marking a key event.
done-marked = Enregistré.
done-deleted = Supprimée.
done-submitted = Envoyée pour validation. Un éditeur la publiera ou vous la renverra.
done-scheduled = Programmée. Elle figure ci-dessous jusqu’à sa publication automatique.
done-unscheduled = Déprogrammée ; elle est conservée dans vos brouillons.
done-sent-back = Renvoyée à son auteur avec votre note.
done-discarded = Brouillon supprimé.
done-saved = Brouillon enregistré. Vous seul pouvez le voir tant que vous ne l’avez pas soumis ou publié.
done-settings-saved = Réglages enregistrés : les lecteurs voient aussitôt le nouveau titre, la description et le résumé.
done-restored = Rétablie : l’entrée retrouve sa place pour tous les lecteurs.
# A second click on a draft's button, or a colleague who acted on it first.
done-gone = Ce brouillon n’est plus disponible : il a déjà été publié, supprimé ou retiré par son auteur. Rien n’a été publié deux fois.

## The entry form: a new entry, a draft, an entry under review, or a correction
form-new-entry = Nouvelle publication
form-review-entry = Relire une publication de { $user }
form-scheduled-entry = Publication programmée
form-draft = Brouillon
# { $id } is the entry's number.
form-correct-entry = Corriger la publication { $id }
# { $names } are one or more colleagues' names, separated by commas; { $count } is how many.
form-others-editing =
    { $count ->
        [one] { $names } a aussi ouvert cette publication pour la corriger.
        [many] { $names } ont aussi ouvert cette publication pour la corriger.
       *[other] { $names } ont aussi ouvert cette publication pour la corriger.
    }
# An editor sent the draft back to its author with a note, shown after this.
form-sent-back-by = Renvoyée par { $user } :
# { $time } is written as the page's readers read a time, as in "16:16 GMT 14 March".
form-scheduled-for = Publication automatique programmée : { $time }.
form-not-saved = Rien n’a été enregistré. Veuillez corriger les champs signalés ci-dessous ; votre texte est conservé.
form-page-ended = Ce direct est terminé : plus rien de nouveau n’y est publié. Votre publication est conservée dans ce formulaire ; enregistrez-la comme brouillon ou demandez à un administrateur de rouvrir le direct.
# { $user } saved the draft again while this person had it open; the two versions are shown side by side below.
form-draft-saved-again = { $user } a de nouveau enregistré cette publication pendant que vous l’aviez ouverte. Rien n’a été publié ni renvoyé.
form-draft-side-by-side = Sa dernière version est à gauche, la vôtre est toujours dans le formulaire : modifiez-la si besoin et renvoyez-la, ou annulez.
# A correction that a colleague saved first; the two versions are shown side by side below.
form-entry-saved-meanwhile = Quelqu’un d’autre a enregistré cette publication pendant que vous la modifiiez. Aucune de vos modifications n’a été enregistrée.
form-entry-saved-meanwhile-by = Quelqu’un d’autre a enregistré cette publication pendant que vous la modifiiez ({ $user }). Aucune de vos modifications n’a été enregistrée.
form-entry-side-by-side = Sa version est à gauche, la vôtre est toujours dans le formulaire : modifiez-la si besoin et enregistrez de nouveau pour remplacer la sienne, ou annulez pour conserver la sienne.
form-their-version = Sa version enregistrée
form-your-version = Votre version
form-headline = Titre
form-text = Texte
# "> ", "- " and "[!NOTE]" are Markdown and stay as they are; "For context" is what readers see on such a note.
form-text-hint = Markdown : une ligne vide entre les paragraphes, > pour une citation, - pour une liste, et une citation commençant par [!NOTE] pour un encadré « Contexte ». Ctrl+Enter publie.
form-label = Étiquette
form-tags = Mots-clés
form-tags-hint = Les fils de l'histoire que les lecteurs peuvent suivre, séparés par des virgules.
form-tags-in-use = Déjà sur cette page : { $names }.
form-tags-example = Port, Évacuation
# No label on the entry.
form-label-none = Aucune
# The labels an entry can carry, as its readers see them.
entry-label-breaking = Dernière minute
entry-label-analysis = Analyse
entry-label-explainer = Décryptage
entry-label-fact-check = Vérification
entry-label-watch = Vidéo
form-byline = Signature
form-profiles-hint = Les membres de la rédaction, par le nom de leur profil ; le nom d'un invité va dessous.
form-profile = Profil { $number }
form-byline-name = Nom
form-byline-role = Fonction
# An example of a byline's role, shown in the empty field.
form-byline-role-example = Journaliste au direct
form-byline-kept = Repris de votre dernière entrée.
form-image = Image
form-upload-image = Importer une image
# { $size } is a number of megabytes.
form-upload-image-hint = JPEG, PNG, WebP ou GIF, jusqu’à { $size } Mo : choisissez-en une, déposez-la ici ou collez-la dans le texte ; ou indiquez une adresse ci-dessous
form-attached-image = L’image jointe
form-image-address = Adresse de l’image
form-alt-text = Texte alternatif
form-caption = Légende
form-credit = Crédit
form-gallery = Galerie
form-gallery-hint = Des photos après le texte, dans cet ordre, jusqu'à { $limit } ; les lecteurs les font défiler. Une ligne vide n'est pas une photo.
form-gallery-picture = Photo { $number }
form-gallery-add = Ajouter des photos
form-clip = Vidéo ou son
form-clip-hint = Un fichier MP4, WebM, MP3, AAC ou Ogg, lu après le texte ; les lecteurs n’en chargent rien avant d’appuyer sur lecture. Ses métadonnées (dont la position d’un téléphone) sont retirées.
form-clip-file = Choisir un fichier
form-clip-address = Adresse du fichier envoyé
form-clip-captions-file = Sous-titres (fichier WebVTT)
form-clip-captions-address = Adresse des sous-titres
form-post = Publication d'une autre plateforme
form-post-hint = L'adresse d'une publication seule sur une ligne du texte, ou ici, devient une carte que les lecteurs ouvrent s'ils le souhaitent. Copiez qui l'a publiée et ce qu'elle dit : l'entrée le garde si la publication est retirée.
form-post-address = Adresse de la publication
form-post-author = Publié par
form-post-author-example = Météo-France (@meteofrance)
form-post-text = Ce qu'elle dit
form-correction-note = Note de correction
form-correction-note-hint = Facultative et publique, par exemple « Correction du nombre de foyers privés d’électricité ». Laissez-la vide pour une correction mineure.
form-published-at = Publiée à (fuseau { $zone })
form-published-at-hint = Indiquez une heure antérieure et l’entrée prend sa place dans le fil pour tous les lecteurs : pour une information donnée avant d’être publiée ici.
form-key-event = Temps fort
form-pin = Épingler en haut du fil
form-save-correction = Enregistrer la correction
form-approve = Valider et publier
form-publish-now = Publier maintenant
form-publish = Publier
form-submit-again = Soumettre à nouveau
form-submit = Soumettre pour validation
form-preview = Aperçu
form-save-draft-unscheduled = Enregistrer comme brouillon, sans programmation
form-save-draft = Enregistrer le brouillon
form-cancel = Annuler
form-discard-draft = Supprimer le brouillon…
form-discard-gone = Il sera supprimé définitivement.
form-discard-confirm = Oui, le supprimer
form-send-back-open = Renvoyer avec une note…
form-send-back-note = Ce qui doit changer
form-send-back = Renvoyer
form-schedule-open = Programmer pour plus tard…
# { $zone } is the page's time zone, as in Europe/London.
form-publish-at = Date et heure de publication (fuseau { $zone })
form-schedule = Programmer
form-preview-not-published = Aperçu : non publié
form-preview-waiting = Pendant la saisie, l’entrée apparaît ici telle que les lecteurs la verront.
form-choose-image = Choisissez une image à joindre.
# Shown in the preview in place of what is not typed yet.
preview-no-headline = (Pas encore de titre)
preview-no-text = (Pas encore de texte)
# Before a list of what is wrong with the entry as typed.
preview-not-ready = Publication impossible pour l’instant :

## The desk beside the entry form
desk-readers =
    { $count ->
        [one] { $count } lecteur consulte ce direct
        [many] { $count } lecteurs consultent ce direct
       *[other] { $count } lecteurs consultent ce direct
    }
desk-queue-count =
    { $count ->
        [one] { $count } publication en attente de validation
        [many] { $count } publications en attente de validation
       *[other] { $count } publications en attente de validation
    }
desk-waiting = En attente de validation
alerts-sent-back = { $user } vous a renvoyé « { $title } » ({ $page }) :
alerts-published = « { $title } » a été publié sur { $page }.
alerts-open-draft = L’ouvrir
alerts-see-entry = La voir comme les lecteurs
alerts-dismiss = Masquer
alerts-label = Alertes
desk-by = par { $user }
desk-your-drafts = Vos brouillons
desk-scheduled = Programmées
# Where one of your drafts stands.
desk-state-waiting = en attente de validation
desk-state-saved-at = enregistré à { $time }
desk-state-sent-back = renvoyé par { $user }
# { $time } is written as the page's readers read a time, as in "16:16 GMT 14 March".
desk-state-publishes-at = publication programmée : { $time }
# A scheduled entry: when it publishes itself, and who wrote it.
desk-scheduled-by = par { $user }, publication programmée : { $time }
desk-unreadable = Illisibles
desk-unreadable-draft = Brouillon { $id } : { $reason }. Il est conservé tel quel ; les autres continuent.
desk-cancel-schedule = Annuler la programmation
desk-published = Publiées
# Before the headline of the pinned entry.
desk-pinned = Épinglé :
# Before the headline of an entry marked as a key event.
# Who wrote a published entry, and who corrected it last.
desk-by-changed-by = par { $user }, modifié en dernier par { $editor }
# An entry with no author on record, corrected by { $editor }.
desk-changed-by = modifié en dernier par { $editor }
desk-correct = Corriger
desk-pin = Épingler
desk-unpin = Désépingler
desk-mark-key-event = Marquer comme temps fort
desk-unmark-key-event = Retirer des temps forts
desk-delete = Supprimer…
desk-deleted = Supprimées ces 30 derniers jours
desk-deleted-by = Supprimée par { $user } à { $time }
desk-restore = Rétablir
desk-history = Historique
history-heading = Historique d’une entrée
history-version = Version { $number }
history-saved = { $time }, par { $user }
history-published = Publiée.
history-first-kept = La première version conservée.
history-nothing-shown = Enregistrée à nouveau, sans rien changer de ce que voient les lecteurs.
history-older-not-kept = Les versions enregistrées avant que les entrées gardent leur historique ne figurent pas ici.
history-yes = oui
history-no = non
history-publication-time = Heure de publication
history-correction-notes = Notes de correction
snippets-heading = Textes enregistrés
snippets-link-hint = les textes que la rédaction insère dans les entrées en un clic
snippets-explained = Des textes que la rédaction enregistre une fois, comme « Ce que l’on sait » ou des consignes de sécurité, et que tout éditeur insère dans une entrée en un clic, avec le bouton Textes enregistrés au-dessus du texte. { $limit } au plus.
snippets-saved-by = Enregistré en dernier par { $user }
snippets-name = Nom
snippets-name-hint = Tel que le bouton l’affichera, par exemple « Consignes de sécurité »
snippets-text = Texte
snippets-save = Enregistrer le texte
snippets-delete = Supprimer le texte…
snippets-delete-explained = Les entrées où il a été inséré gardent leur texte.
snippets-delete-confirm = Le supprimer
snippets-add = Ajouter un texte
snippets-add-button = Ajouter le texte
snippets-not-saved = Rien n’a été enregistré. Corrigez les champs signalés ci-dessous ; votre texte est conservé.
snippets-done-saved = Texte enregistré : il est proposé au-dessus du texte de chaque entrée.
snippets-done-deleted = Texte supprimé.
labels-heading = Étiquettes
labels-link-hint = les genres d’entrée nommés au-dessus du titre, dans chaque langue
labels-explained = Les genres d’entrée que la rédaction nomme au-dessus du titre, comme Dernière minute ou Analyse, chacun avec son nom dans chaque langue des pages. Les entrées gardent l’étiquette telle qu’elle était à leur enregistrement. Au plus { $limit }.
labels-key = Clé
labels-key-hint = Ce qu’envoient les formulaires et l’API, en minuscules, chiffres et tirets, comme kursk-offensive ; il ne change plus ensuite
labels-save = Enregistrer l’étiquette
labels-delete = Retirer l’étiquette…
labels-delete-explained = Les entrées qui la portent la gardent ; elle n’est plus proposée aux nouvelles.
labels-delete-confirm = La retirer
labels-add = Ajouter une étiquette
labels-add-button = Ajouter l’étiquette
labels-not-saved = Rien n’a été enregistré. Corrigez les champs signalés ci-dessous ; votre texte est conservé.
labels-done-saved = Étiquette enregistrée : le formulaire d’entrée la propose.
labels-done-deleted = Étiquette retirée.
labels-language-en = Anglais
labels-language-es = Espagnol
labels-language-fr = Français
labels-language-de = Allemand
labels-language-ar = Arabe
labels-language-hi = Hindi
labels-language-zh-Hans = Chinois (simplifié)
profiles-heading = Profils
profiles-link-hint = les membres de la rédaction, avec les visages que les lecteurs voient dans les signatures
profiles-explained = Les membres de la rédaction tels que les lecteurs les voient dans les signatures : nom, fonction, photo, une ligne et un lien. Une entrée les nomme dans sa signature et garde le profil tel qu'il était à son enregistrement.
profiles-line = Courte présentation
profiles-link = Lien
profiles-photo-url = Adresse de la photo
profiles-photo = Photo
profiles-save = Enregistrer le profil
profiles-delete = Supprimer le profil…
profiles-delete-explained = Les entrées qui le nomment gardent leur signature telle quelle.
profiles-add = Ajouter un profil
profiles-add-button = Ajouter le profil
profiles-done-saved = Profil enregistré : son nom est proposé dans la signature de chaque entrée.
profiles-done-deleted = Profil supprimé.

## Deleting an entry
delete-title = Supprimer une publication
delete-question = Supprimer cette publication ?
delete-explained = Elle disparaît aussitôt de la page de tous les lecteurs, du flux et de l’API. Pendant 30 jours, un éditeur peut la rétablir depuis la page de rédaction.
delete-confirm = La supprimer
delete-keep = La conserver
delete-the-entry = La publication

## A live page's settings
settings-new-page = Nouveau direct
settings-back = Retour à la page de rédaction
settings-not-saved = Rien n’a été enregistré. Veuillez corriger les champs signalés ci-dessous.
settings-title = Titre
# The page's address on the site.
settings-address = Adresse
settings-address-hint = /live/ suivi de lettres minuscules, de chiffres et de tirets, par exemple storm-live
settings-description = Description
settings-summary = Résumé
settings-summary-hint = Un point clé par ligne
settings-time-zone = Fuseau horaire
settings-time-zone-hint = Les heures du direct s’affichent dans ce fuseau, par exemple Europe/London ou America/New_York ; le nom d’une ville, comme London, suffit
settings-reading-order = Ordre de lecture
settings-newest-first = Les plus récentes d’abord
settings-oldest-first = Les plus anciennes d’abord (questions-réponses, chronologie)
# The language the live page is written in, for its readers.
settings-language = Langue
settings-language-hint = La langue dans laquelle le direct est rédigé, sous forme d’étiquette de langue : en-GB, es, fr, de, ar, hi, zh-Hans…
settings-embed-origins = Sites autorisés à afficher ce direct dans leurs articles
settings-embed-origins-hint = Leurs adresses, une par ligne, par exemple https://news.example ; en plus de ceux que tous les directs autorisent
settings-save = Enregistrer les réglages
settings-create = Créer le direct
settings-close = Clore ce direct…
settings-close-explained = Tous les lecteurs sont aussitôt informés qu’il est terminé ; il reste lisible, les corrections leur parviennent toujours, et plus rien de nouveau ne peut être publié tant qu’il n’a pas été rouvert.
settings-close-confirm = Oui, le clore
settings-ended = Ce direct est terminé.
settings-reopen = Le rouvrir
embed-heading = Intégrer ce direct dans un article
embed-loader = À coller dans l’article, sur l’un des sites indiqués ci-dessus
embed-frame = Ou, si le site n’autorise aucun script
embed-copy = Copier le code
# On the copy button, once the code is copied.
embed-copied = Copié
# The title of the frame in the embed code, read out to the article's readers: it is taken in the live page's language, not the newsroom's.
embed-frame-title = Mises à jour en direct

## The newsroom's people
role-contributor = contributeur
role-editor = éditeur
role-admin = administrateur
people-remove = Retirer { $user }…
people-remove-explained = Cette personne est aussitôt déconnectée partout et ne peut plus se connecter. Ce qu’elle a publié reste en ligne.
people-remove-confirm = Oui, retirer { $user }
people-add-someone = Ajouter quelqu’un
people-not-added = Personne n’a été ajouté. Veuillez corriger les champs signalés ci-dessous.
people-user-name = Nom d’utilisateur
people-role = Rôle
# Each role as the form offers it: its name (as in role-contributor), then what it may do.
people-role-contributor = contributeur : rédige des publications qu’un éditeur valide
people-role-editor = éditeur : publie, corrige, épingle et supprime des publications
people-role-admin = administrateur : gère en plus les directs et l’équipe
people-password = Mot de passe
people-password-hint = Au moins 10 caractères ; à lui transmettre en personne
people-add = Ajouter

## What the compose page's script (editor.js) writes. It fills in each { $name } itself.
# { $link } is a link in the words of js-sign-in-again.
js-session-ended = Votre session a expiré. Ce que vous avez saisi est conservé dans ce navigateur : { $link }.
js-sign-in-again = reconnectez-vous pour continuer
js-restored = Ce que vous aviez saisi dans ce navigateur a été restauré.
# { $time } is when it was typed, as in 16:40.
js-restored-at = Ce que vous aviez saisi dans ce navigateur a été restauré ({ $time }).
js-saved-again = Cette publication a de nouveau été enregistrée depuis votre saisie : comparez votre texte avec la version enregistrée avant de l’envoyer.
# A button that throws away the text restored from the browser.
js-discard-restored = Abandonner
# Shown once a field's text is over its limit, which is 100 characters or more.
js-over-limit = { $used } caractères : { $over } de trop pour une limite de { $limit }
# { $name } is the image file's name.
js-attaching = Ajout de { $name }…
js-attaching-image = Ajout de l’image…
js-image-not-attached = L’image n’a pas pu être jointe.
js-image-refused = « { $name } » n’a pas été jointe : { $reason } L’entrée sera publiée sans elle, sauf si vous choisissez une autre image.
js-clip-sending = Envoi de { $name } : { $percent } %
js-clip-making = Vérification de { $name } et retrait de ses métadonnées…
js-clip-attached = { $name } est joint.
js-clip-refused = « { $name } » n’a pas été joint : { $reason }
js-kept-aside = « { $title } » n’a pas été publiée : la rédaction était injoignable. Elle est conservée dans ce navigateur.
js-put-back = La remettre dans le formulaire
# { $titles } are the headlines of entries that have just arrived, separated by commas.
js-waiting-for-approval = En attente de validation : { $titles }
# Before the headline of an entry that was deleted while it was being corrected.
js-deleted-meanwhile = Supprimée entre-temps.
# { $status } is an HTTP status code, as in 500.
js-did-not-work = Cela n’a pas fonctionné ({ $status }) ; rechargez la page et réessayez.
js-unreachable = Impossible de joindre la rédaction ; rien n’a été modifié.
js-close-correction = Fermer cette correction ? Ce que vous avez saisi reste enregistré dans ce navigateur.
# { $status } is an HTTP status code, as in 404.
js-correction-not-saved = La correction n’a pas été enregistrée ({ $status }). Ce que vous avez saisi est toujours dans le formulaire.
# { $reason } is the newsroom's explanation, in English.
js-correction-not-saved-because = La correction n’a pas été enregistrée ({ $status } : { $reason }). Ce que vous avez saisi est toujours dans le formulaire.
js-correction-kept = Impossible de joindre la rédaction ; votre correction est conservée dans le formulaire.
# { $title } is an entry's headline.
js-just-published = Vient d’être publiée : { $title }
js-just-changed = Vient d’être modifiée : { $title }
js-entry-deleted = Une publication vient d’être supprimée.
js-kept-as-draft = Une entrée envoyée n’a pas été publiée ; elle est revenue dans le formulaire, ses problèmes signalés. Ce que vous avez tapé depuis est gardé dans Vos brouillons.
js-not-published = Une entrée envoyée n’a pas été publiée : « { $title } ». Renvoyez-la quand la rédaction sera joignable.
js-not-sent-kept = L’entrée n’a pas été publiée ({ $status }) ; elle est revenue dans le formulaire.

# The formatting buttons above an entry's text (static/format.js). Each writes Markdown
# for the editor; "For context" is the same note readers see headed "For context".
js-format-toolbar = Mise en forme du texte
js-format-bold = Gras
js-format-italic = Italique
js-format-link = Lien
js-format-quote = Citation
js-format-list = Liste
js-format-context = Contexte
js-format-picture = Photo
js-format-picture-alt = Décrivez la photo
js-format-snippets = Textes enregistrés
js-snippets-none = La rédaction n’a pas encore de textes enregistrés.
js-snippets-manage = Gérer les textes enregistrés
form-poll = Sondage
form-poll-hint = Une question à laquelle les lecteurs répondent d’un clic, de deux à six réponses, une par ligne. Les chiffres bougent sur chaque page ouverte ; le sondage se ferme à son heure ou quand vous le fermez depuis le desk.
form-poll-question = Question
form-poll-answers = Réponses, une par ligne
form-poll-open = Ouvert
form-poll-until-closed = Jusqu’à ce que je le ferme
form-poll-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
form-poll-hours = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
}
desk-close-poll = Fermer le sondage
webhooks = Webhooks
webhooks-explained = Chaque changement d’une page (une entrée publiée, corrigée, épinglée ou supprimée ; la page modifiée, close ou rouverte) est envoyé en JSON à chaque adresse ci-dessous, dans l’ordre de la page, signé comme le dit la spécification Standard Webhooks. Une adresse qui ne répond pas par 2xx est réessayée pendant une journée, avec des attentes de plus en plus longues.
webhooks-added = Le webhook est ajouté.
webhooks-secret-once = Son secret, pour que le destinataire vérifie chaque signature, n’est montré que cette fois :
webhooks-none = Pas encore de webhooks.
webhooks-every-page = Toutes les pages
webhooks-added-by = ajouté par { $user }, { $time }
webhooks-remove = Retirer…
webhooks-remove-explained = Plus rien n’est envoyé à cette adresse, et ce qui l’attend est abandonné.
webhooks-remove-confirm = Oui, le retirer
webhooks-add = Ajouter un webhook
webhooks-not-added = Le webhook n’a pas été ajouté : voir ci-dessous.
webhooks-url = Adresse
webhooks-page = Pour
webhooks-add-button = Ajouter le webhook
webhooks-log = Derniers envois
webhooks-log-empty = Rien n’a encore été envoyé.
webhooks-log-change = Changement
webhooks-log-state = État
webhooks-log-tries = Essais
webhooks-log-answer = Dernière réponse
webhooks-state-waiting = En attente
webhooks-state-delivered = Livré
webhooks-state-failed = Abandonné
callout-ask = Solliciter les lecteurs
callout-ask-explained = Un formulaire sur la page en direct, sous le résumé, avec votre appel : les lecteurs envoient un message, leur prénom et leur lieu, peut-être une photo et un contact. Rien n’est montré aux lecteurs avant qu’un éditeur le publie.
callout-kind = Demander aux lecteurs
callout-kind-questions = Leurs questions
callout-kind-pictures = Leurs photos
callout-kind-sightings = Ce qu’ils voient
callout-prompt = Votre appel
callout-open = L’ouvrir sur la page
callout-change = Enregistrer le changement
callout-stop = Ne plus demander
answer-heading = Répondre à un lecteur
answer-contact = Pour le joindre (éditeurs seulement) :
answer-label = Votre réponse
answer-publish = Publier avec la réponse
answer-discard = Mettre de côté
answer-photo-alt = Photo envoyée par { $name }
answer-needed = Écrivez une réponse à publier avec.
answer-title-questions = Vos questions, nos réponses
answer-title-pictures = Vos photos
answer-title-sightings = Ce que vous voyez
done-set-aside = Mis de côté.
desk-from-readers = Des lecteurs
desk-asking = Appel aux lecteurs : { $prompt }
desk-with-photo = avec une photo
desk-answer = Répondre
desk-from-readers-count = { $count } des lecteurs
desk-readers-chart = Lecteurs des { $hours } dernières heures, au plus { $peak } à la fois
desk-entry-figures = { $views } vues de sa page · partagée { $shares } fois
