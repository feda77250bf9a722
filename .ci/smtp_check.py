"""Checks what aiosmtpd received: the test run to the sender, then one message per client."""
import base64
import csv
import email
import email.policy
import json
import sys

path, clients_csv, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
got = [json.loads(line) for line in open(path)]
clients = [row["email"].lower() for row in csv.DictReader(open(clients_csv, encoding="utf-8"))]
assert len(clients) == n, (len(clients), n)
assert len(got) == 2 * n, f"expected {n} test messages and {n} real ones, got {len(got)}"

tests, real = got[:n], got[n:]
for m in tests:
    assert m["to"] == ["ana@example.com"], m["to"]
    msg = email.message_from_bytes(base64.b64decode(m["data"]), policy=email.policy.default)
    assert msg["Subject"].startswith("[test] "), msg["Subject"]

seen = set()
for m in real:
    assert len(m["to"]) == 1, m["to"]
    rcpt = m["to"][0].lower()
    assert rcpt in clients and rcpt not in seen, rcpt
    seen.add(rcpt)
    msg = email.message_from_bytes(base64.b64decode(m["data"]), policy=email.policy.default)
    assert [a.addr_spec.lower() for a in msg["To"].addresses] == [rcpt]
    assert msg["Cc"] is None and msg["Bcc"] is None
    assert msg["From"].addresses[0].addr_spec == "ana@example.com"
    assert msg["Message-ID"] and msg["Date"] and msg["Subject"]
    assert msg.get_content_type() == "text/plain"
    body = msg.get_content()
    assert "Ana García" in body, body
assert seen == set(clients)
print(f"aiosmtpd: {n} messages, one per client, each to its client alone; {n} test messages to the sender")
print(f"aiosmtpd: {2 * n} passed, 0 failed")
