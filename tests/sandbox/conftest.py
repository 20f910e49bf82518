"""Real Docker for every test here (the `docker_client` fixture lives in tests/conftest.py)."""
import json
import os
import subprocess
import sys

import pytest

from judge.sandbox import leftover_containers, remove_container

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture(autouse=True)
def no_leftover_containers(docker_client):
    """Every test must leave no sandbox container behind (counting only this run's: the
    engine may be shared with other runs)."""
    run = os.environ["CVJUDGE_SANDBOX_RUN"]
    before = {c.id for c in leftover_containers(docker_client, run=run)}
    yield
    left = [c for c in leftover_containers(docker_client, run=run) if c.id not in before]
    for container in left:
        remove_container(container)
    assert not left, f"{len(left)} sandbox container(s) left behind"


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
