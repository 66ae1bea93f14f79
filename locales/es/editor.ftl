# The newsroom's own pages, in the language each person chooses on their account.

## Every page
newsroom = Redacción
people = Equipo
signed-in-as = Sesión iniciada como { $user }
sign-out = Cerrar sesión
live = EN DIRECTO
ended = Terminada

## The newsroom's front page
waiting-for-approval-count = Pendientes de aprobación ({ $count })
by-for-page = de { $user }, para { $page }
start-live-page = Iniciar una nueva cobertura en directo
live-pages = Coberturas en directo
updates-count =
    { $count ->
        [one] { $count } actualización
        [many] { $count } actualizaciones
       *[other] { $count } actualizaciones
    }
readers-view = vista del lector

## Your account
your-account = Tu cuenta
language-heading = Idioma
language-hint = Las páginas de la redacción (estos menús, formularios y botones) se muestran en este idioma. Cada cobertura en directo tiene su propio idioma para sus lectores, en su configuración.
language-label = Idioma de las páginas de la redacción
save-language = Guardar idioma
language-saved = Las páginas de la redacción ya están en español.
change-password = Cambiar tu contraseña
password-sessions-end = Se cierran todas las sesiones de tu cuenta, en todos los dispositivos: después tendrás que volver a iniciar sesión.
password-not-changed = Tu contraseña no se ha cambiado. Corrige el campo marcado abajo.
current-password = Contraseña actual
new-password = Nueva contraseña
password-hint = Al menos 10 caracteres
change-password-button = Cambiar contraseña

## The compose page
compose-readers-view = Vista del lector de esta cobertura
live-page-settings = Configuración de la cobertura
compose-page-ended = Esta cobertura en directo ha terminado: los lectores la ven cerrada. Las correcciones les siguen llegando, pero no se publica nada nuevo hasta que un administrador la reabra.
# What an admin reads: { $settings } is a link to the page's settings, in the words of compose-settings-link.
compose-page-ended-admin = Esta cobertura en directo ha terminado: los lectores la ven cerrada. Las correcciones les siguen llegando, pero no se publica nada nuevo hasta que un administrador la reabra en { $settings }.
compose-settings-link = la configuración de la cobertura

## What the compose page says after a change went through
done-published = Publicada. El formulario está listo para la siguiente entrada.
done-approved = Aprobada y publicada.
done-corrected = Corrección guardada.
# After pinning, unpinning or marking a key event.
done-marked = Guardado.
done-deleted = Eliminada.
done-submitted = Enviada para su aprobación. Un editor la publicará o te la devolverá.
done-scheduled = Programada. Aparece abajo hasta que se publique automáticamente.
done-unscheduled = Se ha quitado de la programación; se conserva en tus borradores.
done-sent-back = Devuelta a su autor con tu nota.
done-discarded = Borrador descartado.
done-saved = Borrador guardado. Solo tú puedes verlo hasta que lo envíes o lo publiques.
done-settings-saved = Configuración guardada: los lectores ven al instante el nuevo título, la descripción y el resumen.
done-restored = Restaurada: la entrada vuelve a su lugar para todos los lectores.
# A second click on a draft's button, or a colleague who acted on it first.
done-gone = Ese borrador ya no está disponible: ya se había publicado o descartado, o su autor lo había retirado. No se ha publicado nada dos veces.

## The entry form: a new entry, a draft, an entry under review, or a correction
form-new-entry = Nueva entrada
form-review-entry = Revisar una entrada de { $user }
form-scheduled-entry = Entrada programada
form-draft = Borrador
# { $id } is the entry's number.
form-correct-entry = Corregir la entrada { $id }
# { $names } are one or more colleagues' names, separated by commas; { $count } is how many.
form-others-editing =
    { $count ->
        [one] { $names } también tiene abierta esta entrada para corregirla.
        [many] { $names } también tienen abierta esta entrada para corregirla.
       *[other] { $names } también tienen abierta esta entrada para corregirla.
    }
