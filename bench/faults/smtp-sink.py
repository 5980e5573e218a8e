"""A mail server for bench/faults.sh: takes every message and appends one JSON line per recipient to a
file (recipient, subject, the X-Partnerskap-Reference header, when), so the run can count what was
delivered and what was delivered twice. aiosmtpd (Debian: python3-aiosmtpd) does the SMTP."""
import email
import json
import sys
import time

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, path):
        self.path = path

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content)
        with open(self.path, "a", encoding="utf-8") as out:
            for rcpt in envelope.rcpt_tos:
                out.write(json.dumps({"to": rcpt.lower(), "subject": str(message.get("Subject", "")),
                                      "reference": message.get("X-Partnerskap-Reference", ""),
                                      "at": time.time()}) + "\n")
        return "250 OK"


if __name__ == "__main__":
    port, path = int(sys.argv[1]), sys.argv[2]
    controller = Controller(Sink(path), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        controller.stop()
