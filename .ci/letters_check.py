"""Makes a Markdown campaign of `cartero init`'s example, then checks what aiosmtpd received."""
import base64
import csv
import email
import email.policy
import json
import os
import re
import shutil
import subprocess
import sys

TEMPLATE = """Subject: {{ first_name }}, gracias por este {{ year }}

Hola, **{{ first_name }}**:

{% if note is defined %}{{ note }}

{% endif %}Antes de que se acabe el año quería escribirte en persona para darte las gracias por seguir a nuestro lado en este {{ year }}. Este año abrimos [la tienda en línea](https://ferreteria.example/tienda), por si te viene bien.

Un abrazo y felices fiestas,
"""
SIGNATURE = "Ana García\nFerretería García · 983 000 000\n![Ferretería García](logo.png)\n"


# The logo of the README's screenshot: a real PNG.
LOGO = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "logo-ferreteria.png"), "rb").read()


QUOTE = b"%PDF-1.4\n% presupuesto\n" + bytes(range(256)) * 40
CATALOGUE = b"%PDF-1.4\n% catalogo\n" + bytes(reversed(range(256))) * 20


def files():
    """The template, the signature with its logo, the catalogue, Pepi's quote and the column."""
    open("carta.md", "w", encoding="utf-8").write(TEMPLATE)
    open("firma.md", "w", encoding="utf-8").write(SIGNATURE)
    open("logo.png", "wb").write(LOGO)
    open("catálogo 2027.pdf", "wb").write(CATALOGUE)
    os.makedirs("presupuestos", exist_ok=True)
    open("presupuestos/presupuesto año.pdf", "wb").write(QUOTE)
    rows = list(csv.DictReader(open("clients.csv", encoding="utf-8")))
    fields = list(rows[0].keys()) + ["adjuntos"]
    for i, row in enumerate(rows):
        row["adjuntos"] = "presupuestos/presupuesto año.pdf" if i == 0 else ""
    with open("clients.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)


def dress():
    """An example campaign's cartero.toml made Markdown, signed, with files, in place."""
    toml = open("cartero.toml", encoding="utf-8").read()
    toml = re.sub(r'(?m)^(email = .*)$', r'\1\nsignature = "firma.md"', toml, count=1)
    toml = re.sub(r'(?m)^template = .*$', 'template = "carta.md"\nattachments = ["catálogo 2027.pdf"]', toml, count=1)
    open("cartero.toml", "w", encoding="utf-8").write(toml)
    files()


def story(preview_dir, client_copy, *sent):
    """What Dovecot's Sent holds is what preview wrote; the client's copy has the same parts."""
    previews = {}
    for name, raw in emls(preview_dir):
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        previews[msg["Message-ID"]] = raw
    assert len(sent) == len(previews), (len(sent), len(previews))
    for path in sent:
        raw = open(path, "rb").read()
        mid = email.message_from_bytes(raw, policy=email.policy.default)["Message-ID"]
        assert mid in previews, f"{mid} is no letter preview wrote"
        assert raw == previews[mid], f"{mid}: Sent holds other bytes than the preview"
    raw = open(client_copy, "rb").read()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    preview = previews.get(msg["Message-ID"])
    assert preview, f"{msg['Message-ID']} in the client's INBOX is no letter of this campaign"
    body = lambda b: b.split(b"\r\n\r\n", 1)[1].rstrip(b"\r\n")
    assert body(raw) == body(preview), "the client's copy has other parts than the preview"
    names = sorted(p.get_filename() for p in msg.iter_attachments() if p.get_content_disposition() == "attachment")
    assert names == ["catálogo 2027.pdf", "presupuesto año.pdf"], names
    print(f"letters: {len(sent)} Markdown letters in Sent as previewed, byte for byte; the client's copy carries the logo, the catalogue and the quote")


def make(port):
    with open("cartero.toml", "w", encoding="utf-8") as f:
        f.write(f"""[sender]
name = "Ana García"
email = "ana@example.com"
signature = "firma.md"

[campaign]
clients = "clients.csv"
template = "carta.md"
attachments = ["catálogo 2027.pdf"]

[smtp]
host = "127.0.0.1"
port = {port}
security = "none"
""")
    files()


def tree(part, depth=0):
    out = ["  " * depth + part.get_content_type()]
    if part.is_multipart():
        for p in part.iter_parts():
            out += tree(p, depth + 1)
    return out


def spam_score(raw):
    """SpamAssassin's score, its local tests only (nothing leaves this machine)."""
    done = subprocess.run(["spamassassin", "-L", "-t"], input=raw, capture_output=True, check=True)
    m = re.search(rb"X-Spam-Status: \w+, score=(-?[\d.]+)", done.stdout)
    assert m, done.stdout[:2000]
    return float(m.group(1)), done.stdout


def check(received_path, preview_dir, plain_dir, no_logo_dir, keep):
    got = [json.loads(line) for line in open(received_path)]
    # The first letter as received, for a look in a browser.
    open(keep, "wb").write(base64.b64decode(got[0]["data"]))
    previews = sorted(n for n in os.listdir(preview_dir) if n.endswith(".eml"))
    assert len(got) == len(previews), (len(got), len(previews))
    for i, (m, name) in enumerate(zip(got, previews)):
        raw = base64.b64decode(m["data"])
        preview = open(os.path.join(preview_dir, name), "rb").read()
        assert raw == preview, f"{name}: not the preview's bytes"
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        with_quote = i == 0
        want = ["multipart/mixed", "  multipart/alternative", "    text/plain", "    multipart/related",
                "      text/html", "      image/png", "  application/pdf"] + (["  application/pdf"] if with_quote else [])
        assert tree(msg) == want, (name, tree(msg))
        plain = msg.get_body(("plain",)).get_content().replace("\r\n", "\n")
        html = msg.get_body(("html",)).get_content()
        for mark in ("**", "](", "!["):
            assert mark not in plain, (name, mark, plain)
        assert "la tienda en línea (https://ferreteria.example/tienda)" in plain.replace("\n", " "), plain
        assert "-- \nAna García\nFerretería García · 983 000 000" in plain, repr(plain[-120:])
        assert "<strong>" in html and "<style" not in html and "charset=utf-8" in html, html
        logo = [p for p in msg.walk() if p.get_content_type() == "image/png"][0]
        cid = logo["Content-ID"].strip("<>")
        assert f'src="cid:{cid}"' in html, (cid, html)
        assert logo.get_content() == LOGO and logo.get_content_disposition() == "inline"
        files = {p.get_filename(): p.get_content() for p in msg.iter_attachments()
                 if p.get_content_disposition() == "attachment"}
        want_files = {"catálogo 2027.pdf": CATALOGUE}
        if with_quote:
            want_files["presupuesto año.pdf"] = QUOTE
        assert files == want_files, (name, sorted(files))
    print(f"letters: {len(got)} Markdown letters as previewed, byte for byte; parts, logo by Content-ID and files checked by Python's email")
    spam(got, plain_dir, no_logo_dir)


def emls(folder):
    return [(n, open(os.path.join(folder, n), "rb").read()) for n in sorted(os.listdir(folder)) if n.endswith(".eml")]


def spam(got, plain_dir, no_logo_dir):
    """The example's plain letters and Markdown ones score under 1.0; a logo in a short HTML
    letter costs SpamAssassin's HTML_IMAGE_ONLY_* alone, and stays far under its 5.0."""
    if not shutil.which("spamassassin"):
        sys.exit("letters: spamassassin is not installed")
    plain = [(n, spam_score(raw)) for n, raw in emls(plain_dir)]
    markdown = [(n, spam_score(raw)) for n, raw in emls(no_logo_dir)]
    for name, (s, out) in plain + markdown:
        assert s < 1.0, f"SpamAssassin scores {name} {s}:\n" + out.decode(errors="replace")[:3000]
    logo = [spam_score(base64.b64decode(m["data"])) for m in got]
    for s, out in logo:
        status = out.split(b"\n\n")[0].decode(errors="replace")
        rules = set(re.findall(r"([A-Z][A-Z0-9_]+)", status.split("tests=")[1].split("autolearn")[0]))
        big = rules - {"HTML_MESSAGE", "NO_RECEIVED", "NO_RELAYS", "MIME_HTML_MOSTLY"}
        assert s < 2.5 and all(r.startswith("HTML_IMAGE_ONLY") for r in big), status
    worst = lambda xs: max(s for _, (s, _) in xs)
    print(f"letters: SpamAssassin: {len(plain)} plain letters at most {worst(plain)}, "
          f"{len(markdown)} Markdown letters at most {worst(markdown)} (under 1.0); "
          f"with the logo at most {max(s for s, _ in logo)} (HTML_IMAGE_ONLY alone)")


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(int(sys.argv[2]))
    elif sys.argv[1] == "dress":
        dress()
    elif sys.argv[1] == "story":
        story(*sys.argv[2:])
    else:
        check(*sys.argv[2:7])
