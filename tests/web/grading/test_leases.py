"""Claims, leases, sweeps and the attempt limit: the rules that make redelivery harmless.

The clock is passed in (`now=`) rather than waited for, except for the one heartbeat test.
"""
import time
from datetime import timedelta
from types import SimpleNamespace

import pytest

from judge.result import GradeResult
from judge.verdicts import Verdict
from tests.web.conftest import fake_grader
from tests.web.helpers import add_submission, add_users, get_submission
from web.grading.celery_worker import sweep
from web.grading.lifecycle import (
    Claim,
    Heartbeat,
    claim,
    grade_submission,
    release_stale,
    renew_lease,
    requeue_interrupted,
    store_result,
)
from web.models import utcnow

LEASE_S = 60


@pytest.fixture
def database(app):
    return app.extensions["cvjudge.db"]


@pytest.fixture
def queued(app):
    user = add_users(app, "alice")[0]
    return lambda **kw: add_submission(app, user, "iou", status="queued", **kw)


def accepted() -> GradeResult:
    return GradeResult(challenge="iou", verdict=Verdict.ACCEPTED, score=100)


def later(seconds: float):
    return utcnow() + timedelta(seconds=seconds)


def test_only_one_claim_of_a_submission_succeeds(database, queued):
    submission_id = queued()
    assert claim(database, submission_id) == Claim(submission_id, 1)
    assert claim(database, submission_id) is None  # a redelivered message: dropped
    assert claim(database, 10**9) is None  # an unknown id


def test_a_live_lease_is_left_alone_and_an_expired_one_is_requeued(app, database, queued):
    submission_id = queued()
    claim(database, submission_id)
    assert len(release_stale(database, lease_s=LEASE_S, now=later(LEASE_S - 5))) == 0
    assert get_submission(app, submission_id).status == "running"
    released = release_stale(database, lease_s=LEASE_S, now=later(LEASE_S + 5))
    assert released.requeued == [submission_id]
    row = get_submission(app, submission_id)
    assert (row.status, row.started_at, row.attempts) == ("queued", None, 1)
    # a second sweep racing the first finds nothing left to do
    assert len(release_stale(database, lease_s=LEASE_S, now=later(LEASE_S + 5))) == 0


def test_a_renewed_lease_is_not_stolen(app, database, queued):
    submission_id = queued()
    claimed = claim(database, submission_id)
    before = get_submission(app, submission_id).started_at
    time.sleep(0.01)
    assert renew_lease(database, claimed)
    assert get_submission(app, submission_id).started_at > before


def test_only_the_latest_attempt_may_renew_or_store(app, database, queued):
    submission_id = queued()
    stale = claim(database, submission_id)
    release_stale(database, lease_s=LEASE_S, now=later(LEASE_S + 1))  # its grader went quiet
    current = claim(database, submission_id)
    assert current.attempt == 2
    assert not renew_lease(database, stale)
    assert store_result(database, submission_id, accepted(), attempt=stale.attempt) is False
    assert store_result(database, submission_id, accepted(), attempt=current.attempt) is True
    assert store_result(database, submission_id, accepted(), attempt=current.attempt) is False
    assert get_submission(app, submission_id).verdict == "accepted"


def test_grading_under_a_lost_claim_stores_nothing(app, database, queued):
    submission_id = queued()
    stale = claim(database, submission_id)
    release_stale(database, lease_s=LEASE_S, now=later(LEASE_S + 1))
    claim(database, submission_id)
    challenges = app.extensions["cvjudge.catalogue"].challenges
    assert grade_submission(database, submission_id, challenges, fake_grader,
                            attempt=stale.attempt) is False
    assert get_submission(app, submission_id).status == "running"  # still the new attempt's


def test_after_max_attempts_the_submission_ends_as_an_internal_error(app, database, queued):
    submission_id = queued()
    for attempt in (1, 2, 3):
        assert claim(database, submission_id).attempt == attempt
        released = release_stale(database, lease_s=LEASE_S, max_attempts=3,
                                 now=later(LEASE_S + 1))
    assert released.abandoned == [submission_id] and released.requeued == []
    row = get_submission(app, submission_id)
    assert (row.status, row.verdict, row.score, row.attempts) == ("done", "internal_error", 0, 3)
    assert "does not count against you" in row.result["message"]


def test_a_restart_gives_up_on_a_submission_that_already_used_its_attempts(app, database, queued):
    worn_out, fresh = queued(), queued()
    for _ in range(3):
        claim(database, worn_out)
        release_stale(database, lease_s=None, max_attempts=99)  # servers that kept dying
    claim(database, worn_out)
    claim(database, fresh)
    assert requeue_interrupted(database, max_attempts=3) == 2
    assert get_submission(app, worn_out).verdict == "internal_error"
    assert get_submission(app, fresh).status == "queued"


def test_the_heartbeat_renews_the_lease_while_grading(app, database, queued):
    submission_id = queued()
    claimed = claim(database, submission_id)
    first = get_submission(app, submission_id).started_at
    with Heartbeat(database, claimed, every_s=0.02):
        deadline = time.monotonic() + 10
        while get_submission(app, submission_id).started_at == first:
            assert time.monotonic() < deadline, "the lease was never renewed"
            time.sleep(0.02)


class RecordingQueue:
    """Stands in for the broker in the sweep: records what is sent, knows which were sent."""

    def __init__(self, marked=()):
        self.sent, self.marked, self.lanes = [], set(marked), {}

    def dispatch(self, submission_id, lane="practice"):
        self.sent.append(submission_id)
        self.lanes[submission_id] = lane

    def unsent(self, ids):
        return [i for i in ids if i not in self.marked]


def test_the_sweep_resends_released_and_lost_work_but_not_work_in_flight(app, database, queued):
    stuck = queued()
    claim(database, stuck)
    lost, in_flight = queued(days_ago=1), queued(days_ago=1)  # long queued; one still has a message
    just_queued = queued()  # its first message may still be on its way
    queue = RecordingQueue(marked={in_flight})
    config = {"LEASE_S": 0.0, "MAX_ATTEMPTS": 3, "SWEEP_S": 30}
    time.sleep(0.01)  # the claim's lease (0 s long) is now in the past
    counts = sweep(SimpleNamespace(config=config, database=database, queue=queue))
    assert counts == {"requeued": 1, "abandoned": 0, "republished": 1}
    assert queue.sent == [stuck, lost]
    assert just_queued not in queue.sent
