"""Creating, finding and describing submissions; who may see what."""
import json

from flask import current_app
from sqlalchemy import func, select

from web import clock
from web.dates import iso
from web.db import db
from web.enums import Kind, Status
from web.errors import Refused
from web.grading.dispatch import dispatch
from web.grading.lanes import lane_of, waiting_text
from web.models import InterviewItem, Submission
from web.practice.catalogue import challenge_or_404
from web.practice.custom_input import checked_custom_input
from web.security import address_key
from web.text import check_text

PENDING_PER_ADDRESS = 10  # queued gradings from one address, whatever the accounts


def check_code(code) -> int:
    """The code's size in bytes; refuses what is not text, or larger than the limit."""
    size = check_text(code, "code", "Python source")
    limit = current_app.config["MAX_CODE_BYTES"]
    if size > limit:
        raise Refused(f"Your code is {size // 1024} KB; the limit is {limit // 1024} KB. "
                      "Remove unused code and try again.", 413)
    return size


def create_submission(user, challenge_id: str, code, kind: str = Kind.SUBMIT, *,
                      interview_item: InterviewItem | None = None,
                      custom_input=None) -> Submission:
    """Validate and queue; raises Refused with a message a person can act on.

    kind "custom" runs the code on `custom_input` (parameter name -> Python literal text),
    checked here first (web.practice.custom_input) so a mistake is answered at once.

    A candidate's submission has no user: it belongs to `interview_item`, goes through the
    same queue and grader, and never counts for the practice standings.
    """
    challenge = challenge_or_404(challenge_id)
    if kind not in Kind.ALL:
        raise Refused(f"kind must be one of {', '.join(Kind.ALL)}")
    typed = None
    if kind == Kind.CUSTOM:
        if interview_item is not None:
            raise Refused("Custom input is for practice, not for interview items.")
        typed = checked_custom_input(challenge, custom_input)
    check_code(code)
    if not code.strip():
        raise Refused("The code is empty.")
    pending = db().scalar(select(func.count()).select_from(Submission).where(
        _same_owner(user, interview_item), Submission.status != Status.DONE))
    if pending >= current_app.config["MAX_PENDING_PER_USER"]:
        raise Refused(f"You already have {pending} submissions waiting to be graded; "
                                "wait for one to finish.", 429)
    client = address_key()  # None outside a request (the CLI, a rejudge)
    if client is not None and db().scalar(select(func.count()).select_from(Submission).where(
            Submission.client_key == client, Submission.status != Status.DONE)) \
            >= current_app.config.get("MAX_PENDING_PER_ADDRESS", PENDING_PER_ADDRESS):
        raise Refused("Too many submissions from your network are waiting to be graded; "
                      "wait for some to finish.", 429)
    submission = Submission(user_id=user.id if interview_item is None else None,
                            interview_item_id=interview_item.id if interview_item else None,
                            challenge_id=challenge_id, kind=kind, code=code,
                            custom_input=typed, created_at=clock.now(), client_key=client)
    db().add(submission)
    db().commit()  # queued in the database first: the queue's message only announces it
    dispatch(submission.id, lane_of(submission.kind, submission.interview_item_id))
    return submission


def _same_owner(user, interview_item: InterviewItem | None):
    """Submissions of the same user, or of the same interview (for the pending limit)."""
    if interview_item is None:
        return Submission.user_id == user.id
    return Submission.interview_item_id.in_(
        select(InterviewItem.id).where(InterviewItem.interview_id == interview_item.interview_id))


def visible_submission(submission_id: int, viewer) -> Submission:
    """The submission, if `viewer` (a user, or an anonymous visitor) owns it or is an admin
    (403 otherwise).

    A candidate's submission is team data: it is shown only through the interview's own
    pages, so here it does not exist (404), even for an admin.
    """
    submission = db().get(Submission, submission_id)
    if submission is None or submission.user_id is None:
        raise Refused(f"no submission {submission_id}", 404)
    if not (viewer.is_authenticated and (submission.user_id == viewer.id or viewer.is_admin)):
        raise Refused("You can only see your own submissions.", 403)
    return submission


def history(user_id: int, challenge_id: str, limit: int = 50) -> list[Submission]:
    return list(db().scalars(
        select(Submission).where(Submission.user_id == user_id,
                                 Submission.challenge_id == challenge_id,
                                 Submission.kind == Kind.SUBMIT)
        .order_by(Submission.id.desc()).limit(limit)))


def latest_pending(user_id: int, challenge_id: str) -> Submission | None:
    return db().scalar(
        select(Submission).where(Submission.user_id == user_id,
                                 Submission.challenge_id == challenge_id,
                                 Submission.status != Status.DONE)
        .order_by(Submission.id.desc()).limit(1))


def to_json(submission: Submission, *, with_code: bool = False, with_result: bool = True) -> dict:
    data = {
        "id": submission.id, "challenge": submission.challenge_id, "kind": submission.kind,
        "status": submission.status, "verdict": submission.verdict, "score": submission.score,
        "user": submission.user.username if submission.user else None,
        "created_at": iso(submission.created_at), "finished_at": iso(submission.finished_at),
    }
    if submission.status != Status.DONE:
        data["waiting"] = waiting_text(db(), submission)
    if with_result:
        data["result"] = submission.result
    if submission.custom_input is not None:
        data["input"] = json.loads(submission.custom_input)
    if with_code:
        data["code"] = submission.code
    return data
