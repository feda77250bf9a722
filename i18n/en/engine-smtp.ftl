# The engine: the SMTP server and what its replies mean (src/outbox). A server's own reply
# ($reply, $why) is quoted as the server said it.

smtp-connect-failed = failed to connect to the SMTP server `{ $server }` ({ $security })
smtp-no-starttls = the server does not offer STARTTLS, so your password and your letters would cross the network unencrypted; nothing was sent. Check `port` under `[smtp]` with your provider (587 is usual for `security = "starttls"`, 465 for `security = "tls"`)
# $token is yes (auth = "xoauth2") or no (a password).
smtp-login-refused = the server refused { $token ->
    [yes] the username or the access token (`auth = "xoauth2"`: the token `password-command` prints may have expired, or lack the SMTP permission)
   *[no] the username or password
} ({ $reply }): check `username` under `[smtp]` and the password
smtp-token-refused = the server refused the username or the access token (`auth = "xoauth2"`: the token `password-command` prints may have expired, or lack the SMTP permission): check `username` under `[smtp]` and the token
smtp-answer-out-of-place = the server answered `{ $reply }` where SMTP does not allow it
smtp-answer-out-of-place-at-end = the server answered `{ $reply }` to the end of the letter, which is not an answer SMTP allows there
smtp-ca-file-unreadable = failed to read `ca-file` `{ $file }`
smtp-ca-file-not-pem = `{ $file }` is not a PEM certificate
smtp-host-not-found = the server's name was not found: check `host` under `[smtp]` (and that this computer is online)
smtp-not-tls = the server does not speak TLS from the first byte on this port: with port 587 use `security = "starttls"`; `security = "tls"` goes with port 465
smtp-no-login-mechanism = the server offers no way to log in that cartero knows (PLAIN or LOGIN, or XOAUTH2 with `auth = "xoauth2"`): it may want a secure connection first (`security = "starttls"`), or no `username` at all
smtp-untrusted = { $why }: its TLS certificate could not be verified for this host name (a server with its own certificate authority needs `ca-file` under `[smtp]`)
smtp-no-answer-after-letter = no answer came after the whole letter was handed to the server ({ $why })
smtp-timed-out = the server did not answer in time (`timeout-seconds` under `[smtp]`)
smtp-connection-refused = nothing answers at that address and port: check `host` and `port` under `[smtp]`
smtp-connection-closed = the server closed the connection
smtp-no-smtputf8 = the address `{ $address }` has letters outside plain ASCII, and the server { $server } does not accept such addresses (it does not offer SMTPUTF8): ask the client for another address
smtp-no-8bitmime = the server { $server } does not accept letters with accented text in their headers (it does not offer 8BITMIME): use your provider's submission server (usually port 587)
smtp-no-connection = no connection
# What a send went through, inside a sentence of the send's summary.
smtp-describe = the SMTP server { $server }
# $unit is second, minute or hour; $word is the server's own word for it.
smtp-retry-in = the server says to try again in { $count } { $unit ->
   *[other] { $word }
}
smtp-retry-daily-limit = this is a daily limit: try again in 24 hours
smtp-retry-later = try again later: in an hour, or tomorrow if it happens again
outbox-write-failed-because = failed to write `{ $file }`: { $why }
outbox-written-to = written to { $file }
# What a dry run went through, inside a sentence of the send's summary.
outbox-describe-folder = the folder `{ $folder }`
outbox-create-failed = failed to create `{ $folder }`
outbox-write-failed = failed to write `{ $file }`
outbox-read-failed = failed to read `{ $folder }`
outbox-marker-note = written by cartero: its .eml files are replaced on every run
