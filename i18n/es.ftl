# cartero en español: cada frase que lee una persona. Un mensaje por clave, marcadores con
# nombre (`{ $name }`), los números como números para que los plurales elijan bien. Ver
# i18n/README.md.

## Palabras que comparten muchas áreas

clients-count = { $count ->
    [one] 1 cliente
   *[other] { $count } clientes
}
error-prefix = error
error-output-lost = parte de la salida no se pudo escribir ({ $why }): está incompleta

## La línea de órdenes: --help, errores de uso

cli-heading-usage = Uso:
cli-heading-commands = Órdenes:
cli-heading-arguments = Argumentos:
cli-heading-options = Opciones:
# Los marcadores de los valores: `<ARCHIVO>`.
cli-usage-options = [OPCIONES]
cli-value-command = ORDEN
cli-value-file = ARCHIVO
cli-value-dir = CARPETA
cli-value-name = NOMBRE
cli-value-mailbox = REMITENTE
cli-value-lang = IDIOMA
cli-value-email = DIRECCIÓN
cli-value-time = HORA
cli-value-text = TEXTO
cli-global-help = Muestra la ayuda
cli-global-help-more = Muestra la ayuda (con '--help', más detallada)
cli-global-help-summary = Muestra la ayuda (con '-h', un resumen)
cli-global-version = Muestra la versión
cli-help-about = Muestra esta ayuda o la de la orden que indiques
cli-help-subcommand = La orden de la que quieres ver la ayuda
cli-cartero-about = Escribe a cada cliente un correo personal de fin de año
cli-cartero-long-about =
    Escribe a cada cliente un correo personal de fin de año.

    cartero prepara un borrador por cliente a partir de tu lista de clientes y una plantilla, te deja leer y editar cada borrador, y envía solo los que has aprobado, un correo por cliente.
cli-cartero-after-long-help =
    Entorno:
      CARTERO_SMTP_PASSWORD   la contraseña SMTP (si no, `password-command`; si no, te la pide)
      CARTERO_IMAP_PASSWORD   la contraseña o el token IMAP (si no, su `password-command`, la de [smtp], o te la pide)
      VISUAL, EDITOR          el editor que abre `review` con [e]ditar
      NO_COLOR                sin colores

    Códigos de salida: 0 todo bien, 1 un error (o cartas que no salieron), 2 un error de uso.

    Archivos: cartero.toml (la configuración de la campaña), la lista de clientes, templates/,
    drafts/ (un borrador por cliente y journal.jsonl) y el archivo histórico de todas las cartas
    (en la carpeta de datos del sistema, cartero/archive.sqlite3). Nunca se guarda ninguna contraseña.

    Cada orden tiene su propia ayuda: `cartero send --help`.
cli-global-config = El archivo de configuración de la campaña [por defecto: ./cartero.toml, si existe]
cli-global-clients = La lista de clientes: .csv, .xlsx u .ods
cli-global-sheet = La hoja que se lee de una hoja de cálculo [por defecto: la primera]
cli-global-template = La plantilla que recibe cada cliente, salvo que su columna `template` diga otra
cli-global-drafts = La carpeta con los borradores y el diario
cli-global-from = Quién envía los correos, como "Nombre <dirección>"
cli-global-archive = El archivo histórico de todas las cartas enviadas, de todas las campañas [por defecto: en la carpeta de datos del sistema]
cli-global-lang = El idioma en que habla cartero: es o en [por defecto: CARTERO_LANG; si no, el del sistema]
cli-init-about = Crea una carpeta de campaña de ejemplo que ya funciona (nunca sobrescribe un archivo)
cli-init-dir = Dónde crearla [por defecto: la carpeta actual]
cli-init-from-archive = Hace clients.csv con todas las personas a las que ya escribiste (el archivo histórico), con la parte personal del año pasado en `last_note` y una `note` vacía para escribir la de este año
cli-check-about = Lee los clientes y las plantillas, prepara cada correo en memoria y avisa de cada problema
cli-check-connect = Además entra en el servidor SMTP (y en el IMAP, si lo hay) y vuelve a salir, sin enviar nada
cli-preview-about = Escribe un archivo .eml por cliente: exactamente lo que se enviaría
cli-preview-out = La carpeta donde escribir los archivos .eml
cli-draft-about = Escribe un borrador editable por cliente en la carpeta de borradores
cli-review-about = Te enseña cada borrador por decidir, para aprobarlo, editarlo, omitirlo o rechazarlo
cli-send-about = Envía los borradores aprobados, un correo por cliente
cli-send-dry-run = Escribe en --out los archivos .eml que se enviarían, y no envía nada
cli-send-out = Dónde escribe --dry-run [por defecto: <drafts>/dry-run]
cli-send-to-self = Te envía a ti cada borrador aprobado, con el asunto marcado, y no lo anota como enviado
cli-send-limit = Envía como mucho N correos
cli-send-yes = No pide confirmación
cli-send-resend = Vuelve a enviar a este cliente aunque un intento anterior pueda haber llegado (sin confirmar o fallido)
cli-send-arrived = La carta a este cliente, que quedó sin confirmar, llegó (te lo ha dicho): la anota como enviada, guarda su copia en Enviados y no la vuelve a enviar nunca
cli-send-at = Espera hasta esa hora y entonces envía: "2026-12-22 09:00" (tu hora local) o RFC 3339
cli-send-spread = Con `daily-limit` en [smtp]: sigue día tras día hasta enviar todas las cartas aprobadas
cli-status-about = Muestra en qué punto está cada cliente
cli-status-json = Escribe un array JSON en lugar de una tabla
cli-replies-about = Lee tu buzón por IMAP (solo lectura) y anota qué clientes han respondido
cli-history-about = Todas las cartas enviadas a un cliente, del archivo histórico, de la más reciente a la más antigua
cli-history-email = La dirección del cliente
cli-history-json = Escribe un array JSON en lugar de texto
cli-remember-about = Guarda un recuerdo con fecha de un cliente en el archivo histórico, para la carta del año que viene
cli-remember-email = La dirección del cliente
cli-remember-text = Qué recordar, con tus palabras
cli-remember-force = Lo guarda aunque la dirección no esté en ninguna lista de clientes ni en ninguna carta del archivo histórico (sin esto, esa dirección se toma por una errata y se rechaza)
cli-archive-about = El archivo histórico de todas las cartas enviadas
cli-archive-import-about = Añade al archivo histórico las cartas enviadas de una campaña anterior (su carpeta o su carpeta de borradores)
cli-archive-import-dir = La carpeta de la campaña, o su carpeta de borradores
cli-completions-about = Escribe el autocompletado de órdenes de cartero para tu shell (el README explica dónde ponerlo)
cli-completions-shell = bash, zsh, fish, powershell o elvish
cli-man-about = Escribe la página del manual de cartero (roff), para `man`

# Los errores de uso de clap.
cli-error-unknown-argument = no conozco la opción '{ $arg }'
cli-error-unknown-command = no existe la orden '{ $command }'
cli-error-missing = falta lo siguiente, que es obligatorio:
    {"  "}{ $args }
cli-error-invalid-value = el valor '{ $value }' no sirve para '{ $arg }'
cli-error-no-value = '{ $arg }' necesita un valor y no se le ha dado ninguno
cli-error-conflict = '{ $arg }' no se puede usar junto con { $others }
cli-possible-values = [valores posibles: { $values }]
cli-error-similar = consejo: hay una parecida: { $similar }
cli-error-usage = Uso: { $usage }
cli-error-more = Para saber más, prueba '--help'.
cli-value-port = PUERTO
cli-web-about = Abre el escritorio: la carta, el pasado y los recuerdos de cada cliente en una página de este ordenador
cli-web-port = El puerto en 127.0.0.1 [por defecto: uno libre cualquiera]
cli-web-no-open = Solo escribe la dirección; no abre el navegador

## Las órdenes

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
cmd-review-percent = { $share } %
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
cmd-init-archive-list-beside = la lista hecha con el archivo histórico está en { $file }, junto a tu clients.csv (que se queda como estaba): toma de ella lo que necesites, o apunta `[campaign] clients` a ella
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
cmd-send-not-kept = no salió nada: cartero guarda las palabras de cada carta al salir, en `drafts/sent-as/`, y no pudo ({ $why }); haz que sea una carpeta en la que pueda escribir
cmd-send-stopped-fatal = parado: { $why }; { $key } y las cartas siguientes siguen aprobadas
cmd-send-same-refusal = parado: el servidor rechazó igual a { $first } y a { $second } ({ $why }), así que es cosa de tu cuenta o del servidor, no de ellos; { $advice }. Las dos, y las cartas siguientes, siguen aprobadas
cmd-send-uncertain = { $key }: { $why }; el correo { $id } puede haber llegado, así que no se vuelve a enviar solo: `cartero send --arrived { $key }` si lo recibió, `cartero send --resend { $key }` si no
cmd-send-uncertain-test = { $key }: { $why }; es una carta de prueba, así que no se anota nada
cmd-send-looking-in-sent = mirando si tu servidor guarda él mismo una copia de { $label } en Enviados (una vez por campaña, unos segundos como mucho)
# Las líneas de avance, una por carta.
cmd-send-live-sent = enviada { $nth }{ $label } { $reply }
cmd-send-live-written = escrita { $nth }{ $label } { $reply }
cmd-send-live-uncertain = sin confirmar { $label } { $why }
cmd-send-live-failed = falló   { $label } { $why }
cmd-send-live-stopped = parado  { $label } { $why }