# An editor sent the draft back to its author with a note, shown after this.
form-sent-back-by = Devuelta por { $user }:
# { $time } is written as the page's readers read a time, as in "16:16 GMT 14 March".
form-scheduled-for = Publicación automática programada: { $time }.
form-not-saved = No se ha guardado nada. Corrige los campos marcados abajo; tu texto se conserva.
form-page-ended = Esta cobertura en directo ha terminado, así que ya no se publica nada nuevo en ella. Tu entrada se conserva en este formulario: guárdala como borrador o pide a un administrador que reabra la cobertura.
# { $user } saved the draft again while this person had it open; the two versions are shown side by side below.
form-draft-saved-again = { $user } ha vuelto a guardar esta entrada mientras la tenías abierta. No se ha publicado ni devuelto nada.
form-draft-side-by-side = Su última versión está a la izquierda y la tuya sigue en el formulario: modifícala si hace falta y vuelve a enviarla, o cancela.
# A correction that a colleague saved first; the two versions are shown side by side below.
form-entry-saved-meanwhile = Otra persona ha guardado esta entrada mientras la editabas. No se ha guardado nada tuyo.
form-entry-saved-meanwhile-by = Otra persona ha guardado esta entrada mientras la editabas ({ $user }). No se ha guardado nada tuyo.
form-entry-side-by-side = Su versión está a la izquierda y la tuya sigue en el formulario: modifícala si hace falta y vuelve a guardarla para sustituir la suya, o cancela para conservar la suya.
form-their-version = Su versión guardada
form-your-version = Tu versión
form-headline = Titular
form-text = Texto
# "> ", "- " and "[!NOTE]" are Markdown and stay as they are; "For context" is what readers see on such a note.
form-text-hint = Markdown: una línea en blanco entre párrafos, > para una cita, - para una lista y una cita que empiece por [!NOTE] para una nota de «Contexto». Ctrl+Enter publica.
form-label = Etiqueta
form-tags = Etiquetas
form-tags-hint = Hilos de la historia que los lectores pueden seguir, separados por comas.
form-tags-in-use = En uso en esta página: { $names }.
form-tags-example = Puerto, Evacuación
# No label on the entry.
form-label-none = Ninguna
# The labels an entry can carry, as its readers see them.
entry-label-breaking = Última hora
entry-label-analysis = Análisis
entry-label-explainer = Claves
entry-label-fact-check = Verificación
entry-label-watch = Vídeo
form-byline = Firma
form-profiles-hint = El equipo de la redacción, por el nombre de su perfil; el nombre de un invitado va debajo.
form-profile = Perfil { $number }
form-byline-name = Nombre
form-byline-role = Cargo
# An example of a byline's role, shown in the empty field.
form-byline-role-example = Periodista de la cobertura
form-byline-kept = Se conserva de tu última entrada.
form-image = Imagen
form-upload-image = Subir una imagen
# { $size } is a number of megabytes.
form-upload-image-hint = JPEG, PNG, WebP o GIF, hasta { $size } MB: elige una, suéltala aquí o pégala en el texto; o indica una dirección abajo
form-attached-image = La imagen adjunta
form-image-address = Dirección de la imagen
form-alt-text = Texto alternativo
form-caption = Pie de foto
form-credit = Crédito
form-gallery = Galería
form-gallery-hint = Fotos tras el texto, en este orden, hasta { $limit }; los lectores las pasan con el dedo. Una fila vacía no es ninguna foto.
form-gallery-picture = Foto { $number }
form-gallery-add = Añadir fotos
form-clip = Vídeo o audio
form-clip-hint = Un archivo MP4, WebM, MP3, AAC u Ogg, que se reproduce tras el texto; los lectores no cargan nada hasta que pulsan reproducir. Se eliminan sus etiquetas (entre ellas la ubicación de un teléfono).
form-clip-file = Elegir un archivo
form-clip-address = Dirección del archivo subido
form-clip-captions-file = Subtítulos (archivo WebVTT)
form-clip-captions-address = Dirección de los subtítulos
form-post = Publicación de otra plataforma
form-post-hint = La dirección de una publicación en una línea propia del texto, o aquí, se convierte en una tarjeta que los lectores abren cuando quieren. Copia quién la publicó y qué dice: la entrada lo conserva si la publicación se retira.
form-post-address = Dirección de la publicación
form-post-author = Publicado por
form-post-author-example = AEMET (@AEMET_Esp)
form-post-text = Qué dice
form-correction-note = Nota de corrección
form-correction-note-hint = Opcional y pública, como «Se ha corregido el número de hogares sin electricidad». Déjala vacía si es un arreglo menor.
form-published-at = Publicada a las (hora de { $zone })
form-published-at-hint = Pon una hora anterior y la entrada ocupará su lugar en el directo para todos los lectores: para noticias contadas antes de publicarse aquí.
form-key-event = Momento clave
form-pin = Fijar encima de las actualizaciones
form-save-correction = Guardar corrección
form-approve = Aprobar y publicar
form-publish-now = Publicar ahora
form-publish = Publicar
form-submit-again = Volver a enviar
form-submit = Enviar para aprobación
form-preview = Vista previa
form-save-draft-unscheduled = Guardar como borrador, sin programar
form-save-draft = Guardar borrador
form-cancel = Cancelar
form-discard-draft = Descartar borrador…
form-discard-gone = Se eliminará para siempre.
form-discard-confirm = Sí, descartarlo
form-send-back-open = Devolver con una nota…
form-send-back-note = Qué debería cambiar
form-send-back = Devolver
form-schedule-open = Programar para más tarde…
# { $zone } is the page's time zone, as in Europe/London.
form-publish-at = Fecha y hora de publicación (hora de { $zone })
form-schedule = Programar
form-preview-not-published = Vista previa: sin publicar
form-preview-waiting = Mientras escribe, la entrada aparece aquí tal como la verán los lectores.
form-choose-image = Elige una imagen para adjuntar.
# Shown in the preview in place of what is not typed yet.
preview-no-headline = (Aún sin titular)
preview-no-text = (Aún sin texto)
# Before a list of what is wrong with the entry as typed.
preview-not-ready = Aún no se puede publicar:

