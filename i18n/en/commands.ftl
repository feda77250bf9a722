# What the commands say (src/commands/): their errors, prompts, progress and next steps.

cmd-warning = warning: { $what }

## review
cmd-review-prompt = [a]pprove [e]dit [s]kip [r]eject [q]uit:
cmd-review-type-a-letter = type a, e, s, r or q, then Enter
cmd-review-not-an-answer = `{ $answer }` is not an answer: type a, e, s, r or q, then Enter
cmd-review-last-letter = last letter: { $date } «{ $subject }» (no answer recorded)
cmd-review-last-letter-answered = last letter: { $date } «{ $subject }» (they answered)
cmd-review-remembered = remembered: { $memory }
cmd-review-nothing-to-decide = no draft needs a decision ({ $approved } approved)
cmd-review-no-draft-yet = { $count } clients have no draft yet: run `cartero draft`
cmd-review-draft-gone = the draft `{ $file }` for { $name } <{ $email }> is gone, so there is nothing to review; `cartero draft` writes it again
cmd-review-nth = { $n } of { $total }
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
