#!/usr/bin/python3
"""A small client of the CI mail system (.ci/mailsystem) for the story scripts. Stdlib only.

    mailbox.py DIR count USER FOLDER            number of messages in FOLDER
    mailbox.py DIR headers USER FOLDER          one JSON object per message (read-only)
    mailbox.py DIR wait USER FOLDER N [SECONDS] until FOLDER holds at least N (default 30 s)
    mailbox.py DIR reply FROM_USER TO_ADDR MESSAGE_ID SUBJECT TEXT
    mailbox.py DIR send FROM_USER TO_ADDR SUBJECT TEXT
    mailbox.py DIR deliver FROM_ADDR TO_ADDR SUBJECT TEXT   straight into TO's INBOX by LMTP
                                                (mail "from outside": no login, no Sent copy)
    mailbox.py DIR list USER                    one JSON object per mailbox: name, flags
    mailbox.py DIR raw USER FOLDER SEQ          the whole message number SEQ (1-based), as is
    mailbox.py DIR capability [USER]            CAPABILITY before and after login

DIR is the directory given to `.ci/mailsystem start`; its env file gives the ports, the CA
and the password. IMAP goes over STARTTLS on IMAP_PORT, or implicit TLS on IMAPS_PORT when
MAILBOX_IMAPS=1. Reply and send print the new message's Message-ID.
"""
import email.parser
import email.policy
import email.utils
import imaplib
import json
import os
import re
import shlex
import smtplib
import ssl
import sys
import time
from email.message import EmailMessage


def load_env(dir_):
    path = os.path.join(dir_, "env")
    env = {}
    try:
        with open(path) as f:
            for line in f:
                for tok in shlex.split(line, comments=True):
                    k, _, v = tok.partition("=")
                    env[k] = v
    except OSError as e:
        die("cannot read %s (is the mail system started?): %s" % (path, e))
    return env


def die(msg, code=1):
    print("mailbox.py: " + msg, file=sys.stderr)
    sys.exit(code)


def tls_context(env):
    return ssl.create_default_context(cafile=env["CA_FILE"])


# --- IMAP -------------------------------------------------------------------------------------

def imap_utf7(name):
    """A mailbox name in IMAP's modified UTF-7 (RFC 3501, 5.1.3)."""
    out, run = [], []

    def flush():
        if run:
            b = "".join(run).encode("utf-16-be")
            import base64
            out.append("&" + base64.b64encode(b).decode().rstrip("=").replace("/", ",") + "-")
            run.clear()

    for ch in name:
        if 0x20 <= ord(ch) <= 0x7E:
            flush()
            out.append("&-" if ch == "&" else ch)
        else:
            run.append(ch)
    flush()
    return "".join(out)


def imap_unutf7(name):
    import base64

    def dec(m):
        s = m.group(1)
        if s == "":
            return "&"
        s = s.replace(",", "/")
        s += "=" * (-len(s) % 4)
        return base64.b64decode(s).decode("utf-16-be")

    return re.sub(r"&([^-]*)-", dec, name)


def quote(name):
    name = imap_utf7(name)
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def imap_connect(env, user, login=True):
    ctx = tls_context(env)
    host = env.get("HOST", "127.0.0.1")
    if os.environ.get("MAILBOX_IMAPS") == "1":
        m = imaplib.IMAP4_SSL(host, int(env["IMAPS_PORT"]), ssl_context=ctx, timeout=30)
    else:
        m = imaplib.IMAP4(host, int(env["IMAP_PORT"]), timeout=30)
        m.starttls(ssl_context=ctx)
    if login:
        m.login(user, env["PASSWORD"])
    return m


def examine(m, folder):
    """Opens FOLDER read-only; returns its message count, or None when it does not exist."""
    try:
        typ, data = m.select(quote(folder), readonly=True)
    except imaplib.IMAP4.error:
        return None
    if typ != "OK":
        return None
    return int(data[0])


def count(env, user, folder):
    m = imap_connect(env, user)
    try:
        n = examine(m, folder)
        if n is None:
            die("no folder %r for %s" % (folder, user))
        return n
    finally:
        m.logout()


HEADER_FIELDS = "MESSAGE-ID FROM TO CC SUBJECT DATE IN-REPLY-TO REFERENCES"


