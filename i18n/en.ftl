# cartero in English: every sentence a person reads. One message a key, placeholders named
# (`{ $name }`), numbers passed as numbers so that plurals choose right. See i18n/README.md.

## Words many areas share

clients-count = { $count ->
    [one] 1 client
   *[other] { $count } clients
}
error-prefix = error
error-output-lost = some of the output could not be written ({ $why }): it is incomplete

## The command line: --help, usage errors

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

## The commands

cmd-warning = warning: { $what }

## review
cmd-review-prompt = [a]pprove [e]dit [s]kip [r]eject [q]uit:
cmd-review-type-a-letter = type a, e, s, r or q, then Enter
cmd-review-not-an-answer = `{ $answer }` is not an answer: type a, e, s, r or q, then Enter
cmd-review-last-letter = last letter: { $date } «{ $subject }» (no answer recorded)
cmd-review-last-letter-answered = last letter: { $date } «{ $subject }» (they answered)
cmd-review-remembered = remembered: { $memory }
cmd-review-nothing-to-decide = no draft needs a decision ({ $approved } approved)
cmd-review-no-draft-yet = { $count ->
    [one] 1 client has no draft yet: run `cartero draft`
   *[other] { $count } clients have no draft yet: run `cartero draft`
}
cmd-review-draft-gone = the draft `{ $file }` for { $name } <{ $email }> is gone, so there is nothing to review; `cartero draft` writes it again
cmd-review-nth = { $n } of { $total }
cmd-review-percent = { $share }%
cmd-review-personal = personal { $share }
cmd-review-edit-broke-it = error: the edited draft cannot be sent: { $why }; it is kept as you left it, edit it again
cmd-review-changed-on-disk = the draft changed on disk while you read it; here it is again
cmd-review-cannot-approve = error: this draft cannot be approved: { $why }; [e]dit it first
cmd-review-summary = { $approved } approved, { $skipped } skipped, { $rejected } rejected
cmd-review-summary-skipped-again = { $approved } approved, { $skipped } skipped, { $rejected } rejected; `cartero review` shows the skipped ones again
cmd-review-summary-left = { $approved } approved, { $skipped } skipped, { $rejected } rejected; { $left } still to review: `cartero review` goes on with them
cmd-review-summary-left-and-skipped = { $approved } approved, { $skipped } skipped, { $rejected } rejected; { $left } still to review: `cartero review` goes through them and the skipped ones
cmd-review-approved-in-all = { $count ->
    [one] 1 draft
   *[other] { $count } drafts
} approved in all; next: `cartero send --to-self` for a test run, then `cartero send`
cmd-review-no-editor = no editor: set `VISUAL` or `EDITOR` to the program you write with, for example `export EDITOR=nano`
cmd-review-editor-unreadable = `{ $var }={ $command }` cannot be read as a command
cmd-review-editor-empty = `{ $var }` is empty: set it to the program you write with, for example `export EDITOR=nano`
cmd-review-editor-missing = `{ $var }={ $command }`: there is no program `{ $program }`; set `{ $var }` to an editor that is installed, such as nano
cmd-review-editor-not-started = failed to start the editor `{ $program }`
cmd-review-editor-failed = the editor `{ $program }` stopped with { $status }; the draft is kept as it is on disk

## draft
cmd-draft-nothing-written = no draft was written: fix the errors above first
cmd-draft-next = next: read them with `cartero review` (or open them in any editor first)
cmd-draft-unknown-file-kept = note: `{ $file }` was already there and the journal does not know it (was `journal.jsonl` moved or deleted?); it is kept as it is, and the draft cartero will use for { $email } is `{ $draft }`: copy anything you wrote into it
cmd-draft-unreadable = failed to read the draft of `{ $name }` ({ $email })

## replies
cmd-replies-no-imap = no mailbox to read: add `[imap]` with `host` (and `username`) to cartero.toml; see the README for your provider
cmd-replies-nothing-sent = no letter of this campaign has gone yet, so there is nothing to look for
cmd-replies-no-such-folder = there is no folder "{ $folder }" in your mailbox (`reply-folders` under `[imap]`): write its name as your mail app shows it; the folders are { $folders }

## archive, man
cmd-archive-no-journal = `{ $dir }` holds no `journal.jsonl`: give a campaign folder (with its `drafts/`) or its drafts folder
cmd-man-not-written = failed to write the manual page

## remember
cmd-remember-nothing = there is nothing to remember: write it after the address, such as `cartero remember ana@example.com "opened the new shop in Getafe"`
cmd-remember-unknown = `{ $key }` is in no client list of this campaign and in no letter of the archive, so the memory would reach no letter: pass `--force` to keep it anyway
cmd-remember-unknown-guess = `{ $key }` is in no client list of this campaign and in no letter of the archive, so the memory would reach no letter: did you mean `{ $guess }`? pass `--force` to keep it anyway

## status
cmd-status-sent-not-read = warning: the uncertain letters could not be looked up in your Sent folder: { $why }

## preview
cmd-preview-nothing-written = nothing was written: fix the errors above first
cmd-preview-written = wrote { $count ->
    [one] 1 email
   *[other] { $count } emails
} to `{ $dir }`

## init
cmd-init-no-archive = there is no archive at `{ $file }` yet: it fills up as `cartero send` sends (or `cartero archive import DIR`); leave `--from-archive` out for the example list
cmd-init-empty-archive = the archive `{ $file }` holds no letter yet: leave `--from-archive` out for the example list
cmd-init-no-folder = failed to create the folder `{ $dir }`
cmd-init-not-written = failed to write `{ $file }`
cmd-init-wrote = wrote { $file }
cmd-init-archive-list-beside = the list made from the archive is in { $file }, beside your clients.csv (kept as it was): take from it what you need, or point `[campaign] clients` at it
cmd-init-kept = kept  { $file } (it exists; cartero never overwrites a file)
cmd-init-kept-count = { $count ->
    [one] 1 file already existed and was left as it was
   *[other] { $count } files already existed and were left as they were
}
cmd-init-next = next: put your clients in clients.csv (one personal note each), your name in cartero.toml, then `{ $cd }cartero check`

