# La impresora (src/report/): lo que dice cada orden, área por área.
# Las líneas que empiezan sangradas se sangran en el código: los mensajes no llevan espacios delante.

## Compartido

report-answer-unreadable = no se pudo leer la respuesta
report-password-unreadable = no se pudo leer la contraseña
report-list-has-errors = la lista de clientes tiene errores: corrígelos y vuelve a intentarlo
report-rows-left-out = aviso: los clientes de las filas de arriba quedan fuera hasta que corrijas la lista (`cartero check`)
report-same-on = lo mismo en { $places }
report-and-more = { $shown } y { $more } más
report-circle-loved = queridos
report-circle-ignored = indiferentes
report-circle-hated = odiados
report-circle-none = sin círculo

## check

check-clients-in = { $count ->
    [one] 1 cliente
   *[other] { $count } clientes
} en `{ $list }`
check-read-as = leída como { $export }: nombre, correo, nota y empresa de sus propias columnas
check-export-google = una exportación de Google Contactos
check-export-outlook = una exportación de Outlook
check-export-vcard = un archivo vCard
check-columns = columnas: { $columns }
check-circles = círculos: { $loved } { $loved ->
    [one] querido
   *[other] queridos
}, { $ignored } { $ignored ->
    [one] indiferente
   *[other] indiferentes
}, { $hated } { $hated ->
    [one] odiado
   *[other] odiados
}
check-circles-no-affinity = círculos: { $loved } { $loved ->
    [one] querido
   *[other] queridos
}, { $ignored } { $ignored ->
    [one] indiferente
   *[other] indiferentes
}, { $hated } { $hated ->
    [one] odiado
   *[other] odiados
}, { $none } sin afinidad
check-every-note = todos los clientes tienen nota personal
check-without-note = sin nota personal: { $count } ({ $names })
check-share = parte personal: { $share } % de media; { $mass } de { $total } correos parecen un envío masivo

## draft y review

draft-share = parte personal: { $share } % de media; { $mass } { $mass ->
    [one] parece
   *[other] parecen
} un envío masivo; { $unnoted } sin nota personal
draft-share-named = parte personal: { $share } % de media; { $mass } { $mass ->
    [one] parece
   *[other] parecen
} un envío masivo ({ $names }); { $unnoted } sin nota personal
draft-conflict = conflicto: `{ $name }` ({ $email }) cambió en la lista de clientes después de que editaras el borrador; se conserva tu borrador y la versión nueva está en `{ $new }`
draft-off-list = nota: `{ $key }` ya no está en la lista de clientes; su borrador `{ $draft }` se conserva y no se enviará
draft-summary = { $count ->
    [one] 1 borrador
   *[other] { $count } borradores
} en `{ $dir }`: { $written } { $written ->
    [one] nuevo
   *[other] nuevos
}, { $refreshed } { $refreshed ->
    [one] actualizado
   *[other] actualizados
}, { $kept } { $kept ->
    [one] editado por ti y conservado
   *[other] editados por ti y conservados
}, { $unchanged } sin cambios
# La pregunta de review tras cada borrador (el código añade el espacio de después).
review-prompt = [a]probar [e]ditar [o]mitir [r]echazar sa[l]ir:

## status: encabezados y estados de la tabla (`status --json` conserva sus palabras)

