"""Mock interviews: the rules of one sitting, kept apart from the pages that use them.

An interview is created from a template (its items are copied), with a link for the
candidate. Opening the link and pressing Start sets `started_at` and the deadline on the
server and binds the interview to that browser; the candidate then moves between items,
runs and submits code, writes answers, and either finishes early or runs out of time.

Time is enforced here, never in the browser:
- what changes the outcome (run, submit, moving between items) stops at the end of work:
  the deadline, or the moment the candidate finished;
- saving what is already typed (editor snapshots, written answers) is accepted for
  GRACE_S seconds more, so the work sent as the timer reaches zero is kept.
"""
import re
from datetime import datetime, timedelta

from sqlalchemy import func, select, update

from web import clock
from web.db import db
from web.enums import ItemKind
from web.errors import Refused
from web.hiring.catalogue_items import catalogue_title
from web.models import EditorSnapshot, Interview, InterviewItem, InterviewTemplate
from web.practice.submissions import check_code
from web.security import new_secret
from web.sittings import item_at
from web.text import check_answer, clean_name, visible_text

GRACE_S = 5
LINK_DAYS = (1, 3, 7, 14)
MIN_SNAPSHOT_GAP_S = 3  # closer snapshots of one item replace each other
MAX_SNAPSHOTS = 1500  # per interview; past it (or the byte budget) the latest is overwritten
MAX_SNAPSHOT_BYTES = 16 * 1024 * 1024
STATUS_LABELS = {"invited": "invited", "expired": "link expired", "revoked": "revoked",
                 "in_progress": "in progress", "finished": "finished"}


def status(interview: Interview, now: datetime | None = None) -> str:
    """invited, expired (never started, link too old), revoked, in_progress or finished."""
    now = now or clock.now()
    if interview.revoked_at is not None:
        return "revoked"
    if interview.started_at is None:
        return "expired" if now >= interview.link_expires_at else "invited"
    if interview.finished_at is not None or now > interview.deadline:
        return "finished"
    return "in_progress"


def end_of_work(interview: Interview) -> datetime | None:
    """When work stops (or stopped): the deadline, or earlier if the candidate finished."""
    if interview.started_at is None:
        return None
    ends = [interview.deadline, interview.finished_at, interview.revoked_at]
    return min(moment for moment in ends if moment is not None)


def seconds_left(interview: Interview, now: datetime | None = None) -> int | None:
    if interview.started_at is None:
        return None
    now = now or clock.now()
    return max(0, int((end_of_work(interview) - now).total_seconds()))


def require_work(interview: Interview) -> None:
    """Refuse (409) once the interview is over: runs, submissions, navigation."""
    state = status(interview)
    if state != "in_progress":
        raise Refused(_closed_message(state), 409)


def require_saving(interview: Interview) -> None:
    """Refuse (409) a save that comes later than GRACE_S after work stopped."""
    if interview.started_at is None or interview.revoked_at is not None or \
            clock.now() > end_of_work(interview) + timedelta(seconds=GRACE_S):
        raise Refused(_closed_message(status(interview)), 409)


def _closed_message(state: str) -> str:
    if state == "revoked":
        return "The interviewer has closed this interview; nothing more can be sent."
    if state in ("invited", "expired"):
        return "This interview has not started."
    return "Time is up: the interview is locked and your work so far has been saved."


def current_item(interview: Interview) -> InterviewItem | None:
    return item_at(interview, interview.current_position)


# --- creating and managing -----------------------------------------------------------------

EMAIL = re.compile(r"\A[^@\s]+@[^@\s]+\.[^@\s]+\Z")
MAX_NAME, MAX_EMAIL = 120, 254


def checked_link_days(days) -> int:
    if days not in LINK_DAYS:
        raise Refused("Choose how long the link stays valid.")
    return days


