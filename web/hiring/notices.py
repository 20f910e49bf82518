"""The e-mails of an interview: the invitation with the candidate's link and the deadline in
their time zone, a reminder before the link expires, and a notice to the interviewer when the
candidate finishes.

Every message goes through the outbox (OutgoingMail): it is written in the same transaction
as what caused it, then sent; a failed send is kept with its error, retried with backoff
(RETRY_AFTER) by the mail loop and shown on the interview's page, where it can be sent again.
A message is claimed before it is sent, so two processes never send it twice. Without SMTP
configured nothing is written and everything works as before.
"""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from flask import current_app
from sqlalchemy import select, update

from web import clock
from web.db import db
from web.errors import Refused
from web.hiring import links
from web.mailer import MailError, MailSettings, send
from web.models import Interview, OutgoingMail

RETRY_AFTER = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=15),
               timedelta(hours=1))  # then it is marked failed, and waits for "Send again"
CLAIM = timedelta(minutes=2)  # a claimed message not settled by then may be tried again
REMIND_BEFORE = timedelta(hours=24)
DEFAULT_TZ = "UTC"


def settings() -> MailSettings | None:
    return MailSettings.from_config(current_app.config)


def enabled() -> bool:
    return settings() is not None


def time_zones() -> list[str]:
    return sorted(available_timezones())


def checked_tz(name: str | None) -> str:
    name = (name or DEFAULT_TZ).strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise Refused(f"Unknown time zone “{name}”: choose one from the list.") from None
    return name


def local(moment: datetime, tz: str) -> str:
    """A stored (naive UTC) moment as the candidate reads it: `Friday 4 December 2026, 15:30
    (Europe/Paris, UTC+01:00)`."""
    there = moment.replace(tzinfo=ZoneInfo("UTC")).astimezone(ZoneInfo(tz))
    offset = there.strftime("%z")
    return (f"{there.strftime('%A')} {there.day} {there.strftime('%B %Y, %H:%M')} "
            f"({tz}, UTC{offset[:3]}:{offset[3:]})")


# --- writing messages -----------------------------------------------------------------------

def _queue(interview: Interview, kind: str, to: str, subject: str, body: str, base_url: str,
           send_after: datetime | None = None) -> OutgoingMail:
    mail = OutgoingMail(interview_id=interview.id, kind=kind, to_addr=to, subject=subject,
                        body=body, base_url=base_url.rstrip("/"), created_at=clock.now(),
                        send_after=send_after or clock.now(), status="pending", attempts=0)
    db().add(mail)
    return mail


def invite(interview: Interview, base_url: str) -> None:
    """Queue the invitation and its reminder (no-op without SMTP); the caller commits."""
    if not enabled():
        return
    minutes = interview.duration_s // 60
    body = (f"Hello {interview.candidate_name},\n\n"
            f"You are invited to a timed interview, “{interview.title}”: "
            f"{len(interview.items)} items in {minutes} minutes.\n\n"
            f"Open your personal link when you are ready:\n{{link}}\n\n"
            f"The clock starts only when you press Start on that page, which also says what is "
            f"recorded while you work. The link works until "
            f"{local(interview.link_expires_at, interview.candidate_tz)}.\n\n"
            f"Keep this link to yourself: it opens the interview in one browser only.\n")
    _queue(interview, "invitation", interview.candidate_email,
           f"Your interview: {interview.title}", body, base_url)
    _queue(interview, "reminder", interview.candidate_email,
           f"Reminder: your interview link expires soon ({interview.title})",
           body.replace("You are invited", "A reminder: you are invited"), base_url,
           send_after=reminder_time(interview))


def reminder_time(interview: Interview) -> datetime:
    """A day before the link expires, or halfway for a link of one day."""
    halfway = interview.created_at + (interview.link_expires_at - interview.created_at) / 2
    return max(halfway, interview.link_expires_at - REMIND_BEFORE)


def link_replaced(interview: Interview) -> None:
    """A new link: pending reminders follow its expiry (their link is rebuilt when sent)."""
    for mail in pending(interview, "reminder"):
        mail.send_after = reminder_time(interview)


