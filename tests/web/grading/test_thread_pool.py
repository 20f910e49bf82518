"""The in-process grading pool: grades what is queued, and what a stopped server left behind."""
import time

from sqlalchemy import select, update

from tests.web.conftest import fake_grader
from web.grading.thread_pool import InProcessPool
from web.models import Submission


def wait_until_done(database, ids, limit_s=20.0) -> dict:
    """Poll until every id is graded; returns id -> verdict (fails after `limit_s`)."""
    deadline = time.monotonic() + limit_s
    while True:
        with database.session() as session:
            rows = session.execute(select(Submission.id, Submission.status, Submission.verdict)
                                   .where(Submission.id.in_(ids))).all()
        if all(status == "done" for _, status, _ in rows) and len(rows) == len(ids):
            return {sid: verdict for sid, _, verdict in rows}
        assert time.monotonic() < deadline, f"not graded in time: {rows}"
        time.sleep(0.05)


def queue(database, user_id, code, status="queued") -> int:
    with database.session() as session:
        submission = Submission(user_id=user_id, challenge_id="iou", code=code, status=status)
        session.add(submission)
        session.flush()
        return submission.id


def test_pool_grades_queued_submissions_and_resumes_after_a_restart(app, make_user):
    database = app.extensions["cvjudge.db"]
    challenges = app.extensions["cvjudge.catalogue"].challenges
    user = make_user("ada")
    # what a server that stopped mid-grading leaves: one running, one still queued
    interrupted = queue(database, user, "# score=40", status="running")
    waiting = queue(database, user, "# score=100")
    pool = InProcessPool(database, challenges, workers=2, grader=fake_grader)
    pool.start()
    try:
        assert wait_until_done(database, [interrupted, waiting]) == {
            interrupted: "wrong_answer", waiting: "accepted"}
        later = queue(database, user, "# verdict=runtime_error\n# score=0")
        pool.notify()
        assert wait_until_done(database, [later]) == {later: "runtime_error"}
    finally:
        pool.stop()
    with database.session() as session:
        attempts = session.scalars(select(Submission.attempts).order_by(Submission.id)).all()
    assert attempts == [1, 1, 1]  # each graded exactly once


def test_a_crashing_grader_still_stores_an_internal_error(app, make_user):
    database = app.extensions["cvjudge.db"]
    challenges = app.extensions["cvjudge.catalogue"].challenges

    def broken(challenge, code, kind, progress=None):
        raise RuntimeError("the engine exploded")

    submission = queue(database, make_user("bob"), "def iou(a, b): return 0.0")
    gone = queue(database, make_user("cy"), "x = 1")  # its challenge was since removed
    with database.session() as session:
        session.execute(update(Submission).where(Submission.id == gone).values(challenge_id="gone"))
    pool = InProcessPool(database, challenges, workers=1, grader=broken)
    pool.start()
    try:
        assert wait_until_done(database, [submission, gone]) == {
            submission: "internal_error", gone: "internal_error"}
    finally:
        pool.stop()