## check
cmd-check-connection-failed = { $errors ->
    [0] no errors
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [0] no warnings
    [one] 1 warning
   *[other] { $warnings } warnings
}; the connection above failed: fix what it says, then run `cartero check --connect` again
cmd-check-failed = { $errors ->
    [0] no errors
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [0] no warnings
    [one] 1 warning
   *[other] { $warnings } warnings
}: fix the errors above, then run `cartero check` again
cmd-check-passed = { $errors ->
    [0] no errors
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [0] no warnings
    [one] 1 warning
   *[other] { $warnings } warnings
}; next: `cartero preview --out preview` or `cartero draft`
cmd-check-draft-invalid = this draft cannot be approved or sent as it is: { $why }
cmd-check-no-smtp = SMTP: there is no `[smtp]` in cartero.toml to try: add it with `host`, `port` and `username` (the README has your provider's)
cmd-check-nobody = nobody (no `username`)
cmd-check-smtp-ok = { $label }: connected, logged in as { $user }, and out again; nothing was sent
cmd-check-smtp-ok-trusted = { $label }: connected, the certificate trusted, logged in as { $user }, and out again; nothing was sent
cmd-check-imap-ok = { $label }: logged in as { $user }, sent letters go to "{ $sent }" (`save-sent = "{ $save }"`), and logged out
cmd-check-no-such-folder = { $label }: there is no folder "{ $folder }" (`reply-folders` under `[imap]`): write its name as your mail app shows it

## send
cmd-send-spread-needs-limit = `--spread` goes on day after day within your daily limit: add `daily-limit = N` under `[smtp]` in cartero.toml (it is for real sends, not `--dry-run` or `--to-self`)
cmd-send-limit-reached-going-on = the daily limit is reached; going on at { $at } (`--spread`); Ctrl-C stops, and `cartero send` goes on later
cmd-send-stopped-waiting-for-day = stopped while waiting for the next day: the letters left stay approved
cmd-send-at-in-the-past = `--at { $at }` is in the past: give a time still to come, or leave `--at` out to send now
cmd-send-cancelled-waiting = cancelled while waiting: nothing was sent
cmd-send-mailbox-not-opened = the sender's mailbox (`[imap]`) could not be opened, so nothing was sent: fix `[imap]` in cartero.toml (`cartero check --connect` tries it), or set `save-sent = "never"` there to send without a copy in Sent
cmd-send-no-smtp = no SMTP server: add `[smtp]` with `host` (and `port`, `username`) to cartero.toml; `cartero send --dry-run` needs none
cmd-send-nothing-sent = nothing sent
# How the letters go, in the middle of report's "about to send N messages …".
cmd-send-whom-self = to yourself ({ $email }), subjects tagged [test], recorded as nothing
cmd-send-whom-files = as .eml files, recorded as nothing
cmd-send-whom-clients = each to its client alone
cmd-send-confirm = send them? [y/N]
cmd-send-no-terminal = not sending without a confirmation, and there is no terminal to ask on: check `cartero status`, then run `cartero send --yes`
cmd-send-journal-not-written = stopped: the journal could not be written (the error follows); the letter to { $key } may or may not have gone, and `cartero status` says which; make room, then `cartero send` goes on
cmd-send-stopped-by-signal = stopped by Ctrl-C (or a stop signal) after the message in flight was recorded
cmd-send-no-envelope = failed to build the envelope
cmd-send-label-to-self = { $key } (to yourself)
cmd-send-retrying = retrying { $key } in a moment: { $why }
cmd-send-lock-deleted = `{ $file }` was deleted while this send ran, so another cartero may be sending this campaign too; stopped before this letter went, so that no one gets a letter twice: run `cartero status`, then `cartero send` again
cmd-send-stopped-account = stopped: the server refused to take more letters from your account ({ $why }); { $advice }. Nothing more was sent: { $key } and the letters after it stay approved, and `cartero send` goes on from there, each exactly once
cmd-send-stopped-unreachable = stopped: the server could not be reached again ({ $why }); { $key } and the letters after it stay approved: `cartero send` goes on from there when it answers
cmd-send-not-kept = nothing went: cartero keeps each letter's words as it goes, in `drafts/sent-as/`, and could not ({ $why }); make that a folder it can write in
cmd-send-stopped-fatal = stopped: { $why }; { $key } and the letters after it stay approved
cmd-send-same-refusal = stopped: the server gave { $first } and { $second } the same refusal ({ $why }), so it is about your account or the server, not them; { $advice }. Both, and the letters after them, stay approved
cmd-send-uncertain = { $key }: { $why }; message { $id } may have arrived, so it is not sent again by itself: `cartero send --arrived { $key }` if they got it, `cartero send --resend { $key }` if not
cmd-send-uncertain-test = { $key }: { $why }; a test letter, so nothing is recorded
cmd-send-looking-in-sent = looking whether your server keeps a copy of { $label } in Sent itself (once for the campaign, a few seconds at most)
# The progress lines, one a letter.
cmd-send-live-sent = sent    { $nth }{ $label } { $reply }
cmd-send-live-written = written { $nth }{ $label } { $reply }
cmd-send-live-uncertain = uncertain { $label } { $why }
cmd-send-live-failed = failed  { $label } { $why }
cmd-send-live-stopped = stopped { $label } { $why }

## The domain: problems, places, letters

headers-did-you-mean = (did you mean `{ $header }:`?)
campaign-no-sender = no sender, and there is no `cartero.toml`: create `cartero.toml` with `[sender]`, `name` and `email` (`cartero init` writes one to start from), or pass `--from "Your Name <you@example.com>"`
campaign-unknown-language = `language = "{ $language }"` under `[campaign]` is not a language cartero writes dates in: use one of { $known }
campaign-no-template = no template: add `template = "templates/year-end.txt"` under `[campaign]` in `{ $config }`, or pass `--template templates/year-end.txt`{ $folder }
campaign-no-template-for-some = no template for { $count ->
        [one] 1 client
       *[other] { $count } clients
    } with an empty `template` column ({ $names }): add `template = "templates/year-end.txt"` under `[campaign]` in `{ $config }`, or pass `--template templates/year-end.txt`{ $folder }
campaign-no-template-no-config = no template, and there is no `cartero.toml` to name one: create `cartero.toml` with `template = "templates/year-end.txt"` under `[campaign]` (`cartero init` writes one to start from), or pass `--template templates/year-end.txt`{ $folder }
campaign-no-template-for-some-no-config = no template for { $count ->
        [one] 1 client
       *[other] { $count } clients
    } with an empty `template` column ({ $names }), and there is no `cartero.toml` to name one: create `cartero.toml` with `template = "templates/year-end.txt"` under `[campaign]` (`cartero init` writes one to start from), or pass `--template templates/year-end.txt`{ $folder }
campaign-missing-template = there is no such template: create it, or correct `template` under `[campaign]` in `{ $config }` (or `--template`){ $folder }
campaign-missing-template-no-config = there is no such template: create it, or correct `--template`{ $folder }
campaign-missing-named-template = there is no template `{ $template }`, and { $count ->
        [one] 1 client names
       *[other] { $count } clients name
    } it ({ $names }): create it, or correct the `template` column{ $folder }
campaign-missing-variant = there is no such template, so { $count ->
        [one] 1 client
       *[other] { $count } clients
    } written to in `{ $language }` ({ $names }) get `{ $used }` instead: create `{ $template }` for them, or give them another `language`
campaign-templates-folder-holds = ; `{ $folder }` holds { $files }
campaign-repeated-anecdote = this draft repeats what you wrote to them in { $year } («{ $snippet }»): tell them something new
campaign-no-note = no personal note: add one to the `{ $column }` column (a memory, an anecdote, something you solved together)
campaign-long-subject = the subject is longer than { $most } characters: mail apps cut it short; keep it short and say the rest in the letter
campaign-names-and-more = { $names } and { $more } more
campaign-same-for = the same for { $count ->
        [one] 1 other client
       *[other] { $count } other clients
    }: { $names }
campaign-same-for-and-more = the same for { $count ->
        [one] 1 other client
       *[other] { $count } other clients
    }: { $names } and { $more } others
campaign-no-notes = { $count } clients have no personal note ({ $names }): add one to the `{ $column }` column for each (a memory, an anecdote, something you solved together)
campaign-no-notes-and-more = { $count } clients have no personal note ({ $names }, and { $more } more): add one to the `{ $column }` column for each (a memory, an anecdote, something you solved together)
campaign-mass-mail = { $count } letters read like a mass mail: little of each is about its client alone ({ $names }); add something personal to their notes, or to the template
campaign-mass-mail-and-more = { $count } letters read like a mass mail: little of each is about its client alone ({ $names }, and { $more } more); add something personal to their notes, or to the template
campaign-letter-unusable = this letter could not be approved or sent as it renders: { $why }
personal-mass-mail = reads like a mass mail: only { $percent }% of it is about this client alone; add something personal to their note
message-envelope-failed = failed to build the envelope
message-build-failed = failed to build the message to `{ $address }`
message-empty = the letter is empty: write its `To:` and `Subject:` lines, a blank line and its words, or skip this client
message-subject-word-too-long = the subject holds a word of { $count } characters with no space in it: mail servers refuse a line that long; shorten it or put spaces in it
message-no-blank-line = there is no blank line between the `To:`/`Subject:` lines and the body
message-no-to = there is no `To:` line
message-no-subject = there is no `Subject:` line, or it is empty
message-empty-body = there is no letter below the blank line: write it there (an empty letter is never sent)
message-not-a-header = line { $line } is not a header like `Subject: …`
message-bad-to = `To: { $value }` is not one address like `Name <name@example.com>`
message-bad-reply-to = `Reply-To: { $value }` is not an address
message-copy-header = `{ $header }:` is not allowed: each email goes to its client alone; remove the line
message-from-header = `{ $header }:` is not allowed: the sender is you, set with `[sender]` in cartero.toml or `--from`; remove the line
message-unknown-header = unknown header `{ $header }:`{ $suggestion }: a draft has `To:`, `Subject:` and maybe `Reply-To:`, `Attachments:` and `Format:`
message-other-client = the `To:` line is `{ $to }`, not this client's address `{ $address }`: a draft goes to its own client
diag-error = error
diag-warning = warning
diag-row = row { $row }
diag-column = column `{ $column }`
diag-client = client `{ $client }`
diag-place-line = line { $line }
diag-place-row = row { $row }
diag-place-another-client = another client
diag-place-of-client = { $place } ({ $client })
os-not-found = it is not there
os-permission-denied = you are not allowed to (the file's permissions)
os-already-exists = something by that name is there already
os-is-a-directory = it is a folder
os-not-a-directory = part of the path is a file, not a folder
os-directory-not-empty = the folder is not empty
os-read-only = the disk is read only
os-disk-full = the disk is full
os-bad-name = the name is not one the disk takes (too long, or with characters it refuses)
os-file-too-large = the file is too large for the disk
os-busy = another program is using it
text-seconds = { $seconds }s
text-minutes-seconds = { $minutes }m { $seconds }s
text-hours-minutes = { $hours }h { $minutes }m

## Reading client lists (CSV, sheets, vCard, Google and Outlook exports)

table-list-unreadable = failed to read the client list `{ $file }`: { $why }
table-csv-has-no-sheets = sheet `{ $sheet }` was asked for, but this is a CSV file, which has no sheets: the setting is ignored
table-sheet-empty-file = failed to read `{ $file }` as a spreadsheet: the file is empty (0 bytes): save the workbook again from Excel or LibreOffice
table-sheet-unreadable = failed to read `{ $file }` as a spreadsheet: { $why }
table-list-hint = pass `--clients FILE` or set `clients` in cartero.toml
table-list-missing = failed to read the client list `{ $file }`: there is no such file: { $hint }
table-list-is-folder-of-lists = failed to read the client list `{ $file }`: it is a folder, not a file; it holds { $lists }: pass the list itself, such as `--clients { $first }`
table-list-is-folder = failed to read the client list `{ $file }`: it is a folder, not a file: { $hint }
table-list-read-failed = failed to read the client list `{ $file }`
table-a-pdf = a PDF document
table-a-png = a PNG picture
table-a-jpeg = a JPEG picture
table-a-gif = a GIF picture
table-not-text = it is neither a spreadsheet nor text (it holds bytes no text has): pass the client list itself, saved from Excel as .xlsx or CSV UTF-8
table-not-a-list = it is { $what }, not a client list: pass the list itself, saved from Excel as .xlsx or CSV UTF-8
table-html-as-workbook = it is a web page (HTML) with a spreadsheet's name, as some programs export "Excel" files: open it in Excel or LibreOffice and save it as .xlsx
table-csv-as-workbook = it is not a workbook but CSV text: rename it to `{ $renamed }`
table-text-as-workbook = it is not a workbook but plain text: if it is the list as CSV, rename it to `{ $renamed }`; if not, save the list from Excel as .xlsx
table-workbook-as-csv = this is a spreadsheet workbook (.{ $ext }), not CSV text: rename it to `{ $renamed }`
table-zip-as-csv = this is a zip archive, not CSV text: unpack it, or save the list from Excel as CSV UTF-8
table-locked-workbook-as-csv = this is an Excel workbook protected with a password, not CSV text: open it in Excel, remove the password (File > Info > Protect Workbook), and save it as CSV UTF-8 or .xlsx
table-xls-as-csv = this is an old Excel workbook (.xls), not CSV text: rename it to `{ $renamed }`
table-vcard-unended = this card has no `END:VCARD`: it was read up to the next card (or the end of the file); check that contact in your address book
table-export-vcard = a vCard file
table-export-google = a Google Contacts export
table-export-outlook = an Outlook export
table-nul-bytes = this line holds NUL bytes, which CSV text never has: the file is not CSV text or is damaged; open it in Excel or LibreOffice and save it as CSV UTF-8
table-legacy-encoding = the file is not saved as UTF-8; it was read as { $encoding } (as older Excel saves CSV): if accented letters look wrong, save it as CSV UTF-8
table-utf16-without-bom = the file is { $encoding } text without a byte-order mark; it was read as such: to be sure, save it as CSV UTF-8
table-line-not-utf8 = this line is not UTF-8 like the rest of the file; it was read as Windows-1252: if that is wrong, fix it there, and save the file as CSV UTF-8
table-line-not-utf8-words = this line is not UTF-8 like the rest of the file; it was read as Windows-1252 ({ $words }): if that is wrong, fix it there, and save the file as CSV UTF-8
table-unclosed-quote = a quote `"` opened on this line is never closed, so the rest of the file reads as one cell: close it, or remove it
table-bad-csv-line = this line cannot be read as CSV: { $why }
table-header-control-characters = the column name holds invisible control characters; they are ignored
table-unnamed-column = column { $column } has no name in the first line, so what is below it ({ $cells ->
        [one] 1 cell
       *[other] { $cells } cells
    }) goes into no letter: name it (such as `note` or `city`), or delete the column
table-sheet-password = failed to read `{ $file }`: it is protected with a password: open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, and clear it), save, and try again
table-sheet-damaged = failed to read `{ $file }` as a spreadsheet: it is damaged or not a spreadsheet: open it in Excel or LibreOffice and save it again as .xlsx, or save the list as CSV UTF-8
table-sheet-damaged-sheet = failed to read sheet `{ $sheet }` of `{ $file }`: it is damaged: open the file in Excel or LibreOffice and save it again
table-no-such-sheet-close = `{ $file }` has no sheet `{ $sheet }`; its sheets are: { $sheets }; did you mean `{ $close }`? (the name must match exactly)
table-no-such-sheet = `{ $file }` has no sheet `{ $sheet }`; its sheets are: { $sheets }: pass one of them with `--sheet`, or set `sheet` in cartero.toml
table-no-sheets = `{ $file }` has no sheets: open it in Excel or LibreOffice, put the list on a sheet, and save it
table-first-sheet-empty-other = the first sheet, `{ $sheet }`, is empty; the list may be on sheet `{ $other }`: pass `--sheet "{ $other }"` (or set `sheet` in cartero.toml), or move the list to the first sheet
table-first-sheet-empty = the first sheet, `{ $sheet }`, is empty: its first row must name the columns, such as `email`, `name`, `note`
table-sheet-empty = sheet `{ $sheet }` is empty: its first row must name the columns, such as `email`, `name`, `note`
table-column-letters = column { $letters }
table-merged-in-a-row = cells { $first }–{ $last } are merged; only the first ({ $kept }) holds the value, so { $others } { $count ->
        [one] is
       *[other] are
    } read as empty: unmerge them in the spreadsheet and fill each cell
table-merged-across-rows = cells { $first }–{ $last } are merged; only the first ({ $first }) holds the value, the others are read as empty ({ $rows } of { $columns }): unmerge them in the spreadsheet and fill each cell
table-merged-row = row { $row }
table-merged-rows = rows { $first }–{ $last }
table-cell-error = a cell holds the spreadsheet error { $error }; it is read as empty
table-contact-on-line = line { $line }
table-contact-on-row = row { $row }
table-contact-nameless = a contact with no name
table-contacts-sharing = { $one } ({ $address }) and { $other } (written to at { $theirs })
table-contacts-share-an-address = these contacts share an address, so one person may get two letters: { $contacts }: if they are one person, keep one contact (or choose one address for both)
table-contact-addresses = { $contact } ({ $chosen }, not { $others })
table-contacts-without-address = { $count ->
        [one] 1 contact has no email address and is left out
       *[other] { $count } contacts have no email address and are left out
    }: { $contacts }
table-contacts-without-name = { $count ->
        [one] 1 contact has an address but no name, so no letter could greet them, and is left out
       *[other] { $count } contacts have an address but no name, so no letter could greet them, and are left out
    }: { $contacts }: give them a name in your contacts to write to them
table-contacts-with-several-addresses = { $count ->
        [one] 1 contact has
       *[other] { $count } contacts have
    } several email addresses; each letter goes to the preferred one (or else the first): { $contacts }

## Columns, rows, addresses

clients-empty-file = the file is empty: the first line must name the columns, such as `email,name,note`
clients-none-below-header = there are no clients below the first line
clients-built-in-first-name = the given name, or else the first word of `name`
clients-built-in-circle = `loved`, `ignored` or `hated`, from `affinity`
clients-built-in-sender = you, from `[sender]` in cartero.toml
clients-built-in-today = today's date
clients-built-in-year = this year
clients-built-in-letters = the letters this client got in earlier years, from the archive
clients-built-in-memories = what you kept with `cartero remember` since the last letter
clients-built-in-first-letter-year = the year of this client's first letter
clients-column-spaces = the column name has spaces around it; they are ignored
clients-column-twice = two columns are named `{ $name }` (columns { $first } and { $second }): rename one
clients-columns-alike = columns { $first } (`{ $first_name }`) and { $second } (`{ $name }`) are both `{ $known }`: keep one, or rename the other
clients-column-hidden = templates cannot see this column: `{"{{"} { $name } {"}}"}` is { $what }, filled in by cartero; to use the column, rename it, for example to `my_{ $name }`
clients-column-not-a-variable = templates cannot use a column named `{ $name }` as `{"{{"} { $name } {"}}"}`; rename it with letters, digits and `_` only, such as `{ $suggested }`
clients-no-columns = none
clients-missing-column = there is no `{ $required }` column (or `{ $spanish }`); the first line names these columns: { $found }
clients-leftover-cells = this row has { $cells } cells but the first line names { $columns } columns: { $extra } left over; is there a stray delimiter, or a cell that needs quotes?
clients-bad-affinity = affinity `{ $affinity }` is not a whole number from 0 (hated) to 10 (loved)
clients-template-in-folder = template `{ $template }` must be a file name in the templates folder, without a folder
clients-no-name = no name: every client needs one, the email greets them by it
clients-name-control-characters = the name holds invisible control characters ({ $characters }), left out of the letter; check the cell in your spreadsheet
clients-on-row = row { $row }
clients-on-line = line { $line }
clients-duplicate = `{ $email }` is also on { $first }: that person would get two emails; keep one row
clients-unknown-language = language `{ $language }` is not one cartero writes dates in; use one of { $known }
clients-no-address = no email address: every client needs one
clients-address-with-space = `{ $address }` has a space (or a `,` or `;`) in it, which no address has: write the address alone
clients-several-addresses = `{ $address }` holds more than one address: a client gets exactly one email at one address
clients-bad-address = `{ $address }` is not a valid email address
clients-address-literal = `{ $address }` sends to a machine's number rather than a domain: mail providers refuse such addresses; ask the client for the address they use
clients-address-without-dot = `{ $address }` has no dot after the `@`: a domain such as `example.com` is missing
clients-bad-domain = `{ $address }`: the part after the `@` is not a valid domain
clients-address-hidden-characters = `{ $address }` holds characters that cannot be seen or only look like `.` or `@` ({ $characters }, marked �): type the address again by hand

## Templates and their errors

compose-sender-undefined = `sender` is not defined: add `[sender]` with `name` and `email` to cartero.toml, or pass `--from "Your Name <you@example.com>"`
compose-variable-undefined = `{ $name }` is not defined for this client: its cell is empty, or there is no such column; fill it, or write `{"{{"} { $name } | default(value="…") {"}}"}` for when it is empty (what there is: { $available })
compose-a-value = a value
compose-empty-value = { $what } is empty for this client, and what follows needs text: fill the column, or write `{"{{"} { $name } | default(value="…") | … {"}}"}`
compose-unknown-filter = Unknown filter `{ $name }`
compose-unknown-function = Unknown function `{ $name }`
compose-unknown-test = Unknown test `{ $name }`
compose-expected-identifier = identifier
compose-expected-attribute = attribute name
compose-expected-string = string
compose-found-but-expected = Found { $found } but expected { $expected }.
compose-invalid-type = Invalid type for the value, expected { $expected } but got { $got }
compose-type-text = text
compose-type-number = a number
compose-type-nothing = nothing (an empty cell)
compose-tag-unclosed = `{"{"}% { $tag } … %{"}"}` on line { $line } is never closed: add `{"{"}% end{ $tag } %{"}"}` where its part ends
compose-tag-wrong-end = `{"{"}% { $end } %{"}"}` comes while `{"{"}% { $tag } … %{"}"}` from line { $opened } is still open: add `{"{"}% end{ $tag } %{"}"}` before it, or correct it
compose-tag-stray = `{"{"}% { $end } %{"}"}` closes nothing: no `{"{"}% { $tag } … %{"}"}` is open above it; remove it, or add the tag it closes
compose-date-unknown-argument = the `date` filter takes only `format` and `lang`, not `{ $argument }`: such as `date(format="%d/%m/%Y", lang="es")`
compose-date-not-a-date = the `date` filter needs a date, such as `today` or a column holding 2026-11-22, not { $value }
compose-date-unreadable = `{ $text }` is not a date the `date` filter understands; write dates as 2026-11-22
compose-date-bad-format = `format="{ $format }"` is not a date format the `date` filter understands; use chrono's `%` codes, such as `%-d de %B de %Y` or `%d/%m/%Y`
compose-date-argument-not-text = `{ $argument }=` of the `date` filter takes text in quotes, such as `{ $argument }="{ $example }"`, not { $value }
compose-date-unknown-language = `lang="{ $language }"` is not a language the `date` filter knows: use one of { $known }
compose-value-empty = an empty value
compose-value-number = the number `{ $value }`
compose-value-yes-no = `{ $value }` (yes/no)
compose-value-list = a list
compose-value-map = a group of values (a map)
compose-no-blank-line = there is no blank line after the header lines: put one between `Subject: …` and the body
compose-no-subject = there is no `Subject:` line: a template starts with `Subject: …`, a blank line, and the body
compose-not-a-header = line { $line } is neither a header nor blank: a template starts with header lines such as `Subject: Gracias, {"{{"} first_name {"}}"}`, then a blank line, then the body
compose-header-twice = `{ $header }:` appears twice; keep one
compose-recipient-header = a template cannot set `{ $header }:`: each email goes to its client alone, never to a second or hidden recipient; remove the line
compose-from-header = a template cannot set `{ $header }:`: the sender is you, set once with `[sender]` in cartero.toml or `--from`; remove the line
compose-unknown-header = unknown header `{ $header }:`{ $suggestion }: a template may set only `Subject:` and `Reply-To:` (`Asunto:` and `Responder-a:` in Spanish)
compose-empty-letter = the letter came out empty for this client: an empty letter is never sent; write it below the blank line that follows `Subject:`
compose-empty-subject = the subject came out empty for this client: give the `Subject:` line some text of its own, or a `| default(value="…")` for what may be empty
compose-long-subject-word = the subject has { $count } characters without a space, more than a mail server takes on one line: shorten it or put spaces in it
compose-empty-reply-to = the `Reply-To:` came out empty for this client: give every client an address there, or remove the line
compose-bad-reply-to = the rendered `Reply-To:` is not usable: { $why }
compose-no-template = no template: pass `--template templates/year-end.txt` or set `template` under `[campaign]`
compose-no-such-template = there is no such template
compose-template-gone = failed to read the template: it is gone
compose-unknown-template = Unknown template `{ $name }`: there is no `{ $file }`; create it, or correct the name
compose-template-not-utf8 = it is not saved as UTF-8: save it as UTF-8 in your editor
compose-template-unreadable = failed to read the template: { $why }
compose-variable-without-value = Variable `{ $name }` exists but its value is undefined
compose-field-undefined = Field `{ $name }` is not defined.
compose-field-undefined-among = Field `{ $name }` is not defined. Available fields: { $available }

## cartero.toml and flags

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

## Passwords and the clock

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

## Certificates

tls-ca-file-unreadable = failed to read `ca-file` `{ $file }` under `{ $section }`
tls-ca-file-no-certificate = `ca-file` `{ $file }` under `{ $section }` holds no certificate in PEM form (the text between `-----BEGIN CERTIFICATE-----` and `-----END CERTIFICATE-----`)
tls-setup-failed = failed to set up TLS
tls-self-signed = the server's certificate is its own, self-signed one, which no authority vouches for: if this is your own server, save its certificate to a file and name it with `ca-file` under `{ $section }`
tls-expired = the server's certificate has expired: tell whoever runs the server
tls-wrong-name = the server's certificate is not made out to `{ $host }`: check `host` under `{ $section }` (your provider's documentation names the host)
tls-not-trusted = the server's certificate is not trusted ({ $why }): if the server has its own certificate authority, name its certificate with `ca-file` under `{ $section }`