## El dominio: problemas, lugares, cartas

headers-did-you-mean = (¿querías decir `{ $header }:`?)
campaign-no-sender = no hay remitente, y no existe `cartero.toml`: crea `cartero.toml` con `[sender]`, `name` y `email` (`cartero init` escribe uno para empezar), o indica `--from "Tu Nombre <tu@example.com>"`
campaign-unknown-language = `language = "{ $language }"` en `[campaign]` no es un idioma en el que cartero escriba fechas: usa uno de { $known }
campaign-no-template = no hay plantilla: añade `template = "templates/year-end.txt"` en `[campaign]` de `{ $config }`, o indica `--template templates/year-end.txt`{ $folder }
campaign-no-template-for-some = no hay plantilla para { $count ->
        [one] 1 cliente
       *[other] { $count } clientes
    } con la columna `template` vacía ({ $names }): añade `template = "templates/year-end.txt"` en `[campaign]` de `{ $config }`, o indica `--template templates/year-end.txt`{ $folder }
campaign-no-template-no-config = no hay plantilla, y no existe `cartero.toml` para nombrarla: crea `cartero.toml` con `template = "templates/year-end.txt"` en `[campaign]` (`cartero init` escribe uno para empezar), o indica `--template templates/year-end.txt`{ $folder }
campaign-no-template-for-some-no-config = no hay plantilla para { $count ->
        [one] 1 cliente
       *[other] { $count } clientes
    } con la columna `template` vacía ({ $names }), y no existe `cartero.toml` para nombrarla: crea `cartero.toml` con `template = "templates/year-end.txt"` en `[campaign]` (`cartero init` escribe uno para empezar), o indica `--template templates/year-end.txt`{ $folder }
campaign-missing-template = esa plantilla no existe: créala, o corrige `template` en `[campaign]` de `{ $config }` (o `--template`){ $folder }
campaign-missing-template-no-config = esa plantilla no existe: créala, o corrige `--template`{ $folder }
campaign-missing-named-template = no existe la plantilla `{ $template }`, y { $count ->
        [one] 1 cliente la nombra
       *[other] { $count } clientes la nombran
    } ({ $names }): créala, o corrige la columna `template`{ $folder }
campaign-missing-variant = esa plantilla no existe, así que { $count ->
        [one] 1 cliente al que se escribe en `{ $language }` ({ $names }) recibe
       *[other] { $count } clientes a los que se escribe en `{ $language }` ({ $names }) reciben
    } `{ $used }` en su lugar: crea `{ $template }` para ellos, o dales otro `language`
campaign-templates-folder-holds = ; `{ $folder }` contiene { $files }
campaign-repeated-anecdote = este borrador repite lo que le escribiste en { $year } («{ $snippet }»): cuéntale algo nuevo
campaign-no-note = no hay nota personal: añade una en la columna `{ $column }` (un recuerdo, una anécdota, algo que resolvisteis juntos)
campaign-long-subject = el asunto tiene más de { $most } caracteres: los programas de correo lo cortan; hazlo corto y cuenta el resto en la carta
campaign-names-and-more = { $names } y { $more } más
campaign-same-for = lo mismo para { $count ->
        [one] 1 cliente más
       *[other] { $count } clientes más
    }: { $names }
campaign-same-for-and-more = lo mismo para { $count ->
        [one] 1 cliente más
       *[other] { $count } clientes más
    }: { $names } y { $more } más
campaign-no-notes = { $count } clientes no tienen nota personal ({ $names }): añade una en la columna `{ $column }` para cada uno (un recuerdo, una anécdota, algo que resolvisteis juntos)
campaign-no-notes-and-more = { $count } clientes no tienen nota personal ({ $names } y { $more } más): añade una en la columna `{ $column }` para cada uno (un recuerdo, una anécdota, algo que resolvisteis juntos)
campaign-mass-mail = { $count } cartas parecen un envío masivo: poco de cada una habla solo de su cliente ({ $names }); añade algo personal a sus notas o a la plantilla
campaign-mass-mail-and-more = { $count } cartas parecen un envío masivo: poco de cada una habla solo de su cliente ({ $names } y { $more } más); añade algo personal a sus notas o a la plantilla
campaign-letter-unusable = esta carta, tal como sale, no se podría aprobar ni enviar: { $why }
personal-mass-mail = parece un envío masivo: solo el { $percent } % habla de este cliente en concreto; añade algo personal a su nota
message-envelope-failed = no se pudo preparar el sobre del correo
message-build-failed = no se pudo preparar el correo para `{ $address }`
message-empty = la carta está vacía: escribe sus líneas `To:` y `Subject:`, una línea en blanco y sus palabras, u omite a este cliente
message-subject-word-too-long = el asunto tiene una palabra de { $count } caracteres sin ningún espacio: los servidores de correo rechazan una línea tan larga; acórtala o pon espacios
message-no-blank-line = no hay una línea en blanco entre las líneas `To:`/`Subject:` y el cuerpo
message-no-to = no hay línea `To:`
message-no-subject = no hay línea `Subject:`, o está vacía
message-empty-body = no hay carta debajo de la línea en blanco: escríbela ahí (una carta vacía nunca se envía)
message-not-a-header = la línea { $line } no es una cabecera como `Subject: …`
message-bad-to = `To: { $value }` no es una sola dirección como `Nombre <nombre@example.com>`
message-bad-reply-to = `Reply-To: { $value }` no es una dirección
message-copy-header = `{ $header }:` no está permitido: cada correo va solo a su cliente; quita la línea
message-from-header = `{ $header }:` no está permitido: el remitente eres tú, y se indica con `[sender]` en cartero.toml o con `--from`; quita la línea
message-unknown-header = cabecera desconocida `{ $header }:`{ $suggestion }: un borrador tiene `To:`, `Subject:` y, si acaso, `Reply-To:`, `Attachments:` y `Format:`
message-other-client = la línea `To:` es `{ $to }`, no la dirección de este cliente `{ $address }`: un borrador va a su propio cliente
diag-error = error
diag-warning = aviso
diag-row = fila { $row }
diag-column = columna `{ $column }`
diag-client = cliente `{ $client }`
diag-place-line = línea { $line }
diag-place-row = fila { $row }
diag-place-another-client = otro cliente
diag-place-of-client = { $place } ({ $client })
os-not-found = no está
os-permission-denied = no tienes permiso (los permisos del archivo)
os-already-exists = ya hay algo con ese nombre
os-is-a-directory = es una carpeta
os-not-a-directory = una parte de la ruta es un archivo, no una carpeta
os-directory-not-empty = la carpeta no está vacía
os-read-only = el disco es de solo lectura
os-disk-full = el disco está lleno
os-bad-name = el disco no admite ese nombre (demasiado largo, o con caracteres que rechaza)
os-file-too-large = el archivo es demasiado grande para el disco
os-busy = otro programa lo está usando
text-seconds = { $seconds } s
text-minutes-seconds = { $minutes } min { $seconds } s
text-hours-minutes = { $hours } h { $minutes } min

## Leer listas de clientes (CSV, hojas, vCard, exportaciones de Google y Outlook)