## The desk beside the entry form
desk-readers =
    { $count ->
        [one] { $count } lector tiene abierta esta cobertura
        [many] { $count } lectores tienen abierta esta cobertura
       *[other] { $count } lectores tienen abierta esta cobertura
    }
desk-queue-count =
    { $count ->
        [one] { $count } entrada pendiente de aprobación
        [many] { $count } entradas pendientes de aprobación
       *[other] { $count } entradas pendientes de aprobación
    }
desk-waiting = Pendientes de aprobación
alerts-sent-back = { $user } le devolvió «{ $title }» ({ $page }):
alerts-published = «{ $title }» se publicó en { $page }.
alerts-open-draft = Abrirla
alerts-see-entry = Verla como los lectores
alerts-dismiss = Descartar
alerts-label = Avisos
desk-by = de { $user }
desk-your-drafts = Tus borradores
desk-scheduled = Programadas
# Where one of your drafts stands.
desk-state-waiting = pendiente de aprobación
desk-state-saved-at = guardado a las { $time }
desk-state-sent-back = devuelto por { $user }
# { $time } is written as the page's readers read a time, as in "16:16 GMT 14 March".
desk-state-publishes-at = publicación programada: { $time }
# A scheduled entry: when it publishes itself, and who wrote it.
desk-scheduled-by = de { $user }, publicación programada: { $time }
desk-unreadable = No se pudieron leer
desk-unreadable-draft = Borrador { $id }: { $reason }. Se conserva tal cual; los demás siguen.
desk-cancel-schedule = Cancelar la programación
desk-published = Publicadas
# Before the headline of the pinned entry.
desk-pinned = Fijada:
# Before the headline of an entry marked as a key event.
# Who wrote a published entry, and who corrected it last.
desk-by-changed-by = de { $user }, modificada por { $editor }
# An entry with no author on record, corrected by { $editor }.
desk-changed-by = modificada por { $editor }
desk-correct = Corregir
desk-pin = Fijar
desk-unpin = Dejar de fijar
desk-mark-key-event = Marcar como momento clave
desk-unmark-key-event = Quitar de momentos clave
desk-delete = Eliminar…
desk-deleted = Eliminadas en los últimos 30 días
desk-deleted-by = Eliminada por { $user } a las { $time }
desk-restore = Restaurar
desk-history = Historial
history-heading = Historial de una entrada
history-version = Versión { $number }
history-saved = { $time }, por { $user }
history-published = Publicada.
history-first-kept = La primera versión guardada.
history-nothing-shown = Guardada de nuevo, sin cambios visibles para los lectores.
history-older-not-kept = No se muestran las versiones guardadas antes de que las entradas conservaran su historial.
history-yes = sí
history-no = no
history-publication-time = Hora de publicación
history-correction-notes = Notas de corrección
snippets-heading = Textos guardados
snippets-link-hint = los textos que la redacción añade a las entradas con un clic
snippets-explained = Textos que la redacción guarda una vez, como «Lo que sabemos» o consejos de seguridad, y que cualquier editor añade a una entrada con un clic, desde el botón Textos guardados sobre el texto. Como máximo { $limit }.
snippets-saved-by = Guardado por última vez por { $user }
snippets-name = Nombre
snippets-name-hint = Como dirá el botón, por ejemplo «Consejos de seguridad»
snippets-text = Texto
snippets-save = Guardar texto
snippets-delete = Eliminar texto…
snippets-delete-explained = Las entradas en las que se usó conservan su texto.
snippets-delete-confirm = Eliminarlo
snippets-add = Añadir un texto
snippets-add-button = Añadir texto
snippets-not-saved = No se guardó nada. Corrige los campos marcados abajo; tu texto se conserva.
snippets-done-saved = Texto guardado: se ofrece sobre el texto de cada entrada.
snippets-done-deleted = Texto eliminado.
labels-heading = Etiquetas
labels-link-hint = los tipos de entrada que se nombran sobre el titular, en cada idioma
labels-explained = Los tipos de entrada que la redacción nombra sobre el titular, como Última hora o Análisis, cada uno con su nombre en cada idioma de las páginas. Las entradas conservan la etiqueta tal como era al guardarlas. Como máximo { $limit }.
labels-key = Clave
labels-key-hint = Lo que envían los formularios y la API, en minúsculas, cifras y guiones, como kursk-offensive; no se puede cambiar después
labels-save = Guardar etiqueta
labels-delete = Quitar etiqueta…
labels-delete-explained = Las entradas que la llevan la conservan; ya no se ofrece para las nuevas.
labels-delete-confirm = Quitarla
labels-add = Añadir una etiqueta
labels-add-button = Añadir etiqueta
labels-not-saved = No se guardó nada. Corrija los campos marcados abajo; su texto se conserva.
labels-done-saved = Etiqueta guardada: el formulario de entradas la ofrece.
labels-done-deleted = Etiqueta quitada.
labels-language-en = Inglés
labels-language-es = Español
labels-language-fr = Francés
labels-language-de = Alemán
labels-language-ar = Árabe
labels-language-hi = Hindi
labels-language-zh-Hans = Chino (simplificado)
profiles-heading = Perfiles
profiles-link-hint = el equipo de la redacción, con las caras que los lectores ven en las firmas
profiles-explained = El equipo de la redacción tal como los lectores lo ven en las firmas: nombre, cargo, foto, una línea y un enlace. Una entrada los nombra en su firma y guarda el perfil tal como era al guardarse.
profiles-line = Línea breve
profiles-link = Enlace
profiles-photo-url = Dirección de la foto
profiles-photo = Foto
profiles-save = Guardar perfil
profiles-delete = Eliminar perfil…
profiles-delete-explained = Las entradas que lo nombran conservan su firma tal como era.
profiles-add = Añadir un perfil
profiles-add-button = Añadir perfil
profiles-done-saved = Perfil guardado: su nombre se ofrece en la firma de cada entrada.
profiles-done-deleted = Perfil eliminado.

