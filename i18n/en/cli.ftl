# The help of the command line (`--help`, `cartero man`, the completions), and clap's usage
# errors. Keys `cli-<command path>-about` and `cli-<command path>-<argument>` are looked up at
# run time from the command line's tree (see src/cli.rs); `cli-global-<argument>` for the flags
# every command takes.

cli-heading-usage = Usage:
cli-heading-commands = Commands:
cli-heading-arguments = Arguments:
cli-heading-options = Options:
# The placeholders of values: `<FILE>`.
cli-usage-options = [OPTIONS]
cli-value-command = COMMAND
cli-value-file = FILE
cli-value-dir = DIR
cli-value-name = NAME
cli-value-mailbox = MAILBOX
cli-value-lang = LANG
cli-value-email = EMAIL
cli-value-time = TIME
cli-value-text = TEXT
cli-global-help = Print help
cli-global-help-more = Print help (see more with '--help')
cli-global-help-summary = Print help (see a summary with '-h')
cli-global-version = Print version
cli-help-about = Print this message or the help of the given subcommand(s)
cli-help-subcommand = Print help for the subcommand(s)
cli-cartero-about = Write a personal year-end email to every client
cli-cartero-long-about =
    Write a personal year-end email to every client.

    cartero drafts one email per client from a client list and a template, lets you read and edit every draft, and sends only the ones you approved, one message per client.
cli-cartero-after-long-help =
    Environment:
      CARTERO_SMTP_PASSWORD   the SMTP password (else `password-command`, else a prompt)
      CARTERO_IMAP_PASSWORD   the IMAP password or token (else its `password-command`, [smtp]'s, a prompt)
      VISUAL, EDITOR          the editor `review` opens with [e]dit
      NO_COLOR                no colours

    Exit codes: 0 ok, 1 an error (or letters that did not go), 2 a usage error.

    Files: cartero.toml (the campaign's settings), the client list, templates/, drafts/ (one draft
    a client and journal.jsonl), and the archive of every letter (the platform's data folder,
    cartero/archive.sqlite3). No password is ever written.

    Each command has its own --help: `cartero send --help`.
cli-global-config = The campaign's settings file [default: ./cartero.toml when it exists]
cli-global-clients = The client list: .csv, .xlsx or .ods
cli-global-sheet = The sheet to read in a spreadsheet [default: the first one]
cli-global-template = The template every client gets, unless their `template` column names another
cli-global-drafts = The folder holding the drafts and the journal
cli-global-from = Who the emails come from, as "Name <address>"
cli-global-archive = The archive of every letter sent, across campaigns [default: the platform's data folder]
cli-global-lang = The language cartero speaks: es or en [default: CARTERO_LANG, else the locale's]
cli-init-about = Create a working example campaign folder (never overwrites a file)
cli-init-dir = Where to create it [default: the current folder]
cli-init-from-archive = Make clients.csv from everyone written to before (the archive), with last year's personal part in `last_note` and an empty `note` to write this year's
cli-check-about = Load the clients and templates, render every email in memory, and report every problem
cli-check-connect = Also log in to the SMTP server (and the IMAP one, if configured) and out again, sending nothing
cli-preview-about = Write one .eml file per client: the exact bytes sending would use
cli-preview-out = The folder to write the .eml files into
cli-draft-about = Write one editable draft per client into the drafts folder
cli-review-about = Read each draft that needs a decision, and approve, edit, skip or reject it
cli-send-about = Send the approved drafts, one message per client
cli-send-dry-run = Write the .eml files that would be sent into --out, and send nothing
cli-send-out = Where --dry-run writes [default: <drafts>/dry-run]
cli-send-to-self = Send every approved draft to yourself, subject tagged, and record nothing as sent
cli-send-limit = Send at most N messages
cli-send-yes = Do not ask for confirmation
cli-send-resend = Send again to this client although a previous attempt may have arrived (uncertain or failed)
cli-send-arrived = The letter to this client, left uncertain, arrived (they told you): record it as sent, file its copy in Sent, and never send it again
cli-send-at = Wait until then, then send: "2026-12-22 09:00" (your local time) or RFC 3339
cli-send-spread = With `daily-limit` under [smtp]: go on day after day until every approved letter is sent
cli-status-about = Show each client's state
cli-status-json = Print a JSON array instead of a table
cli-replies-about = Read your mailbox over IMAP (read only) and record which clients answered
cli-history-about = Every letter ever sent to a client, from the archive, newest first
cli-history-email = The client's address
cli-history-json = Print a JSON array instead of text
cli-remember-about = Keep a dated memory of a client in the archive, for next year's letter
cli-remember-email = The client's address
cli-remember-text = What to remember, in your words
cli-remember-force = Keep it although the address is in no client list and no letter of the archive (without it, such an address is taken for a typo and refused)
cli-archive-about = The archive of every letter sent
cli-archive-import-about = Bring an older campaign's sent letters (its folder, or its drafts folder) into the archive
cli-archive-import-dir = The campaign folder, or its drafts folder
cli-completions-about = Print the shell's completions for cartero (see the README for where to put them)
cli-completions-shell = bash, zsh, fish, powershell or elvish
cli-man-about = Print cartero's manual page (roff), for `man`

# clap's usage errors (said in clap's own English words when the language is English).
cli-error-unknown-argument = unexpected argument '{ $arg }' found
cli-error-unknown-command = unrecognized subcommand '{ $command }'
cli-error-missing = the following required arguments were not provided:
    {"  "}{ $args }
cli-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-error-no-value = a value is required for '{ $arg }' but none was supplied
cli-error-conflict = the argument '{ $arg }' cannot be used with { $others }
cli-possible-values = [possible values: { $values }]
cli-error-similar = tip: a similar one exists: { $similar }
cli-error-usage = Usage: { $usage }
cli-error-more = For more information, try '--help'.
cli-value-port = PORT
cli-web-about = Open the writing desk: every client's letter, past and memories in a page on this machine
cli-web-port = The port on 127.0.0.1 [default: any free one]
cli-web-no-open = Print the address only; do not open a browser
