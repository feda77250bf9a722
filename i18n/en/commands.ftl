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