## Deleting an entry
delete-title = Eliminar una entrada
delete-question = ¿Eliminar esta entrada?
delete-explained = Desaparece al instante de la página de todos los lectores, del feed y de la API. Durante 30 días un editor puede restaurarla desde la página de redacción.
delete-confirm = Eliminarla
delete-keep = Conservarla
delete-the-entry = La entrada

## A live page's settings
settings-new-page = Nueva cobertura en directo
settings-back = Volver a la página de edición
settings-not-saved = No se ha guardado nada. Corrige los campos marcados abajo.
settings-title = Título
# The page's address on the site.
settings-address = Dirección
settings-address-hint = /live/ seguido de letras minúsculas, cifras y guiones, como storm-live
settings-description = Descripción
settings-summary = Resumen
settings-summary-hint = Un punto clave por línea
settings-time-zone = Zona horaria
settings-time-zone-hint = Las horas de la página se muestran en esta zona, como Europe/London o America/New_York; basta el nombre de una ciudad, como London
settings-reading-order = Orden de lectura
settings-newest-first = Las más recientes primero
settings-oldest-first = Las más antiguas primero (preguntas y respuestas, cronología)
# The language the live page is written in, for its readers.
settings-language = Idioma
settings-language-hint = El idioma en que está escrita la página, como etiqueta de idioma: en-GB, es, fr, de, ar, hi, zh-Hans…
settings-embed-origins = Sitios que pueden mostrar esta página en sus artículos
settings-embed-origins-hint = Sus direcciones, una por línea, como https://news.example; además de los que se admiten en todas las páginas
settings-save = Guardar configuración
settings-create = Crear cobertura en directo
settings-close = Cerrar esta cobertura en directo…
settings-close-explained = Se avisa al instante a todos los lectores de que ha terminado; se puede seguir leyendo, las correcciones les siguen llegando y no se puede publicar nada nuevo hasta que se reabra.
settings-close-confirm = Sí, cerrarla
settings-ended = Esta cobertura en directo ha terminado.
settings-reopen = Reabrirla
embed-heading = Insertar esta página en un artículo
embed-loader = Pégalo en el artículo, en uno de los sitios indicados arriba
embed-frame = O bien, si el sitio no admite scripts
embed-copy = Copiar el código
# On the copy button, once the code is copied.
embed-copied = Copiado
# The title of the frame in the embed code, read out to the article's readers: it is taken in the live page's language, not the newsroom's.
embed-frame-title = Actualizaciones en directo

