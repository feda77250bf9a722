# Problems with their places, headers, messages, personal share, campaigns, durations.

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
campaign-no-note = no personal note: add one to the `note` column (a memory, an anecdote, something you solved together)
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
campaign-no-notes = { $count } clients have no personal note ({ $names }): add one to the `note` column for each (a memory, an anecdote, something you solved together)
campaign-no-notes-and-more = { $count } clients have no personal note ({ $names }, and { $more } more): add one to the `note` column for each (a memory, an anecdote, something you solved together)
campaign-mass-mail = { $count } letters read like a mass mail: little of each is about its client alone ({ $names }); add something personal to their notes, or to the template
campaign-mass-mail-and-more = { $count } letters read like a mass mail: little of each is about its client alone ({ $names }, and { $more } more); add something personal to their notes, or to the template
campaign-letter-unusable = this letter could not be approved or sent as it renders: { $why }
personal-mass-mail = reads like a mass mail: only { $percent }% of it is about this client alone; add something personal to their note
message-envelope-failed = failed to build the envelope
message-build-failed = failed to build the message to `{ $address }`
message-no-blank-line = there is no blank line between the `To:`/`Subject:` lines and the body
message-no-to = there is no `To:` line
message-no-subject = there is no `Subject:` line, or it is empty
message-empty-body = there is no letter below the blank line: write it there (an empty letter is never sent)
message-not-a-header = line { $line } is not a header like `Subject: …`
message-bad-to = `To: { $value }` is not one address like `Name <name@example.com>`
message-bad-reply-to = `Reply-To: { $value }` is not an address
message-copy-header = `{ $header }:` is not allowed: each email goes to its client alone; remove the line
message-from-header = `{ $header }:` is not allowed: the sender is you, set with `[sender]` in cartero.toml or `--from`; remove the line
message-unknown-header = unknown header `{ $header }:`{ $suggestion }: a draft has `To:`, `Subject:` and maybe `Reply-To:`
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
text-seconds = { $seconds }s
text-minutes-seconds = { $minutes }m { $seconds }s
text-hours-minutes = { $hours }h { $minutes }m
