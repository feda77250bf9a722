# El escritorio (`cartero web`): sus páginas y lo que dice cuando no deja pasar.

desk-cannot-listen = no se puede escuchar en 127.0.0.1:{ $port } (quizá lo usa otro programa): elige otro con `--port`
desk-no-randomness = el sistema no ha dado bytes aleatorios para la clave secreta del escritorio
desk-refused-host = este escritorio solo responde en 127.0.0.1 y localhost: abre la dirección que cartero escribió en la terminal
desk-refused-token = esta página necesita la dirección secreta que cartero escribió en la terminal al empezar `cartero web`: abre esa
desk-refused-origin = un cambio solo puede venir de la propia página del escritorio: recárgala y vuelve a intentarlo
desk-refused = Aquí no
desk-failed = algo ha fallado: { $why }
desk-title = el escritorio
desk-clients = Clientes
desk-search = Busca por nombre o correo
desk-filter-all = todos
desk-filter-to-decide = por decidir
desk-filter-approved = aprobados
desk-filter-sent = enviados
desk-filter-answered = han respondido
desk-circle-loved = muy bien
desk-circle-ignored = normal
desk-circle-hated = mal
desk-flag-mass = parece un envío masivo
desk-flag-no-note = sin nota personal
desk-no-match = Ningún cliente coincide.
desk-name = Cliente
desk-address = Correo
desk-state = Estado
desk-circle = Afinidad
desk-personal = personal
desk-affinity = afinidad
desk-note = Lo que sabes de este cliente
desk-no-note-yet = Aún no hay nota: añádela en la lista de clientes.
desk-other-columns = De la lista
desk-past = Cartas de otros años
desk-no-past = Es la primera carta a este cliente.
desk-they-answered = respondió
desk-no-answer = sin respuesta registrada
desk-answered-on = respondió el { $date }
desk-memories = Recuerdos
desk-remember = Recordar
desk-remember-hint = algo que recordar para el año que viene
desk-letter = La carta
desk-warnings = Avisos
desk-save = Guardar
desk-approve = Aprobar
desk-skip = Omitir
desk-reject = Rechazar
desk-previous = anterior
desk-next = siguiente
desk-back = todos los clientes
desk-shortcuts = Teclas:
desk-shortcut-keys = a aprobar · o omitir · r rechazar · e escribir · m recordar · → siguiente · ← anterior · en la carta: Ctrl+Intro aprobar, Ctrl+S guardar, Esc para salir de ella
desk-no-draft = Aún no hay borrador: ejecuta `cartero draft`.
desk-conflict = El borrador ha cambiado en el disco mientras escribías
desk-conflict-hint = Otro editor ha guardado este borrador después de que esta página lo mostrara. No se ha escrito nada: elige qué texto quieres conservar.
desk-yours = Tu texto, el de esta página
desk-theirs = El texto que hay ahora en el disco
desk-keep-yours = Quedarme con el mío
desk-keep-theirs = Quedarme con el del disco
desk-state-new = sin borrador
desk-state-drafted = por decidir
desk-state-edited = retocado, por decidir
desk-state-approved = aprobado
desk-state-skipped = omitido
desk-state-rejected = rechazado
desk-state-sending = enviándose
desk-state-sent = enviado
desk-state-failed = falló
desk-state-uncertain = sin confirmar
desk-state-missing = falta el borrador
desk-decided = { $decided } de { $total } decididos
desk-shown = { $shown ->
    [one] 1 a la vista
   *[other] { $shown } a la vista
}
desk-no-such-client = No hay ningún cliente así en la lista.
desk-done-approved = Aprobada: { $who }.
desk-done-skipped = Omitida: { $who }.
desk-done-rejected = Rechazada: { $who }.
desk-done-saved = Guardado.
desk-done-remembered = Guardado en el archivo histórico.
desk-position = { $n } de { $total }
desk-cannot-approve = Guardado, pero no aprobado: { $why }
desk-bad-action = Esta página ha pedido algo que el escritorio no hace: recárgala.
desk-draft-gone = El archivo del borrador ya no está: `cartero draft` lo vuelve a escribir.
cmd-web-open = el escritorio está abierto en { $url }
cmd-web-stop = (deja esta ventana abierta mientras escribes; Ctrl-C cierra el escritorio, y lo guardado queda guardado)
cmd-web-no-browser = aquí no se ha podido abrir un navegador: abre en el tuyo la dirección de arriba
cmd-web-closed = el escritorio se ha cerrado
desk-find = Buscar
desk-send = Enviar
desk-send-title = Enviar las cartas aprobadas
desk-send-approved = { $count ->
    [0] Aún no hay ninguna carta aprobada: aprueba alguna primero.
    [one] Hay 1 carta aprobada, que irá solo a su cliente.
   *[other] Hay { $count } cartas aprobadas, cada una solo a su cliente.
}
desk-send-button = { $count ->
    [one] Enviar 1 carta ahora
   *[other] Enviar { $count } cartas ahora
}
desk-send-server = por { $host }:{ $port }
desk-send-no-smtp = no hay `[smtp]` en cartero.toml: añade tu servidor para enviar desde aquí
desk-send-as = como { $sender }
desk-smtp-password = Contraseña para enviar (SMTP)
desk-imap-password = Contraseña de tu buzón (IMAP)
desk-password-hint = Se guarda en memoria solo para este envío y no se escribe en ningún sitio.
desk-replies-button = Ver quién ha contestado (`cartero replies`)
desk-running = En marcha: cada carta sale como la envía `cartero send`. Deja esta página abierta o vuelve luego.
desk-ended = Hecho. La lista muestra cómo va ahora cada cliente.
desk-busy = Hay un envío o una búsqueda de respuestas en marcha y tiene los borradores: espera a que acabe y vuelve a intentarlo.
desk-no-exe = no se encuentra el propio programa de cartero para hacer el envío
desk-waiting-for-lock = esperando la carpeta de borradores: { $why }
