# Lo que dicen las órdenes (src/commands/): sus errores, preguntas, avances y siguientes pasos.

cmd-warning = aviso: { $what }

## review
cmd-review-prompt = [a]probar [e]ditar [o]mitir [r]echazar sa[l]ir:
cmd-review-type-a-letter = escribe a, e, o, r o l, y pulsa Intro
cmd-review-not-an-answer = `{ $answer }` no es una respuesta: escribe a, e, o, r o l, y pulsa Intro
cmd-review-last-letter = última carta: { $date } «{ $subject }» (sin respuesta anotada)
cmd-review-last-letter-answered = última carta: { $date } «{ $subject }» (respondió)
cmd-review-remembered = recuerdo: { $memory }
cmd-review-nothing-to-decide = ningún borrador está por decidir ({ $approved ->
    [one] 1 aprobado
   *[other] { $approved } aprobados
})
cmd-review-no-draft-yet = { $count ->
    [one] 1 cliente aún no tiene borrador
   *[other] { $count } clientes aún no tienen borrador
}: ejecuta `cartero draft`
cmd-review-draft-gone = el borrador `{ $file }` de { $name } <{ $email }> ya no está, así que no hay nada que revisar; `cartero draft` lo vuelve a escribir
cmd-review-nth = { $n } de { $total }
cmd-review-personal = parte personal { $share }
cmd-review-edit-broke-it = error: el borrador editado no se puede enviar: { $why }; se queda como lo dejaste, edítalo otra vez
cmd-review-changed-on-disk = el borrador cambió en el disco mientras lo leías; aquí lo tienes otra vez
cmd-review-cannot-approve = error: este borrador no se puede aprobar: { $why }; [e]dítalo antes
cmd-review-summary = { $approved ->
    [one] 1 aprobado
   *[other] { $approved } aprobados
}, { $skipped ->
    [one] 1 omitido
   *[other] { $skipped } omitidos
}, { $rejected ->
    [one] 1 rechazado
   *[other] { $rejected } rechazados
}
cmd-review-summary-skipped-again = { $approved ->
    [one] 1 aprobado
   *[other] { $approved } aprobados
}, { $skipped ->
    [one] 1 omitido
   *[other] { $skipped } omitidos
}, { $rejected ->
    [one] 1 rechazado
   *[other] { $rejected } rechazados
}; `cartero review` te vuelve a enseñar los omitidos
cmd-review-summary-left = { $approved ->
    [one] 1 aprobado
   *[other] { $approved } aprobados
}, { $skipped ->
    [one] 1 omitido
   *[other] { $skipped } omitidos
}, { $rejected ->
    [one] 1 rechazado
   *[other] { $rejected } rechazados
}; { $left } por revisar: `cartero review` sigue con ellos
cmd-review-summary-left-and-skipped = { $approved ->
    [one] 1 aprobado
   *[other] { $approved } aprobados
}, { $skipped ->
    [one] 1 omitido
   *[other] { $skipped } omitidos
}, { $rejected ->
    [one] 1 rechazado
   *[other] { $rejected } rechazados
}; { $left } por revisar: `cartero review` sigue con ellos y con los omitidos
cmd-review-approved-in-all = { $count ->
    [one] 1 borrador aprobado
   *[other] { $count } borradores aprobados
} en total; siguiente paso: `cartero send --to-self` para una prueba, luego `cartero send`
cmd-review-no-editor = no hay editor: pon en `VISUAL` o `EDITOR` el programa con el que escribes, por ejemplo `export EDITOR=nano`
cmd-review-editor-unreadable = `{ $var }={ $command }` no se puede leer como una orden
cmd-review-editor-empty = `{ $var }` está vacío: pon en él el programa con el que escribes, por ejemplo `export EDITOR=nano`
cmd-review-editor-missing = `{ $var }={ $command }`: no existe el programa `{ $program }`; pon en `{ $var }` un editor que esté instalado, como nano
cmd-review-editor-not-started = no se pudo abrir el editor `{ $program }`
cmd-review-editor-failed = el editor `{ $program }` terminó con { $status }; el borrador se queda como está en el disco

## draft
cmd-draft-nothing-written = no se ha escrito ningún borrador: corrige primero los errores de arriba
cmd-draft-next = siguiente paso: léelos con `cartero review` (o antes ábrelos en cualquier editor)
cmd-draft-unknown-file-kept = nota: `{ $file }` ya estaba ahí y el diario no lo conoce (¿se movió o se borró `journal.jsonl`?); se deja como está, y el borrador que cartero usará para { $email } es `{ $draft }`: copia en él lo que hubieras escrito
cmd-draft-unreadable = no se pudo leer el borrador de `{ $name }` ({ $email })

