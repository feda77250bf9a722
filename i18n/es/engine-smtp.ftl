# El motor: el servidor SMTP y lo que significan sus respuestas (src/outbox). La respuesta del
# servidor ($reply, $why) se cita tal como la dio.

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
outbox-written-to = escrito en { $file }
# Por dónde salió un ensayo, dentro de una frase del resumen del envío.
outbox-describe-folder = la carpeta `{ $folder }`
outbox-create-failed = no se pudo crear `{ $folder }`
outbox-write-failed = no se pudo escribir `{ $file }`
outbox-read-failed = no se pudo leer `{ $folder }`
outbox-marker-note = escrito por cartero: sus archivos .eml se sustituyen en cada ejecución
