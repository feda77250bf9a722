# The printer (src/report/): what every command says, area by area.
# Lines that begin indented are indented in the code: the messages hold no leading spaces.

## Shared

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
check-export-google = a Google Contacts export
check-export-outlook = an Outlook export
check-export-vcard = a vCard file
check-columns = columns: { $columns }
check-circles = circles: { $loved } loved, { $ignored } ignored, { $hated } hated
check-circles-no-affinity = circles: { $loved } loved, { $ignored } ignored, { $hated } hated, { $none } without affinity
check-every-note = every client has a personal note
check-without-note = without a personal note: { $count } ({ $names })
check-share = personal share: { $share }% on average; { $mass } of { $total } emails read like a mass mail

## draft and review

draft-share = personal share: { $share }% on average; { $mass } read like a mass mail; { $unnoted } without a personal note
draft-share-named = personal share: { $share }% on average; { $mass } read like a mass mail ({ $names }); { $unnoted } without a personal note
draft-conflict = conflict: `{ $name }` ({ $email }) changed in the client list after you edited the draft; your draft is kept, the new version is in `{ $new }`
draft-off-list = note: `{ $key }` is no longer in the client list; its draft `{ $draft }` is kept and will not be sent
draft-summary = { $count ->
    [one] 1 draft
   *[other] { $count } drafts
} in `{ $dir }`: { $written } new, { $refreshed } refreshed, { $kept } edited by you and kept, { $unchanged } unchanged
# review's question after each draft (the code adds the space after it).
review-prompt = [a]pprove [e]dit [s]kip [r]eject [q]uit:

## status: the table's headings and states (`status --json` keeps its own words)

status-heading-state = state
status-heading-personal = personal
status-heading-name = name
status-heading-draft = draft
status-state-new = new
status-state-drafted = drafted
status-state-edited = edited
status-state-approved = approved
status-state-skipped = skipped
status-state-rejected = rejected
status-state-sending = sending
status-state-sent = sent
status-state-failed = failed
status-state-uncertain = uncertain
status-state-missing = missing
status-count-new = { $count } new
status-count-drafted = { $count } drafted
status-count-edited = { $count } edited
status-count-approved = { $count } approved
status-count-skipped = { $count } skipped
status-count-rejected = { $count } rejected
status-count-sending = { $count } sending
status-count-sent = { $count } sent
status-count-failed = { $count } failed
status-count-uncertain = { $count } uncertain
status-count-missing = { $count } missing
status-count-answered = { $count } answered
status-count-waiting = { $count } waiting
status-count-no-copy = { $count } without a copy in Sent yet
status-count = { $clients }: { $states }
status-answered-on = answered on { $day }
status-no-copy-yet = no copy in Sent yet ({ $why }); the next `cartero send` tries again
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
send-waiting-to = waiting to { $what } at { $at } (this machine's time); Ctrl-C cancels
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
