"""A real SMTP server (aiosmtpd) on a free local port, for the e-mail tests: every message it
receives is parsed and kept, in order."""
import email
import socket
import time
from contextlib import contextmanager
from email.message import EmailMessage
from email.policy import default

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """aiosmtpd's handler: keeps what arrives."""

    def __init__(self, port: int):
        self.port = port
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=default))
        return "250 Message accepted"

    def wait_for(self, count: int, timeout_s: float = 15.0) -> list[EmailMessage]:
        deadline = time.monotonic() + timeout_s
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(self.messages) >= count, f"{len(self.messages)} message(s), not {count}"
        return self.messages

    @staticmethod
    def text(message: EmailMessage) -> str:
        return message.get_body(("plain",)).get_content()


@contextmanager
def smtp_inbox(port: int | None = None):
    """Yields an Inbox while the server listens on 127.0.0.1:`port` (a free one if None)."""
    inbox = Inbox(port or free_port())
    controller = Controller(inbox, hostname="127.0.0.1", port=inbox.port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


def mail_config(port: int) -> dict:
    """The app settings that send through the test server (plain SMTP on localhost)."""
    return {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": port, "SMTP_SECURITY": "none",
            "SMTP_TIMEOUT_S": 5.0, "MAIL_FROM": "cvjudge <interviews@example.com>"}
