"""Redis stopped and restarted in the middle of a burst: once it is back, nothing is lost.

Without persistence Redis comes back empty (every waiting message and sent-marker gone): the
sweep finds the submissions still queued in the database and sends them again. With an
append-only file the messages come back, along with unacknowledged ones for submissions
already graded or being graded: those are dropped, never graded twice. While Redis is down
the API still takes submissions (202) and /healthz says which part is failing.
"""
import time

import pytest

from tests.scale.conftest import assert_stored_once
from tests.scale.test_burst import JOBS


@pytest.mark.parametrize("persistent", [False, True], ids=["no-persistence", "append-only"])
def test_nothing_is_lost_when_redis_restarts_during_a_burst(stack_factory, persistent):
    stack = stack_factory(persistent_redis=persistent)
    stack.start_worker()
    stack.start_worker()
    stack.start_web()
    jobs = [JOBS[n % len(JOBS)] for n in range(30)]
    ids = stack.submit_all([job for job, _ in jobs[:20]])
    while sum(row.status == "done" for row in stack.rows(ids).values()) < 4:
        time.sleep(0.1)
    stack.redis.stop(hard=not persistent)  # SIGKILL: nothing is saved on the way out

    status, health = stack.healthz()
    assert status == 503 and health["checks"]["broker"]["ok"] is False
    assert health["checks"]["database"]["ok"] is True
    ids += stack.submit_all([job for job, _ in jobs[20:]], threads=5)  # still 202 each
    stack.redis.start()

    rows = stack.wait_done(ids, limit_s=300)
    assert len(stack.rows()) == len(jobs)
    assert [rows[i].verdict for i in ids] == [expected for _, expected in jobs]
    assert_stored_once(stack, ids)
    assert stack.healthz()[0] == 200
    if not persistent:  # the lost messages were found and sent again by a sweep
        assert stack.events("republish"), stack.log_tail()
