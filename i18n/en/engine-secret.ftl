# The engine: passwords and tokens (src/secret.rs), the clock (src/clock.rs).

# The question at the terminal; the answer follows after a space. $token is yes or no.
secret-prompt = { $protocol } { $token ->
    [yes] access token
   *[no] password
} for { $user } at { $host }:
secret-no-smtp-password = no SMTP password for `{ $user }`: set CARTERO_SMTP_PASSWORD, or `password-command` under `[smtp]`, or run `cartero send` at a terminal to type it
secret-no-imap-password = no IMAP { $token ->
    [yes] access token
   *[no] password
} for `{ $user }`: set CARTERO_IMAP_PASSWORD, or `password-command` under `[imap]`, or run cartero at a terminal to type it
secret-command-failed-to-run = failed to run `password-command` `{ $command }`
secret-command-no-output = no output from `password-command`
secret-command-too-slow = `password-command` `{ $command }` did not finish within { $seconds } seconds, so nothing was sent: run it yourself to see what it waits for (raise `password-command-seconds` under `{ $section }` if it needs longer)
secret-command-failed = `password-command` `{ $command }` failed ({ $status }), so nothing was sent: run it yourself to see why
secret-command-unreadable = failed to read what `password-command` printed
secret-command-output-unreadable = failed to read what `password-command` `{ $command }` printed
secret-command-not-text = `password-command` `{ $command }` printed something that is not text
secret-command-printed-nothing = `password-command` `{ $command }` printed nothing, so there is no password to log in with: run it yourself and check that it prints the password on its first line
clock-not-a-time = `CARTERO_NOW={ $value }` is not an RFC 3339 time
