# The engine: the IMAP mailbox, its failures in words, the copies in Sent (src/mailbox). A
# server's own reply ($reply) is quoted as the server said it.

# $doing is one of the imap-doing-… phrases: what cartero was trying to do.
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
