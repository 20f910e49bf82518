"""A submission that kills its grading process every time ends as internal_error, not a loop."""
from tests.scale.conftest import CORRECT


def test_a_submission_that_kills_its_worker_is_given_up_after_max_attempts(stack_factory):
    stack = stack_factory()
    stack.start_worker()
    stack.start_web()
    status, body = stack.submit(CORRECT, challenge="crash")  # the host-side reference kills us
    assert status == 202
    submission_id = body["id"]
    row = stack.wait_done([submission_id], limit_s=120)[submission_id]
    assert (row.verdict, row.score, row.attempts) == ("internal_error", 0, 3)  # MAX_ATTEMPTS
    assert "does not count against you" in row.result["message"]
    assert stack.events("claimed")[submission_id] == 3
    assert stack.events("stored")[submission_id] == 0  # no grading lived to store...
    assert stack.events("abandoned") == {submission_id: 1}  # ...a sweep wrote the verdict, once
    # the worker outlived its grading processes' deaths and still grades
    status, body = stack.submit(CORRECT)
    assert stack.wait_done([body["id"]], limit_s=60)[body["id"]].verdict == "accepted"