## The newsroom's people
role-contributor = colaborador
role-editor = editor
role-admin = administrador
people-remove = Eliminar a { $user }…
people-remove-explained = Se cierra su sesión en todas partes al instante y ya no puede iniciar sesión. Lo que haya publicado se mantiene.
people-remove-confirm = Sí, eliminar a { $user }
people-add-someone = Añadir a alguien
people-not-added = No se ha añadido a nadie. Corrige los campos marcados abajo.
people-user-name = Nombre de usuario
people-role = Rol
# Each role as the form offers it: its name (as in role-contributor), then what it may do.
people-role-contributor = colaborador: escribe entradas que un editor debe aprobar
people-role-editor = editor: publica, corrige, fija y elimina entradas
people-role-admin = administrador: además gestiona las coberturas en directo y el equipo
people-password = Contraseña
people-password-hint = Al menos 10 caracteres; dásela en persona
people-add = Añadir

## What the compose page's script (editor.js) writes. It fills in each { $name } itself.
# { $link } is a link in the words of js-sign-in-again.
js-session-ended = Tu sesión ha caducado. Lo que has escrito se conserva en este navegador: { $link }.
js-sign-in-again = vuelve a iniciar sesión para continuar
js-restored = Se ha recuperado lo que habías escrito en este navegador.
# { $time } is when it was typed, as in 16:40.
js-restored-at = Se ha recuperado lo que habías escrito en este navegador ({ $time }).
js-saved-again = La entrada se ha vuelto a guardar desde que escribiste esto: compáralo con la versión guardada antes de enviarlo.
# A button that throws away the text restored from the browser.
js-discard-restored = Descartarlo
# Shown once a field's text is over its limit, which is 100 characters or more.
js-over-limit = { $used } caracteres: { $over } por encima del límite de { $limit }
# { $name } is the image file's name.
js-attaching = Adjuntando { $name }…
js-attaching-image = Adjuntando la imagen…
js-image-not-attached = No se ha podido adjuntar la imagen.
js-image-refused = «{ $name }» no se adjuntó: { $reason } La entrada se publicará sin ella, salvo que elijas otra imagen.
js-clip-sending = Enviando { $name }: { $percent } %
js-clip-making = Comprobando { $name } y quitando sus etiquetas…
js-clip-attached = { $name } está adjunto.
js-clip-refused = «{ $name }» no se adjuntó: { $reason }
js-kept-aside = «{ $title }» no se publicó: no se pudo contactar con la redacción. Se conserva en este navegador.
js-put-back = Devolverla al formulario
# { $titles } are the headlines of entries that have just arrived, separated by commas.
js-waiting-for-approval = Pendientes de aprobación: { $titles }
# Before the headline of an entry that was deleted while it was being corrected.
js-deleted-meanwhile = Eliminada mientras tanto.
# { $status } is an HTTP status code, as in 500.
js-did-not-work = No ha funcionado ({ $status }); recarga la página y vuelve a intentarlo.
js-unreachable = No se ha podido conectar con la redacción; no se ha cambiado nada.
js-close-correction = ¿Cerrar esta corrección? Lo que has escrito sigue guardado en este navegador.
# { $status } is an HTTP status code, as in 404.
js-correction-not-saved = La corrección no se ha guardado ({ $status }). Lo que has escrito sigue en el formulario.
# { $reason } is the newsroom's explanation, in English.
js-correction-not-saved-because = La corrección no se ha guardado ({ $status }: { $reason }). Lo que has escrito sigue en el formulario.
js-correction-kept = No se ha podido conectar con la redacción; tu corrección se conserva en el formulario.
# { $title } is an entry's headline.
js-just-published = Recién publicada: { $title }
js-just-changed = Recién modificada: { $title }
js-entry-deleted = Se acaba de eliminar una entrada.
js-kept-as-draft = Una entrada que enviaste no se publicó; vuelve a estar en el formulario, con sus problemas señalados. Lo que escribiste después se guarda en Tus borradores.
js-not-published = Una entrada que enviaste no se publicó: «{ $title }». Envíala de nuevo cuando se pueda conectar con la redacción.
js-not-sent-kept = La entrada no se publicó ({ $status }); vuelve a estar en el formulario.