status-heading-state = estado
status-heading-personal = personal
status-heading-name = nombre
status-heading-draft = borrador
status-state-new = nuevo
status-state-drafted = redactado
status-state-edited = editado
status-state-approved = aprobado
status-state-skipped = omitido
status-state-rejected = rechazado
status-state-sending = enviando
status-state-sent = enviado
status-state-failed = fallido
status-state-uncertain = sin confirmar
status-state-missing = sin archivo
status-count-new = { $count ->
    [one] 1 nuevo
   *[other] { $count } nuevos
}
status-count-drafted = { $count ->
    [one] 1 redactado
   *[other] { $count } redactados
}
status-count-edited = { $count ->
    [one] 1 editado
   *[other] { $count } editados
}
status-count-approved = { $count ->
    [one] 1 aprobado
   *[other] { $count } aprobados
}
status-count-skipped = { $count ->
    [one] 1 omitido
   *[other] { $count } omitidos
}
status-count-rejected = { $count ->
    [one] 1 rechazado
   *[other] { $count } rechazados
}
status-count-sending = { $count } enviando
status-count-sent = { $count ->
    [one] 1 enviado
   *[other] { $count } enviados
}
status-count-failed = { $count ->
    [one] 1 fallido
   *[other] { $count } fallidos
}
status-count-uncertain = { $count } sin confirmar
status-count-missing = { $count } sin archivo
status-count-answered = { $count } con respuesta
status-count-waiting = { $count } en espera
status-count-no-copy = { $count } aún sin copia en Enviados
status-count = { $clients }: { $states }
status-answered-on = respondió el { $day }
status-no-copy-yet = aún no hay copia en Enviados ({ $why }); el próximo `cartero send` lo vuelve a intentar
status-removed = ya no está en la lista: { $key } (se conserva el borrador `{ $draft }`, no se envía)
status-removed-approved = ya no está en la lista: { $key } (se conserva el borrador `{ $draft }`, no se envía; estaba aprobado)
status-ask-uncertain = { $count ->
    [one] 1 carta puede haber llegado o no
   *[other] { $count } cartas pueden haber llegado o no
} (mira arriba): pregunta a esos clientes y luego usa `cartero send --arrived EMAIL` para cada una que llegó, o `cartero send --resend EMAIL` para cada una que no
status-next = siguiente paso: { $step }
status-also = además: { $step }
status-next-draft = siguiente paso: `cartero draft` escribe los borradores que faltan
status-next-review = siguiente paso: `cartero review` para leer y aprobar los borradores
status-next-send = siguiente paso: `cartero send --to-self` para una prueba, y luego `cartero send`
status-next-copies = siguiente paso: { $count ->
    [one] 1 carta aún no tiene
   *[other] { $count } cartas aún no tienen
} copia en tu carpeta Enviados: `cartero send` hace las copias (no vuelve a enviar ninguna carta)
status-next-sending = siguiente paso: hay un `cartero send` en marcha; vuelve a ejecutar `cartero status` para ver cómo fue
status-nothing-waits = no tienes nada pendiente

## send

