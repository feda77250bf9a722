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