# The formatting buttons above an entry's text (static/format.js). Each writes Markdown
# for the editor; "For context" is the same note readers see headed "For context".
js-format-toolbar = Formato del texto
js-format-bold = Negrita
js-format-italic = Cursiva
js-format-link = Enlace
js-format-quote = Cita
js-format-list = Lista
js-format-context = Contexto
js-format-picture = Foto
js-format-picture-alt = Describe la foto
js-format-snippets = Textos guardados
js-snippets-none = La redacción aún no tiene textos guardados.
js-snippets-manage = Gestionar textos guardados
form-poll = Encuesta
form-poll-hint = Una pregunta que los lectores responden con un clic, de dos a seis respuestas, una por línea. Las cifras se mueven en cada página abierta; la encuesta se cierra a su hora o cuando usted la cierra desde la mesa.
form-poll-question = Pregunta
form-poll-answers = Respuestas, una por línea
form-poll-open = Abierta
form-poll-until-closed = Hasta que yo la cierre
form-poll-minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minutos
}
form-poll-hours = { $count ->
    [one] { $count } hora
   *[other] { $count } horas
}
desk-close-poll = Cerrar la encuesta
webhooks = Webhooks
webhooks-explained = Cada cambio de una página (una entrada publicada, corregida, fijada o borrada; la página cambiada, cerrada o reabierta) se envía como JSON a cada dirección de abajo, en el orden de la página, firmado como dice la especificación Standard Webhooks. Una dirección que no responde con 2xx se vuelve a intentar durante un día, con esperas cada vez más largas.
webhooks-added = El webhook está añadido.
webhooks-secret-once = Su secreto, para que el receptor compruebe cada firma, se muestra solo esta vez:
webhooks-none = Aún no hay webhooks.
webhooks-every-page = Todas las páginas
webhooks-added-by = añadido por { $user }, { $time }
webhooks-remove = Quitar…
webhooks-remove-explained = No se enviará nada más a esta dirección, y lo que espera se descarta.
webhooks-remove-confirm = Sí, quitarlo
webhooks-add = Añadir un webhook
webhooks-not-added = El webhook no se ha añadido: vea abajo.
webhooks-url = Dirección
webhooks-page = Para
webhooks-add-button = Añadir el webhook
webhooks-log = Últimos envíos
webhooks-log-empty = Aún no se ha enviado nada.
webhooks-log-change = Cambio
webhooks-log-state = Estado
webhooks-log-tries = Intentos
webhooks-log-answer = Última respuesta
webhooks-state-waiting = En espera
webhooks-state-delivered = Entregado
webhooks-state-failed = Abandonado
callout-ask = Preguntar a los lectores
callout-ask-explained = Un formulario en la página en directo, bajo el resumen, con su llamada: los lectores envían un mensaje, su nombre y lugar, quizá una foto y un contacto. No se muestra nada a los lectores hasta que un editor lo publica.
callout-kind = Pedir a los lectores
callout-kind-questions = Sus preguntas
callout-kind-pictures = Sus fotos
callout-kind-sightings = Lo que ven
callout-prompt = Su llamada
callout-open = Abrirlo en la página
callout-change = Guardar el cambio
callout-stop = Dejar de preguntar
answer-heading = Responder a un lector
answer-contact = Cómo contactarle (solo editores):
answer-label = Su respuesta
answer-publish = Publicar con la respuesta
answer-discard = Apartar
answer-photo-alt = Foto enviada por { $name }
answer-needed = Escriba una respuesta para publicar con ello.
answer-title-questions = Respondemos a sus preguntas
answer-title-pictures = Sus fotos
answer-title-sightings = Lo que ven ustedes
done-set-aside = Apartado.
desk-from-readers = De los lectores
desk-asking = Pidiendo a los lectores: { $prompt }
desk-with-photo = con foto
desk-answer = Responder
desk-from-readers-count = { $count } de los lectores
desk-readers-chart = Lectores en las últimas { $hours } horas, como mucho { $peak } a la vez
desk-entry-figures = { $views } visitas a su página · compartida { $shares } veces
