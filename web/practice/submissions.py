"""Creating, finding and describing submissions; who may see what."""
from flask import abort, current_app
from flask_login import current_user
from sqlalchemy import func, select

from web import clock
from web.db import db
from web.grading.dispatch import dispatch
from web.models import KINDS, InterviewItem, Submission
from web.practice.catalogue import challenge_or_404


class SubmissionRefused(Exception):
    """A submission we will not queue; `status` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message, self.status = message, status


def check_text(value, what: str, kind: str) -> int:
    """`value`'s size in UTF-8 bytes; refuses what is not a string, or holds a lone surrogate
    (JSON can carry one, no database stores it) or a NUL character."""
    if not isinstance(value, str):
        raise SubmissionRefused(f"{what} must be a string of {kind}")
    try:
        size = len(value.encode("utf-8"))
    except UnicodeEncodeError:
        raise SubmissionRefused(f"The {what} is not valid text: it contains a lone surrogate "
                                "character. Retype or remove it.") from None
    if "\x00" in value:
        raise SubmissionRefused(f"The {what} contains a NUL character (\\0), which {kind} "
                                "cannot hold. Remove it and try again.")
    return size


def check_code(code) -> int:
    """The code's size in bytes; refuses what is not text, or larger than the limit."""
    size = check_text(code, "code", "Python source")
    limit = current_app.config["MAX_CODE_BYTES"]
    if size > limit:
        raise SubmissionRefused(f"Your code is {size // 1024} KB; the limit is {limit // 1024} KB. "
                                "Remove unused code and try again.", 413)
    return size


def create_submission(user, challenge_id: str, code, kind: str = "submit", *,
                      interview_item: InterviewItem | None = None) -> Submission:
    """Validate and queue; raises SubmissionRefused with a message a person can act on.

    A candidate's submission has no user: it belongs to `interview_item`, goes through the
    same queue and grader, and never counts for the practice standings.
    """
    challenge_or_404(challenge_id)
    if kind not in KINDS:
        raise SubmissionRefused(f"kind must be one of {', '.join(KINDS)}")
    check_code(code)
    if not code.strip():
        raise SubmissionRefused("The code is empty.")
    pending = db().scalar(select(func.count()).select_from(Submission).where(
        _same_owner(user, interview_item), Submission.status != "done"))
    if pending >= current_app.config["MAX_PENDING_PER_USER"]:
        raise SubmissionRefused(f"You already have {pending} submissions waiting to be graded; "
                                "wait for one to finish.", 429)
    submission = Submission(user_id=user.id if interview_item is None else None,
                            interview_item_id=interview_item.id if interview_item else None,
                            challenge_id=challenge_id, kind=kind, code=code,
                            created_at=clock.now())
    db().add(submission)
    db().commit()  # queued in the database first: the queue's message only announces it
    dispatch(submission.id)
    return submission


def _same_owner(user, interview_item: InterviewItem | None):
    """Submissions of the same user, or of the same interview (for the pending limit)."""
    if interview_item is None:
        return Submission.user_id == user.id
    return Submission.interview_item_id.in_(
        select(InterviewItem.id).where(InterviewItem.interview_id == interview_item.interview_id))


def visible_submission_or_404(submission_id: int) -> Submission:
    """The submission, if the current user owns it or is an admin (403 otherwise).

    A candidate's submission is team data: it is shown only through the interview's own
    pages, so here it does not exist (404), even for an admin.
    """
    submission = db().get(Submission, submission_id)
    if submission is None or submission.user_id is None:
        abort(404, description=f"no submission {submission_id}")
    if not (current_user.is_authenticated and
            (submission.user_id == current_user.id or current_user.is_admin)):
        abort(403, description="You can only see your own submissions.")
    return submission


def history(user_id: int, challenge_id: str, limit: int = 50) -> list[Submission]:
    return list(db().scalars(
        select(Submission).where(Submission.user_id == user_id,
                                 Submission.challenge_id == challenge_id,
                                 Submission.kind == "submit")
        .order_by(Submission.id.desc()).limit(limit)))


def latest_pending(user_id: int, challenge_id: str) -> Submission | None:
    return db().scalar(
        select(Submission).where(Submission.user_id == user_id,
                                 Submission.challenge_id == challenge_id,
                                 Submission.status != "done")
        .order_by(Submission.id.desc()).limit(1))


def to_json(submission: Submission, *, with_code: bool = False, with_result: bool = True) -> dict:
    data = {
        "id": submission.id, "challenge": submission.challenge_id, "kind": submission.kind,
        "status": submission.status, "verdict": submission.verdict, "score": submission.score,
        "user": submission.user.username if submission.user else None,
        "created_at": iso(submission.created_at), "finished_at": iso(submission.finished_at),
    }
    if with_result:
        data["result"] = submission.result
    if with_code:
        data["code"] = submission.code
    return data


def iso(moment) -> str | None:
    return moment.isoformat(timespec="seconds") + "Z" if moment else None