## Sending over SMTP

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
smtp-too-big-for-server = the letter, { $size } as sent, is bigger than this server takes ({ $reply }): set `[smtp] max-message-size` to what your provider takes, so `check` says it before sending, and attach smaller files or fewer
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

## The mailbox over IMAP

imap-timed-out = the IMAP server did not answer in time when cartero tried to { $doing }
imap-connection-lost = the connection to the IMAP server was lost when cartero tried to { $doing }
imap-append-refused = the IMAP server refused when cartero tried to { $doing } (a full mailbox, or a folder it does not allow)
imap-refused = the IMAP server refused when cartero tried to { $doing }: { $reply }
imap-answer-unreadable = the IMAP server's answer could not be read when cartero tried to { $doing } ({ $why })
imap-login-refused = the IMAP server `{ $host }` refused the username `{ $user }` or its password ({ $reply }): check `username` under `[imap]` and the password (Gmail, iCloud, Fastmail and Zoho want an app password, not your usual one)
imap-token-refused = the IMAP server `{ $host }` refused the access token for `{ $user }` ({ $reply }): the token `password-command` printed may have expired, or lack the IMAP permission
imap-doing-log-in = log in
imap-doing-greet = greet it
imap-host-not-found = the server's name `{ $host }` was not found: check `host` under `[imap]` (and that this computer is online)
imap-no-address = no address
imap-nothing-answers = nothing answers at port { $port } of `{ $host }` ({ $why }): check `port` under `[imap]` (993 is usual with `security = "tls"`, 143 with `"starttls"`)
imap-no-greeting = the server sent no greeting within { $seconds } seconds: is this port for IMAP? (993 with `security = "tls"`, 143 with `"starttls"`)
imap-sent-nothing = the server sent nothing within { $seconds } seconds: is this port for IMAP, without TLS first? (143 with `security = "starttls"`, 993 with `"tls"`)
imap-closed-at-once = the server closed the connection at once: is this port for IMAP?
imap-connection-failed = the connection failed ({ $why })
imap-not-an-imap-greeting = the server does not greet as IMAP does on port { $port } (with port 993 use `security = "tls"`)
imap-goodbye-at-once = the server said goodbye at once: { $reply }
imap-no-starttls = the server does not offer STARTTLS ({ $reply }), so your password would cross the network unencrypted; check `port` and `security` under `[imap]` (993 with `security = "tls"`)
imap-not-a-host-name = `{ $host }` is not a host name
imap-tls-start-failed = failed to start TLS
imap-not-tls = the server does not speak TLS from the first byte on port { $port }: with port 143 use `security = "starttls"`; `security = "tls"` goes with port 993
imap-tls-failed = the secure connection failed ({ $why })
imap-no-such-folder = there is no folder "{ $folder }" (`sent-folder` under `[imap]`) in this mailbox; its folders are { $folders }
imap-no-sent-folder = no folder in this mailbox is marked as the one for sent mail; name it with `sent-folder = "..."` under `[imap]` (its folders are { $folders })
imap-reach-failed = failed to reach the IMAP server `{ $server }` ({ $security })
imap-doing-put-copy = put the copy in "{ $folder }"
imap-doing-put-copies = put the copies in "{ $folder }"
imap-doing-open = open "{ $folder }"
imap-doing-look-again = look in "{ $folder }" again
imap-doing-search = search "{ $folder }"
imap-doing-read = read "{ $folder }"
imap-doing-list-folders = list your folders
imap-busy-with-copies = the mailbox is busy with the copies
imap-copy-draft-changed = the draft changed since the letter went, so its exact text is not at hand: put a copy in Sent from your mail app if you want one
imap-copy-session-gone = the session with your mailbox was gone
imap-copies-failed-inside = the copies could not be made (cartero failed inside)

