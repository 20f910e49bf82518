"""Grade one stored submission and store its result: the one job every queue runs.

A submission moves queued -> running -> done, each step a conditional update, so any number
of graders (threads, Celery workers on other machines, a redelivered message) can race on it:

- claiming (queued -> running) adds one to `attempts`; that attempt number is the claim's
  fencing token: only the latest attempt may renew the lease or store a result.
- the lease: `started_at` is when the current attempt last showed it is alive (the claim,
  then a heartbeat while grading). A submission left running past its lease is released by
  `release_stale`: queued again, or, after `max_attempts` starts, done as `internal_error`
  (the judge's failure, never charged to the user).
- storing (running -> done, same attempt) writes the result exactly once.

The grader is injectable: the judge by default, a stand-in in unit tests.
"""
import json
import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Callable

from sqlalchemy import or_, select, update

from judge.catalogue import Challenge
from judge.custom import run_custom
from judge.engine import grade
from judge.examples import run_examples
from judge.result import GradeResult
from judge.verdicts import Verdict
from web.enums import Kind, Status
from web.grading.lanes import LANES, fair_order
from web.logs import event
from web.models import Submission, utcnow

log = logging.getLogger(__name__)

# (challenge, code, kind, progress=None[, custom_input=texts]) -> result; progress(index,
# count, property name); custom_input (parameter -> literal text) only for kind "custom"
Grader = Callable[..., GradeResult]
DEFAULT_MAX_ATTEMPTS = 3
PROGRESS_AFTER_S = 0.3  # a grading faster than this writes no progress at all


def judge_grader(challenge: Challenge, code: str, kind: str, progress=None,
                 custom_input=None) -> GradeResult:
    """The judge without warm sandboxes or prepared plans (one-off use, tests)."""
    if kind == Kind.CUSTOM:
        return run_custom(challenge, code, custom_input, progress=progress)
    if kind == Kind.RUN:
        return run_examples(challenge, code, progress=progress)
    return grade(challenge, code, progress=progress)


class JudgeGrader:
    """The judge for one long-lived grading process: warm sandboxes and prepared plans."""

    def __init__(self, challenges: dict, pool_size: int | None = None):
        from judge.service import GradingService

        self.service = GradingService(challenges, pool_size=pool_size)

    def start(self) -> "JudgeGrader":
        self.service.start()
        return self

    def close(self) -> None:
        self.service.close()

    def __call__(self, challenge: Challenge, code: str, kind: str, progress=None,
                 custom_input=None) -> GradeResult:
        if kind == Kind.CUSTOM:
            return self.service.run_custom(challenge, code, custom_input, progress)
        if kind == Kind.RUN:
            return self.service.run_examples(challenge, code, progress)
        return self.service.grade(challenge, code, progress)


@dataclass(frozen=True)
class Claim:
    submission_id: int
    attempt: int  # the fencing token: attempts as this claim left it


def _take(session, submission_id: int) -> Claim | None:
    taken = session.execute(
        update(Submission).where(Submission.id == submission_id, Submission.status == Status.QUEUED)
        .values(status=Status.RUNNING, started_at=utcnow(), attempts=Submission.attempts + 1,
                progress=None)
        .returning(Submission.attempts)).scalar_one_or_none()
    if taken is None:
        return None
    session.commit()
    event(log, "claimed", submission=submission_id, attempt=taken)
    return Claim(submission_id, taken)


def claim(database, submission_id: int) -> Claim | None:
    """Take this queued submission for grading; None when it is not queued (any more)."""
    with database.session() as session:
        return _take(session, submission_id)


def claim_next(database, lanes=LANES) -> int | None:
    """Claim the next queued submission of the first lane that has one, in fair order
    (web.grading.lanes); None when those lanes are empty."""
    with database.session() as session:
        for lane in lanes:
            for submission_id in fair_order(session, lane)[:5]:
                if _take(session, submission_id) is not None:
                    return submission_id
    return None


