# Problemas con su lugar, cabeceras, mensajes, parte personal, campañas, duraciones.

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
campaign-no-note = no hay nota personal: añade una en la columna `note` (un recuerdo, una anécdota, algo que resolvisteis juntos)
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
campaign-no-notes = { $count } clientes no tienen nota personal ({ $names }): añade una en la columna `note` para cada uno (un recuerdo, una anécdota, algo que resolvisteis juntos)
campaign-no-notes-and-more = { $count } clientes no tienen nota personal ({ $names } y { $more } más): añade una en la columna `note` para cada uno (un recuerdo, una anécdota, algo que resolvisteis juntos)
campaign-mass-mail = { $count } cartas parecen un envío masivo: poco de cada una habla solo de su cliente ({ $names }); añade algo personal a sus notas o a la plantilla
campaign-mass-mail-and-more = { $count } cartas parecen un envío masivo: poco de cada una habla solo de su cliente ({ $names } y { $more } más); añade algo personal a sus notas o a la plantilla
campaign-letter-unusable = esta carta, tal como sale, no se podría aprobar ni enviar: { $why }
personal-mass-mail = parece un envío masivo: solo el { $percent } % habla de este cliente en concreto; añade algo personal a su nota
message-envelope-failed = no se pudo preparar el sobre del correo
message-build-failed = no se pudo preparar el correo para `{ $address }`
message-no-blank-line = no hay una línea en blanco entre las líneas `To:`/`Subject:` y el cuerpo
message-no-to = no hay línea `To:`
message-no-subject = no hay línea `Subject:`, o está vacía
message-empty-body = no hay carta debajo de la línea en blanco: escríbela ahí (una carta vacía nunca se envía)
message-not-a-header = la línea { $line } no es una cabecera como `Subject: …`
message-bad-to = `To: { $value }` no es una sola dirección como `Nombre <nombre@example.com>`
message-bad-reply-to = `Reply-To: { $value }` no es una dirección
message-copy-header = `{ $header }:` no está permitido: cada correo va solo a su cliente; quita la línea
message-from-header = `{ $header }:` no está permitido: el remitente eres tú, y se indica con `[sender]` en cartero.toml o con `--from`; quita la línea
message-unknown-header = cabecera desconocida `{ $header }:`{ $suggestion }: un borrador tiene `To:`, `Subject:` y, si acaso, `Reply-To:`
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
text-seconds = { $seconds } s
text-minutes-seconds = { $minutes } min { $seconds } s
text-hours-minutes = { $hours } h { $minutes } min
