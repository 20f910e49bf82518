"""From a clean state: web, two workers, Redis and PostgreSQL grade real code through the API."""
import json
import os
import subprocess
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
SOLUTIONS = REPO / "challenges" / "iou" / "solutions"
GRADING_TIMEOUT_S = 180
WORKERS_TIMEOUT_S = 120


def wait_graded(stack, token: str, submission_id: int) -> dict:
    deadline = time.monotonic() + GRADING_TIMEOUT_S
    while True:
        submission = stack.api(f"/api/v1/submissions/{submission_id}", token)
        if submission["status"] == "done":
            return submission
        assert time.monotonic() < deadline, f"not graded in time: {submission}\n" + \
            stack.run("logs", "--tail", "80", "worker", check=False)
        time.sleep(1)


def wait_workers(stack, count: int) -> list[str]:
    """The Celery workers that answer a ping, once `count` of them do."""
    deadline = time.monotonic() + WORKERS_TIMEOUT_S
    while True:
        status = stack.run("exec", "-T", "web", "cvjudge", "status", "--json", check=False)
        workers = json.loads(status).get("broker", {}).get("workers", []) if status.strip() else []
        if len(workers) >= count:
            return workers
        assert time.monotonic() < deadline, f"workers seen: {workers}\n" + \
            stack.run("logs", "--tail", "60", "worker", check=False)
        time.sleep(1)


def test_stack_grades_submissions_through_the_api(stack, docker_client):
    assert len(stack.container_ids("worker")) == 2
    nodes = wait_workers(stack, 4)  # each worker container: a worker and its interactive one
    assert len(nodes) == 4 and sum("-interactive@" in node for node in nodes) == 2, nodes
    stack.wait_healthy(docker_client, "worker")  # each worker's own health check agrees
    stack.run("exec", "-T", "web", "cvjudge", "create-user", "alice", input="correct horse battery\n")
    token = stack.run("exec", "-T", "web", "cvjudge", "create-token", "alice").strip().splitlines()[-1]

    good = stack.api("/api/v1/submissions", token, {
        "challenge": "iou", "code": (SOLUTIONS / "correct_numpy.py").read_text()})
    wrong = stack.api("/api/v1/submissions", token, {
        "challenge": "iou", "code": (SOLUTIONS / "wrong_plus_one_pixel.py").read_text()})
    assert good["status"] == wrong["status"] == "queued"

    graded_good, graded_wrong = wait_graded(stack, token, good["id"]), wait_graded(stack, token, wrong["id"])
    failed = [p for p in graded_good["result"]["properties"] if not p["passed"]]
    assert (graded_good["verdict"], graded_good["score"]) == ("accepted", 100), failed
    assert graded_wrong["verdict"] == "wrong_answer" and graded_wrong["score"] < 100
    assert graded_wrong["result"]["counterexample"]["inputs"]
    worker_logs = stack.run("logs", "--no-color", "worker")  # web runs no graders with a broker
    for submission in (good, wrong):
        assert f"event=graded submission={submission['id']} " in worker_logs


def test_stopped_workers_leave_no_sandbox_behind(stack, docker_client):
    """Each grading process keeps warm sandboxes; stopping a worker removes them (they used to
    stay behind, exited, after `compose down`). Sandboxes are labelled with the hostname of the
    process that started them: inside a compose container, its short id."""
    hosts = [container_id[:12] for container_id in stack.container_ids("worker")]
    assert hosts

    def owned() -> list[str]:
        found = docker_client.containers.list(all=True, filters={"label": "cvjudge.sandbox"})
        return [c.labels.get("cvjudge.owner", "") for c in found
                if c.labels.get("cvjudge.owner", "").split(":")[0] in hosts]

    assert owned(), "the workers keep no warm sandboxes"
    stack.run("stop", "--timeout", "30", "worker", timeout=120)
    deadline = time.monotonic() + 30
    while owned() and time.monotonic() < deadline:
        time.sleep(1)
    assert owned() == [], "sandboxes left behind by stopped workers"


def test_missing_settings_are_named_before_anything_starts(compose, tmp_path):
    """Without .env, every command stops at once and says how to make one."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("CVJUDGE_")}
    empty = tmp_path / "empty.env"
    empty.write_text("")
    done = subprocess.run([*compose, "--project-directory", str(REPO), "--file",
                           str(REPO / "docker-compose.yml"), "--env-file", str(empty), "config"],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode != 0
    assert "make compose-images" in done.stderr