table-list-unreadable = no se pudo leer la lista de clientes `{ $file }`: { $why }
table-csv-has-no-sheets = se pidió la hoja `{ $sheet }`, pero este es un archivo CSV, que no tiene hojas: se ignora ese ajuste
table-sheet-empty-file = no se pudo leer `{ $file }` como hoja de cálculo: el archivo está vacío (0 bytes): vuelve a guardar el libro desde Excel o LibreOffice
table-sheet-unreadable = no se pudo leer `{ $file }` como hoja de cálculo: { $why }
table-list-hint = indica `--clients ARCHIVO` o pon `clients` en cartero.toml
table-list-missing = no se pudo leer la lista de clientes `{ $file }`: ese archivo no existe: { $hint }
table-list-is-folder-of-lists = no se pudo leer la lista de clientes `{ $file }`: es una carpeta, no un archivo; contiene { $lists }: indica la lista misma, por ejemplo `--clients { $first }`
table-list-is-folder = no se pudo leer la lista de clientes `{ $file }`: es una carpeta, no un archivo: { $hint }
table-list-read-failed = no se pudo leer la lista de clientes `{ $file }`
table-a-pdf = un documento PDF
table-a-png = una imagen PNG
table-a-jpeg = una imagen JPEG
table-a-gif = una imagen GIF
table-not-text = no es ni una hoja de cálculo ni texto (tiene bytes que ningún texto tiene): indica la lista de clientes misma, guardada desde Excel como .xlsx o CSV UTF-8
table-not-a-list = es { $what }, no una lista de clientes: indica la lista misma, guardada desde Excel como .xlsx o CSV UTF-8
table-html-as-workbook = es una página web (HTML) con nombre de hoja de cálculo, como exportan algunos programas los archivos «de Excel»: ábrela en Excel o LibreOffice y guárdala como .xlsx
table-csv-as-workbook = no es un libro de hoja de cálculo sino texto CSV: cámbiale el nombre a `{ $renamed }`
table-text-as-workbook = no es un libro de hoja de cálculo sino texto sin formato: si es la lista en CSV, cámbiale el nombre a `{ $renamed }`; si no, guarda la lista desde Excel como .xlsx
table-workbook-as-csv = esto es un libro de hoja de cálculo (.{ $ext }), no texto CSV: cámbiale el nombre a `{ $renamed }`
table-zip-as-csv = esto es un archivo zip, no texto CSV: descomprímelo, o guarda la lista desde Excel como CSV UTF-8
table-locked-workbook-as-csv = esto es un libro de Excel protegido con contraseña, no texto CSV: ábrelo en Excel, quita la contraseña (Archivo > Información > Proteger libro) y guárdalo como CSV UTF-8 o .xlsx
table-xls-as-csv = esto es un libro de Excel antiguo (.xls), no texto CSV: cámbiale el nombre a `{ $renamed }`
table-vcard-unended = esta tarjeta no tiene `END:VCARD`: se leyó hasta la tarjeta siguiente (o hasta el final del archivo); revisa ese contacto en tu libreta de direcciones
table-export-vcard = un archivo vCard
table-export-google = una exportación de Google Contactos
table-export-outlook = una exportación de Outlook
table-nul-bytes = esta línea tiene bytes NUL, que un texto CSV nunca tiene: el archivo no es texto CSV o está dañado; ábrelo en Excel o LibreOffice y guárdalo como CSV UTF-8
table-legacy-encoding = el archivo no está guardado en UTF-8; se leyó como { $encoding } (como guardan el CSV las versiones antiguas de Excel): si las tildes se ven mal, guárdalo como CSV UTF-8
table-utf16-without-bom = el archivo es texto { $encoding } sin marca de orden de bytes; se leyó como tal: para ir sobre seguro, guárdalo como CSV UTF-8
table-line-not-utf8 = esta línea no está en UTF-8 como el resto del archivo; se leyó como Windows-1252: si no es correcto, corrígela ahí y guarda el archivo como CSV UTF-8
table-line-not-utf8-words = esta línea no está en UTF-8 como el resto del archivo; se leyó como Windows-1252 ({ $words }): si no es correcto, corrígela ahí y guarda el archivo como CSV UTF-8
table-unclosed-quote = unas comillas `"` abiertas en esta línea no se cierran nunca, así que el resto del archivo se lee como una sola celda: ciérralas o quítalas
table-bad-csv-line = esta línea no se puede leer como CSV: { $why }
table-header-control-characters = el nombre de la columna tiene caracteres de control invisibles; se ignoran
table-unnamed-column = la columna { $column } no tiene nombre en la primera línea, así que lo que hay debajo ({ $cells ->
        [one] 1 celda
       *[other] { $cells } celdas
    }) no va a ninguna carta: ponle nombre (como `note` o `city`) o borra la columna
table-sheet-password = no se pudo leer `{ $file }`: está protegido con contraseña: ábrelo en Excel, quita la contraseña (Archivo > Información > Proteger libro > Cifrar con contraseña, y bórrala), guárdalo y vuelve a intentarlo
table-sheet-damaged = no se pudo leer `{ $file }` como hoja de cálculo: está dañado o no es una hoja de cálculo: ábrelo en Excel o LibreOffice y vuelve a guardarlo como .xlsx, o guarda la lista como CSV UTF-8
table-sheet-damaged-sheet = no se pudo leer la hoja `{ $sheet }` de `{ $file }`: está dañada: abre el archivo en Excel o LibreOffice y vuelve a guardarlo
table-no-such-sheet-close = `{ $file }` no tiene la hoja `{ $sheet }`; sus hojas son: { $sheets }; ¿querías decir `{ $close }`? (el nombre debe coincidir exactamente)
table-no-such-sheet = `{ $file }` no tiene la hoja `{ $sheet }`; sus hojas son: { $sheets }: indica una de ellas con `--sheet`, o pon `sheet` en cartero.toml
table-no-sheets = `{ $file }` no tiene hojas: ábrelo en Excel o LibreOffice, pon la lista en una hoja y guárdalo
table-first-sheet-empty-other = la primera hoja, `{ $sheet }`, está vacía; puede que la lista esté en la hoja `{ $other }`: indica `--sheet "{ $other }"` (o pon `sheet` en cartero.toml), o mueve la lista a la primera hoja
table-first-sheet-empty = la primera hoja, `{ $sheet }`, está vacía: su primera fila debe nombrar las columnas, como `email`, `name`, `note`
table-sheet-empty = la hoja `{ $sheet }` está vacía: su primera fila debe nombrar las columnas, como `email`, `name`, `note`
table-column-letters = columna { $letters }
table-merged-in-a-row = las celdas { $first }–{ $last } están combinadas; solo la primera ({ $kept }) tiene el valor, así que { $others } { $count ->
        [one] se lee vacía
       *[other] se leen vacías
    }: separa las celdas en la hoja de cálculo y rellena cada una
table-merged-across-rows = las celdas { $first }–{ $last } están combinadas; solo la primera ({ $first }) tiene el valor, las demás se leen vacías ({ $rows } de { $columns }): separa las celdas en la hoja de cálculo y rellena cada una
table-merged-row = fila { $row }
table-merged-rows = filas { $first }–{ $last }
table-cell-error = una celda tiene el error de hoja de cálculo { $error }; se lee vacía
table-contact-on-line = línea { $line }
table-contact-on-row = fila { $row }
table-contact-nameless = un contacto sin nombre
table-contacts-sharing = { $one } ({ $address }) y { $other } (su carta va a { $theirs })
table-contacts-share-an-address = estos contactos comparten una dirección, así que una persona podría recibir dos cartas: { $contacts }: si son la misma persona, deja un solo contacto (o elige una sola dirección para los dos)
table-contact-addresses = { $contact } ({ $chosen }, no { $others })
table-contacts-without-address = { $count ->
        [one] 1 contacto no tiene dirección de correo y se deja fuera
       *[other] { $count } contactos no tienen dirección de correo y se dejan fuera
    }: { $contacts }
table-contacts-without-name = { $count ->
        [one] 1 contacto tiene dirección pero no nombre, así que ninguna carta podría saludarlo, y se deja fuera
       *[other] { $count } contactos tienen dirección pero no nombre, así que ninguna carta podría saludarlos, y se dejan fuera
    }: { $contacts }: ponles nombre en tus contactos para escribirles
table-contacts-with-several-addresses = { $count ->
        [one] 1 contacto tiene
       *[other] { $count } contactos tienen
    } varias direcciones de correo; cada carta va a la preferida (o, si no, a la primera): { $contacts }

## Columnas, filas, direcciones

