"""The background side of interview e-mail: every MAIL_POLL_S seconds, close the interviews
whose time ran out (so their notice is written even if nobody looks) and send what is due
(retries, reminders, notices). One daemon thread per web process; the outbox's claims keep
several processes from sending a message twice. Started only when SMTP is configured."""
import threading

from sqlalchemy import select

from web import clock
from web.db import db
from web.hiring import interviews, notices
from web.models import Interview


def tick() -> int:
    """One round: settle timed-out interviews, then deliver what is due; returns mails sent."""
    running = db().scalars(select(Interview).where(
        Interview.started_at.is_not(None), Interview.finished_at.is_(None),
        Interview.revoked_at.is_(None), Interview.deadline < clock.now())).all()
    for interview in running:
        interviews.settle(interview)
    return notices.deliver_due()


def start(app) -> threading.Thread | None:
    if not app.config.get("SMTP_HOST") or app.config.get("TESTING"):
        return None
    stop = threading.Event()

    def run() -> None:
        while not stop.wait(app.config.get("MAIL_POLL_S", 30.0)):
            try:
                with app.app_context():
                    tick()
            except Exception:  # a broken round must not end the loop
                app.logger.exception("the interview mail loop failed a round")

    thread = threading.Thread(target=run, name="interview-mail", daemon=True)
    thread.start()
    app.extensions["cvjudge.mail_loop"] = stop
    return thread
