# The engine: cartero.toml and the flags (src/settings).

settings-read-failed = failed to read `{ $file }`
settings-no-archive-folder = there is no data folder on this system for the archive: give one with `--archive FILE` or `[archive] path` in cartero.toml
settings-no-sender = no sender: add `[sender]` with `name` and `email` to cartero.toml, or pass `--from "Your Name <you@example.com>"`
settings-from-failed = failed to read `--from`
settings-sender-failed = failed to read `[sender]` in `{ $file }`
settings-sender-no-email = `[sender]` in `{ $file }` has a `name` but no `email`: add `email = "you@example.com"`
settings-not-an-address = `{ $text }` is not an email address like "Ana García <ana@example.com>" ({ $why })
settings-toml-at = TOML parse error at line { $line }, column { $column }
settings-toml-unknown-key = unknown field `{ $key }`, expected { $count ->
    [one] { $keys }
   *[other] one of { $keys }
}
settings-toml-unknown-value = unknown variant `{ $value }`, expected { $count ->
    [one] { $values }
   *[other] one of { $values }
}
settings-toml-missing-key = missing field `{ $key }`
settings-toml-wrong-type = invalid type: { $found }, expected { $expected }
settings-toml-wrong-value = invalid value: { $found }, expected { $expected }
settings-toml-found-text = string { $value }
settings-toml-found-number = integer { $value }
settings-toml-found-decimal = floating point { $value }
settings-toml-found-boolean = boolean { $value }
settings-toml-expected-whole-number = a whole number (no quotes)
settings-toml-expected-text = text in quotes
settings-toml-expected-boolean = true or false
settings-toml-expected-list = a sequence
settings-security-none = unencrypted
settings-smtp-unencrypted = `security = "none"` would send your password and your clients' emails unencrypted to `{ $host }`; it is only allowed for a server on this machine (127.0.0.1 or localhost): use `starttls` or `tls`
settings-imap-unencrypted = `security = "none"` would send your password and read your mail unencrypted from `{ $host }`; it is only allowed for a server on this machine (127.0.0.1 or localhost): use `tls` (port 993) or `starttls` (port 143)
settings-smtp-no-host = `host` is empty: write your provider's SMTP server, like "smtp.gmail.com"
settings-imap-no-host = `host` is empty: write your provider's IMAP server, like "imap.gmail.com"
settings-smtp-port-zero = `port = 0` is not a port: 587 is usual with `security = "starttls"`, 465 with `"tls"`
settings-imap-port-zero = `port = 0` is not a port: 993 is usual with `security = "tls"`, 143 with `"starttls"`
settings-smtp-empty-username = `username` is empty: write the login your provider gave you (usually your address), or leave the line out for a server that wants none
settings-imap-empty-username = `username` is empty: write the login of your mailbox, usually your address
settings-imap-no-username = no `username`: add `username = "you@example.com"` (the login of your mailbox at `{ $host }`)
settings-smtp-failed = failed to read `[smtp]` in `{ $file }`
settings-imap-failed = failed to read `[imap]` in `{ $file }`
settings-folder-name = `{ $key }` names a folder: write its name as your mail app shows it, like "Sent" or "[Gmail]/Sent Mail"
settings-rate-not-a-rate = `rate = "{ $rate }"` is not a rate: write it like "30/min", "1/s" or "500/hour"
settings-rate-out-of-range = `rate = "{ $rate }"` is out of range: cartero sends between 1 message a day ("1/day") and 100 a second ("100/s"); write a rate in between, like "30/min"
settings-out-of-range-seconds = `{ $key } = { $value }` is out of range: write a number of seconds from { $min } to { $max } (or leave it out for { $default })
settings-out-of-range-milliseconds = `{ $key } = { $value }` is out of range: write a number of milliseconds from { $min } to { $max } (or leave it out for { $default })
settings-out-of-range-tries = `{ $key } = { $value }` is out of range: write a number of tries from { $min } to { $max } (or leave it out for { $default })
settings-daily-limit-zero = `daily-limit = 0` would send nothing: write how many letters your provider lets you send in a day (500 for a Gmail account), or leave it out for no limit