clients-empty-file = el archivo está vacío: la primera línea debe nombrar las columnas, como `email,name,note`
clients-none-below-header = no hay clientes debajo de la primera línea
clients-built-in-first-name = el nombre de pila, o si no, la primera palabra de `name`
clients-built-in-circle = `loved`, `ignored` o `hated`, según `affinity`
clients-built-in-sender = tú, según `[sender]` en cartero.toml
clients-built-in-today = la fecha de hoy
clients-built-in-year = este año
clients-built-in-letters = las cartas que este cliente recibió en años anteriores, del archivo histórico
clients-built-in-memories = lo que guardaste con `cartero remember` desde la última carta
clients-built-in-first-letter-year = el año de la primera carta de este cliente
clients-column-spaces = el nombre de la columna tiene espacios alrededor; se ignoran
clients-column-twice = hay dos columnas que se llaman `{ $name }` (columnas { $first } y { $second }): cambia el nombre de una
clients-columns-alike = las columnas { $first } (`{ $first_name }`) y { $second } (`{ $name }`) son las dos `{ $known }`: deja una, o cambia el nombre de la otra
clients-column-hidden = las plantillas no pueden ver esta columna: `{"{{"} { $name } {"}}"}` es { $what }, que pone cartero; para usar la columna, cámbiale el nombre, por ejemplo a `my_{ $name }`
clients-column-not-a-variable = las plantillas no pueden usar una columna llamada `{ $name }` como `{"{{"} { $name } {"}}"}`; cámbiale el nombre usando solo letras, cifras y `_`, como `{ $suggested }`
clients-no-columns = ninguna
clients-missing-column = no hay columna `{ $required }` (ni `{ $spanish }`); la primera línea nombra estas columnas: { $found }
clients-leftover-cells = esta fila tiene { $cells } celdas, pero la primera línea nombra { $columns } columnas; celdas de más: { $extra }; ¿hay un separador de más, o una celda que necesita comillas?
clients-bad-affinity = la afinidad `{ $affinity }` no es un número entero del 0 (odiado) al 10 (querido)
clients-template-in-folder = la plantilla `{ $template }` debe ser el nombre de un archivo de la carpeta de plantillas, sin carpeta
clients-no-name = falta el nombre: todo cliente necesita uno, porque la carta lo saluda por su nombre
clients-name-control-characters = el nombre tiene caracteres de control invisibles ({ $characters }), que se quitan de la carta; revisa la celda en tu hoja de cálculo
clients-on-row = la fila { $row }
clients-on-line = la línea { $line }
clients-duplicate = `{ $email }` también está en { $first }: esa persona recibiría dos correos; deja una sola fila
clients-unknown-language = el idioma `{ $language }` no es uno en el que cartero escriba fechas; usa uno de { $known }
clients-no-address = falta la dirección de correo: todo cliente necesita una
clients-address-with-space = `{ $address }` tiene un espacio (o una `,` o un `;`), algo que ninguna dirección tiene: escribe la dirección sola
clients-several-addresses = `{ $address }` tiene más de una dirección: cada cliente recibe un solo correo, en una sola dirección
clients-bad-address = `{ $address }` no es una dirección de correo válida
clients-address-literal = `{ $address }` envía al número de una máquina y no a un dominio: los proveedores de correo rechazan esas direcciones; pide al cliente la dirección que usa
clients-address-without-dot = `{ $address }` no tiene ningún punto después de la `@`: falta un dominio como `example.com`
clients-bad-domain = `{ $address }`: lo que va después de la `@` no es un dominio válido
clients-address-hidden-characters = `{ $address }` tiene caracteres que no se ven o que solo parecen `.` o `@` ({ $characters }, marcados con �): vuelve a escribir la dirección a mano

## Plantillas y sus errores

compose-sender-undefined = `sender` no está definido: añade `[sender]` con `name` y `email` a cartero.toml, o indica `--from "Tu Nombre <tu@example.com>"`
compose-variable-undefined = `{ $name }` no está definido para este cliente: su celda está vacía o no existe esa columna; rellénala, o escribe `{"{{"} { $name } | default(value="…") {"}}"}` para cuando esté vacía (lo que hay: { $available })
compose-a-value = un valor
compose-empty-value = { $what } está vacío para este cliente, y lo que sigue necesita texto: rellena la columna, o escribe `{"{{"} { $name } | default(value="…") | … {"}}"}`
compose-unknown-filter = no existe el filtro `{ $name }`
compose-unknown-function = no existe la función `{ $name }`
compose-unknown-test = no existe la prueba `{ $name }`
compose-expected-identifier = un nombre
compose-expected-attribute = el nombre de un atributo
compose-expected-string = un texto entre comillas
compose-found-but-expected = aquí hay { $found }, pero se esperaba { $expected }
compose-invalid-type = el valor no es del tipo que hace falta: se esperaba { $expected } y llegó { $got }
compose-type-text = texto
compose-type-number = un número
compose-type-nothing = nada (una celda vacía)
compose-tag-unclosed = `{"{"}% { $tag } … %{"}"}` de la línea { $line } no se cierra nunca: añade `{"{"}% end{ $tag } %{"}"}` donde termine su parte
compose-tag-wrong-end = `{"{"}% { $end } %{"}"}` llega cuando `{"{"}% { $tag } … %{"}"}` de la línea { $opened } sigue abierto: añade `{"{"}% end{ $tag } %{"}"}` antes, o corrígelo
compose-tag-stray = `{"{"}% { $end } %{"}"}` no cierra nada: no hay ningún `{"{"}% { $tag } … %{"}"}` abierto encima; quítalo, o añade la etiqueta que cierra
compose-date-unknown-argument = el filtro `date` solo admite `format` y `lang`, no `{ $argument }`: por ejemplo `date(format="%d/%m/%Y", lang="es")`
compose-date-not-a-date = el filtro `date` necesita una fecha, como `today` o una columna con 2026-11-22, no { $value }
compose-date-unreadable = `{ $text }` no es una fecha que el filtro `date` entienda; escribe las fechas como 2026-11-22
compose-date-bad-format = `format="{ $format }"` no es un formato de fecha que el filtro `date` entienda; usa los códigos `%` de chrono, como `%-d de %B de %Y` o `%d/%m/%Y`
compose-date-argument-not-text = `{ $argument }=` del filtro `date` admite texto entre comillas, como `{ $argument }="{ $example }"`, no { $value }
compose-date-unknown-language = `lang="{ $language }"` no es un idioma que el filtro `date` conozca: usa uno de { $known }
compose-value-empty = un valor vacío
compose-value-number = el número `{ $value }`
compose-value-yes-no = `{ $value }` (sí/no)
compose-value-list = una lista
compose-value-map = un grupo de valores (un mapa)
compose-no-blank-line = no hay una línea en blanco después de las cabeceras: pon una entre `Subject: …` y el cuerpo
compose-no-subject = no hay línea `Subject:`: una plantilla empieza con `Subject: …` (o `Asunto: …`), una línea en blanco y el cuerpo
compose-not-a-header = la línea { $line } no es ni una cabecera ni una línea en blanco: una plantilla empieza con cabeceras como `Asunto: Gracias, {"{{"} first_name {"}}"}`, luego una línea en blanco y luego el cuerpo
compose-header-twice = `{ $header }:` aparece dos veces; deja una
compose-recipient-header = una plantilla no puede poner `{ $header }:`: cada correo va solo a su cliente, nunca a un segundo destinatario ni a uno oculto; quita la línea
compose-from-header = una plantilla no puede poner `{ $header }:`: el remitente eres tú, y se indica una vez con `[sender]` en cartero.toml o con `--from`; quita la línea
compose-unknown-header = cabecera desconocida `{ $header }:`{ $suggestion }: una plantilla solo puede poner `Asunto:` y `Responder-a:` (`Subject:` y `Reply-To:` en inglés)
compose-empty-letter = la carta ha salido vacía para este cliente: una carta vacía nunca se envía; escríbela debajo de la línea en blanco que sigue a `Subject:`
compose-empty-subject = el asunto ha salido vacío para este cliente: pon en la línea `Subject:` algo de texto propio, o un `| default(value="…")` para lo que pueda estar vacío
compose-long-subject-word = el asunto tiene { $count } caracteres seguidos sin espacio, más de los que un servidor de correo acepta en una línea: acórtalo o pon espacios
compose-empty-reply-to = el `Reply-To:` ha salido vacío para este cliente: pon una dirección para cada cliente, o quita la línea
compose-bad-reply-to = el `Reply-To:` que sale no sirve: { $why }
compose-no-template = no hay plantilla: indica `--template templates/year-end.txt` o pon `template` en `[campaign]`
compose-no-such-template = esa plantilla no existe
compose-template-gone = no se pudo leer la plantilla: ya no está
compose-unknown-template = no existe la plantilla `{ $name }`: no hay ningún `{ $file }`; créalo, o corrige el nombre
compose-template-not-utf8 = no está guardada en UTF-8: guárdala como UTF-8 en tu editor
compose-template-unreadable = no se pudo leer la plantilla: { $why }
compose-variable-without-value = `{ $name }` existe, pero no tiene valor
compose-field-undefined = no existe el campo `{ $name }`
compose-field-undefined-among = no existe el campo `{ $name }`; los que hay: { $available }

## cartero.toml y opciones

