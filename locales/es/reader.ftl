# What readers see: the live page, its embed and teaser, and the page of one entry.
# The keys starting "js-" are read by the page's scripts (reader.js and live.js).

skip-to-content = Saltar al contenido
# The badge of a live page while it is open, and once it has ended.
live-badge = EN DIRECTO
page-ended = Esta cobertura en directo ha terminado
# After the page's title, on the second and later pages of the stream.
title-page-number = (página { $number })
last-updated = Última actualización: { $time }
# A time of publication: the date, the clock time and the time zone's abbreviation.
published-time = { $date }, { $time } { $zone }
pages-of-updates = Páginas de actualizaciones
newer-updates = Actualizaciones más recientes
earlier-updates = Actualizaciones anteriores
older-updates = Actualizaciones más antiguas
later-updates = Actualizaciones posteriores
page-of-pages = Página { $number } de { $count }
summary = Resumen
key-events = Momentos clave
pinned = Fijado
latest-updates = Últimas actualizaciones
no-updates-yet = Aún no hay actualizaciones. Las nuevas entradas aparecerán aquí.
pause-live = Pausar las actualizaciones en directo
resume-live = Reanudar las actualizaciones en directo
show-new-updates = Mostrar las nuevas actualizaciones
new-updates =
    { $count ->
        [one] { $count } nueva actualización
        [many] { $count } nuevas actualizaciones
       *[other] { $count } nuevas actualizaciones
    }
published-at = publicado el
updated-at = Actualizado: { $time }
image-source = Fuente de la imagen, { $credit }
video-source = Fuente del vídeo, { $credit }
audio-source = Fuente del audio, { $credit }
clip-captions = Subtítulos
clip-download = Descargar el archivo
corrections =
    { $count ->
        [one] { $count } corrección
        [many] { $count } correcciones
       *[other] { $count } correcciones
    }
# The box an entry's "[!NOTE]" quote becomes.
for-context = Contexto
label-breaking = Última hora
label-analysis = Análisis
label-explainer = Claves
label-fact-check = Verificación
label-watch = Vídeo
# Over the title of an entry marked as a key event.
key-event = Momento clave
all-updates = Todas las actualizaciones en la cobertura en directo
see-latest = Ver las últimas actualizaciones
js-new-since-last-visit = Nuevo desde tu última visita
js-share = Compartir
js-show-all = Mostrar todo
js-show-less = Mostrar menos
js-embed-show = Mostrar contenido de { $provider }
js-embed-always = Mostrar siempre contenido de { $provider }
js-embed-privacy = Al mostrarlo, { $provider } puede guardar cookies y saber que lees esta página.
js-other-updates = Actualizaciones nuevas fuera de esta vista: { $count }
js-gallery-previous = Foto anterior
js-gallery-next = Foto siguiente
embed-view-on = Ver en { $provider }
entry-tags = Etiquetas
gallery-role = galería
gallery-slide = foto
gallery-of = Fotos: { $count }
gallery-place = { $number } de { $count }
tagged-updates = Actualizaciones con la etiqueta «{ $tag }»
key-events-only = Solo los momentos clave
show-all-updates = Ver todas las actualizaciones
tag-feed = Canal de «{ $tag }»
js-share-entry = Compartir: { $title }
js-link-copied = Enlace copiado
js-link-to-entry = Enlace a esta entrada
js-new-update = Nueva actualización: { $title }
js-page-reopened = Esta cobertura en directo se ha reanudado.
js-page-ended = Esta cobertura en directo ha terminado.
js-just-now = ahora mismo
poll-vote = Votar
poll-see-results = Ver los resultados
poll-closes = La votación termina a las { $time }
poll-closed = La votación ha terminado.
poll-share = { $percent } % ({ $count ->
    [one] { $count } voto
   *[other] { $count } votos
})
poll-total = { $count ->
    [one] { $count } voto hasta ahora
   *[other] { $count } votos hasta ahora
}
poll-final = { $count ->
    [one] Resultado final: { $count } voto
   *[other] Resultado final: { $count } votos
}
poll-counted = Gracias: su voto está contado.
poll-already-voted = Desde este navegador ya se ha votado en esta encuesta.
poll-too-many = Han llegado demasiados votos desde su red en esta encuesta; el suyo no se ha contado.
poll-choose = Elija primero una respuesta.
poll-failed = No se pudo enviar su voto. Inténtelo de nuevo en un momento.
poll-back = Volver a la página en directo
poll-voted = Ya ha votado en esta encuesta.
callout-questions = Envíenos sus preguntas
callout-pictures = Envíenos sus fotos
callout-sightings = Cuéntenos lo que ve
callout-text = Su mensaje
callout-name = Su nombre
callout-place = Dónde está (opcional)
callout-photo = Una foto (opcional)
callout-contact = Correo o teléfono, solo para nuestros periodistas (opcional)
callout-contact-hint = Nunca se publica; se borra a los 30 días.
callout-leave-empty = Deje esto vacío
callout-send = Enviar
callout-not-published = Nada de lo que envíe se publica hasta que un editor lo haya leído.
callout-closed = Esta página no pide nada a los lectores ahora mismo.
callout-unreadable = No se pudo leer el formulario; no se envió nada.
callout-thanks = Gracias: su mensaje ha llegado a la redacción.
callout-too-many = Ha enviado varios mensajes en los últimos minutos; inténtelo un poco más tarde.
callout-sent-title = Su mensaje
callout-failed = No se pudo enviar su mensaje. Inténtelo de nuevo en un momento.
push-on = Avisarme de los hechos clave
push-off = Dejar de avisarme
push-turned-on = Le avisaremos de los hechos clave de esta página.
push-turned-off = Los avisos están desactivados.
push-refused = No se pudieron activar los avisos en este navegador.