def create(template: InterviewTemplate, name: str | None, email: str | None, link_days,
           created_by: int) -> tuple[Interview, str]:
    """A new interview with a copy of the template's items; returns it and its link token."""
    name = clean_name(name, "The candidate's name", MAX_NAME)
    email = (email or "").strip()
    if len(email) > MAX_EMAIL or not EMAIL.match(email) or visible_text(email) != email:
        raise Refused("Give the candidate's e-mail address, like ada@example.com.")
    checked_link_days(link_days)
    missing = [item.ref_id for item in template.items
               if catalogue_title(item.kind, item.ref_id, template.team_id) is None]
    if not template.items or missing:
        raise Refused("This template has no items." if not template.items else
                          f"This template uses items no longer in the catalogue: "
                          f"{', '.join(missing)}. Remove them first.")
    token, digest = new_secret()
    now = clock.now()
    interview = Interview(
        team_id=template.team_id, template_id=template.id, title=template.name,
        candidate_name=name, candidate_email=email, duration_s=template.duration_minutes * 60,
        created_by=created_by, created_at=now, token_hash=digest,
        link_expires_at=now + timedelta(days=link_days), current_position=0)
    interview.items = [
        InterviewItem(position=item.position, kind=item.kind, ref_id=item.ref_id,
                      title=catalogue_title(item.kind, item.ref_id, template.team_id),
                      points=item.points)
        for item in template.items]
    db().add(interview)
    db().commit()
    return interview, token


def new_link(interview: Interview, link_days: int) -> str:
    """Replace the link (the old one stops working) and release the browser binding, so the
    candidate can carry on elsewhere (a crashed laptop, say); returns the new token."""
    checked_link_days(link_days)
    if status(interview) in ("finished", "revoked"):
        raise Refused("This interview is over; a new link would not reopen it.", 409)
    token, digest = new_secret()
    interview.token_hash = digest
    interview.browser_hash = interview.bound_at = None
    if interview.started_at is None:
        interview.link_expires_at = clock.now() + timedelta(days=link_days)
    db().commit()
    return token


def revoke(interview: Interview) -> None:
    """Withdraw the link; an interview under way stops at once (its work is kept)."""
    if interview.revoked_at is not None or status(interview) == "finished":
        raise Refused("This interview is already over.", 409)
    now = clock.now()
    close_segment(interview, now)
    interview.revoked_at = now
    db().commit()


# --- the candidate's sitting ----------------------------------------------------------------

def start(interview: Interview, browser_hash: str) -> bool:
    """Start the clock and bind to this browser; False when someone else got there first."""
    now = clock.now().replace(microsecond=0)  # whole seconds: a plain deadline to show
    started = db().execute(
        update(Interview).where(Interview.id == interview.id, Interview.started_at.is_(None),
                                Interview.revoked_at.is_(None),
                                Interview.link_expires_at > now)
        .values(started_at=now, deadline=now + timedelta(seconds=interview.duration_s),
                browser_hash=browser_hash, bound_at=now, current_position=0,
                position_since=now))
    db().commit()
    db().refresh(interview)
    return started.rowcount == 1


def rebind(interview: Interview, browser_hash: str) -> bool:
    """Carry a started interview on in this browser, once an interviewer released it."""
    rebound = db().execute(
        update(Interview).where(Interview.id == interview.id, Interview.browser_hash.is_(None),
                                Interview.started_at.is_not(None))
        .values(browser_hash=browser_hash, bound_at=clock.now()))
    db().commit()
    db().refresh(interview)
    return rebound.rowcount == 1


def close_segment(interview: Interview, until: datetime) -> None:
    """Add the time since the candidate opened the current item to that item."""
    item = current_item(interview)
    if interview.position_since is not None and item is not None:
        until = min(until, interview.deadline)
        item.seconds_spent += max(0, int((until - interview.position_since).total_seconds()))
    interview.position_since = None