def report_progress(database, claimed: Claim, text: str) -> bool:
    """Say how far this attempt's grading got; False when it no longer holds the claim."""
    with database.session() as session:
        updated = session.execute(
            update(Submission).where(Submission.id == claimed.submission_id,
                                     Submission.status == Status.RUNNING,
                                     Submission.attempts == claimed.attempt)
            .values(progress=text[:120]))
        return updated.rowcount == 1


def progress_reporter(database, claimed: Claim, started: float):
    """A judge progress callback that stores "k/n name" once a grading is not instant."""
    def report(index: int, count: int, name: str) -> None:
        if time.monotonic() - started < PROGRESS_AFTER_S:
            return
        try:
            report_progress(database, claimed, f"{index + 1}/{count} {name}")
        except Exception as exc:  # progress is a courtesy: never let it stop a grading
            event(log, "progress_failed", logging.WARNING, submission=claimed.submission_id,
                  error=type(exc).__name__)
    return report


def renew_lease(database, claimed: Claim) -> bool:
    """Push the lease forward; False when this attempt no longer holds the submission."""
    with database.session() as session:
        renewed = session.execute(
            update(Submission).where(Submission.id == claimed.submission_id,
                                     Submission.status == Status.RUNNING,
                                     Submission.attempts == claimed.attempt)
            .values(started_at=utcnow()))
        return renewed.rowcount == 1


class Heartbeat:
    """Renews a claim's lease every `every_s` seconds on a thread while the block runs."""

    def __init__(self, database, claimed: Claim, every_s: float | None):
        self.database, self.claimed, self.every_s = database, claimed, every_s
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._beat, daemon=True,
                                       name=f"lease-{claimed.submission_id}")

    def __enter__(self):
        if self.every_s:
            self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopped.set()
        if self.thread.is_alive():
            self.thread.join(5)

    def _beat(self) -> None:
        while not self.stopped.wait(self.every_s):
            try:
                if not renew_lease(self.database, self.claimed):
                    event(log, "lease_lost", logging.WARNING,
                          submission=self.claimed.submission_id, attempt=self.claimed.attempt)
                    return
            except Exception as exc:  # the database blinked: try again at the next beat
                event(log, "heartbeat_failed", logging.WARNING,
                      submission=self.claimed.submission_id, error=type(exc).__name__)


def grade_submission(database, submission_id: int, challenges: dict, grader: Grader, *,
                     attempt: int | None = None, heartbeat_s: float | None = None) -> bool:
    """Grade a claimed submission and store the result; never raises for a bad submission.

    `attempt` pins the claim being served (the latest one when None); True when stored.
    """
    with database.session() as session:
        submission = session.get(Submission, submission_id)
        if submission is None or submission.status != Status.RUNNING or \
                (attempt is not None and submission.attempts != attempt):
            return False
        code, kind, challenge_id = submission.code, submission.kind, submission.challenge_id
        attempt = submission.attempts
        typed = json.loads(submission.custom_input or "{}") if kind == Kind.CUSTOM else None
    challenge = challenges.get(challenge_id)
    event(log, "grading", submission=submission_id, attempt=attempt, challenge=challenge_id,
          kind=kind)
    started = time.monotonic()
    if challenge is None:
        result = failed_result(challenge_id, f"the challenge {challenge_id!r} no longer exists")
    else:
        claimed = Claim(submission_id, attempt)
        with Heartbeat(database, claimed, heartbeat_s):
            try:
                extra = {"custom_input": typed} if kind == Kind.CUSTOM else {}
                result = grader(challenge, code, kind,
                                progress=progress_reporter(database, claimed, started), **extra)
            except Exception as exc:  # grade() never raises; a stand-in or a bug might
                log.exception("grading submission %s failed", submission_id)
                result = failed_result(challenge_id, f"the judge failed: {type(exc).__name__}")
    event(log, "graded", submission=submission_id, attempt=attempt, verdict=result.verdict.value,
          score=result.score, seconds=time.monotonic() - started)
    return store_result(database, submission_id, result, attempt=attempt)


def failed_result(challenge_id: str, message: str) -> GradeResult:
    return GradeResult(challenge=challenge_id, verdict=Verdict.INTERNAL_ERROR, score=0,
                       message=message)


