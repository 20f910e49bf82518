"""Grade one stored submission and store its result: the one job every queue runs.

Claiming is a conditional update (queued -> running), so two workers can never grade the
same submission; storing is a conditional update too (running -> done), so a result is
written exactly once. The grader is injectable: the judge by default, a stand-in in unit tests.
"""
import json
import logging
from typing import Callable

from sqlalchemy import select, update

from judge.catalogue import Challenge
from judge.engine import grade
from judge.examples import run_examples
from judge.result import GradeResult
from judge.verdicts import Verdict
from web.models import Submission, utcnow

log = logging.getLogger(__name__)

Grader = Callable[[Challenge, str, str], GradeResult]  # (challenge, code, kind) -> result


def judge_grader(challenge: Challenge, code: str, kind: str) -> GradeResult:
    return run_examples(challenge, code) if kind == "run" else grade(challenge, code)


def claim_next(database) -> int | None:
    """Mark the oldest queued submission as running and return its id (runs go first)."""
    with database.session() as session:
        for kind in ("run", "submit"):
            candidates = session.scalars(
                select(Submission.id).where(Submission.status == "queued", Submission.kind == kind)
                .order_by(Submission.id).limit(5)).all()
            for submission_id in candidates:
                claimed = session.execute(
                    update(Submission).where(Submission.id == submission_id,
                                             Submission.status == "queued")
                    .values(status="running", started_at=utcnow(),
                            attempts=Submission.attempts + 1))
                if claimed.rowcount == 1:
                    session.commit()
                    return submission_id
    return None


def grade_submission(database, submission_id: int, challenges: dict, grader: Grader) -> None:
    """Grade a claimed submission and store the result; never raises for a bad submission."""
    with database.session() as session:
        submission = session.get(Submission, submission_id)
        if submission is None or submission.status != "running":
            return
        code, kind, challenge_id = submission.code, submission.kind, submission.challenge_id
    challenge = challenges.get(challenge_id)
    if challenge is None:
        result = failed_result(challenge_id, f"the challenge {challenge_id!r} no longer exists")
    else:
        try:
            result = grader(challenge, code, kind)
        except Exception as exc:  # grade() never raises; a stand-in or a bug might
            log.exception("grading submission %s failed", submission_id)
            result = failed_result(challenge_id, f"the judge failed: {type(exc).__name__}")
    store_result(database, submission_id, result)


def failed_result(challenge_id: str, message: str) -> GradeResult:
    return GradeResult(challenge=challenge_id, verdict=Verdict.INTERNAL_ERROR, score=0,
                       message=message)


def store_result(database, submission_id: int, result: GradeResult) -> bool:
    """Write the result once; False when the submission was not running (already stored)."""
    with database.session() as session:
        stored = session.execute(
            update(Submission).where(Submission.id == submission_id, Submission.status == "running")
            .values(status="done", verdict=result.verdict.value, score=result.score,
                    result_json=json.dumps(result.to_dict()), finished_at=utcnow()))
        return stored.rowcount == 1


def requeue_interrupted(database) -> int:
    """Put submissions left `running` by a stopped server back in the queue."""
    with database.session() as session:
        moved = session.execute(update(Submission).where(Submission.status == "running")
                                .values(status="queued", started_at=None))
        return moved.rowcount