def settle(interview: Interview) -> None:
    """Record the end of an interview whose time ran out (once the grace period is over)."""
    if interview.started_at is not None and interview.finished_at is None and \
            interview.revoked_at is None and \
            clock.now() > interview.deadline + timedelta(seconds=GRACE_S):
        close_segment(interview, interview.deadline)
        interview.finished_at = interview.deadline
        db().commit()


def move_to(interview: Interview, position: int) -> None:
    require_work(interview)
    if item_at(interview, position) is None:
        raise Refused(f"There is no item {position + 1} in this interview.", 404)
    if position != interview.current_position:
        now = clock.now()
        close_segment(interview, now)
        interview.current_position, interview.position_since = position, now
    db().commit()


def finish(interview: Interview) -> None:
    require_work(interview)
    now = clock.now()
    close_segment(interview, now)
    interview.finished_at = now
    db().commit()


def seconds_on(interview: Interview, item: InterviewItem) -> int:
    """Time spent on an item so far, counting the visit under way."""
    seconds = item.seconds_spent
    if item.position == interview.current_position and interview.position_since is not None:
        until = min(clock.now(), end_of_work(interview))
        seconds += max(0, int((until - interview.position_since).total_seconds()))
    return seconds


def save_answer(interview: Interview, item: InterviewItem, answer) -> None:
    require_saving(interview)
    if item.kind != ItemKind.QUESTION:
        raise Refused("This item takes code, not a written answer.")
    check_answer(answer)
    if answer != (item.answer or ""):
        item.answer, item.answer_saved_at = answer, clock.now()
    db().commit()


def save_snapshot(interview: Interview, item: InterviewItem, code, *,
                  force: bool = False) -> EditorSnapshot:
    """Keep the editor's content. Identical consecutive snapshots are stored once; one that
    follows the last within MIN_SNAPSHOT_GAP_S (unless forced, as at run and submit) or past
    the per-interview caps replaces it, so the latest code is always kept."""
    require_saving(interview)
    if item.kind != ItemKind.CHALLENGE:
        raise Refused("This item takes a written answer, not code.")
    size = check_code(code)
    now = clock.now()
    last = latest_snapshot(item.id)
    if last is not None and last.code == code:
        return last
    count, total = db().execute(
        select(func.count(), func.coalesce(func.sum(EditorSnapshot.size), 0))
        .where(EditorSnapshot.interview_id == interview.id)).one()
    crowded = count >= MAX_SNAPSHOTS or total + size > MAX_SNAPSHOT_BYTES
    recent = not force and (now - last.taken_at).total_seconds() < MIN_SNAPSHOT_GAP_S \
        if last is not None else False
    if last is not None and (crowded or recent):
        last.code, last.size, last.taken_at = code, size, now
        snapshot = last
    else:
        snapshot = EditorSnapshot(interview_id=interview.id, item_id=item.id, taken_at=now,
                                  code=code, size=size)
        db().add(snapshot)
    db().commit()
    return snapshot


def latest_snapshot(item_id: int) -> EditorSnapshot | None:
    return db().scalar(select(EditorSnapshot).where(EditorSnapshot.item_id == item_id)
                       .order_by(EditorSnapshot.id.desc()).limit(1))


def latest_snapshots(item_ids) -> dict[int, EditorSnapshot]:
    """item id -> its latest snapshot, in one query."""
    ids = list(item_ids)
    if not ids:
        return {}
    newest = (select(func.max(EditorSnapshot.id)).where(EditorSnapshot.item_id.in_(ids))
              .group_by(EditorSnapshot.item_id))
    rows = db().scalars(select(EditorSnapshot).where(EditorSnapshot.id.in_(newest))).all()
    return {row.item_id: row for row in rows}


def snapshots_of(item_id: int) -> list[EditorSnapshot]:
    return list(db().scalars(select(EditorSnapshot).where(EditorSnapshot.item_id == item_id)
                             .order_by(EditorSnapshot.id)))