settings-read-failed = no se pudo leer `{ $file }`
settings-no-archive-folder = este sistema no tiene carpeta de datos para el archivo histórico: indica una con `--archive FILE` o con `[archive] path` en cartero.toml
settings-no-sender = falta el remitente: añade `[sender]` con `name` y `email` a cartero.toml, o usa `--from "Tu Nombre <tu@example.com>"`
settings-from-failed = no se pudo leer `--from`
settings-sender-failed = no se pudo leer `[sender]` en `{ $file }`
settings-sender-no-email = `[sender]` en `{ $file }` tiene `name` pero no `email`: añade `email = "tu@example.com"`
settings-not-an-address = `{ $text }` no es una dirección de correo como "Ana García <ana@example.com>" ({ $why })
settings-toml-at = error en la línea { $line }, columna { $column }
settings-toml-unknown-key = `{ $key }` no es una clave que cartero conozca aquí; { $count ->
    [one] la que vale es { $keys }
   *[other] las que valen son { $keys }
}
settings-toml-unknown-value = `{ $value }` no es un valor válido aquí; { $count ->
    [one] el que vale es { $values }
   *[other] los que valen son { $values }
}
settings-toml-missing-key = falta la clave `{ $key }`
settings-toml-wrong-type = aquí va { $expected }, no { $found }
settings-toml-wrong-value = { $found } no vale aquí: tiene que ser { $expected }
settings-toml-found-text = el texto { $value }
settings-toml-found-number = el número { $value }
settings-toml-found-decimal = el número { $value }
settings-toml-found-boolean = { $value }
settings-toml-expected-whole-number = un número entero (sin comillas)
settings-toml-expected-text = un texto entre comillas
settings-toml-expected-boolean = true o false
settings-toml-expected-list = una lista entre corchetes, como ["Clientes", "INBOX"]
settings-security-none = sin cifrar
settings-smtp-unencrypted = `security = "none"` enviaría tu contraseña y los correos de tus clientes sin cifrar a `{ $host }`; solo se permite con un servidor en este mismo ordenador (127.0.0.1 o localhost): usa `starttls` o `tls`
settings-imap-unencrypted = `security = "none"` enviaría tu contraseña y leería tu correo sin cifrar desde `{ $host }`; solo se permite con un servidor en este mismo ordenador (127.0.0.1 o localhost): usa `tls` (puerto 993) o `starttls` (puerto 143)
settings-smtp-no-host = `host` está vacío: escribe el servidor SMTP de tu proveedor, como "smtp.gmail.com"
settings-imap-no-host = `host` está vacío: escribe el servidor IMAP de tu proveedor, como "imap.gmail.com"
settings-smtp-port-zero = `port = 0` no es un puerto: lo normal es 587 con `security = "starttls"` y 465 con `"tls"`
settings-imap-port-zero = `port = 0` no es un puerto: lo normal es 993 con `security = "tls"` y 143 con `"starttls"`
settings-smtp-empty-username = `username` está vacío: escribe el usuario que te dio tu proveedor (normalmente tu dirección), o quita la línea si el servidor no pide ninguno
settings-imap-empty-username = `username` está vacío: escribe el usuario de tu buzón, normalmente tu dirección
settings-imap-no-username = falta `username`: añade `username = "tu@example.com"` (el usuario de tu buzón en `{ $host }`)
settings-smtp-failed = no se pudo leer `[smtp]` en `{ $file }`
settings-imap-failed = no se pudo leer `[imap]` en `{ $file }`
settings-folder-name = `{ $key }` es el nombre de una carpeta: escríbelo tal como lo muestra tu programa de correo, como "Sent" o "[Gmail]/Sent Mail"
settings-rate-not-a-rate = `rate = "{ $rate }"` no es un ritmo: escríbelo como "30/min", "1/s" o "500/hour"
settings-rate-out-of-range = `rate = "{ $rate }"` está fuera de rango: cartero envía entre 1 mensaje al día ("1/day") y 100 por segundo ("100/s"); escribe un ritmo intermedio, como "30/min"
settings-out-of-range-seconds = `{ $key } = { $value }` está fuera de rango: escribe un número de segundos entre { $min } y { $max } (o quita la línea para usar { $default })
settings-out-of-range-milliseconds = `{ $key } = { $value }` está fuera de rango: escribe un número de milisegundos entre { $min } y { $max } (o quita la línea para usar { $default })
settings-out-of-range-tries = `{ $key } = { $value }` está fuera de rango: escribe un número de intentos entre { $min } y { $max } (o quita la línea para usar { $default })
settings-daily-limit-zero = `daily-limit = 0` no enviaría nada: escribe cuántas cartas te deja enviar tu proveedor en un día (500 con una cuenta de Gmail), o quita la línea para no poner límite

## Contraseñas y el reloj

secret-prompt = { $token ->
    [yes] Token de acceso
   *[no] Contraseña
} { $protocol } de { $user } en { $host }:
secret-no-smtp-password = no hay contraseña SMTP para `{ $user }`: define CARTERO_SMTP_PASSWORD, o `password-command` en `[smtp]`, o ejecuta `cartero send` en una terminal para escribirla
secret-no-imap-password = no hay { $token ->
    [yes] token de acceso
   *[no] contraseña
} IMAP para `{ $user }`: define CARTERO_IMAP_PASSWORD, o `password-command` en `[imap]`, o ejecuta cartero en una terminal para escribirla
secret-command-failed-to-run = no se pudo ejecutar `password-command` `{ $command }`
secret-command-no-output = `password-command` no dio ninguna salida
secret-command-too-slow = `password-command` `{ $command }` no terminó en { $seconds } segundos, así que no se envió nada: ejecútalo tú para ver a qué espera (sube `password-command-seconds` en `{ $section }` si necesita más tiempo)
secret-command-failed = `password-command` `{ $command }` falló ({ $status }), así que no se envió nada: ejecútalo tú para ver por qué
secret-command-unreadable = no se pudo leer lo que escribió `password-command`
secret-command-output-unreadable = no se pudo leer lo que escribió `password-command` `{ $command }`
secret-command-not-text = `password-command` `{ $command }` escribió algo que no es texto
secret-command-printed-nothing = `password-command` `{ $command }` no escribió nada, así que no hay contraseña con la que entrar: ejecútalo tú y comprueba que escribe la contraseña en su primera línea
clock-not-a-time = `CARTERO_NOW={ $value }` no es una hora en formato RFC 3339

## Certificados

tls-ca-file-unreadable = no se pudo leer `ca-file` `{ $file }` en `{ $section }`
tls-ca-file-no-certificate = `ca-file` `{ $file }` en `{ $section }` no contiene ningún certificado en formato PEM (el texto entre `-----BEGIN CERTIFICATE-----` y `-----END CERTIFICATE-----`)
tls-setup-failed = no se pudo preparar TLS
tls-self-signed = el certificado del servidor es suyo propio, autofirmado, y ninguna autoridad lo respalda: si es tu propio servidor, guarda su certificado en un archivo e indícalo con `ca-file` en `{ $section }`
tls-expired = el certificado del servidor ha caducado: avisa a quien lleve el servidor
tls-wrong-name = el certificado del servidor no está a nombre de `{ $host }`: revisa `host` en `{ $section }` (la documentación de tu proveedor indica el servidor)
tls-not-trusted = el certificado del servidor no es de confianza ({ $why }): si el servidor tiene su propia autoridad de certificación, indica su certificado con `ca-file` en `{ $section }`

## Enviar por SMTP

smtp-connect-failed = no se pudo conectar con el servidor SMTP `{ $server }` ({ $security })
smtp-no-starttls = el servidor no ofrece STARTTLS, así que tu contraseña y tus cartas irían por la red sin cifrar; no se envió nada. Revisa `port` en `[smtp]` con tu proveedor (lo normal es 587 con `security = "starttls"` y 465 con `security = "tls"`)
# $token es yes (auth = "xoauth2") o no (una contraseña).
smtp-login-refused = el servidor rechazó { $token ->
    [yes] el usuario o el token de acceso (`auth = "xoauth2"`: puede que el token que escribe `password-command` haya caducado o no tenga permiso para SMTP)
   *[no] el usuario o la contraseña
} ({ $reply }): revisa `username` en `[smtp]` y la contraseña
smtp-token-refused = el servidor rechazó el usuario o el token de acceso (`auth = "xoauth2"`: puede que el token que escribe `password-command` haya caducado o no tenga permiso para SMTP): revisa `username` en `[smtp]` y el token
smtp-answer-out-of-place = el servidor respondió `{ $reply }` donde SMTP no lo permite
smtp-answer-out-of-place-at-end = el servidor respondió `{ $reply }` al final de la carta, y SMTP no permite esa respuesta ahí
smtp-ca-file-unreadable = no se pudo leer `ca-file` `{ $file }`
smtp-ca-file-not-pem = `{ $file }` no es un certificado PEM
smtp-host-not-found = no se encontró el nombre del servidor: revisa `host` en `[smtp]` (y que este ordenador tenga conexión)
smtp-not-tls = el servidor no habla TLS desde el primer byte en este puerto: con el puerto 587 usa `security = "starttls"`; `security = "tls"` va con el puerto 465
smtp-no-login-mechanism = el servidor no ofrece ninguna forma de entrar que cartero conozca (PLAIN o LOGIN, o XOAUTH2 con `auth = "xoauth2"`): puede que quiera antes una conexión segura (`security = "starttls"`), o que no haga falta ningún `username`
smtp-untrusted = { $why }: no se pudo verificar su certificado TLS para este nombre de servidor (un servidor con su propia autoridad de certificación necesita `ca-file` en `[smtp]`)
smtp-too-big-for-server = la carta, { $size } tal como se envía, es más grande de lo que acepta este servidor ({ $reply }): pon en `[smtp] max-message-size` lo que acepta tu proveedor, para que `check` lo diga antes de enviar, y adjunta archivos más pequeños o menos
smtp-no-answer-after-letter = no llegó respuesta después de entregar la carta entera al servidor ({ $why })
smtp-timed-out = el servidor no respondió a tiempo (`timeout-seconds` en `[smtp]`)
smtp-connection-refused = nadie responde en esa dirección y puerto: revisa `host` y `port` en `[smtp]`
smtp-connection-closed = el servidor cerró la conexión
smtp-no-smtputf8 = la dirección `{ $address }` tiene letras fuera del ASCII básico, y el servidor { $server } no acepta direcciones así (no ofrece SMTPUTF8): pide al cliente otra dirección
smtp-no-8bitmime = el servidor { $server } no acepta cartas con acentos en sus cabeceras (no ofrece 8BITMIME): usa el servidor de envío de tu proveedor (normalmente el puerto 587)
smtp-no-connection = no hay conexión
# Por dónde salió un envío, dentro de una frase del resumen del envío.
smtp-describe = el servidor SMTP { $server }
# $unit es second, minute u hour; $word es la palabra del propio servidor.
smtp-retry-in = el servidor dice que lo intentes de nuevo dentro de { $count } { $unit ->
    [second] { $count ->
        [one] segundo
       *[other] segundos
    }
    [minute] { $count ->
        [one] minuto
       *[other] minutos
    }
    [hour] { $count ->
        [one] hora
       *[other] horas
    }
   *[other] { $word }
}
smtp-retry-daily-limit = es un límite diario: inténtalo de nuevo dentro de 24 horas
smtp-retry-later = inténtalo más tarde: dentro de una hora, o mañana si vuelve a pasar
outbox-write-failed-because = no se pudo escribir `{ $file }`: { $why }
outbox-written-to = guardada en { $file }
# Por dónde salió un ensayo, dentro de una frase del resumen del envío.
outbox-describe-folder = la carpeta `{ $folder }`
outbox-create-failed = no se pudo crear `{ $folder }`
outbox-write-failed = no se pudo escribir `{ $file }`
outbox-read-failed = no se pudo leer `{ $folder }`
outbox-marker-note = escrito por cartero: sus archivos .eml se sustituyen en cada ejecución

