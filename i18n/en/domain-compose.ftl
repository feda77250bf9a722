# Templates: reading them, Tera's errors in words, the letter each client gets.

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
