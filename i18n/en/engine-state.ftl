# The engine: the drafts folder's lock, the daily limit, the journal, the drafts, the survey,
# the plan and the archive (src/state).

# Who holds the drafts folder, inside a sentence.
lock-holder = `cartero { $command }` (process { $pid })
lock-holder-unknown = another cartero command
lock-held = { $who } is working on this campaign's drafts right now: wait for it to finish, then run `cartero { $command }` again
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
state-write-failed = failed to write `{ $file }`
state-read-failed = failed to read `{ $folder }`
survey-waiting-refused = waiting: at { $at } the server refused more letters from your account ({ $why }); `cartero send` tries again
survey-draft-unreadable = failed to read the draft of `{ $name }` ({ $email })
survey-sent-on-your-word = recorded as sent on your word (`cartero send --arrived`): no server confirmed it
survey-data-changed = the client's data changed after you edited this draft: the fresh version is in `{ $file }`; merge what you want, then delete it
survey-cannot-send = this draft cannot be sent as it is: { $why }
survey-draft-changed-after-send = its draft was changed after this letter went: `cartero send --arrived` needs the draft back as it went, to file and keep what went
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
state-name = { $state ->
    [new] new
    [drafted] drafted
    [edited] edited
    [approved] approved
    [skipped] skipped
    [rejected] rejected
    [sending] sending
    [sent] sent
    [failed] failed
    [uncertain] uncertain
    [missing] missing
   *[other] { $state }
}
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
plan-resend-not-approved = `--resend { $key }`: the draft as it is now was not approved; run `cartero review` first
archive-db-create-folder-failed = failed to create the archive's folder `{ $folder }`
archive-db-open-failed = failed to open the archive `{ $file }`
archive-db-not-sqlite = it is not a cartero archive (not even an SQLite file): point `[archive] path` or `--archive` at another file
archive-db-not-cartero = it is an SQLite file but not a cartero archive: point `[archive] path` or `--archive` at another file
archive-db-newer = it was written by a newer cartero (archive version { $version }, this one reads { $reads }): update cartero to use it
archive-db-write-failed = failed to write the archive `{ $file }`
archive-db-reading-failed = reading it failed
archive-db-recall-failed = { $why }; the letters are made without what earlier years left