def _finish(database, submission_id: int, result: GradeResult, *conditions) -> bool:
    with database.session() as session:
        stored = session.execute(
            update(Submission).where(Submission.id == submission_id, Submission.status == Status.RUNNING,
                                     *conditions)
            .values(status=Status.DONE, verdict=result.verdict.value, score=result.score, progress=None,
                    result_json=json.dumps(result.to_dict()), finished_at=utcnow()))
        return stored.rowcount == 1


def store_result(database, submission_id: int, result: GradeResult, *,
                 attempt: int | None = None) -> bool:
    """Write the result once; False when the submission was not running under this attempt."""
    conditions = () if attempt is None else (Submission.attempts == attempt,)
    stored = _finish(database, submission_id, result, *conditions)
    event(log, "stored" if stored else "store_refused", submission=submission_id,
          attempt=attempt, verdict=result.verdict.value, score=result.score)
    return stored


@dataclass
class Released:
    requeued: list[int] = field(default_factory=list)
    abandoned: list[int] = field(default_factory=list)  # stored as internal_error

    def __len__(self) -> int:
        return len(self.requeued) + len(self.abandoned)


def gave_up_message(attempts: int) -> str:
    return (f"Grading stopped {attempts} times before it could finish (the grading process "
            "died each time), so the judge gave up. This is the judge's failure: it does not "
            "count against you.")


def release_stale(database, *, lease_s: float | None, max_attempts: int = DEFAULT_MAX_ATTEMPTS,
                  now: datetime | None = None) -> Released:
    """Release running submissions whose lease ran out (every running one when lease_s is None).

    Safe to run from many workers at once: each row moves by a conditional update that only
    matches while it is still running, under the same attempt, with the lease still expired.
    """
    stale = [Submission.status == Status.RUNNING]
    if lease_s is not None:
        cutoff = (now or utcnow()) - timedelta(seconds=lease_s)
        stale.append(or_(Submission.started_at.is_(None), Submission.started_at < cutoff))
    with database.session() as session:
        rows = session.execute(select(Submission.id, Submission.attempts, Submission.challenge_id)
                               .where(*stale).order_by(Submission.id)).all()
    released = Released()
    for submission_id, attempts, challenge_id in rows:
        same = (*stale, Submission.attempts == attempts)
        if attempts >= max_attempts:
            if _finish(database, submission_id, failed_result(challenge_id, gave_up_message(attempts)),
                       *same):
                released.abandoned.append(submission_id)
                event(log, "abandoned", logging.WARNING, submission=submission_id, attempts=attempts)
            continue
        with database.session() as session:
            moved = session.execute(update(Submission).where(Submission.id == submission_id, *same)
                                    .values(status=Status.QUEUED, started_at=None))
        if moved.rowcount == 1:
            released.requeued.append(submission_id)
            event(log, "requeued", logging.WARNING, submission=submission_id, attempts=attempts)
    return released


def rejudge(session, submission_id: int, *practice_only) -> bool:
    """Queue a finished submission again (done -> queued, attempts from zero); False when it
    is not done (waiting or being graded already) or does not match `practice_only`.

    The caller announces it (web.grading.dispatch) once the change is committed."""
    moved = session.execute(update(Submission).where(Submission.id == submission_id,
                                                     Submission.status == Status.DONE,
                                                     *practice_only)
                            .values(status=Status.QUEUED, attempts=0))
    return moved.rowcount == 1


def requeue_interrupted(database, max_attempts: int = DEFAULT_MAX_ATTEMPTS) -> int:
    """Put submissions left `running` by a stopped server back in the queue (or give up)."""
    return len(release_stale(database, lease_s=None, max_attempts=max_attempts))


def queued_before(database, moment: datetime, limit: int = 1000) -> list[int]:
    """Ids of submissions still queued that were created before `moment`, oldest first."""
    with database.session() as session:
        return list(session.scalars(select(Submission.id)
                                    .where(Submission.status == Status.QUEUED,
                                           Submission.created_at < moment)
                                    .order_by(Submission.id).limit(limit)))
