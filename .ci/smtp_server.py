"""An aiosmtpd server on 127.0.0.1 that writes each message it receives as a JSON line."""
import base64
import json
import sys
import time

from aiosmtpd.controller import Controller


class Recorder:
    def __init__(self, path):
        self.path = path

    async def handle_DATA(self, server, session, envelope):
        with open(self.path, "a") as f:
            f.write(json.dumps({
                "from": envelope.mail_from,
                "to": envelope.rcpt_tos,
                "data": base64.b64encode(envelope.original_content).decode(),
            }) + "\n")
        return "250 Message accepted for delivery"


port, path = int(sys.argv[1]), sys.argv[2]
controller = Controller(Recorder(path), hostname="127.0.0.1", port=port)
controller.start()
try:
    while True:
        time.sleep(1)
finally:
    controller.stop()
