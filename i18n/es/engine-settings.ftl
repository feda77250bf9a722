# El motor: cartero.toml y las opciones (src/settings).

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