## El buzón por IMAP

imap-timed-out = el servidor IMAP no respondió a tiempo cuando cartero intentaba { $doing }
imap-connection-lost = se perdió la conexión con el servidor IMAP cuando cartero intentaba { $doing }
imap-append-refused = el servidor IMAP se negó cuando cartero intentaba { $doing } (un buzón lleno, o una carpeta que no lo permite)
imap-refused = el servidor IMAP se negó cuando cartero intentaba { $doing }: { $reply }
imap-answer-unreadable = no se pudo leer la respuesta del servidor IMAP cuando cartero intentaba { $doing } ({ $why })
imap-login-refused = el servidor IMAP `{ $host }` rechazó el usuario `{ $user }` o su contraseña ({ $reply }): revisa `username` en `[imap]` y la contraseña (Gmail, iCloud, Fastmail y Zoho piden una contraseña de aplicación, no la de siempre)
imap-token-refused = el servidor IMAP `{ $host }` rechazó el token de acceso de `{ $user }` ({ $reply }): puede que el token que escribió `password-command` haya caducado o no tenga permiso para IMAP
imap-doing-log-in = entrar
imap-doing-greet = saludarlo
imap-host-not-found = no se encontró el nombre del servidor `{ $host }`: revisa `host` en `[imap]` (y que este ordenador tenga conexión)
imap-no-address = ninguna dirección
imap-nothing-answers = nadie responde en el puerto { $port } de `{ $host }` ({ $why }): revisa `port` en `[imap]` (lo normal es 993 con `security = "tls"` y 143 con `"starttls"`)
imap-no-greeting = el servidor no saludó en { $seconds } segundos: ¿es este puerto para IMAP? (993 con `security = "tls"`, 143 con `"starttls"`)
imap-sent-nothing = el servidor no envió nada en { $seconds } segundos: ¿es este puerto para IMAP sin TLS al principio? (143 con `security = "starttls"`, 993 con `"tls"`)
imap-closed-at-once = el servidor cerró la conexión enseguida: ¿es este puerto para IMAP?
imap-connection-failed = falló la conexión ({ $why })
imap-not-an-imap-greeting = el servidor no saluda como lo hace IMAP en el puerto { $port } (con el puerto 993 usa `security = "tls"`)
imap-goodbye-at-once = el servidor se despidió enseguida: { $reply }
imap-no-starttls = el servidor no ofrece STARTTLS ({ $reply }), así que tu contraseña iría por la red sin cifrar; revisa `port` y `security` en `[imap]` (993 con `security = "tls"`)
imap-not-a-host-name = `{ $host }` no es un nombre de servidor
imap-tls-start-failed = no se pudo iniciar TLS
imap-not-tls = el servidor no habla TLS desde el primer byte en el puerto { $port }: con el puerto 143 usa `security = "starttls"`; `security = "tls"` va con el puerto 993
imap-tls-failed = falló la conexión segura ({ $why })
imap-no-such-folder = no hay ninguna carpeta "{ $folder }" (`sent-folder` en `[imap]`) en este buzón; sus carpetas son { $folders }
imap-no-sent-folder = ninguna carpeta de este buzón está marcada como la del correo enviado; indícala con `sent-folder = "..."` en `[imap]` (sus carpetas son { $folders })
imap-reach-failed = no se pudo llegar al servidor IMAP `{ $server }` ({ $security })
imap-doing-put-copy = guardar la copia en "{ $folder }"
imap-doing-put-copies = guardar las copias en "{ $folder }"
imap-doing-open = abrir "{ $folder }"
imap-doing-look-again = volver a mirar en "{ $folder }"
imap-doing-search = buscar en "{ $folder }"
imap-doing-read = leer "{ $folder }"
imap-doing-list-folders = ver la lista de tus carpetas
imap-busy-with-copies = el buzón está ocupado con las copias
imap-copy-draft-changed = el borrador cambió desde que salió la carta, así que su texto exacto no está a mano: si quieres una copia en Enviados, guárdala desde tu programa de correo
imap-copy-session-gone = la sesión con tu buzón se había cerrado
imap-copies-failed-inside = no se pudieron hacer las copias (cartero falló por dentro)

## La carpeta de borradores, el diario, el bloqueo, el archivo histórico

