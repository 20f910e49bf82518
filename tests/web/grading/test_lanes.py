"""Lanes and fair order: runs first and never behind practice work, each user's k-th job
behind everyone's earlier ones, and what a waiting submission is told."""
import threading
import time

import pytest

from tests.web.conftest import fake_grader
from tests.web.grading.test_thread_pool import wait_until_done
from tests.web.helpers import add_submission, post_json, session
from web.grading.lanes import INTERACTIVE, PRACTICE, fair_order, lane_of, waiting_text
from web.grading.lifecycle import claim_next
from web.grading.thread_pool import InProcessPool
from web.models import Submission


@pytest.fixture
def database(app):
    return app.extensions["cvjudge.db"]


def queued(app, user, kind="submit", code="def f(): pass"):
    return add_submission(app, user, kind=kind, status="queued", score=None, code=code)


def test_runs_and_interview_work_are_the_interactive_lane():
    assert lane_of("run", None) == INTERACTIVE and lane_of("submit", 7) == INTERACTIVE
    assert lane_of("submit", None) == PRACTICE


def test_runs_are_claimed_before_older_practice_submissions(app, make_user, database):
    ada = make_user("ada")
    practice = queued(app, ada)
    run = queued(app, ada, kind="run")
    assert claim_next(database) == run
    assert claim_next(database, (INTERACTIVE,)) is None  # an interactive grader leaves practice
    assert claim_next(database) == practice


def test_a_users_third_job_waits_behind_other_users_first(app, make_user):
    ada, bob, cy = make_user("ada"), make_user("bob"), make_user("cy")
    a1, a2, a3 = queued(app, ada), queued(app, ada), queued(app, ada)
    b1 = queued(app, bob)
    c1, c2 = queued(app, cy), queued(app, cy)
    with session(app) as s:
        assert fair_order(s, PRACTICE) == [a1, b1, c1, a2, c2, a3]
    running = add_submission(app, ada, status="running", score=None)
    with session(app) as s:
        assert fair_order(s, PRACTICE)[:3] == [b1, c1, a1]
        s.get(Submission, running).status = "done"


def test_waiting_text_says_where_a_submission_is(app, make_user):
    ada, bob = make_user("ada"), make_user("bob")
    first, second = queued(app, ada), queued(app, bob)
    with session(app) as s:
        assert waiting_text(s, s.get(Submission, first)) == "Queued: next to be graded…"
        assert waiting_text(s, s.get(Submission, second)).startswith("Queued: 1 ahead (about ")
        row = s.get(Submission, first)
        row.status, row.progress = "running", "3/9 tied_scores"
        s.flush()
        assert waiting_text(s, row) == "Running property 3 of 9 (tied_scores)…"
        assert waiting_text(s, s.get(Submission, second)) == "Queued: next to be graded…"


def test_the_api_shows_the_waiting_text(app, make_user, login):
    browser = login("ada")
    response = post_json(browser, "/api/v1/submissions", {"challenge": "iou",
                                                           "code": "def iou(a, b):\n    return 0\n"})
    body = browser.client.get(f"/api/v1/submissions/{response.get_json()['id']}").get_json()
    assert body["status"] == "queued" and body["waiting"] == "Queued: next to be graded…"


def test_a_run_is_graded_while_slow_practice_work_holds_every_general_grader(app, make_user,
                                                                              database):
    """Two grading threads busy with slow submissions; the interactive thread takes the run."""
    release = threading.Event()

    def grader(challenge, code, kind, progress=None):
        if "slow" in code:
            release.wait(30)
        return fake_grader(challenge, code, kind)

    challenges = app.extensions["cvjudge.catalogue"].challenges
    ada, bob = make_user("ada"), make_user("bob")
    slow = [queued(app, ada, code="# slow"), queued(app, bob, code="# slow")]
    pool = InProcessPool(database, challenges, workers=2, grader=grader, interactive_workers=1)
    pool.start()
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with session(app) as s:
                if all(s.get(Submission, i).status == "running" for i in slow):
                    break
            time.sleep(0.02)
        run = queued(app, make_user("cy"), kind="run")
        pool.notify()
        assert wait_until_done(database, [run]) == {run: "accepted"}
        with session(app) as s:
            assert all(s.get(Submission, i).status == "running" for i in slow)
        release.set()
        wait_until_done(database, slow)
    finally:
        release.set()
        pool.stop()


def test_a_job_steps_aside_only_for_another_owner_waiting_at_a_lower_rank(app, make_user):
    from web.grading.lanes import should_step_aside

    ada, bob = make_user("ada"), make_user("bob")
    for _ in range(2):
        add_submission(app, ada, status="running", score=None)
    third = queued(app, ada)
    with session(app) as s:
        assert not should_step_aside(s, third)  # nobody else waits: go ahead
    queued(app, bob)
    with session(app) as s:
        assert should_step_aside(s, third)
