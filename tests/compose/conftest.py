"""The compose stack, brought up for real from a clean state and always torn down.

Each run gets its own project name (containers, network and volumes), images built the way
`make compose-images` builds them, fresh secrets, and the web port on a free host port.
Without Docker or Compose (v2 plugin or v1 `docker-compose`) these tests fail under CI.
"""
import json
import os
import secrets
import shutil
import subprocess
import time
from pathlib import Path
from urllib.request import Request, urlopen

import pytest

from web import compose_images as images

REPO = Path(__file__).resolve().parents[2]
HEALTH_TIMEOUT_S = 240
WORKERS = 2


def compose_command() -> list[str] | None:
    """`docker compose` when the v2 plugin is there, else `docker-compose`, else None."""
    plugin = subprocess.run(["docker", "compose", "version"], capture_output=True)
    if plugin.returncode == 0:
        return ["docker", "compose"]
    return ["docker-compose"] if shutil.which("docker-compose") else None


class Stack:
    """One compose project: run compose commands against it, call its web service."""

    def __init__(self, command: list[str], env_file: Path, env: dict):
        self.project = f"cvjtest{secrets.token_hex(4)}"
        self.base = [*command, "--project-name", self.project, "--project-directory", str(REPO),
                     "--file", str(REPO / "docker-compose.yml"), "--env-file", str(env_file)]
        self.env = env
        self.url = None

    def run(self, *args, input=None, timeout=300, check=True) -> str:
        done = subprocess.run([*self.base, *args], input=input, capture_output=True, text=True,
                              env=self.env, timeout=timeout)
        if check and done.returncode != 0:
            raise AssertionError(f"compose {' '.join(args)} failed ({done.returncode}):\n"
                                 f"{done.stdout}\n{done.stderr}")
        return done.stdout

    def container_ids(self, service: str) -> list[str]:
        return self.run("ps", "-q", service).split()

    def wait_healthy(self, client, service: str) -> None:
        deadline = time.monotonic() + HEALTH_TIMEOUT_S
        while True:
            ids = self.container_ids(service)
            states = [client.containers.get(i).attrs["State"] for i in ids]
            health = [s.get("Health", {}).get("Status") for s in states]
            if ids and all(h == "healthy" for h in health):
                return
            if any(not s["Running"] for s in states) or time.monotonic() > deadline:
                raise AssertionError(f"{service} did not become healthy ({health}):\n"
                                     + self.run("logs", "--tail", "60", check=False))
            time.sleep(1)

    def api(self, path: str, token: str, body: dict | None = None) -> dict:
        request = Request(self.url + path, method="POST" if body is not None else "GET",
                          data=json.dumps(body).encode() if body is not None else None,
                          headers={"Authorization": f"Bearer {token}",
                                   "Content-Type": "application/json"})
        with urlopen(request, timeout=15) as response:
            return json.load(response)


@pytest.fixture(scope="session")
def compose(docker_client):
    command = compose_command()
    if command is None:
        message = "Docker Compose (docker compose or docker-compose) is not installed"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; it is required under CI")
        pytest.skip(message)
    return command


@pytest.fixture(scope="module")
def stack(docker_client, compose, tmp_path_factory):
    """The whole stack up with two workers and healthy; yields it, then `down -v`."""
    values = images.build_stack_images(docker_client, keep=images.images_to_keep({}),
                                       log=lambda message: None)
    values.update({name: secrets.token_hex(16) for name in images.SECRET_VARIABLES},
                  CVJUDGE_DOCKER_GID=str(images.docker_socket_gid()),
                  CVJUDGE_HTTP_BIND="127.0.0.1:0")
    env_file = tmp_path_factory.mktemp("compose") / "stack.env"
    env_file.write_text("".join(f"{key}={value}\n" for key, value in values.items()))
    stack = Stack(compose, env_file, {**os.environ, **values})
    try:
        stack.run("up", "--detach", "--scale", f"worker={WORKERS}", timeout=600)
        stack.wait_healthy(docker_client, "web")
        host, port = stack.run("port", "web", "8000").strip().rsplit(":", 1)
        stack.url = f"http://127.0.0.1:{port}"
        yield stack
    finally:
        stack.run("down", "--volumes", "--remove-orphans", "--timeout", "10", check=False)