send-uncertain-before = sin confirmar: { $name } <{ $email }>: un envío anterior se interrumpió; el mensaje { $id } puede haber llegado. No se vuelve a enviar: { $how }
send-broken-draft = no enviado: el borrador está estropeado: { $why }
send-refused-before = no enviado: el servidor rechazó a { $name } <{ $email }> en un envío anterior y no se reintenta por sí solo: corrige la dirección o el borrador y vuelve a aprobarlo, o usa `--resend { $email }`
send-off-list = no enviado: `{ $key }` estaba aprobado pero no está en la lista de clientes tal como está ahora (se quitó su fila, o tiene un error que se muestra arriba)
send-stale-emls = nota: `{ $dir }` tiene { $count ->
    [one] 1 archivo .eml más que cartero no escribió ahí; se ha dejado como estaba
   *[other] { $count } archivos .eml más que cartero no escribió ahí; se han dejado como estaban
}
send-held-by-limit = retenidas por `--limit { $limit }`: { $count ->
    [one] 1 carta aprobada; `cartero send` la envía
   *[other] { $count } cartas aprobadas; `cartero send` las envía
}
send-tomorrow = mañana
send-held-for-the-day = retenidas por el límite diario ({ $limit } cartas en 24 horas, { $sent } ya enviadas en las últimas 24): { $count ->
    [one] 1 carta aprobada espera
   *[other] { $count } cartas aprobadas esperan
}; la siguiente puede salir desde { $from } (entonces `cartero send`, o `--spread` para seguir solo)
send-nothing = nada que enviar: { $sent } ya { $sent ->
    [one] enviada
   *[other] enviadas
}, { $unreviewed } por revisar
send-nothing-review = nada que enviar: { $sent } ya { $sent ->
    [one] enviada
   *[other] enviadas
}, { $unreviewed } por revisar; ejecuta `cartero review`
send-no-server = ningún servidor (prueba sin envío)
send-about-to = a punto de enviar { $count ->
    [one] 1 mensaje
   *[other] { $count } mensajes
} { $whom }, por { $server }, como { $sender }{ $unreviewed ->
    [0] {""}
    [one] ; 1 borrador sigue sin revisar y no saldrá
   *[other] ; { $unreviewed } borradores siguen sin revisar y no saldrán
}
send-at-most = como mucho { $rate }
send-summary-real = enviadas { $sent }, fallidas { $failed }, sin intentar { $left }, sin confirmar { $uncertain } por { $through }
send-summary-to-self = { $count ->
    [one] enviado 1 mensaje de prueba
   *[other] enviados { $count } mensajes de prueba
} a { $sender }; nada queda registrado como enviado
send-summary-dry-run = { $count ->
    [one] escrito 1 mensaje
   *[other] escritos { $count } mensajes
} en { $through }; no se ha enviado nada
send-failed-one = falló: { $key }: { $why }
send-uncertain-one = sin confirmar: { $what }
send-not-sent-behind = no enviado: { $count ->
    [one] 1 carta aprobada no salió
   *[other] { $count } cartas aprobadas no salieron
} en este envío; los motivos están arriba
send-next-status-left = siguiente paso: `cartero status` muestra a quién le falta; otro `cartero send` envía solo lo que no ha salido
send-next-status = siguiente paso: `cartero status` para ver el estado de cada cliente
send-next-for-real = siguiente paso: cuando la prueba se vea bien, `cartero send` envía de verdad { $count ->
    [one] el borrador aprobado
   *[other] los { $count } borradores aprobados
}
send-arrived-with-copy = { $key }: registrada como enviada según tu palabra (`--arrived`): no se vuelve a enviar, y va a tu carpeta Enviados y al archivo histórico como cualquier carta
send-arrived = { $key }: registrada como enviada según tu palabra (`--arrived`): no se vuelve a enviar, y va al archivo histórico como cualquier carta
send-after-arrivals = no se ha enviado nada; { $count ->
    [one] 1 carta está aprobada y aún sin enviar: `cartero send` la envía
   *[other] { $count } cartas están aprobadas y aún sin enviar: `cartero send` las envía
}
send-after-arrivals-none = no se ha enviado nada; `cartero status` muestra el estado de cada cliente
send-already-sent = { $key }: esa carta ya consta como enviada; no hay nada que hacer
# Junto a la barra de progreso; { $eta } es la estimación de la propia barra.
send-progress-left = (quedan { $eta })
send-nth = { $nth } de { $len }
send-waiting-to-send = esperando para enviar a las { $at } (hora de este equipo); Ctrl-C cancela
send-waiting-to-go-on = esperando para seguir a las { $at } (hora de este equipo); Ctrl-C cancela
send-waiting-to = esperando ({ $what }) hasta las { $at } (hora de este equipo); Ctrl-C cancela
send-countdown-left = quedan { $left }; Ctrl-C cancela

## el buzón y las respuestas

