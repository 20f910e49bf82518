"""Real responses of /api/v1 conform to what the OpenAPI document says, status codes included."""
import pytest
from jsonschema import Draft202012Validator

from tests.web.helpers import new_token

CODE = "def iou(box_a, box_b):\n    return 0.0  # score=40\n"


@pytest.fixture
def document(client):
    return client.get("/api/v1/openapi.json").get_json()


def check(document, method: str, template: str, response) -> None:
    """The status is documented for this operation and the body matches its schema."""
    operation = document["paths"][template][method]
    assert str(response.status_code) in operation["responses"], \
        f"{method.upper()} {template} answered {response.status_code}, which is not documented"
    content = operation["responses"][str(response.status_code)].get("content")
    if content:
        schema = {**content["application/json"]["schema"], "components": document["components"]}
        Draft202012Validator(schema).validate(response.get_json())


def test_every_documented_success_and_error_matches(app, client, login, grade_pending, document):
    owner = login("owner")
    token = new_token(owner)
    auth = {"Authorization": f"Bearer {token}"}
    api = app.test_client()

    check(document, "get", "/challenges", api.get("/api/v1/challenges", headers=auth))
    check(document, "get", "/challenges/{challenge_id}", api.get("/api/v1/challenges/nms"))
    check(document, "get", "/challenges/{challenge_id}", api.get("/api/v1/challenges/nope"))
    created = api.post("/api/v1/submissions", headers=auth,
                       json={"challenge": "iou", "code": CODE, "kind": "submit"})
    check(document, "post", "/submissions", created)
    check(document, "get", "/submissions/{submission_id}",
          api.get(f"/api/v1/submissions/{created.get_json()['id']}", headers=auth))  # queued
    grade_pending()
    check(document, "get", "/submissions/{submission_id}",
          api.get(f"/api/v1/submissions/{created.get_json()['id']}", headers=auth))  # graded
    check(document, "get", "/submissions", api.get("/api/v1/submissions?challenge=iou", headers=auth))
    check(document, "get", "/leaderboard", api.get("/api/v1/leaderboard?period=week"))
    check(document, "get", "/me", api.get("/api/v1/me", headers=auth))
    check(document, "get", "/me", api.get("/api/v1/me"))  # 401
    check(document, "get", "/submissions/{submission_id}", api.get("/api/v1/submissions/999", headers=auth))
    for body in ({"challenge": "nope", "code": CODE}, {"challenge": "iou", "code": ""},
                 {"challenge": "iou", "code": "#" * (64 * 1024 + 1)}):
        check(document, "post", "/submissions", api.post("/api/v1/submissions", headers=auth, json=body))
    other = login("other")
    check(document, "get", "/submissions/{submission_id}",
          other.client.get(f"/api/v1/submissions/{created.get_json()['id']}"))  # 403
