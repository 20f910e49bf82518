"""Sending one e-mail over SMTP, as configured by the environment (web.config):

    CVJUDGE_SMTP_HOST      no host: e-mail is off and nothing is ever sent
    CVJUDGE_SMTP_PORT      587 by default
    CVJUDGE_SMTP_SECURITY  starttls (default), tls (implicit TLS, port 465) or none
    CVJUDGE_SMTP_USER / CVJUDGE_SMTP_PASSWORD   log in when a user is given
    CVJUDGE_MAIL_FROM      the sender, like "cvjudge <interviews@example.com>"

Python's own smtplib and email packages do the work; a failure of any kind comes back as
MailError with a message fit to show an interviewer.
"""
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

SECURITY = ("starttls", "tls", "none")


class MailError(Exception):
    """Sending failed; the message says why (refused connection, bad login, …)."""


@dataclass(frozen=True)
class MailSettings:
    host: str
    port: int
    security: str
    user: str | None
    password: str | None
    sender: str
    timeout_s: float = 10.0

    @classmethod
    def from_config(cls, config) -> "MailSettings | None":
        """The settings, or None when no SMTP host is configured (e-mail off)."""
        if not config.get("SMTP_HOST"):
            return None
        security = config.get("SMTP_SECURITY") or "starttls"
        if security not in SECURITY:
            raise ValueError(f"CVJUDGE_SMTP_SECURITY must be one of {', '.join(SECURITY)}, "
                             f"not {security!r}")
        return cls(host=config["SMTP_HOST"], port=int(config.get("SMTP_PORT") or 587),
                   security=security, user=config.get("SMTP_USER") or None,
                   password=config.get("SMTP_PASSWORD") or None,
                   sender=config.get("MAIL_FROM") or f"cvjudge <cvjudge@{config['SMTP_HOST']}>",
                   timeout_s=float(config.get("SMTP_TIMEOUT_S") or 10.0))


def message(settings: MailSettings, to: str, subject: str, body: str) -> EmailMessage:
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = settings.sender, to, subject
    mail["Date"] = formatdate(localtime=False)
    mail["Message-ID"] = make_msgid(domain=settings.host)
    mail.set_content(body)
    return mail


def send(settings: MailSettings, to: str, subject: str, body: str) -> None:
    """Deliver one plain-text message to the SMTP server, or raise MailError."""
    try:
        if settings.security == "tls":
            server = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout_s,
                                      context=ssl.create_default_context())
        else:
            server = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout_s)
        with server:
            if settings.security == "starttls":
                server.starttls(context=ssl.create_default_context())
            if settings.user:
                server.login(settings.user, settings.password or "")
            server.send_message(message(settings, to, subject, body))
    except (OSError, smtplib.SMTPException) as failure:
        raise MailError(f"{type(failure).__name__}: {failure}"[:500]) from failure
