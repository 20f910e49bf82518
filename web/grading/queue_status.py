"""`cvjudge status`: how much work waits, who is grading it, and the oldest waiting submission."""
from datetime import timedelta

from sqlalchemy import func, select

from web.enums import Status
from web.models import Submission, utcnow


def queue_status(database, broker=None, *, lease_s: float) -> dict:
    """A snapshot as plain data; unreachable parts are reported as not ok, never raised."""
    now = utcnow()
    status = {"queue": "celery" if broker is not None else "in-process"}
    try:
        with database.session() as session:
            counts = dict(session.execute(select(Submission.status, func.count())
                                          .where(Submission.status != Status.DONE)
                                          .group_by(Submission.status)).all())
            stale = session.scalar(select(func.count()).select_from(Submission).where(
                Submission.status == Status.RUNNING,
                Submission.started_at < now - timedelta(seconds=lease_s)))
            oldest = session.execute(select(Submission.id, Submission.created_at)
                                     .where(Submission.status == Status.QUEUED)
                                     .order_by(Submission.id).limit(1)).first()
        status["database"] = {"ok": True}
        status.update(queued=counts.get(Status.QUEUED, 0), running=counts.get(Status.RUNNING, 0),
                      past_lease=stale,
                      oldest_queued=None if oldest is None else
                      {"id": oldest.id, "age_s": round((now - oldest.created_at).total_seconds(), 1)})
    except Exception as exc:
        status["database"] = {"ok": False, "error": type(exc).__name__}
    if broker is not None:
        try:
            status["broker"] = {"ok": True, "waiting_messages": broker.depth(),
                                "workers": broker.workers()}
        except Exception as exc:
            status["broker"] = {"ok": False, "error": type(exc).__name__}
    return status


def describe(status: dict) -> str:
    """The snapshot for a person."""
    lines = []
    if status["database"]["ok"]:
        lines.append(f"queue ({status['queue']}): {status['queued']} queued, "
                     f"{status['running']} running ({status['past_lease']} past their lease)")
        oldest = status["oldest_queued"]
        lines.append("oldest queued: none" if oldest is None else
                     f"oldest queued: #{oldest['id']}, waiting {oldest['age_s']:.0f} s")
    else:
        lines.append(f"database: unreachable ({status['database']['error']})")
    broker = status.get("broker")
    if broker is not None:
        if broker["ok"]:
            workers = broker["workers"]
            lines.append(f"broker: {broker['waiting_messages']} messages waiting")
            lines.append(f"workers seen: {len(workers)}" + (f" ({', '.join(workers)})" if workers else ""))
        else:
            lines.append(f"broker: unreachable ({broker['error']})")
    return "\n".join(lines)
