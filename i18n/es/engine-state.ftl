# El motor: el candado de la carpeta de borradores, el límite diario, el diario, los borradores,
# el repaso, el plan y el archivo histórico (src/state).

# Quién tiene la carpeta de borradores, dentro de una frase.
lock-holder = `cartero { $command }` (proceso { $pid })
lock-holder-unknown = otra orden de cartero
lock-held = { $who } está trabajando ahora mismo con los borradores de esta campaña: espera a que termine y vuelve a ejecutar `cartero { $command }`
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
state-write-failed = no se pudo escribir `{ $file }`
state-read-failed = no se pudo leer `{ $folder }`
survey-waiting-refused = esperando: el { $at } el servidor no aceptó más cartas de tu cuenta ({ $why }); `cartero send` lo vuelve a intentar
survey-draft-unreadable = no se pudo leer el borrador de `{ $name }` ({ $email })
survey-sent-on-your-word = anotado como enviado por tu palabra (`cartero send --arrived`): ningún servidor lo confirmó
survey-data-changed = los datos del cliente cambiaron después de que editaras este borrador: la versión nueva está en `{ $file }`; junta lo que quieras y luego bórrala
survey-cannot-send = este borrador no se puede enviar tal como está: { $why }
survey-draft-changed-after-send = su borrador cambió después de que saliera esta carta: `cartero send --arrived` necesita el borrador tal como salió, para archivar y guardar lo que se envió
survey-send-interrupted = un envío se interrumpió: puede que el mensaje { $message_id } haya llegado o no; { $how_to_check }
# $why dice por qué la carta puede haber salido (la conexión se perdió tras entregar la carta entera).
survey-uncertain = { $why }: puede que el mensaje { $message_id } haya llegado o no; { $how_to_check }
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
state-name = { $state ->
    [new] nuevo
    [drafted] con borrador
    [edited] editado
    [approved] aprobado
    [skipped] omitido
    [rejected] rechazado
    [sending] enviándose
    [sent] enviado
    [failed] fallido
    [uncertain] sin confirmar
    [missing] sin borrador
   *[other] { $state }
}
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
plan-resend-not-approved = `--resend { $key }`: el borrador tal como está ahora no se aprobó; ejecuta antes `cartero review`
archive-db-create-folder-failed = no se pudo crear la carpeta del archivo histórico `{ $folder }`
archive-db-open-failed = no se pudo abrir el archivo histórico `{ $file }`
archive-db-not-sqlite = no es un archivo histórico de cartero (ni siquiera es un archivo SQLite): indica otro archivo en `[archive] path` o con `--archive`
archive-db-not-cartero = es un archivo SQLite, pero no un archivo histórico de cartero: indica otro archivo en `[archive] path` o con `--archive`
archive-db-newer = lo escribió un cartero más nuevo (versión { $version } del archivo; este cartero lee hasta la { $reads }): actualiza cartero para usarlo
archive-db-write-failed = no se pudo escribir en el archivo histórico `{ $file }`
archive-db-reading-failed = no se pudo leer
archive-db-recall-failed = { $why }; las cartas se hacen sin lo que dejaron los años anteriores
