# El motor: contraseñas y tokens (src/secret.rs), el reloj (src/clock.rs).

# La pregunta en la terminal; la respuesta va detrás, tras un espacio. $token es yes o no.
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
