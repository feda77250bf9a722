# The engine: TLS and the server's certificate (src/tls.rs).

tls-ca-file-unreadable = failed to read `ca-file` `{ $file }` under `{ $section }`
tls-ca-file-no-certificate = `ca-file` `{ $file }` under `{ $section }` holds no certificate in PEM form (the text between `-----BEGIN CERTIFICATE-----` and `-----END CERTIFICATE-----`)
tls-setup-failed = failed to set up TLS
tls-self-signed = the server's certificate is its own, self-signed one, which no authority vouches for: if this is your own server, save its certificate to a file and name it with `ca-file` under `{ $section }`
tls-expired = the server's certificate has expired: tell whoever runs the server
tls-wrong-name = the server's certificate is not made out to `{ $host }`: check `host` under `{ $section }` (your provider's documentation names the host)
tls-not-trusted = the server's certificate is not trusted ({ $why }): if the server has its own certificate authority, name its certificate with `ca-file` under `{ $section }`
