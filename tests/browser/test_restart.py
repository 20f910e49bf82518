"""A submission queued while no grader runs is graded by the next server, in real Docker."""
import json
import secrets
import time
from datetime import datetime, timezone
from pathlib import Path
from urllib.request import Request, urlopen

from sqlalchemy import create_engine, text

from judge.sandbox import owner
from tests.browser.conftest import database_url, running_server
from web.security import token_hash

CODE = (Path(__file__).resolve().parents[2]
        / "challenges" / "iou" / "solutions" / "correct_loops.py").read_text()


def add_user_with_token(url: str) -> str:
    """A user and an API token written straight into the database. Only the columns every
    schema version has are named (bench/throughput.py uses it on an older commit's database
    too); newer columns take their server defaults."""
    token = "cvj_" + secrets.token_urlsafe(24)
    engine = create_engine(url)
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    with engine.begin() as connection:
        user_id = connection.execute(text(
            "INSERT INTO users (username, password_hash, role, active, bio, created_at) "
            "VALUES ('scripter', 'unused', 'member', :yes, '', :now) RETURNING id"),
            {"yes": True, "now": now}).scalar_one()
        connection.execute(text(
            "INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at) "
            "VALUES (:user_id, 'ci', :digest, :prefix, :now)"),
            {"user_id": user_id, "digest": token_hash(token), "prefix": token[:10], "now": now})
    engine.dispose()
    return token


def call(base: str, path: str, token: str, body: dict | None = None) -> dict:
    request = Request(base + path, data=json.dumps(body).encode() if body else None,
                      headers={"Authorization": f"Bearer {token}",
                               "Content-Type": "application/json"})
    with urlopen(request, timeout=10) as response:
        return json.load(response)


def test_queued_submission_survives_a_restart(docker_client, tmp_path):
    with running_server(tmp_path, workers=0) as base:  # a server whose graders never start
        token = add_user_with_token(database_url(tmp_path))
        submission = call(base, "/api/v1/submissions", token, {"challenge": "iou", "code": CODE})
        assert submission["status"] == "queued"
    with running_server(tmp_path, workers=1) as base:
        deadline = time.monotonic() + 120
        while (state := call(base, f"/api/v1/submissions/{submission['id']}", token))["status"] != "done":
            assert time.monotonic() < deadline, f"still {state['status']} after the restart"
            time.sleep(0.5)
    assert state["verdict"] == "accepted" and state["score"] == 100
    assert state["result"]["properties"] and state["result"]["seed"] is not None


def test_a_stopped_server_leaves_no_warm_sandbox_behind(docker_client, tmp_path):
    """`cvjudge serve` keeps warm sandboxes; a SIGTERM used to end it before they were removed
    (every test server left two exited containers)."""
    with running_server(tmp_path) as base:
        port = base.rsplit(":", 1)[1]
        mine = {"label": ["cvjudge.sandbox", f"cvjudge.owner={owner()}-server-{port}"]}
        deadline = time.monotonic() + 60
        while not docker_client.containers.list(all=True, filters=mine):
            assert time.monotonic() < deadline, "the server's pool never filled"
            time.sleep(0.5)
    deadline = time.monotonic() + 20
    while docker_client.containers.list(all=True, filters=mine) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert docker_client.containers.list(all=True, filters=mine) == []
