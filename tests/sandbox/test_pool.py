"""Warm sandboxes, for real: one grading per container, replaced when killed, bounded, no
leftovers when their grader dies, and locked down exactly like a container started cold."""
import os
import signal
import subprocess
import sys
import time

from judge.catalogue import load_challenge
from judge.engine import grade
from judge.image import image_tag
from judge.pool import SandboxPool
from judge.sandbox import PROCESS_LABEL, leftover_containers, owner, remove_orphans
from tests.conftest import FIXTURE_CHALLENGES
from tests.sandbox.conftest import REPO
from tests.sandbox.test_sandbox_container import assert_locked_down

ADD = load_challenge(FIXTURE_CHALLENGES / "add")


def wait_for(condition, limit_s=60.0):
    deadline = time.monotonic() + limit_s
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def ours(client) -> set:
    return {c.id for c in leftover_containers(client, owner())}


def test_a_pooled_container_serves_one_grading_and_is_removed(docker_client):
    pool = SandboxPool(image_tag(), size=2, client=docker_client).start()
    try:
        wait_for(lambda: pool.idle() == 2)
        seen = set()
        for _ in range(3):
            wait_for(lambda: pool.idle() >= 1)
            ready = {s.container.id for _, s in pool.ready}
            result = grade(ADD, ADD.reference_source, seed=1, pool=pool)
            assert result.accepted and result.container_start_s < 0.5
            used = ready - {s.container.id for _, s in pool.ready}
            assert len(used) == 1 and not used & seen
            seen |= used
            wait_for(lambda: not used & ours(docker_client))  # removed after its grading
    finally:
        pool.close()


def test_a_container_killed_in_the_pool_is_replaced(docker_client):
    pool = SandboxPool(image_tag(), size=2, client=docker_client).start()
    try:
        wait_for(lambda: pool.idle() == 2)
        victim = pool.ready[0][1]
        victim_id = victim.container.id
        victim.container.kill()
        victim.container.wait(timeout=10)
        result = grade(ADD, ADD.reference_source, seed=2, pool=pool)  # takes the dead one first
        assert result.accepted
        wait_for(lambda: pool.idle() == 2)
        assert victim not in [s for _, s in pool.ready]
        wait_for(lambda: victim_id not in ours(docker_client))
    finally:
        pool.close()


def test_the_pool_never_holds_more_than_its_size(docker_client):
    pool = SandboxPool(image_tag(), size=2, client=docker_client).start()
    try:
        most = 0
        for number in range(6):
            grade(ADD, ADD.reference_source, seed=number, pool=pool)
            most = max(most, pool.idle())
        wait_for(pool.settled, limit_s=120)
        alive = set(pool.started_ids) & ours(docker_client)
        assert most <= 2 and pool.idle() == 2
        assert alive == {box.container.id for _, box in pool.ready}  # the rest were removed
    finally:
        pool.close()
    assert not set(pool.started_ids) & ours(docker_client)  # other pools may share the engine


def test_pooled_containers_are_locked_down_like_cold_ones(docker_client):
    pool = SandboxPool(image_tag(), size=1, client=docker_client).start()
    try:
        wait_for(lambda: pool.idle() == 1)
        box = pool.take()
        assert_locked_down(box)
        pool.discard(box)
    finally:
        pool.close()


GRADER = """
import sys, time
from judge.image import image_tag
from judge.pool import SandboxPool
pool = SandboxPool(image_tag(), size=2).start()
while pool.idle() < 2:
    time.sleep(0.1)
print("ready", flush=True)
time.sleep(600)
"""


def test_a_grader_that_dies_leaves_nothing_behind(docker_client):
    child = subprocess.Popen([sys.executable, "-c", GRADER], cwd=REPO, stdout=subprocess.PIPE,
                             text=True, env={**os.environ, "PYTHONPATH": REPO})
    try:
        assert child.stdout.readline().strip() == "ready"
        theirs = [c for c in leftover_containers(docker_client, owner())
                  if (c.attrs.get("Labels") or {}).get(PROCESS_LABEL, "").endswith(f":{child.pid}")]
        assert len(theirs) == 2
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        assert remove_orphans(docker_client) >= 2
        left = {c.id for c in leftover_containers(docker_client, owner())}
        assert not left & {c.id for c in theirs}
    finally:
        if child.poll() is None:
            child.kill()