lock-holder = `cartero { $command }` (proceso { $pid })
lock-holder-unknown = otra orden de cartero
lock-held = { $who } está trabajando ahora mismo con los borradores de esta campaña: espera a que termine y vuelve a ejecutar `cartero { $command }`
lock-held-by-desk = { $who } tiene abiertos los borradores de esta campaña en el escritorio: ciérralo (Ctrl-C en su ventana) y vuelve a ejecutar `cartero { $command }`
lock-file-is-a-folder = `{ $file }` es una carpeta, y ahí guarda cartero su archivo de bloqueo: borra esa carpeta (cartero nunca pone nada en ella)
lock-open-failed = no se pudo abrir el archivo de bloqueo `{ $file }`: cartero necesita escribir en la carpeta de borradores `{ $folder }`
lock-drafts-is-a-file = la carpeta de borradores `{ $folder }` es un archivo, no una carpeta: pon en `drafts` de `[campaign]` en cartero.toml (o en `--drafts`) una carpeta
lock-create-failed = no se pudo crear `{ $folder }`
lock-lock-failed = no se pudo bloquear `{ $file }`
lock-write-failed = no se pudo escribir `{ $file }`
limits-at-does-not-exist = `--at { $at }` no existe en el reloj de este ordenador (un cambio de hora): elige otro minuto
limits-at-not-a-time = `--at { $at }` no es una hora: escríbela como "2026-12-22 09:00" (tu hora local) o "2026-12-22T09:00:00+01:00"
journal-not-a-time = `{ $text }` no es una hora
journal-line-salvaged = { $file }:{ $line }: esta línea no es un evento completo del diario ({ $why }); se lee como `{ $event }` para `{ $client }`, para que esa carta nunca se vuelva a enviar por error
journal-last-line-torn = { $file }:{ $line }: la última línea quedó cortada (¿se paró cartero mientras la escribía?); no se tiene en cuenta
journal-line-unreadable = { $file }:{ $line }: esta línea no es un evento del diario ({ $why }); no se tiene en cuenta
journal-read-failed = no se pudo leer el diario `{ $file }`
journal-create-failed = no se pudo crear `{ $folder }`
journal-open-failed = no se pudo abrir el diario `{ $file }`
journal-repair-failed = no se pudo reparar el diario `{ $file }`
journal-encode-failed = no se pudo codificar un evento del diario
journal-write-failed = no se pudo escribir en el diario `{ $file }`
state-draft-not-utf8 = este borrador no está guardado en UTF-8; se leyó como { $encoding } (así lo guardan algunos editores de Windows): revisa sus acentos y guárdalo en UTF-8
state-draft-not-a-file = `{ $file }` no es un archivo normal (es una tubería con nombre o un dispositivo), y ahí guarda cartero un borrador: muévelo a otro sitio y vuelve a intentarlo; cartero lo deja como está y no escribe nada encima
state-draft-is-a-folder = `{ $file }` es una carpeta, y ahí guarda cartero un borrador: mueve la carpeta a otro sitio y vuelve a intentarlo
state-draft-unreadable = no se puede leer `{ $file }` ({ $why }): haz que se pueda leer de nuevo (por ejemplo con `chmod u+rw { $quoted }`) y vuelve a intentarlo; cartero lo deja como está y no escribe nada encima
state-went-unreadable = no se puede leer `{ $file }`, la copia de una carta tal como salió
state-write-failed = no se pudo escribir `{ $file }`
state-read-failed = no se pudo leer `{ $folder }`
survey-waiting-refused = esperando: el { $at } el servidor no aceptó más cartas de tu cuenta ({ $why }); `cartero send` lo vuelve a intentar
survey-draft-unreadable = no se pudo leer el borrador de `{ $name }` ({ $email })
survey-sent-on-your-word = anotado como enviado por tu palabra (`cartero send --arrived`): ningún servidor lo confirmó
survey-data-changed = los datos del cliente cambiaron después de que editaras este borrador: la versión nueva está en `{ $file }`; junta lo que quieras y luego bórrala
survey-cannot-send = este borrador no se puede enviar tal como está: { $why }
survey-draft-changed-after-send = su borrador cambió después de que saliera esta carta: `cartero send --arrived` necesita el borrador tal como salió, para archivar y guardar lo que se envió
survey-draft-changed-after-send-kept = su borrador cambió después de que saliera esta carta; cartero guardó la carta tal como salió en `{ $kept }`: `cartero send --arrived` archiva esa; para enviarla otra vez, copia antes ese archivo sobre el borrador
survey-sent-draft-changed-kept = su borrador cambió después de que saliera esta carta: el archivo histórico guarda la carta tal como salió (`{ $kept }`), no el borrador
survey-sent-draft-changed = su borrador cambió después de que saliera esta carta: el borrador ya no es la carta que recibió el cliente
survey-send-interrupted = un envío se interrumpió: puede que el mensaje { $message_id } haya llegado o no; { $how_to_check }
# $why dice por qué la carta puede haber salido (la conexión se perdió tras entregar la carta entera).
survey-uncertain = { $why }: puede que la carta { $message_id } haya llegado o no; { $how_to_check }
survey-refused-for-good = el servidor la rechazó: { $reply } (corrige la dirección o el borrador y apruébalo de nuevo, o usa `--resend`)
survey-refused-for-now = el servidor la rechazó: { $reply } (se volverá a intentar en el próximo `cartero send`)
survey-draft-gone = el archivo del borrador ya no está: `cartero draft` lo vuelve a escribir
survey-how-to-check = pregúntale si le llegó (la carpeta Enviados solo la muestra si tu proveedor guarda copia de lo que envía, como hacen Gmail y Microsoft 365; con `[imap]` cartero mira allí por sí mismo): si llegó, `cartero send --arrived { $email }` la anota como enviada y nunca se volverá a enviar; si no llegó, `cartero send --resend { $email }` la envía otra vez, con el mismo Message-ID
# $from es una hora, o none cuando el próximo hueco es mañana.
survey-limit-reached = esperando: se ha llegado al límite diario de { $limit } cartas (`daily-limit` en `[smtp]`); podrán salir cartas de nuevo { $from ->
    [none] mañana
   *[other] a partir de { $from }
}
survey-limit-room-taken = esperando: el límite diario de { $limit } cartas (`daily-limit` en `[smtp]`) deja hueco para { $left ->
    [one] 1 carta más
   *[other] { $left } cartas más
} hoy ({ $sent } enviadas en las últimas 24 horas), y se lo llevan las cartas anteriores a esta; podrá salir { $from ->
    [none] mañana
   *[other] a partir de { $from }
}
# El estado de un cliente, tal como lo lee una persona ($state es la palabra que da `status --json`).
plan-invalid-draft = `{ $file }`: { $why }
plan-arrived-no-such-client-close = `--arrived { $key }`: no hay ningún cliente así en la lista; ¿querías decir `{ $close }`?
plan-arrived-no-such-client = `--arrived { $key }`: no hay ningún cliente así en la lista
plan-arrived-and-resend = `--arrived { $key }` y `--resend { $key }` dicen cosas opuestas: nómbralo solo en una de las dos
plan-arrived-sends-nothing = `--arrived` anota tu palabra y no envía nada: ejecuta `cartero send --resend { $other }` por separado
plan-arrived-draft-changed = `--arrived { $key }`: `{ $file }` cambió después de que saliera la carta, así que la carta que salió (sha256 de su texto { $sha }) no está a mano para archivarla en Enviados y guardarla en el archivo histórico: deja el borrador como salió y vuelve a ejecutar esto
plan-arrived-draft-file-gone = `--arrived { $key }`: `{ $file }` ya no está, así que la carta que salió (sha256 de su texto { $sha }) no está a mano para archivarla en Enviados y guardarla en el archivo histórico: deja el borrador como salió y vuelve a ejecutar esto
plan-arrived-draft-gone = `--arrived { $key }`: su borrador ya no está, así que la carta que salió (sha256 de su texto { $sha }) no está a mano para archivarla en Enviados y guardarla en el archivo histórico: deja el borrador como salió y vuelve a ejecutar esto
plan-arrived-not-uncertain = `--arrived { $key }`: no hay ninguna carta sin confirmar para este cliente (su estado es: { $state }): `--arrived` es para una carta cuyo envío se cortó, cuando el cliente te dice que le llegó
plan-resend-no-such-client = `--resend { $key }`: no hay ningún cliente así en la lista
plan-resend-sent-on-your-word = `--resend { $key }`: ese correo está anotado como enviado por tu palabra (`--arrived`, { $message_id }); cartero nunca envía dos veces el mismo correo a un cliente
plan-resend-already-sent = `--resend { $key }`: ese correo se envió y el servidor lo aceptó ({ $message_id }); cartero nunca envía dos veces el mismo correo a un cliente
plan-resend-changed-since-it-went = `--resend { $key }`: el borrador cambió después de que saliera la carta (puede que haya llegado); cartero la guardó tal como salió en `{ $kept }`: para enviarla otra vez, cópiala sobre `{ $file }` y vuelve a ejecutar esto; si llegó, `--arrived { $key }`
plan-resend-not-approved = `--resend { $key }`: el borrador tal como está ahora no se aprobó; ejecuta antes `cartero review`
archive-db-create-folder-failed = no se pudo crear la carpeta del archivo histórico `{ $folder }`
archive-db-open-failed = no se pudo abrir el archivo histórico `{ $file }`
archive-db-not-sqlite = no es un archivo histórico de cartero (ni siquiera es un archivo SQLite): indica otro archivo en `[archive] path` o con `--archive`
archive-db-not-cartero = es un archivo SQLite, pero no un archivo histórico de cartero: indica otro archivo en `[archive] path` o con `--archive`
archive-db-newer = lo escribió un cartero más nuevo (versión { $version } del archivo; este cartero lee hasta la { $reads }): actualiza cartero para usarlo
archive-db-write-failed = no se pudo escribir en el archivo histórico `{ $file }`
archive-db-reading-failed = no se pudo leer
archive-db-recall-failed = { $why }; las cartas se hacen sin lo que dejaron los años anteriores

## Lo que imprimen las órdenes: check, borradores, review, send, buzón, archivo, status

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
check-share = parte personal: { $share } % de media; { $total ->
    [one] { $mass } de 1 correo parece un envío masivo
   *[other] { $mass } de { $total } correos parecen un envío masivo
}

## draft y review

draft-share = parte personal: { $share } % de media; { $mass } { $mass ->
    [one] parece
   *[other] parecen
} un envío masivo; { $unnoted } sin nota personal
draft-share-named = parte personal: { $share } % de media; { $mass } { $mass ->
    [one] parece
   *[other] parecen
} un envío masivo ({ $names }); { $unnoted } sin nota personal
draft-reopened = `{ $name }` ({ $email }): la lista de clientes cambió, así que el borrador se escribió de nuevo; lo habías { $was }, y eso ya no vale: `cartero review` te lo enseña otra vez
draft-was-approved = aprobado
draft-was-skipped = omitido
draft-was-rejected = rechazado
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

## status: encabezados y estados de la tabla (`status --json` conserva sus palabras)

