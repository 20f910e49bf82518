"""Lanes on the Celery path: a worker of two grading processes is busy with two slow practice
submissions, and a Run examples posted after them is graded by the interactive worker that
`cvjudge worker` starts beside it."""
from tests.scale.conftest import CORRECT

SLOW = "import time\ntime.sleep(8)  # a slow import: the grading process is busy for 8 s\n\n" + CORRECT


def test_a_run_is_graded_while_two_slow_practice_submissions_run(stack_factory):
    stack = stack_factory()
    stack.start_worker(concurrency=2)
    stack.start_web()
    slow = stack.submit_all([(SLOW, "submit"), (SLOW, "submit")])
    for submission_id in slow:
        stack.wait_status(submission_id, "running", limit_s=60)
    run = stack.submit_all([(CORRECT, "run")])[0]
    row = stack.wait_status(run, "done", limit_s=30)
    assert row.verdict == "accepted"
    assert all(r.status == "running" for r in stack.rows(slow).values()), stack.log_tail()
    assert "-interactive@" in stack.workers[0].output()
    stack.wait_done(slow, limit_s=60)
