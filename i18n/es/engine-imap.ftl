# El motor: el buzón IMAP, sus fallos en palabras, las copias en Enviados (src/mailbox). La
# respuesta del propio servidor ($reply) se cita tal como la dio.

# $doing es una de las frases imap-doing-…: lo que cartero intentaba hacer.
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
