"""Shared test set-up: each folder under tests/ is one layer, marked automatically."""
import os
import uuid
from pathlib import Path

import pytest

# Sandbox containers started by this test run (here or in the commands it starts) carry this
# owner label, so leftover checks never count another grader's containers on a shared engine.
# Under pytest-xdist each worker process is its own owner (workers run tests side by side).
os.environ["CVJUDGE_SANDBOX_OWNER"] = (os.environ.get("CVJUDGE_SANDBOX_OWNER")
                                       or f"pytest-{uuid.uuid4().hex[:12]}").split("/")[0] + (
    f"/{os.environ['PYTEST_XDIST_WORKER']}" if os.environ.get("PYTEST_XDIST_WORKER") else "")

TESTS = Path(__file__).parent
FIXTURE_CHALLENGES = TESTS / "fixtures" / "challenges"
LAYER_MARKERS = {"unit": pytest.mark.unit, "sandbox": pytest.mark.sandbox, "web": pytest.mark.web,
                 "browser": pytest.mark.browser, "scale": pytest.mark.scale,
                 "compose": pytest.mark.compose}


def pytest_collection_modifyitems(items):
    for item in items:
        layer = Path(item.fspath).relative_to(TESTS).parts[0]
        if layer in LAYER_MARKERS:
            item.add_marker(LAYER_MARKERS[layer])


@pytest.fixture(scope="session")
def docker_client():
    """A Docker engine with the sandbox image built; fails (never skips) under CI without one."""
    import docker

    try:
        client = docker.from_env()
        client.ping()
    except Exception as exc:
        if os.environ.get("CI"):
            pytest.fail(f"Docker is required under CI and is not available: {exc}")
        pytest.skip(f"Docker is not available: {exc}")
    from judge.image import build_image

    build_image(client, log=lambda message: None)
    return client
