# The writing desk (`cartero web`): its pages and what it says when it refuses.

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
desk-filter-answered = answered
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
desk-shortcut-keys = a approve · o skip · r reject · e write · m remember · → next · ← previous · in the letter: Ctrl+Enter approve, Ctrl+S save, Esc to leave it
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
desk-draft-gone = The draft file is gone: `cartero draft` writes it again.
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
desk-busy = A send or a look for replies is under way and has the drafts: wait for it to end, then try again.
desk-no-exe = cannot find cartero's own program to run the send
desk-waiting-for-lock = waiting for the drafts folder: { $why }
