# Plantillas: leerlas, los errores de Tera en palabras, la carta de cada cliente.

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
