"""An SMTP server on 127.0.0.1 that refuses every recipient, as the mail server of a domain whose
mailboxes are gone: `550 5.1.1 <address>: Recipient address rejected: User unknown`. Postfix,
routed here by its transport map, takes a letter at submission and then sends its sender a
bounce. Python's standard library only.

    python3 refusing_smtp.py PORT
"""
import asyncio
import re
import sys


async def session(reader, writer):
    def say(text):
        writer.write(text.encode("ascii") + b"\r\n")

    say("220 mx.dead.test ESMTP")
    await writer.drain()
    while True:
        line = await reader.readline()
        if not line:
            break
        command = line.decode("latin-1").strip()
        verb = command.split(" ", 1)[0].upper()
        if verb == "EHLO":
            say("250-mx.dead.test")
            say("250 8BITMIME")
        elif verb == "HELO":
            say("250 mx.dead.test")
        elif verb == "MAIL":
            say("250 2.1.0 Ok")
        elif verb == "RCPT":
            found = re.search(r"<[^>]*>", command)
            address = found.group(0) if found else "<>"
            say("550 5.1.1 %s: Recipient address rejected: User unknown" % address)
        elif verb == "DATA":
            say("554 5.5.1 Error: no valid recipients")
        elif verb in ("RSET", "NOOP"):
            say("250 2.0.0 Ok")
        elif verb == "QUIT":
            say("221 2.0.0 Bye")
            await writer.drain()
            break
        else:
            say("502 5.5.2 Error: command not recognized")
        await writer.drain()
    writer.close()


async def main(port):
    server = await asyncio.start_server(session, "127.0.0.1", port)
    async with server:
        await server.serve_forever()


asyncio.run(main(int(sys.argv[1])))