## replies
cmd-replies-no-imap = no hay buzón que leer: añade `[imap]` con `host` (y `username`) a cartero.toml; el README tiene los datos de tu proveedor
cmd-replies-nothing-sent = todavía no ha salido ninguna carta de esta campaña, así que no hay nada que buscar
cmd-replies-no-such-folder = tu buzón no tiene ninguna carpeta "{ $folder }" (`reply-folders` en `[imap]`): escribe su nombre tal como lo enseña tu programa de correo; las carpetas son { $folders }

## archive, man
cmd-archive-no-journal = `{ $dir }` no tiene `journal.jsonl`: indica la carpeta de una campaña (con su `drafts/`) o su carpeta de borradores
cmd-man-not-written = no se pudo escribir la página del manual

## remember
cmd-remember-nothing = no hay nada que recordar: escríbelo después de la dirección, por ejemplo `cartero remember ana@example.com "abrió la tienda nueva de Getafe"`
cmd-remember-unknown = `{ $key }` no está en ninguna lista de clientes de esta campaña ni en ninguna carta del archivo histórico, así que el recuerdo no llegaría a ninguna carta: añade `--force` para guardarlo de todos modos
cmd-remember-unknown-guess = `{ $key }` no está en ninguna lista de clientes de esta campaña ni en ninguna carta del archivo histórico, así que el recuerdo no llegaría a ninguna carta: ¿querías decir `{ $guess }`? Añade `--force` para guardarlo de todos modos

## status
cmd-status-sent-not-read = aviso: no se pudieron buscar las cartas sin confirmar en tu carpeta Enviados: { $why }

## preview
cmd-preview-nothing-written = no se ha escrito nada: corrige primero los errores de arriba
cmd-preview-written = { $count ->
    [one] escrito 1 correo
   *[other] escritos { $count } correos
} en `{ $dir }`

## init
cmd-init-no-archive = todavía no hay archivo histórico en `{ $file }`: se va llenando a medida que `cartero send` envía (o con `cartero archive import DIR`); quita `--from-archive` para usar la lista de ejemplo
cmd-init-empty-archive = el archivo histórico `{ $file }` todavía no tiene ninguna carta: quita `--from-archive` para usar la lista de ejemplo
cmd-init-no-folder = no se pudo crear la carpeta `{ $dir }`
cmd-init-not-written = no se pudo escribir `{ $file }`
cmd-init-wrote = escrito    { $file }
cmd-init-kept = conservado { $file } (ya existe; cartero nunca sobrescribe un archivo)
cmd-init-kept-count = { $count ->
    [one] 1 archivo ya existía y se ha dejado como estaba
   *[other] { $count } archivos ya existían y se han dejado como estaban
}
cmd-init-next = siguiente paso: pon tus clientes en clients.csv (con una nota personal para cada uno) y tu nombre en cartero.toml; luego `{ $cd }cartero check`

## check
cmd-check-connection-failed = { $errors ->
    [0] ningún error
    [one] 1 error
   *[other] { $errors } errores
}, { $warnings ->
    [0] ningún aviso
    [one] 1 aviso
   *[other] { $warnings } avisos
}; la conexión de arriba falló: arregla lo que dice y vuelve a ejecutar `cartero check --connect`
cmd-check-failed = { $errors ->
    [0] ningún error
    [one] 1 error
   *[other] { $errors } errores
}, { $warnings ->
    [0] ningún aviso
    [one] 1 aviso
   *[other] { $warnings } avisos
}: corrige los errores de arriba y vuelve a ejecutar `cartero check`
cmd-check-passed = { $errors ->
    [0] ningún error
    [one] 1 error
   *[other] { $errors } errores
}, { $warnings ->
    [0] ningún aviso
    [one] 1 aviso
   *[other] { $warnings } avisos
}; siguiente paso: `cartero preview --out preview` o `cartero draft`
cmd-check-draft-invalid = este borrador no se puede aprobar ni enviar tal como está: { $why }
cmd-check-no-smtp = SMTP: no hay `[smtp]` en cartero.toml que probar: añádelo con `host`, `port` y `username` (el README tiene los de tu proveedor)
cmd-check-nobody = nadie (no hay `username`)
cmd-check-smtp-ok = { $label }: conectado, sesión iniciada como { $user } y cerrada; no se ha enviado nada
cmd-check-smtp-ok-trusted = { $label }: conectado, certificado de confianza, sesión iniciada como { $user } y cerrada; no se ha enviado nada
cmd-check-imap-ok = { $label }: sesión iniciada como { $user }, las cartas enviadas van a "{ $sent }" (`save-sent = "{ $save }"`) y sesión cerrada
cmd-check-no-such-folder = { $label }: no existe la carpeta "{ $folder }" (`reply-folders` en `[imap]`): escribe su nombre tal como lo enseña tu programa de correo