## The drafts folder, the journal, the lock, the archive

lock-holder = `cartero { $command }` (process { $pid })
lock-holder-unknown = another cartero command
lock-held = { $who } is working on this campaign's drafts right now: wait for it to finish, then run `cartero { $command }` again
lock-held-by-desk = { $who } has this campaign's drafts open on the writing desk: close the desk (Ctrl-C in its window), then run `cartero { $command }` again
lock-file-is-a-folder = `{ $file }` is a folder, where cartero keeps its lock file: remove that folder (cartero never puts anything in it)
lock-open-failed = failed to open the lock file `{ $file }`: cartero needs to write in the drafts folder `{ $folder }`
lock-drafts-is-a-file = the drafts folder `{ $folder }` is a file, not a folder: set `drafts` under `[campaign]` in cartero.toml (or `--drafts`) to a folder
lock-create-failed = failed to create `{ $folder }`
lock-lock-failed = failed to lock `{ $file }`
lock-write-failed = failed to write `{ $file }`
limits-at-does-not-exist = `--at { $at }` does not exist on this machine's clock (a daylight-saving jump): pick another minute
limits-at-not-a-time = `--at { $at }` is not a time: write it like "2026-12-22 09:00" (your local time) or "2026-12-22T09:00:00+01:00"
journal-not-a-time = `{ $text }` is not a time
journal-line-salvaged = { $file }:{ $line }: this line is not a whole journal event ({ $why }); it is read as `{ $event }` for `{ $client }`, so that letter is never sent again by mistake
journal-last-line-torn = { $file }:{ $line }: the last line was cut short (cartero was stopped while writing it?); it is ignored
journal-line-unreadable = { $file }:{ $line }: this line is not a journal event ({ $why }); it is ignored
journal-read-failed = failed to read the journal `{ $file }`
journal-create-failed = failed to create `{ $folder }`
journal-open-failed = failed to open the journal `{ $file }`
journal-repair-failed = failed to repair the journal `{ $file }`
journal-encode-failed = failed to encode a journal event
journal-write-failed = failed to write to the journal `{ $file }`
state-draft-not-utf8 = this draft is not saved as UTF-8; it was read as { $encoding } (as some Windows editors save it): check its accents, then save it as UTF-8
state-draft-not-a-file = `{ $file }` is not a regular file (a named pipe or a device), where cartero keeps a draft file: move it elsewhere and try again; cartero leaves it as it is and writes nothing over it
state-draft-is-a-folder = `{ $file }` is a folder, where cartero keeps a draft file: move the folder elsewhere and try again
state-draft-unreadable = cannot read `{ $file }` ({ $why }): make it readable again (for example `chmod u+rw { $quoted }`) and try again; cartero leaves it as it is and writes nothing over it
state-went-unreadable = cannot read `{ $file }`, the copy of a letter as it went
state-write-failed = failed to write `{ $file }`
state-read-failed = failed to read `{ $folder }`
survey-waiting-refused = waiting: at { $at } the server refused more letters from your account ({ $why }); `cartero send` tries again
survey-draft-unreadable = failed to read the draft of `{ $name }` ({ $email })
survey-sent-on-your-word = recorded as sent on your word (`cartero send --arrived`): no server confirmed it
survey-data-changed = the client's data changed after you edited this draft: the fresh version is in `{ $file }`; merge what you want, then delete it
survey-cannot-send = this draft cannot be sent as it is: { $why }
survey-draft-changed-after-send = its draft was changed after this letter went: `cartero send --arrived` needs the draft back as it went, to file and keep what went
survey-draft-changed-after-send-kept = its draft was changed after this letter went; cartero kept the letter as it went in `{ $kept }`: `cartero send --arrived` files that one; to send it again, copy that file back over the draft first
survey-sent-draft-changed-kept = its draft was changed after this letter went: the archive keeps the letter as it went (`{ $kept }`), not the draft
survey-sent-draft-changed = its draft was changed after this letter went: the draft is no longer the letter the client got
survey-send-interrupted = a send was interrupted: the message { $message_id } may or may not have arrived; { $how_to_check }
# $why says why the letter may have gone (the link lost after the whole letter was handed over).
survey-uncertain = { $why }: the message { $message_id } may or may not have arrived; { $how_to_check }
survey-refused-for-good = the server refused it: { $reply } (fix the address or the draft, approve it again, or `--resend` it)
survey-refused-for-now = the server refused it: { $reply } (it will be tried again on the next `cartero send`)
survey-draft-gone = the draft file is gone: `cartero draft` writes it again
survey-how-to-check = ask them whether it arrived (a Sent folder shows it only when the provider keeps a copy of what it sends, as Gmail and Microsoft 365 do; with `[imap]` cartero looks there itself): if it did, `cartero send --arrived { $email }` records it as sent, never to be sent again; if it did not, `cartero send --resend { $email }` sends it again, with the same Message-ID
# $from is a time, or none when the next place is tomorrow.
survey-limit-reached = waiting: the daily limit of { $limit } letters (`daily-limit` under `[smtp]`) is reached; letters may go again { $from ->
    [none] tomorrow
   *[other] from { $from }
}
survey-limit-room-taken = waiting: the daily limit of { $limit } letters (`daily-limit` under `[smtp]`) leaves room for { $left ->
    [one] 1 more letter
   *[other] { $left } more letters
} today ({ $sent } sent in the last 24 hours), taken by the letters before this one; it may go { $from ->
    [none] tomorrow
   *[other] from { $from }
}
# A client's state, as a person reads it ($state is the word `status --json` gives).
plan-invalid-draft = `{ $file }`: { $why }
plan-arrived-no-such-client-close = `--arrived { $key }`: there is no such client in the list; did you mean `{ $close }`?
plan-arrived-no-such-client = `--arrived { $key }`: there is no such client in the list
plan-arrived-and-resend = `--arrived { $key }` and `--resend { $key }` say opposite things: name them with one of the two
plan-arrived-sends-nothing = `--arrived` records your word and sends nothing: run `cartero send --resend { $other }` on its own
plan-arrived-draft-changed = `--arrived { $key }`: `{ $file }` was changed after it went, so the letter that went (its text's sha256 { $sha }) is not at hand to file in Sent and keep in the archive: put the draft back as it went, then run this again
plan-arrived-draft-file-gone = `--arrived { $key }`: `{ $file }` is gone, so the letter that went (its text's sha256 { $sha }) is not at hand to file in Sent and keep in the archive: put the draft back as it went, then run this again
plan-arrived-draft-gone = `--arrived { $key }`: its draft is gone, so the letter that went (its text's sha256 { $sha }) is not at hand to file in Sent and keep in the archive: put the draft back as it went, then run this again
plan-arrived-not-uncertain = `--arrived { $key }`: no letter to them is uncertain (their draft is { $state }): `--arrived` is for a letter whose sending was cut off, when they told you it arrived
plan-resend-no-such-client = `--resend { $key }`: there is no such client in the list
plan-resend-sent-on-your-word = `--resend { $key }`: that email is recorded as sent on your word (`--arrived`, { $message_id }); cartero never sends a client the same email twice
plan-resend-already-sent = `--resend { $key }`: that email was sent and accepted by the server ({ $message_id }); cartero never sends a client the same email twice
plan-resend-changed-since-it-went = `--resend { $key }`: the draft was changed after the letter went (it may have arrived); cartero kept it as it went in `{ $kept }`: to send that again, copy it back over `{ $file }` and run this again; if it arrived, `--arrived { $key }`
plan-resend-not-approved = `--resend { $key }`: the draft as it is now was not approved; run `cartero review` first
archive-db-create-folder-failed = failed to create the archive's folder `{ $folder }`
archive-db-open-failed = failed to open the archive `{ $file }`
archive-db-not-sqlite = it is not a cartero archive (not even an SQLite file): point `[archive] path` or `--archive` at another file
archive-db-not-cartero = it is an SQLite file but not a cartero archive: point `[archive] path` or `--archive` at another file
archive-db-newer = it was written by a newer cartero (archive version { $version }, this one reads { $reads }): update cartero to use it
archive-db-write-failed = failed to write the archive `{ $file }`
archive-db-reading-failed = reading it failed
archive-db-recall-failed = { $why }; the letters are made without what earlier years left

## What the commands print: check, drafts, review, send, mailbox, archive, status

report-answer-unreadable = failed to read the answer
report-password-unreadable = failed to read the password
report-list-has-errors = the client list has errors: fix them, then try again
report-rows-left-out = warning: the clients on the rows above are left out until the list is fixed (`cartero check`)
report-same-on = the same on { $places }
report-and-more = { $shown }, and { $more } more
report-circle-loved = loved
report-circle-ignored = ignored
report-circle-hated = hated
report-circle-none = no circle

## check

check-clients-in = { $count ->
    [one] 1 client
   *[other] { $count } clients
} in `{ $list }`
check-read-as = read as { $export }: name, email, note and company from its own columns
check-columns = columns: { $columns }
check-circles = circles: { $loved } loved, { $ignored } ignored, { $hated } hated
check-circles-no-affinity = circles: { $loved } loved, { $ignored } ignored, { $hated } hated, { $none } without affinity
check-every-note = every client has a personal note
check-without-note = without a personal note: { $count } ({ $names })
check-share = personal share: { $share }% on average; { $total ->
    [one] { $mass } of 1 email reads like a mass mail
   *[other] { $mass } of { $total } emails read like a mass mail
}

## draft and review

draft-share = personal share: { $share }% on average; { $mass } read like a mass mail; { $unnoted } without a personal note
draft-share-named = personal share: { $share }% on average; { $mass } read like a mass mail ({ $names }); { $unnoted } without a personal note
draft-reopened = `{ $name }` ({ $email }): the client list changed, so the draft was written again; you had { $was } it, and that no longer holds: `cartero review` shows it again
draft-was-approved = approved
draft-was-skipped = skipped
draft-was-rejected = rejected
draft-conflict = conflict: `{ $name }` ({ $email }) changed in the client list after you edited the draft; your draft is kept, the new version is in `{ $new }`
draft-off-list = note: `{ $key }` is no longer in the client list; its draft `{ $draft }` is kept and will not be sent
draft-summary = { $count ->
    [one] 1 draft
   *[other] { $count } drafts
} in `{ $dir }`: { $written } new, { $refreshed } refreshed, { $kept } edited by you and kept, { $unchanged } unchanged
# review's question after each draft (the code adds the space after it).

## status: the table's headings and states (`status --json` keeps its own words)

status-heading-state = state
status-heading-personal = personal
status-heading-name = name
status-heading-draft = draft
state-new = new
state-drafted = drafted
state-edited = edited
state-approved = approved
state-skipped = skipped
state-rejected = rejected
state-sending = sending
state-sent = sent
state-bounced = bounced
state-failed = failed
state-uncertain = uncertain
state-missing = missing
status-count-new = { $count } new
status-count-drafted = { $count } drafted
status-count-edited = { $count } edited
status-count-approved = { $count } approved
status-count-skipped = { $count } skipped
status-count-rejected = { $count } rejected
status-count-sending = { $count } sending
status-count-sent = { $count } sent
status-count-bounced = { $count } bounced
status-count-failed = { $count } failed
status-count-uncertain = { $count } uncertain
status-count-missing = { $count } missing
status-count-answered = { $count } answered
status-count-waiting = { $count } waiting
status-count-no-copy = { $count } without a copy in Sent yet
status-count = { $clients }: { $states }
status-answered-on = answered on { $day }
status-no-copy-yet = no copy in Sent yet ({ $why }); the next `cartero send` tries again
status-removed-sent = no longer on the list: { $key } (its letter went on { $day }; the archive keeps it)
status-removed = no longer on the list: { $key } (draft `{ $draft }` kept, not sent)
status-removed-approved = no longer on the list: { $key } (draft `{ $draft }` kept, not sent; it was approved)
status-ask-uncertain = { $count ->
    [one] 1 letter
   *[other] { $count } letters
} may or may not have arrived (see above): ask those clients, then `cartero send --arrived EMAIL` for each that did, or `cartero send --resend EMAIL` for each that did not
status-next = next: { $step }
status-also = also: { $step }
status-next-draft = next: `cartero draft` writes the missing drafts
status-next-review = next: `cartero review` to read and approve the drafts
status-next-send = next: `cartero send --to-self` for a test run, then `cartero send`
status-next-copies = next: { $count ->
    [one] 1 letter has
   *[other] { $count } letters have
} no copy in your Sent folder yet: `cartero send` makes the copies (it sends no letter again)
status-next-sending = next: a `cartero send` is running; `cartero status` again shows how it went
status-nothing-waits = nothing waits for you

## send

send-uncertain-before = uncertain: { $name } <{ $email }>: an earlier send was interrupted; message { $id } may have arrived. Not sent again: { $how }
send-broken-draft = not sent: the draft is broken: { $why }
send-refused-before = not sent: { $name } <{ $email }> was refused by the server in an earlier run and is not tried again by itself: fix the address or the draft and approve it again, or pass `--resend { $email }`
send-off-list = not sent: `{ $key }` was approved but is not on the client list as it reads now (its row was removed, or has an error shown above)
send-stale-emls = note: `{ $dir }` holds { $count ->
    [one] 1 other .eml file that cartero did not write there; it was left as it was
   *[other] { $count } other .eml files that cartero did not write there; they were left as they were
}
send-held-by-limit = held back by `--limit { $limit }`: { $count ->
    [one] 1 approved letter; `cartero send` sends it
   *[other] { $count } approved letters; `cartero send` sends them
}
send-tomorrow = tomorrow
send-held-for-the-day = held back by the daily limit ({ $limit } letters in 24 hours, { $sent } already sent in the last 24): { $count ->
    [one] 1 approved letter waits
   *[other] { $count } approved letters wait
}; the next may go from { $from } (`cartero send` then, or `--spread` to go on by itself)
send-nothing = nothing to send: { $sent } already sent, { $unreviewed } waiting for review
send-nothing-review = nothing to send: { $sent } already sent, { $unreviewed } waiting for review; run `cartero review`
send-no-server = no server (dry run)
send-about-to = about to send { $count ->
    [one] 1 message
   *[other] { $count } messages
} { $whom }, through { $server }, as { $sender }{ $unreviewed ->
    [0] {""}
    [one] ; 1 draft is still unreviewed and will not go
   *[other] ; { $unreviewed } drafts are still unreviewed and will not go
}
send-at-most = at most { $rate }
send-summary-real = sent { $sent }, failed { $failed }, not attempted { $left }, uncertain { $uncertain } through { $through }
send-summary-to-self = sent { $count ->
    [one] 1 test message
   *[other] { $count } test messages
} to { $sender }; nothing is recorded as sent
send-summary-dry-run = wrote { $count ->
    [one] 1 message
   *[other] { $count } messages
} to { $through }; nothing was sent
send-failed-one = failed: { $key }: { $why }
send-uncertain-one = uncertain: { $what }
send-not-sent-behind = not sent: { $count ->
    [one] 1 approved letter
   *[other] { $count } approved letters
} did not go in this run; the reasons are above
send-next-status-left = next: `cartero status` shows who is left; `cartero send` again sends only what has not gone
send-next-status = next: `cartero status` to see every client's state
send-next-for-real = next: when the test looks right, `cartero send` sends the { $count ->
    [one] approved draft
   *[other] { $count } approved drafts
} for real
send-arrived-with-copy = { $key }: recorded as sent on your word (`--arrived`): it is not sent again, and goes into your Sent folder and the archive like any letter
send-arrived = { $key }: recorded as sent on your word (`--arrived`): it is not sent again, and goes into the archive like any letter
send-after-arrivals = nothing was sent; { $count ->
    [one] 1 letter is approved and not sent yet: `cartero send` sends it
   *[other] { $count } letters are approved and not sent yet: `cartero send` sends them
}
send-after-arrivals-none = nothing was sent; `cartero status` shows every client's state
send-already-sent = { $key }: that letter is already recorded as sent; nothing to do
# Beside the progress bar; { $eta } is the bar's own estimate.
send-progress-left = ({ $eta } left)
send-nth = { $nth } of { $len }
send-waiting-to-send = waiting to send at { $at } (this machine's time); Ctrl-C cancels
send-waiting-to-go-on = waiting to go on at { $at } (this machine's time); Ctrl-C cancels
send-countdown-left = { $left } left; Ctrl-C cancels

## the mailbox and replies

mailbox-found-in-sent = { $key }: found in your "{ $folder }" folder, so the server had taken it: now `sent`, and not sent again
mailbox-still-uncertain = { $key }: still uncertain: the letter is not in your "{ $folder }" folder. Ask them whether it arrived: if it did, `cartero send --arrived { $key }` records it as sent (never sent again); if not, `cartero send --resend { $key }` sends it again, with the same Message-ID
mailbox-still-uncertain-no-copies = { $key }: still uncertain: the letter is not in your "{ $folder }" folder (your server does not keep copies of what it sends, so that proves nothing). Ask them whether it arrived: if it did, `cartero send --arrived { $key }` records it as sent (never sent again); if not, `cartero send --resend { $key }` sends it again, with the same Message-ID
mailbox-copies = copies in "{ $folder }": { $parts }
mailbox-copies-appended = { $count } put there by cartero
mailbox-copies-found = { $count } filed by your server itself
mailbox-copies-already = { $count } there already
mailbox-not-copied = { $count ->
    [one] 1 letter was
   *[other] { $count } letters were
} not copied to "{ $folder }" (the letters did go; the next `cartero send` tries the copies again, never the letters):
mailbox-not-copied-full = { $count ->
    [one] 1 letter was
   *[other] { $count } letters were
} not copied to "{ $folder }": your mailbox is full (about { $room } more room is needed); make room there (the letters did go; the next `cartero send` tries the copies again, never the letters):
mailbox-size-kb = { $size } KB
mailbox-size-mb = { $whole }.{ $tenth } MB
mailbox-looked-at = looked at { $count ->
    [one] 1 message
   *[other] { $count } messages
} in { $folders } (read only: nothing was changed there)
mailbox-answered = answered: { $count } of { $total }
mailbox-answered-new = answered: { $count } of { $total } ({ $new } new since the last look)
mailbox-answer = { $name } <{ $email }>  on { $day }
mailbox-answer-new = { $name } <{ $email }>  on { $day }  (new)
mailbox-everyone-answered = everyone answered
mailbox-not-answered-yet = not answered yet, circle by circle:
mailbox-arrived-after-all = { $key }: answered the letter left uncertain, so it arrived: now `sent`, and not sent again
mailbox-answered-earlier = { $email } answered your letter of { $day }, not this year's: kept with that letter in the archive

## history, remember, archive

history-no-archive = no letters yet: the archive `{ $path }` fills up as `cartero send` sends (or with `cartero archive import DIR`)
history-none-to = no letter to { $email } in the archive yet
history-answered = answered { $day }
history-no-answer = no answer recorded
history-on-your-word = (recorded as sent on your word, `cartero send --arrived`: no server confirmed it)
history-only-letter = (the only letter of its campaign: no other to tell its personal part from; its beginning follows)
history-remembered = remembered since the last letter:
history-kept-for = kept for { $email }: { $text }
history-kept-where = (in `{ $path }`; `cartero history { $email }` shows it until the next letter)
archive-imported = { $count ->
    [one] 1 letter
   *[other] { $count } letters
} sent from `{ $dir }`: { $added } new in the archive `{ $path }`, { $there } there already
archive-without-text = note: { $count ->
    [one] 1 sent letter has no draft file left, so its text could not be kept
   *[other] { $count } sent letters have no draft file left, so their text could not be kept
}
archive-not-written = warning: { $error }; the letters are safe in the journal, and the next `cartero send` adds them to the archive
archive-not-read = warning: { $error }; answers to letters of earlier years are not recorded this time

## Bounces

status-bounced-on = came back on { $day }: { $reason } (the address does not work: fix it in the client list)
status-delayed-on = late since { $day }: { $reason } (the server is still trying; nothing to resend)
status-next-fix-bounced = next: fix the { $count ->
    [one] address that came back
   *[other] { $count } addresses that came back
} (see above) in the client list; a corrected address is a new client to draft and send to
status-count-delayed = { $count } late
bounce-came-back = { $count ->
    [one] 1 letter came back
   *[other] { $count } letters came back
} (the address does not work):
bounce-one = { $name } <{ $email }>  on { $day }: { $reason }
bounce-fix-the-address = fix those addresses in the client list: cartero never sends a letter again by itself
bounce-delayed = { $count ->
    [one] 1 letter is late
   *[other] { $count } letters are late
} (the server is still trying; nothing to resend):
bounce-delayed-one = { $name } <{ $email }>  since { $day }: { $reason }
bounce-new = (new)
bounce-about-no-letter = { $count ->
    [one] 1 delivery notice is
   *[other] { $count } delivery notices are
} about no letter of this campaign: left alone
bounce-went-after-all = { $key }: a delivery notice came back about the letter left uncertain, so the server had taken it: it is sent, and never sent again
desk-bounced-because = Came back on { $day }: { $reason }. The address does not work: fix it in the client list.
desk-past-bounced = came back { $date }: { $reason }
history-bounced = came back { $day }: { $reason }
init-bounced = warning: the last letter to { $name } <{ $email }> came back ({ $day }: { $reason }): fix the address in clients.csv, or remove the row (its `bounced` column says so)

## The writing desk (cartero web)

desk-cannot-listen = cannot listen on 127.0.0.1:{ $port } (another program may have it): choose another with `--port`
desk-no-randomness = this system gave no random bytes for the desk's secret token
desk-refused-host = this desk answers only to 127.0.0.1 and localhost: open the address cartero printed in the terminal
desk-refused-token = this page needs the secret address cartero printed in the terminal when `cartero web` started: open that one
desk-refused-origin = a change can only come from the desk's own page: reload it and try again
desk-refused = Not here
desk-failed = something went wrong: { $why }
desk-title = the writing desk
desk-clients = Clients
desk-search = Search by name or address
desk-filter-all = all
desk-filter-to-decide = to decide
desk-filter-approved = approved
desk-filter-sent = sent
desk-filter-bounced = bounced
desk-filter-answered = answered
desk-one-loved = loved
desk-one-ignored = ignored
desk-one-hated = hated
desk-circle-loved = loved
desk-circle-ignored = ignored
desk-circle-hated = hated
desk-flag-mass = reads like a mass mail
desk-flag-no-note = no personal note
desk-no-match = No client matches.
desk-name = Client
desk-address = Address
desk-state = State
desk-circle = Circle
desk-personal = personal
desk-affinity = affinity
desk-note = What you know of them
desk-no-note-yet = No note yet: add one to the client list.
desk-other-columns = From the list
desk-past = Earlier letters
desk-no-past = The first letter to this client.
desk-they-answered = they answered
desk-no-answer = no answer recorded
desk-answered-on = answered on { $date }
desk-memories = Remembered
desk-remember = Remember
desk-remember-hint = something to remember for next year
desk-letter = The letter
desk-warnings = Warnings
desk-save = Save
desk-approve = Approve
desk-skip = Skip
desk-reject = Reject
desk-previous = previous
desk-next = next
desk-back = all clients
desk-shortcuts = Keys:
desk-shortcut-keys = a approve · s skip · r reject · e write · m remember · → next · ← previous · Shift+S send · Shift+L the list · in the letter: Ctrl+Enter approve, Ctrl+S save, Esc to leave it
desk-no-draft = No draft yet: run `cartero draft`.
desk-conflict = The draft changed on disk while you wrote
desk-conflict-hint = Another editor saved this draft after this page showed it. Nothing was written: choose which text to keep.
desk-yours = Your text, from this page
desk-theirs = The text on disk now
desk-keep-yours = Keep mine
desk-keep-theirs = Keep the one on disk
desk-state-new = no draft yet
desk-state-drafted = to decide
desk-state-edited = edited, to decide
desk-state-approved = approved
desk-state-skipped = skipped
desk-state-rejected = rejected
desk-state-sending = sending
desk-state-sent = sent
desk-state-bounced = bounced
desk-state-failed = failed
desk-state-uncertain = uncertain
desk-state-missing = draft missing
desk-decided = { $decided } of { $total } decided
desk-shown = { $shown ->
    [one] 1 shown
   *[other] { $shown } shown
}
desk-no-such-client = There is no such client on the list.
desk-done-approved = Approved: { $who }.
desk-done-skipped = Skipped: { $who }.
desk-done-rejected = Rejected: { $who }.
desk-done-saved = Saved.
desk-done-remembered = Kept in the archive.
desk-position = { $n } of { $total }
desk-cannot-approve = Saved, but not approved: { $why }
desk-bad-action = This page asked for something the desk does not do: reload it.
desk-draft-gone = The draft file is gone (moved or deleted outside the desk): close the desk (Ctrl-C where it runs), run `cartero draft` to write it again, open the desk and put your words back.
cmd-web-open = the writing desk is open at { $url }
cmd-web-stop = (keep this window open while you write; Ctrl-C closes the desk, and everything saved stays saved)
cmd-web-no-browser = no browser could be opened here: open the address above in yours
cmd-web-closed = the desk is closed
desk-find = Find
desk-send = Send
desk-send-title = Send the approved letters
desk-send-approved = { $count ->
    [0] No letter is approved yet: approve some first.
    [one] 1 letter is approved, to go to its client alone.
   *[other] { $count } letters are approved, each to go to its client alone.
}
desk-send-button = { $count ->
    [one] Send 1 letter now
   *[other] Send { $count } letters now
}
desk-send-server = through { $host }:{ $port }
desk-send-no-smtp = there is no `[smtp]` in cartero.toml: add your server to send from here
desk-send-as = as { $sender }
desk-smtp-password = Password for sending (SMTP)
desk-imap-password = Password for your mailbox (IMAP)
desk-password-hint = Kept in memory for this send only, never written anywhere.
desk-replies-button = See who answered (`cartero replies`)
desk-running = Under way: every letter goes as `cartero send` sends it. Keep this page open, or come back to it.
desk-ended = Done. The list shows where every client stands now.
desk-ended-badly = It ended with something to see to: read the lines above. The list shows where every client stands now.
desk-too-long = This is too long for the page to save (over 2 MB of text): nothing was saved. Go back with your browser, copy what you wrote, and put the long part in a file the letter carries instead.
desk-kept = What you wrote, nothing of it saved: copy it from here before you leave this page.
desk-done-nothing-to-remember = Nothing was kept: the memory was empty.
desk-busy = A send or a look for replies is under way and has the drafts: wait for it to end, then try again.
desk-no-exe = cannot find cartero's own program to run the send
desk-waiting-for-lock = waiting for the drafts folder: { $why }
desk-flag-retold = tells an earlier letter's anecdote again
desk-closed = This letter went (or may have): it stays as it was sent.

## Letters as businesses write them: Markdown, the signature, attachments
settings-bad-max-message-size = `[smtp] max-message-size = { $value }` in `{ $file }` is not a size: write the largest letter your provider takes, in MB (for example `max-message-size = 20`)
compose-attachments-header = a template cannot set `{ $header }:`: name a client's files in the list's `attachments` column, and files for every letter with `[campaign] attachments` in cartero.toml; remove the line
compose-format-header = a template cannot set `{ $header }:`: a template whose name ends in `.md` is Markdown, one ending in `.txt` plain text; remove the line
message-bad-format = `Format: { $value }` is not a format cartero knows: write `Format: markdown`, or remove the line for plain text
letter-file-missing = `{ $file }` is not there: put the file there, or fix its name (names are relative to the campaign folder, where cartero.toml is)
letter-file-is-folder = `{ $file }` is a folder, not a file: name the file in it that goes with the letter
letter-file-not-a-file = `{ $file }` is not a file cartero can attach: name an ordinary file
letter-file-unreadable = cannot read `{ $file }` ({ $why }): make it readable and try again
campaign-signature-missing = the signature file is not there: create it, or fix `[sender] signature` in cartero.toml
campaign-signature-unreadable = cannot read the signature ({ $why }): make it readable, or fix `[sender] signature` in cartero.toml
campaign-signature-not-utf8 = the signature is not UTF-8 text: save it as UTF-8 (in Notepad: "Save as", encoding "UTF-8")
campaign-image-from-elsewhere = the letter shows an image from the internet, `{ $address }`: cartero never loads one (mail apps hide them, and they tell the sender who opened the letter), so it will not be seen; put the image in the campaign folder and show it by its file name
campaign-logo-in-plain-letter = the signature shows `{ $image }`, but this letter is plain text, which shows no image, so it goes without it: name the template with .md to send letters that show it
campaign-attachment-blocked = `{ $file }` is a kind of file mail providers refuse to carry (programs and scripts): the letter would be refused or arrive without it (a .zip around it does not help): send a PDF, or a link to the file
campaign-letter-too-big = this letter is { $size } as it is sent, over the { $limit } your provider takes (`[smtp] max-message-size`): attach smaller files, or fewer
cmd-send-file-changed = { $key }: a file of this letter changed since you approved it: not sent; read it again with `cartero review`
cmd-send-file-gone = { $key }: not sent: { $why }
history-attachments = with: { $files }
size-bytes = { $n ->
    [one] 1 byte
   *[other] { $n } bytes
}
size-kb = { $n } KB
size-mb = { $n } MB
letter-goes-with = goes with it: { $files }
letter-file = { $name } ({ $size })
letter-file-inside = { $name } (inside the letter, { $size })
letter-file-outside = `{ $file }` is outside the campaign folder: copy the file into the folder where cartero.toml is (or a folder inside it) and name it from there
letter-file-link-outside = `{ $file }` is a link to `{ $target }`, outside the campaign folder: copy the file itself into the folder where cartero.toml is (or a folder inside it) and name it from there
letter-not-what-named = `{ $file }` does not hold the image its name says: open it in an image editor and save it again as that kind (.png, .jpg, .gif)
letter-not-an-image = `{ $file }` is shown as an image in the letter, but it is not one: show a .png, .jpg or .gif, or attach the file instead
campaign-signature-not-a-file = it is not an ordinary file
cmd-send-too-big = { $key }: not sent: the letter is { $size } as it is sent, over the { $limit } your provider takes (`[smtp] max-message-size`); attach smaller files, or fewer, and approve it again
cmd-review-file-changed = a file of this letter changed while you read it; here it is again
desk-file-changed = A file of this letter changed since this page showed it: look at it again (its size is above), then approve.
survey-file-changed-since-approved = a file this letter carries changed since you approved it: read it again and approve it (cartero sends only what you approved)
