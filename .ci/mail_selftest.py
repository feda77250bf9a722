#!/usr/bin/python3
"""End-to-end checks of a running CI mail system: `.ci/mailsystem selftest DIR`.

Starts nothing. Counts are taken relative to what the folders held before, so it can run
against a system that is already in use. Leaves files-sent as it found it.
"""
import base64
import imaplib
import os
import smtplib
import ssl
import subprocess
import sys
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mailbox as mb  # noqa: E402  (the .ci/mailbox.py beside this file)

HERE = os.path.dirname(os.path.abspath(__file__))
ANA, PEPI, LUCIA = "ana@example.com", "pepi.ruiz@example.com", "lucia.ortega@example.es"
passed = 0


class Failure(Exception):
    pass


def check(cond, what):
    global passed
    if not cond:
        raise Failure(what)
    passed += 1
    print("ok: " + what)


def mailsystem(*args):
    subprocess.run(["bash", os.path.join(HERE, "mailsystem"), *args], check=True)


def files_sent_state(dir_):
    try:
        return open(os.path.join(dir_, "files-sent")).read().strip() or "off"
    except OSError:
        return "off"


def main(dir_):
    env = mb.load_env(dir_)
    host = env.get("HOST", "127.0.0.1")
    tag = uuid.uuid4().hex[:8]
    ctx = mb.tls_context(env)

    def count(user, folder):
        m = mb.imap_connect(env, user)
        try:
            n = mb.examine(m, folder)
        finally:
            m.logout()
        return 0 if n is None else n

    def ids(user, folder):
        return [h["message_id"] for h in mb.headers(env, user, folder)]

    # 1. Submission with STARTTLS + AUTH to two domains; each INBOX receives it.
    before = {u: count(u, "INBOX") for u in (PEPI, LUCIA)}
    msg = mb.new_message(ANA, "%s, %s" % (PEPI, LUCIA), "selftest %s: hola" % tag, "Hola a las dos.\n")
    t0 = time.time()
    mid = mb.submit(env, ANA, msg)
    for u in (PEPI, LUCIA):
        mb.wait(env, u, "INBOX", before[u] + 1, 30)
    took = time.time() - t0
    for u in (PEPI, LUCIA):
        check(mid in ids(u, "INBOX"), "%s's INBOX received %s (submission -> INBOX %.2f s)" % (u, mid, took))

    # 2. No AUTH, no mail, without STARTTLS on submission.
    with smtplib.SMTP(host, int(env["SUBMISSION_PORT"]), timeout=30) as s:
        s.ehlo("cartero.test")
        check("auth" not in s.esmtp_features, "submission offers no AUTH before STARTTLS")
        check("starttls" in s.esmtp_features, "submission offers STARTTLS")
        cred = base64.b64encode(("\0%s\0%s" % (ANA, env["PASSWORD"])).encode()).decode()
        code, resp = s.docmd("AUTH", "PLAIN " + cred)
        check(500 <= code < 600, "plaintext AUTH PLAIN refused before STARTTLS (%d %s)" % (code, resp.decode()))
        code, resp = s.docmd("MAIL", "FROM:<%s>" % ANA)
        check(500 <= code < 600, "MAIL FROM refused before STARTTLS (%d %s)" % (code, resp.decode()))
    # ... nor with a wrong password, nor without login.
    with smtplib.SMTP(host, int(env["SUBMISSION_PORT"]), timeout=30) as s:
        s.starttls(context=ctx)
        try:
            s.login(ANA, "not-the-password")
            ok = False
        except smtplib.SMTPAuthenticationError:
            ok = True
        check(ok, "a wrong password is refused on submission")
        code, _ = s.docmd("MAIL", "FROM:<%s>" % ANA)
        if code == 250:
            code, resp = s.docmd("RCPT", "TO:<%s>" % PEPI)
        check(500 <= code < 600, "no relaying without login (%d)" % code)
    # The certificate verifies by name (localhost) too, not only by IP.
    with smtplib.SMTP("localhost" if host == "127.0.0.1" else host,
                      int(env["SUBMISSION_PORT"]), timeout=30) as s:
        s.starttls(context=ctx)
        check(s.sock.version() in ("TLSv1.2", "TLSv1.3"), "STARTTLS as 'localhost' verifies (%s)" % s.sock.version())
    # IMAP: wrong password refused; IMAPS works.
    m = mb.imap_connect(env, ANA, login=False)
    try:
        m.login(ANA, "wrong")
        ok = False
    except imaplib.IMAP4.error:
        ok = True
    m.logout()
    check(ok, "a wrong password is refused on IMAP")
    os.environ["MAILBOX_IMAPS"] = "1"
    try:
        n = count(PEPI, "INBOX")
    finally:
        del os.environ["MAILBOX_IMAPS"]
    check(n >= 1, "IMAPS (implicit TLS) reads pepi's INBOX (%d)" % n)

    # 3. Special-use mailboxes.
    boxes = {b["name"]: b["flags"] for b in mb.list_mailboxes(env, ANA)}
    for name, flag in (("Sent", "\\Sent"), ("Drafts", "\\Drafts"), ("Trash", "\\Trash"), ("Junk", "\\Junk")):
        check(flag in boxes.get(name, []), "LIST shows %s with %s" % (name, flag))

    # 4. files-sent: on files exactly one copy into the sender's Sent; off files none.
    initial = files_sent_state(dir_)
    try:
        mailsystem("files-sent", dir_, "on")
        sent0, pepi0 = count(ANA, "Sent"), count(PEPI, "INBOX")
        msg = mb.new_message(ANA, PEPI, "selftest %s: con copia" % tag, "Con copia en Enviados.\n")
        t0 = time.time()
        mid = mb.submit(env, ANA, msg)
        mb.wait(env, ANA, "Sent", sent0 + 1, 30)
        took = time.time() - t0
        mb.wait(env, PEPI, "INBOX", pepi0 + 1, 30)
        time.sleep(1)
        hs = mb.headers(env, ANA, "Sent")
        check(len(hs) == sent0 + 1, "files-sent on: ana's Sent got exactly one copy (%.2f s)" % took)
        copy = [h for h in hs if h["message_id"] == mid]
        check(len(copy) == 1 and "\\Seen" in copy[0]["flags"], "the Sent copy is %s and \\Seen" % mid)

        mailsystem("files-sent", dir_, "off")
        sent1, pepi1 = count(ANA, "Sent"), count(PEPI, "INBOX")
        msg = mb.new_message(ANA, PEPI, "selftest %s: sin copia" % tag, "Sin copia.\n")
        mid = mb.submit(env, ANA, msg)
        mb.wait(env, PEPI, "INBOX", pepi1 + 1, 30)
        time.sleep(1.5)
        check(count(ANA, "Sent") == sent1, "files-sent off: ana's Sent did not grow")
    finally:
        if files_sent_state(dir_) != initial:
            mailsystem("files-sent", dir_, initial)

    # 5. A reply from pepi lands in ana's INBOX, threaded.
    ana0 = count(ANA, "INBOX")
    rmsg = mb.new_message(PEPI, ANA, mb.re_subject("selftest %s: con copia" % tag), "¡Gracias, Ana!\n",
                          in_reply_to=mid)
    rid = mb.submit(env, PEPI, rmsg)
    mb.wait(env, ANA, "INBOX", ana0 + 1, 30)
    got = [h for h in mb.headers(env, ANA, "INBOX") if h["message_id"] == rid]
    check(len(got) == 1 and got[0]["in_reply_to"] == mid and got[0]["references"] == mid,
          "pepi's reply is in ana's INBOX with In-Reply-To/References %s" % mid)
    check(got[0]["subject"].startswith("Re: selftest"), "the reply's subject is %r" % got[0]["subject"])

    # 6. Mail "from outside" straight by LMTP, to a domain never seen before.
    stranger = "x.%s@example.org" % tag
    msg = mb.new_message("someone@elsewhere.test", stranger, "selftest %s: lmtp" % tag, "Hi.\n")
    mb.deliver(env, "someone@elsewhere.test", msg, [stranger])
    check(mb.wait(env, stranger, "INBOX", 1, 30) == 1, "LMTP delivery to a new user of a new domain")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: mail_selftest.py DIR", file=sys.stderr)
        sys.exit(2)
    try:
        main(sys.argv[1])
    except Failure as e:
        print("FAILED: " + str(e), file=sys.stderr)
        print("selftest: %d passed, 1 failed" % passed)
        sys.exit(1)
    except SystemExit as e:
        # mailbox.py's die(): its message is printed already.
        if e.code:
            print("selftest: %d passed, 1 failed" % passed)
        raise
    except (OSError, imaplib.IMAP4.error, smtplib.SMTPException, ssl.SSLError,
            subprocess.CalledProcessError) as e:
        print("FAILED: %s: %s" % (type(e).__name__, e), file=sys.stderr)
        print("selftest: %d passed, 1 failed" % passed)
        sys.exit(1)
    print("selftest: %d passed, 0 failed" % passed)
