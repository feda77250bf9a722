# El motor: TLS y el certificado del servidor (src/tls.rs).

tls-ca-file-unreadable = no se pudo leer `ca-file` `{ $file }` en `{ $section }`
tls-ca-file-no-certificate = `ca-file` `{ $file }` en `{ $section }` no contiene ningún certificado en formato PEM (el texto entre `-----BEGIN CERTIFICATE-----` y `-----END CERTIFICATE-----`)
tls-setup-failed = no se pudo preparar TLS
tls-self-signed = el certificado del servidor es suyo propio, autofirmado, y ninguna autoridad lo respalda: si es tu propio servidor, guarda su certificado en un archivo e indícalo con `ca-file` en `{ $section }`
tls-expired = el certificado del servidor ha caducado: avisa a quien lleve el servidor
tls-wrong-name = el certificado del servidor no está a nombre de `{ $host }`: revisa `host` en `{ $section }` (la documentación de tu proveedor indica el servidor)
tls-not-trusted = el certificado del servidor no es de confianza ({ $why }): si el servidor tiene su propia autoridad de certificación, indica su certificado con `ca-file` en `{ $section }`