mailbox-found-in-sent = { $key }: encontrada en tu carpeta "{ $folder }", así que el servidor la recibió: ahora `sent`, y no se vuelve a enviar
mailbox-still-uncertain = { $key }: sigue sin confirmar: la carta no está en tu carpeta "{ $folder }". Pregúntale si le llegó: si le llegó, `cartero send --arrived { $key }` la registra como enviada (no se vuelve a enviar nunca); si no, `cartero send --resend { $key }` la envía otra vez, con el mismo Message-ID
mailbox-still-uncertain-no-copies = { $key }: sigue sin confirmar: la carta no está en tu carpeta "{ $folder }" (tu servidor no guarda copia de lo que envía, así que eso no demuestra nada). Pregúntale si le llegó: si le llegó, `cartero send --arrived { $key }` la registra como enviada (no se vuelve a enviar nunca); si no, `cartero send --resend { $key }` la envía otra vez, con el mismo Message-ID
mailbox-copies = copias en "{ $folder }": { $parts }
mailbox-copies-appended = { $count } { $count ->
    [one] guardada
   *[other] guardadas
} ahí por cartero
mailbox-copies-found = { $count } { $count ->
    [one] archivada
   *[other] archivadas
} por tu propio servidor
mailbox-copies-already = { $count } ya { $count ->
    [one] estaba
   *[other] estaban
} ahí
mailbox-not-copied = { $count ->
    [one] 1 carta no se copió
   *[other] { $count } cartas no se copiaron
} en "{ $folder }" (las cartas sí salieron; el próximo `cartero send` vuelve a intentar las copias, nunca las cartas):
mailbox-not-copied-full = { $count ->
    [one] 1 carta no se copió
   *[other] { $count } cartas no se copiaron
} en "{ $folder }": tu buzón está lleno (hace falta liberar unos { $room } más); haz sitio ahí (las cartas sí salieron; el próximo `cartero send` vuelve a intentar las copias, nunca las cartas):
mailbox-size-kb = { $size } KB
mailbox-size-mb = { $whole },{ $tenth } MB
mailbox-looked-at = { $count ->
    [one] revisado 1 mensaje
   *[other] revisados { $count } mensajes
} en { $folders } (solo lectura: no se ha cambiado nada ahí)
mailbox-answered = respondieron: { $count } de { $total }
mailbox-answered-new = respondieron: { $count } de { $total } ({ $new } { $new ->
    [one] nueva
   *[other] nuevas
} desde la última vez)
mailbox-answer = { $name } <{ $email }>  el { $day }
mailbox-answer-new = { $name } <{ $email }>  el { $day }  (nueva)
mailbox-everyone-answered = respondieron todos
mailbox-not-answered-yet = aún sin responder, círculo por círculo:
mailbox-arrived-after-all = { $key }: respondió a la carta que estaba sin confirmar, así que llegó: ahora `sent`, y no se vuelve a enviar
mailbox-answered-earlier = { $email } respondió a tu carta del { $day }, no a la de este año: se guarda con esa carta en el archivo histórico

## history, remember, archive

history-no-archive = aún no hay cartas: el archivo histórico `{ $path }` se llena a medida que `cartero send` envía (o con `cartero archive import DIR`)
history-none-to = aún no hay ninguna carta a { $email } en el archivo histórico
history-answered = respondió el { $day }
history-no-answer = sin respuesta registrada
history-on-your-word = (registrada como enviada según tu palabra, `cartero send --arrived`: ningún servidor lo confirmó)
history-only-letter = (la única carta de su campaña: no hay otra con la que distinguir su parte personal; sigue su comienzo)
history-remembered = recuerdos desde la última carta:
history-kept-for = guardado para { $email }: { $text }
history-kept-where = (en `{ $path }`; `cartero history { $email }` lo muestra hasta la próxima carta)
archive-imported = { $count ->
    [one] 1 carta enviada
   *[other] { $count } cartas enviadas
} desde `{ $dir }`: { $added } { $added ->
    [one] nueva
   *[other] nuevas
} en el archivo histórico `{ $path }`, { $there } ya { $there ->
    [one] estaba
   *[other] estaban
} ahí
archive-without-text = nota: { $count ->
    [one] a 1 carta enviada ya no le queda archivo de borrador, así que no se pudo guardar su texto
   *[other] a { $count } cartas enviadas ya no les queda archivo de borrador, así que no se pudo guardar su texto
}
archive-not-written = aviso: { $error }; las cartas están a salvo en el diario, y el próximo `cartero send` las añade al archivo histórico
archive-not-read = aviso: { $error }; esta vez no se registran las respuestas a cartas de años anteriores
