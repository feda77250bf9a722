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