def headers(env, user, folder):
    m = imap_connect(env, user)
    try:
        n = examine(m, folder)
        if n is None:
            die("no folder %r for %s" % (folder, user))
        if n == 0:
            return []
        typ, data = m.fetch("1:*", "(UID FLAGS BODY.PEEK[HEADER.FIELDS (%s)])" % HEADER_FIELDS)
        if typ != "OK":
            die("FETCH failed: %r" % data)
    finally:
        m.logout()
    out = []
    parser = email.parser.BytesHeaderParser(policy=email.policy.default)
    i = 0
    while i < len(data):
        item = data[i]
        if isinstance(item, tuple):
            meta, literal = item[0], item[1]
            # What follows the literal (e.g. " FLAGS (...))") belongs to the same response.
            if i + 1 < len(data) and isinstance(data[i + 1], bytes):
                meta += data[i + 1]
                i += 1
            meta = meta.decode("utf-8", "replace")
            h = parser.parsebytes(literal)
            flags = re.search(r"FLAGS \(([^)]*)\)", meta)
            uid = re.search(r"UID (\d+)", meta)
            seq = re.match(r"(\d+) ", meta)

            def get(name):
                v = h.get(name)
                return None if v is None else str(v).strip()

            out.append({
                "seq": int(seq.group(1)) if seq else None,
                "uid": int(uid.group(1)) if uid else None,
                "message_id": get("Message-ID"),
                "from": get("From"),
                "to": get("To"),
                "cc": get("Cc"),
                "subject": get("Subject"),
                "date": get("Date"),
                "in_reply_to": get("In-Reply-To"),
                "references": get("References"),
                "flags": flags.group(1).split() if flags else [],
            })
        i += 1
    return out


def wait(env, user, folder, n, seconds=30.0):
    deadline = time.time() + seconds
    have = None
    m = imap_connect(env, user)
    try:
        while True:
            have = examine(m, folder)
            if have is not None and have >= n:
                return have
            if time.time() >= deadline:
                break
            time.sleep(0.1)
    finally:
        m.logout()
    die("%s's %s holds %s message(s) after %g s, not %d" % (user, folder, have, seconds, n))


def list_mailboxes(env, user):
    m = imap_connect(env, user)
    try:
        typ, data = m.list('""', "*")
    finally:
        m.logout()
    out = []
    for line in data:
        if not line:
            continue
        if isinstance(line, tuple):
            line = line[0] + line[1]
        s = line.decode("utf-8", "replace")
        mm = re.match(r'\(([^)]*)\) (NIL|"(?:[^"\\]|\\.)*") (.*)$', s)
        if not mm:
            continue
        name = mm.group(3)
        if name.startswith('"'):
            name = re.sub(r'\\(.)', r'\1', name[1:-1])
        out.append({"name": imap_unutf7(name), "flags": mm.group(1).split()})
    return out


def raw(env, user, folder, seq):
    m = imap_connect(env, user)
    try:
        n = examine(m, folder)
        if n is None:
            die("no folder %r for %s" % (folder, user))
        if not 1 <= seq <= n:
            die("%s's %s holds %d message(s): no message %d" % (user, folder, n, seq))
        typ, data = m.fetch(str(seq), "(BODY.PEEK[])")
    finally:
        m.logout()
    for item in data:
        if isinstance(item, tuple):
            return item[1]
    die("no message %s in %s's %s" % (seq, user, folder))


def capability(env, user):
    ctx = tls_context(env)
    host = env.get("HOST", "127.0.0.1")
    lines = []
    m = imaplib.IMAP4(host, int(env["IMAP_PORT"]), timeout=30)
    lines.append("imap greeting:        " + m.welcome.decode())
    lines.append("imap pre-STARTTLS:    " + " ".join(m.capabilities))
    m.starttls(ssl_context=ctx)
    lines.append("imap after STARTTLS:  " + " ".join(m.capabilities))
    m.login(user, env["PASSWORD"])
    typ, data = m.capability()
    lines.append("imap after LOGIN:     " + data[0].decode())
    m.logout()
    m = imaplib.IMAP4_SSL(host, int(env["IMAPS_PORT"]), ssl_context=ctx, timeout=30)
    lines.append("imaps pre-login:      " + " ".join(m.capabilities))
    m.logout()
    with smtplib.SMTP(host, int(env["SUBMISSION_PORT"]), timeout=30) as s:
        s.ehlo("cartero.test")
        lines.append("submission EHLO:      " + " ".join(sorted(s.esmtp_features)))
        s.starttls(context=ctx)
        s.ehlo("cartero.test")
        lines.append("submission after TLS: " + " ".join(
            (k + " " + v.strip()).strip() for k, v in sorted(s.esmtp_features.items())))
    return lines


