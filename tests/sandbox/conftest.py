"""Real Docker for every test here (the `docker_client` fixture lives in tests/conftest.py)."""
import json
import os
import subprocess
import sys
import time

import pytest

from judge.sandbox import leftover_containers, owner, remove_container

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


POOLS = []  # the session's warm pools: their idle containers are not leftovers


def settled_pool_containers() -> set:
    """Ids of containers idle in a live pool, once each pool's removals are done."""
    deadline = time.monotonic() + 120  # a busy engine removes containers slowly
    while not all(pool.settled() for pool in POOLS) and time.monotonic() < deadline:
        time.sleep(0.05)
    return {box.container.id for pool in POOLS for _, box in list(pool.ready)}


@pytest.fixture(autouse=True)
def no_leftover_containers(docker_client):
    """Every test must leave no sandbox container behind (only this test run's are looked at:
    other graders may share the engine; a warm pool's idle containers are expected)."""
    before = {c.id for c in leftover_containers(docker_client, owner())}
    yield
    pooled = settled_pool_containers()
    left = [c for c in leftover_containers(docker_client, owner())
            if c.id not in before and c.id not in pooled]
    described = [f"{c.id[:12]} ({c.attrs.get('State')}, {c.attrs.get('Status')})" for c in left]
    for container in left:
        remove_container(container)
    assert not left, f"{len(left)} sandbox container(s) left behind: {', '.join(described)}; " \
                     f"pools settled: {[pool.settled() for pool in POOLS]}"


def run_cli(*args, env=None, timeout=300):
    """Run `cvjudge` as a user would; returns (exit code, stdout, stderr)."""
    done = subprocess.run([sys.executable, "-m", "judge", *args], capture_output=True, text=True,
                          cwd=REPO, env={**os.environ, **(env or {})}, timeout=timeout)
    return done.returncode, done.stdout, done.stderr


def grade_cli(challenge, path, *extra, env=None):
    code, out, err = run_cli("grade", challenge, str(path), "--json", *extra, env=env)
    assert code == 0, f"exit {code}: {err[-2000:]}"
    lines = out.strip().splitlines()
    assert len(lines) == 1, f"stdout must be exactly one JSON object, got: {out[:500]!r}"
    return json.loads(lines[0])


@pytest.fixture(scope="session")
def sandbox_pool(docker_client):
    """Warm containers for tests that grade many solutions (each still used once)."""
    from judge.image import image_tag
    from judge.pool import SandboxPool

    pool = SandboxPool(image_tag(), size=2, client=docker_client).start()
    POOLS.append(pool)
    yield pool
    POOLS.remove(pool)
    pool.close()
    still_there = {c.id for c in leftover_containers(docker_client, owner())} & set(pool.started_ids)
    assert not still_there, f"the session pool left {len(still_there)} container(s) behind"
