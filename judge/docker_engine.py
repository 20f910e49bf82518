"""Reaching the Docker engine, or saying in one sentence why not.

Every command that grades needs the engine; without one it must stop with a line a person
can act on, never a `DockerException` traceback.
"""
import os

import docker
import docker.errors
import requests

HOW_TO_START = ("start it (`sudo systemctl start docker`), or run `make run` as root to have "
                "it installed and started")


class NoEngine(RuntimeError):
    """No Docker engine answers; the message says what to do."""


def connect():
    """A Docker client whose engine answered a ping; raises NoEngine otherwise."""
    try:
        client = docker.from_env()
        client.ping()
    except (docker.errors.DockerException, requests.RequestException, OSError) as exc:
        raise NoEngine(explain(exc)) from None
    return client


def explain(exc: BaseException) -> str:
    """One sentence for an engine that could not be reached."""
    where = os.environ.get("DOCKER_HOST") or "unix:///var/run/docker.sock"
    text = str(exc)
    if "Permission denied" in text or isinstance(exc, PermissionError):
        return (f"the Docker engine at {where} refused you (permission denied): add yourself to "
                "the docker group (`sudo usermod -aG docker $USER`, then log in again)")
    return (f"no Docker engine answers at {where}, and the sandbox that grades code runs in "
            f"it: {HOW_TO_START}")


def is_engine_error(exc: BaseException) -> bool:
    return isinstance(exc, (NoEngine, docker.errors.DockerException, requests.ConnectionError))