# --- SMTP -------------------------------------------------------------------------------------

def new_message(from_user, to_addr, subject, text, in_reply_to=None):
    msg = EmailMessage()
    msg["From"] = from_user
    msg["To"] = to_addr
    msg["Subject"] = subject
    msg["Date"] = email.utils.formatdate(localtime=True)
    domain = from_user.rpartition("@")[2] or "cartero.test"
    msg["Message-ID"] = email.utils.make_msgid(domain=domain)
    if in_reply_to:
        mid = in_reply_to.strip()
        if not mid.startswith("<"):
            mid = "<" + mid + ">"
        msg["In-Reply-To"] = mid
        msg["References"] = mid
    msg.set_content(text)
    return msg


def submit(env, from_user, msg, recipients=None):
    host = env.get("HOST", "127.0.0.1")
    with smtplib.SMTP(host, int(env["SUBMISSION_PORT"]), timeout=30) as s:
        s.ehlo("cartero.test")
        s.starttls(context=tls_context(env))
        s.ehlo("cartero.test")
        s.login(from_user, env["PASSWORD"])
        refused = s.send_message(msg, from_addr=from_user, to_addrs=recipients)
        if refused:
            die("recipients refused: %r" % refused)
    return msg["Message-ID"]


def deliver(env, from_addr, msg, recipients):
    host = env.get("HOST", "127.0.0.1")
    with smtplib.LMTP(host, int(env["LMTP_PORT"]), timeout=30) as s:
        refused = s.send_message(msg, from_addr=from_addr, to_addrs=recipients)
        if refused:
            die("recipients refused: %r" % refused)
    return msg["Message-ID"]


def re_subject(subject):
    return subject if re.match(r"(?i)re:", subject.strip()) else "Re: " + subject


def main(argv):
    if len(argv) < 3 or argv[1] in ("-h", "--help"):
        print(__doc__, file=sys.stderr)
        return 2
    env = load_env(argv[1])
    cmd, args = argv[2], argv[3:]

    def need(k):
        if len(args) != k:
            die("%s takes %d arguments (see --help)" % (cmd, k), 2)

    if cmd == "count":
        need(2)
        print(count(env, *args))
    elif cmd == "headers":
        need(2)
        for h in headers(env, *args):
            print(json.dumps(h, ensure_ascii=False))
    elif cmd == "wait":
        if len(args) not in (3, 4):
            die("wait takes USER FOLDER N [SECONDS]", 2)
        secs = float(args[3]) if len(args) == 4 else 30.0
        print(wait(env, args[0], args[1], int(args[2]), secs))
    elif cmd == "reply":
        need(5)
        from_user, to_addr, mid, subject, text = args
        msg = new_message(from_user, to_addr, re_subject(subject), text, in_reply_to=mid)
        print(submit(env, from_user, msg))
    elif cmd == "send":
        need(4)
        from_user, to_addr, subject, text = args
        print(submit(env, from_user, new_message(from_user, to_addr, subject, text)))
    elif cmd == "deliver":
        need(4)
        from_addr, to_addr, subject, text = args
        print(deliver(env, from_addr, new_message(from_addr, to_addr, subject, text), [to_addr]))
    elif cmd == "list":
        need(1)
        for mb in list_mailboxes(env, args[0]):
            print(json.dumps(mb, ensure_ascii=False))
    elif cmd == "raw":
        need(3)
        sys.stdout.buffer.write(raw(env, args[0], args[1], int(args[2])))
    elif cmd == "capability":
        if len(args) > 1:
            die("capability takes [USER]", 2)
        for line in capability(env, args[0] if args else "ana@example.com"):
            print(line)
    else:
        die("unknown command %r (see --help)" % cmd, 2)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except (OSError, imaplib.IMAP4.error, smtplib.SMTPException, ssl.SSLError) as e:
        die("%s: %s" % (type(e).__name__, e))
