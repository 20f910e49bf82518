"""A worker SIGKILLed mid-grading: another worker grades its submission, stored exactly once,
and the sandbox container the dead worker left behind is removed by the survivor's sweep."""
import re
import subprocess
import sys
import time

from judge.sandbox import PROCESS_LABEL, leftover_containers
from tests.scale.conftest import SLOW_CORRECT, assert_stored_once


def test_a_killed_workers_submission_is_graded_by_another(stack_factory, docker_client):
    stack = stack_factory()
    first, second = stack.start_worker(), stack.start_worker()
    stack.start_web()
    status, body = stack.submit(SLOW_CORRECT)
    assert status == 202
    submission_id = body["id"]
    stack.wait_status(submission_id, "running", limit_s=60)
    victim = next(w for w in (first, second)
                  if f"event=claimed submission={submission_id} " in w.output())
    survivor = second if victim is first else first
    sandbox = wait_for_sandbox(docker_client, victim, submission_id)
    victim.kill()  # the worker and its grading process, mid-grading (the code sleeps 3 s)

    row = stack.wait_done([submission_id], limit_s=90)[submission_id]
    assert (row.verdict, row.score, row.attempts) == ("accepted", 100, 2)
    assert f"event=stored submission={submission_id} " in survivor.output()
    assert f"event=stored submission={submission_id} " not in victim.output()
    assert_stored_once(stack, [submission_id])
    assert stack.events("requeued")[submission_id] == 1  # released once its lease ran out
    assert (answers(stack, survivor.name), answers(stack, victim.name)) == (True, False)
    deadline = time.monotonic() + 30
    while sandbox in {c.id for c in leftover_containers(docker_client)}:
        assert time.monotonic() < deadline, "the dead worker's sandbox was never removed"
        time.sleep(0.5)


def wait_for_sandbox(docker_client, worker, submission_id: int, limit_s: float = 30) -> str:
    """The id of the container the worker's grading process started for this submission."""
    deadline = time.monotonic() + limit_s
    while True:
        match = re.search(rf"pid=(\d+) event=grading submission={submission_id} ", worker.output())
        if match:
            owned = [c.id for c in leftover_containers(docker_client)
                     if c.attrs["Labels"].get(PROCESS_LABEL, "").endswith(f":{match.group(1)}")]
            if owned:
                return owned[0]
        assert time.monotonic() < deadline, "the grading never started a sandbox"
        time.sleep(0.05)


def answers(stack, worker_name: str) -> bool:
    """`cvjudge status --expect-worker NAME`, the compose worker's health check, succeeds."""
    done = subprocess.run([sys.executable, "-m", "web.cli", "status", "--expect-worker",
                           worker_name], env=stack.env, capture_output=True, timeout=60)
    return done.returncode == 0