def finished(interview: Interview) -> None:
    """Queue the notice to the interviewer, once; the caller commits."""
    if not enabled() or not interview.notify_email or pending(interview, "finished", any_state=True):
        return
    base = next((mail.base_url for mail in db().scalars(
        select(OutgoingMail).where(OutgoingMail.interview_id == interview.id).limit(1))), "")
    if not base:
        return  # no invitation was e-mailed: nobody asked to be told
    body = (f"{interview.candidate_name} has finished the interview “{interview.title}”.\n\n"
            f"The report: {base}/teams/{interview.team_id}/interviews/{interview.id}/report\n")
    _queue(interview, "finished", interview.notify_email,
           f"{interview.candidate_name} finished: {interview.title}", body, base)


def pending(interview: Interview, kind: str, any_state: bool = False) -> list[OutgoingMail]:
    query = select(OutgoingMail).where(OutgoingMail.interview_id == interview.id,
                                       OutgoingMail.kind == kind)
    if not any_state:
        query = query.where(OutgoingMail.status == "pending")
    return list(db().scalars(query))


def mails_of(interview: Interview) -> list[OutgoingMail]:
    return list(db().scalars(select(OutgoingMail).where(OutgoingMail.interview_id == interview.id)
                             .order_by(OutgoingMail.id)))


def send_again(interview: Interview, mail_id: int) -> None:
    mail = db().get(OutgoingMail, mail_id)
    if mail is None or mail.interview_id != interview.id:
        raise Refused("No such e-mail for this interview.", 404)
    if mail.status not in ("failed", "pending"):
        raise Refused("This e-mail was already sent.", 409)
    mail.status, mail.attempts, mail.send_after = "pending", 0, clock.now()
    db().commit()


# --- sending --------------------------------------------------------------------------------

def deliver_due(interview_id: int | None = None) -> int:
    """Send every message that is due (of one interview, or all); returns how many went."""
    config = settings()
    if config is None:
        return 0
    query = select(OutgoingMail.id).where(OutgoingMail.status == "pending",
                                          OutgoingMail.send_after <= clock.now())
    if interview_id is not None:
        query = query.where(OutgoingMail.interview_id == interview_id)
    sent = 0
    for mail_id in db().scalars(query.order_by(OutgoingMail.id)).all():
        sent += _deliver(config, mail_id)
    return sent


def _claim(mail: OutgoingMail) -> bool:
    """Take the message for this process (no other sends it meanwhile)."""
    now = clock.now()
    claimed = db().execute(
        update(OutgoingMail).where(OutgoingMail.id == mail.id, OutgoingMail.status == "pending",
                                   OutgoingMail.send_after == mail.send_after)
        .values(send_after=now + CLAIM))
    db().commit()
    return claimed.rowcount == 1


def _deliver(config: MailSettings, mail_id: int) -> bool:
    mail = db().get(OutgoingMail, mail_id)
    if mail is None or not _claim(mail):
        return False
    db().refresh(mail)
    interview = db().get(Interview, mail.interview_id)
    body = _filled(mail, interview)
    if body is None:
        mail.status = "cancelled"
        mail.last_error = "not needed any more: the candidate started, or the link is closed"
        db().commit()
        return False
    try:
        send(config, mail.to_addr, mail.subject, body)
    except MailError as failure:
        mail.attempts += 1
        mail.last_error = str(failure)
        if mail.attempts > len(RETRY_AFTER):
            mail.status = "failed"
        else:
            mail.send_after = clock.now() + RETRY_AFTER[mail.attempts - 1]
        db().commit()
        current_app.logger.warning("e-mail %s to %s failed: %s", mail.id, mail.to_addr, failure)
        return False
    mail.status, mail.sent_at, mail.last_error = "sent", clock.now(), None
    mail.attempts += 1
    db().commit()
    return True


def _filled(mail: OutgoingMail, interview: Interview) -> str | None:
    """The body with the candidate's link put in, or None when the message is moot."""
    if "{link}" not in mail.body:
        return mail.body
    not_started = interview.started_at is None and interview.revoked_at is None and \
        clock.now() < interview.link_expires_at
    token = links.recover(interview.link_nonce, interview.token_hash)
    if token is None or (mail.kind == "reminder" and not not_started) or \
            (mail.kind == "invitation" and interview.revoked_at is not None):
        return None
    return mail.body.replace("{link}", f"{mail.base_url}/i/{token}")