## send
cmd-send-spread-needs-limit = `--spread` sigue día tras día dentro de tu límite diario: añade `daily-limit = N` en `[smtp]` de cartero.toml (es para envíos de verdad, no para `--dry-run` ni `--to-self`)
cmd-send-limit-reached-going-on = se ha llegado al límite diario; se sigue el { $at } (`--spread`); Ctrl-C lo para, y `cartero send` sigue más tarde
cmd-send-stopped-waiting-for-day = parado mientras esperaba al día siguiente: las cartas que quedan siguen aprobadas
cmd-send-at-in-the-past = `--at { $at }` ya ha pasado: indica una hora que aún no haya llegado, o quita `--at` para enviar ahora
cmd-send-cancelled-waiting = cancelado durante la espera: no se ha enviado nada
cmd-send-mailbox-not-opened = no se pudo abrir el buzón del remitente (`[imap]`), así que no se ha enviado nada: arregla `[imap]` en cartero.toml (`cartero check --connect` lo prueba), o pon ahí `save-sent = "never"` para enviar sin copia en Enviados
cmd-send-no-smtp = no hay servidor SMTP: añade `[smtp]` con `host` (y `port`, `username`) a cartero.toml; `cartero send --dry-run` no lo necesita
cmd-send-nothing-sent = no se ha enviado nada
# Cómo salen las cartas, en medio de la frase de report "a punto de enviar N correos …".
cmd-send-whom-self = a ti ({ $email }), con el asunto marcado [test], sin anotar nada
cmd-send-whom-files = como archivos .eml, sin anotar nada
cmd-send-whom-clients = cada uno solo a su cliente
cmd-send-confirm = ¿los envío? [s/N]
cmd-send-no-terminal = no envío nada sin confirmación, y no hay terminal donde preguntar: revisa `cartero status` y luego ejecuta `cartero send --yes`
cmd-send-journal-not-written = parado: no se pudo escribir el diario (el error va a continuación); la carta a { $key } puede haber salido o no, y `cartero status` dice cuál de las dos; haz sitio en el disco y `cartero send` seguirá
cmd-send-stopped-by-signal = parado con Ctrl-C (o una señal de parada) después de anotar el correo que estaba saliendo
cmd-send-no-envelope = no se pudo preparar el sobre
cmd-send-label-to-self = { $key } (a ti)
cmd-send-retrying = se vuelve a intentar { $key } en un momento: { $why }
cmd-send-lock-deleted = `{ $file }` se borró mientras este envío estaba en marcha, así que puede que otro cartero esté enviando esta campaña a la vez; se ha parado antes de que saliera esta carta, para que nadie reciba una carta dos veces: ejecuta `cartero status` y luego otra vez `cartero send`
cmd-send-stopped-account = parado: el servidor no acepta más cartas de tu cuenta ({ $why }); { $advice }. No se ha enviado nada más: { $key } y las cartas siguientes siguen aprobadas, y `cartero send` sigue desde ahí, cada una exactamente una vez
cmd-send-stopped-unreachable = parado: no se pudo volver a llegar al servidor ({ $why }); { $key } y las cartas siguientes siguen aprobadas: `cartero send` sigue desde ahí cuando responda
cmd-send-stopped-fatal = parado: { $why }; { $key } y las cartas siguientes siguen aprobadas
cmd-send-same-refusal = parado: el servidor rechazó igual a { $first } y a { $second } ({ $why }), así que es cosa de tu cuenta o del servidor, no de ellos; { $advice }. Las dos, y las cartas siguientes, siguen aprobadas
cmd-send-uncertain = { $key }: { $why }; el correo { $id } puede haber llegado, así que no se vuelve a enviar solo: `cartero send --arrived { $key }` si lo recibió, `cartero send --resend { $key }` si no
cmd-send-uncertain-test = { $key }: { $why }; es una carta de prueba, así que no se anota nada
cmd-send-looking-in-sent = mirando si tu servidor guarda él mismo una copia de { $label } en Enviados (una vez por campaña, unos segundos como mucho)
# Las líneas de avance, una por carta.
cmd-send-live-sent = enviado { $nth }{ $label } { $reply }
cmd-send-live-written = escrito { $nth }{ $label } { $reply }
cmd-send-live-uncertain = sin confirmar { $label } { $why }
cmd-send-live-failed = falló   { $label } { $why }
cmd-send-live-stopped = parado  { $label } { $why }