status-heading-state = estado
status-heading-personal = personal
status-heading-name = nombre
status-heading-draft = borrador
state-new = nuevo
state-drafted = redactado
state-edited = editado
state-approved = aprobado
state-skipped = omitido
state-rejected = rechazado
state-sending = enviando
state-sent = enviado
state-bounced = devuelto
state-failed = fallido
state-uncertain = sin confirmar
state-missing = sin archivo
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
status-count-bounced = { $count ->
    [one] 1 devuelto
   *[other] { $count } devueltos
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
status-removed-sent = ya no está en la lista: { $key } (su carta salió el { $day }; el archivo histórico la guarda)
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

## Bounces

status-bounced-on = devuelto el { $day }: { $reason } (la dirección no funciona: corrígela en la lista de clientes)
status-delayed-on = con retraso desde el { $day }: { $reason } (el servidor sigue intentándolo; no hay nada que reenviar)
status-next-fix-bounced = siguiente paso: corrige en la lista de clientes { $count ->
    [one] la dirección devuelta
   *[other] las { $count } direcciones devueltas
} (ver arriba); una dirección corregida es un cliente nuevo al que redactar y enviar
status-count-delayed = { $count } con retraso
bounce-came-back = { $count ->
    [one] 1 carta devuelta
   *[other] { $count } cartas devueltas
} (la dirección no funciona):
bounce-one = { $name } <{ $email }>  el { $day }: { $reason }
bounce-fix-the-address = corrige esas direcciones en la lista de clientes: cartero nunca vuelve a enviar una carta por su cuenta
bounce-delayed = { $count ->
    [one] 1 carta va con retraso
   *[other] { $count } cartas van con retraso
} (el servidor sigue intentándolo; no hay nada que reenviar):
bounce-delayed-one = { $name } <{ $email }>  desde el { $day }: { $reason }
bounce-new = (nueva)
bounce-about-no-letter = { $count ->
    [one] 1 aviso de entrega no es
   *[other] { $count } avisos de entrega no son
} de ninguna carta de esta campaña: se dejan como están
bounce-went-after-all = { $key }: ha llegado un aviso de entrega sobre la carta sin confirmar, así que el servidor la había aceptado: queda enviada y no se vuelve a enviar
desk-bounced-because = Devuelta el { $day }: { $reason }. La dirección no funciona: corrígela en la lista de clientes.
desk-past-bounced = devuelta el { $date }: { $reason }
history-bounced = devuelta el { $day }: { $reason }
init-bounced = aviso: la última carta a { $name } <{ $email }> se devolvió ({ $day }: { $reason }): corrige la dirección en clients.csv o quita la fila (su columna `bounced` lo indica)

## El escritorio (cartero web)

desk-cannot-listen = no se puede escuchar en 127.0.0.1:{ $port } (quizá lo usa otro programa): elige otro con `--port`
desk-no-randomness = el sistema no ha dado bytes aleatorios para la clave secreta del escritorio
desk-refused-host = este escritorio solo responde en 127.0.0.1 y localhost: abre la dirección que cartero escribió en la terminal
desk-refused-token = esta página necesita la dirección secreta que cartero escribió en la terminal al empezar `cartero web`: ábrela en el navegador
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
desk-filter-bounced = devueltos
desk-filter-answered = han respondido
desk-one-loved = de los queridos
desk-one-ignored = de los indiferentes
desk-one-hated = de los odiados
desk-circle-loved = queridos
desk-circle-ignored = indiferentes
desk-circle-hated = odiados
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
desk-no-past = Es la primera carta que le escribes.
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
desk-shortcut-keys = a aprobar · o omitir · r rechazar · e escribir · m recordar · → siguiente · ← anterior · Mayús+S enviar · Mayús+L la lista · en la carta: Ctrl+Intro aprobar, Ctrl+S guardar, Esc para salir de ella
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
desk-state-bounced = devuelto
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
desk-draft-gone = El archivo del borrador ya no está (se movió o se borró fuera del escritorio): cierra el escritorio (Ctrl-C donde está abierto), ejecuta `cartero draft` para escribirlo de nuevo, abre el escritorio y vuelve a poner tus palabras.
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
desk-ended-badly = Terminó con algo que atender: lee las líneas de arriba. La lista muestra cómo va ahora cada cliente.
desk-too-long = Esto es demasiado largo para guardarlo desde la página (más de 2 MB de texto): no se ha guardado nada. Vuelve atrás con el navegador, copia lo que escribiste y pon la parte larga en un archivo que lleve la carta.
desk-kept = Lo que escribiste, sin guardar nada: cópialo de aquí antes de salir de esta página.
desk-done-nothing-to-remember = No se ha guardado nada: el recuerdo estaba vacío.
desk-busy = Hay un envío o una búsqueda de respuestas en marcha y tiene los borradores: espera a que acabe y vuelve a intentarlo.
desk-no-exe = no se encuentra el propio programa de cartero para hacer el envío
desk-waiting-for-lock = esperando la carpeta de borradores: { $why }
desk-flag-retold = repite una anécdota de otra carta
desk-closed = Esta carta ya salió (o pudo salir): se queda como se envió.

## Cartas como las escribe un negocio: Markdown, la firma, los adjuntos
settings-bad-max-message-size = `[smtp] max-message-size = { $value }` en `{ $file }` no es un tamaño: escribe la carta más grande que acepta tu proveedor, en MB (por ejemplo `max-message-size = 20`)
compose-attachments-header = una plantilla no puede poner `{ $header }:`: los archivos de cada cliente van en la columna `adjuntos` de la lista, y los de todas las cartas en `[campaign] attachments` de cartero.toml; quita la línea
compose-format-header = una plantilla no puede poner `{ $header }:`: una plantilla cuyo nombre acaba en `.md` es Markdown, y una que acaba en `.txt`, texto sin formato; quita la línea
message-bad-format = `Formato: { $value }` no es un formato que cartero conozca: escribe `Format: markdown`, o quita la línea para texto sin formato
letter-file-missing = `{ $file }` no está: pon el archivo ahí o corrige su nombre (los nombres son relativos a la carpeta de la campaña, donde está cartero.toml)
letter-file-is-folder = `{ $file }` es una carpeta, no un archivo: escribe el nombre del archivo de dentro que va con la carta
letter-file-not-a-file = `{ $file }` no es un archivo que cartero pueda adjuntar: indica un archivo normal
letter-file-unreadable = no se puede leer `{ $file }` ({ $why }): haz que se pueda leer y vuelve a intentarlo
campaign-signature-missing = el archivo de la firma no está: créalo o corrige `[sender] signature` en cartero.toml
campaign-signature-unreadable = no se puede leer la firma ({ $why }): haz que se pueda leer o corrige `[sender] signature` en cartero.toml
campaign-signature-not-utf8 = la firma no es texto UTF-8: guárdala como UTF-8 (en el Bloc de notas: «Guardar como», codificación «UTF-8»)
campaign-image-from-elsewhere = la carta muestra una imagen de internet, `{ $address }`: cartero nunca la carga (los programas de correo las ocultan, y le dicen al remitente quién abrió la carta), así que no se verá; pon la imagen en la carpeta de la campaña y muéstrala por el nombre de su archivo
campaign-logo-in-plain-letter = la firma muestra `{ $image }`, pero esta carta es texto sin formato, que no muestra imágenes, así que va sin ella: pon .md al nombre de la plantilla para enviar cartas que la muestren
campaign-attachment-blocked = `{ $file }` es un tipo de archivo que los proveedores de correo no dejan pasar (programas y scripts): la carta sería rechazada o llegaría sin él (meterlo en un .zip no sirve): envía un PDF, o un enlace al archivo
campaign-letter-too-big = esta carta ocupa { $size } tal como se envía, más de los { $limit } que acepta tu proveedor (`[smtp] max-message-size`): adjunta archivos más pequeños, o menos
cmd-send-file-changed = { $key }: un archivo de esta carta cambió después de que la aprobaras: no se ha enviado; vuelve a leerla con `cartero review`
cmd-send-file-gone = { $key }: no se ha enviado: { $why }
history-attachments = con: { $files }
size-bytes = { $n ->
    [one] 1 byte
   *[other] { $n } bytes
}
size-kb = { $n } KB
size-mb = { $n } MB
letter-goes-with = va con ella: { $files }
letter-file = { $name } ({ $size })
letter-file-inside = { $name } (dentro de la carta, { $size })
letter-file-outside = `{ $file }` está fuera de la carpeta de la campaña: copia el archivo a la carpeta donde está cartero.toml (o a una carpeta dentro de ella) y nómbralo desde ahí
letter-file-link-outside = `{ $file }` es un enlace a `{ $target }`, fuera de la carpeta de la campaña: copia el archivo mismo a la carpeta donde está cartero.toml (o a una carpeta dentro de ella) y nómbralo desde ahí
letter-not-what-named = `{ $file }` no contiene la imagen que dice su nombre: ábrelo con un editor de imágenes y guárdalo de nuevo en ese formato (.png, .jpg, .gif)
letter-not-an-image = `{ $file }` aparece como imagen en la carta, pero no es una imagen: pon un .png, .jpg o .gif, o adjunta el archivo
campaign-signature-not-a-file = no es un archivo normal
cmd-send-too-big = { $key }: no se ha enviado: la carta ocupa { $size } tal como se envía, más de los { $limit } que acepta tu proveedor (`[smtp] max-message-size`); adjunta archivos más pequeños, o menos, y apruébala de nuevo
cmd-review-file-changed = un archivo de esta carta cambió mientras la leías; aquí la tienes otra vez
desk-file-changed = Un archivo de esta carta cambió desde que esta página la mostró: vuelve a mirarla (su tamaño está arriba) y apruébala después.
survey-file-changed-since-approved = un archivo que lleva esta carta cambió después de que la aprobaras: vuelve a leerla y apruébala (cartero solo envía lo que apruebas)
