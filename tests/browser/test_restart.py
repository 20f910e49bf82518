"""A submission queued while no grader runs is graded by the next server, in real Docker."""
import json
import secrets
import time
from pathlib import Path
from urllib.request import Request, urlopen

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from tests.browser.conftest import database_url, running_server
from web.models import ApiToken, User
from web.security import token_hash

CODE = (Path(__file__).resolve().parents[2]
        / "challenges" / "iou" / "solutions" / "correct_loops.py").read_text()


def add_user_with_token(url: str) -> str:
    token = "cvj_" + secrets.token_urlsafe(24)
    engine = create_engine(url)
    with Session(engine) as session:
        user = User(username="scripter", password_hash="unused")
        session.add(user)
        session.flush()
        session.add(ApiToken(user_id=user.id, name="ci", token_hash=token_hash(token),
                             prefix=token[:10]))
        session.commit()
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
