"""The JSON API: challenges, submissions, leaderboard, /me, personal tokens, OpenAPI."""
import hashlib
import re

import pytest
from sqlalchemy import select

from tests.web.helpers import add_submission, add_users, create_token, html, new_token, session, update_user
from web.models import ApiToken

CODE = "def iou(a, b):\n    return 1.0\n"
HTTP_METHODS = {"get", "put", "post", "delete", "patch"}


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_list_challenges(app, client):
    body = client.get("/api/v1/challenges").get_json()
    catalogue = app.extensions["cvjudge.catalogue"]
    assert [c["id"] for c in body["challenges"]] == [c.id for c in catalogue.ordered()]
    iou = next(c for c in body["challenges"] if c["id"] == "iou")
    assert iou["difficulty"] == "easy" and "boxes" in iou["tags"]
    assert iou["url"] == "http://localhost/challenges/iou"
    assert iou["your_best_score"] is None and iou["acceptance_rate"] is None


def test_list_challenges_knows_your_best_score(app, login):
    alice = login("alice")
    add_submission(app, alice.user_id, "iou", 70)
    body = alice.client.get("/api/v1/challenges").get_json()
    assert {c["id"]: c["your_best_score"] for c in body["challenges"]}["iou"] == 70


def test_get_challenge(app, client):
    body = client.get("/api/v1/challenges/iou").get_json()
    iou = app.extensions["cvjudge.catalogue"].challenges["iou"]
    assert body["function"] == "iou" and body["signature"] == iou.signature
    assert body["starter"] == iou.starter and body["statement"] == iou.statement
    assert len(body["examples"]) == len(iou.examples)
    assert set(body["examples"][0]["args"]) == {"box_a", "box_b"}


def test_an_unknown_challenge_is_a_json_404(client):
    response = client.get("/api/v1/challenges/nope")
    assert response.status_code == 404
    assert response.get_json() == {"error": "no challenge called 'nope'", "status": 404}


def test_submissions_list_only_your_own_without_code(app, login):
    alice = login("alice")
    (bob,) = add_users(app, "bob")
    mine = [add_submission(app, alice.user_id, c) for c in ("iou", "nms", "iou")]
    add_submission(app, bob, "iou")
    rows = alice.client.get("/api/v1/submissions").get_json()["submissions"]
    assert [r["id"] for r in rows] == mine[::-1]
    assert all("code" not in r and "result" not in r for r in rows)
    only_iou = alice.client.get("/api/v1/submissions?challenge=iou&limit=1").get_json()
    assert [r["id"] for r in only_iou["submissions"]] == [mine[2]]


def test_get_your_submission_with_its_code(login):
    alice = login("alice")
    submission_id = alice.submit("iou", CODE).get_json()["id"]
    body = alice.client.get(f"/api/v1/submissions/{submission_id}").get_json()
    assert body["code"] == CODE and body["status"] == "queued" and body["result"] is None


def test_someone_elses_submission_is_forbidden(app, login):
    alice = login("alice")
    submission_id = add_submission(app, add_users(app, "bob")[0], "iou", code="bob's secret")
    response = alice.client.get(f"/api/v1/submissions/{submission_id}")
    assert response.status_code == 403
    assert "bob's secret" not in html(response)
    assert "error" in response.get_json()


def test_an_unknown_submission_is_a_json_404(login):
    response = login("alice").client.get("/api/v1/submissions/12345")
    assert response.status_code == 404
    assert response.get_json()["error"] == "no submission 12345"


def test_leaderboard(app, client):
    ann, ben = add_users(app, "ann", "ben")
    add_submission(app, ann, "iou", 100, days_ago=2)
    add_submission(app, ben, "nms", 60, days_ago=10)
    body = client.get("/api/v1/leaderboard").get_json()
    assert body["period"] == "all" and body["count"] == 2
    assert body["rows"][0]["user"] == "ann" and body["rows"][0]["rank"] == 1
    assert body["rows"][0]["total_score"] == 100 and body["rows"][0]["solved"] == 1
    assert body["rows"][0]["reached_at"].endswith("Z")
    week = client.get("/api/v1/leaderboard?period=week").get_json()
    assert [r["user"] for r in week["rows"]] == ["ann"]


def test_me(app, login):
    alice = login("alice", "admin")
    add_submission(app, alice.user_id, "iou", 80)
    add_submission(app, alice.user_id, "iou", 30)
    assert alice.client.get("/api/v1/me").get_json() == {
        "user": "alice", "role": "admin", "best_scores": {"iou": 80}}


@pytest.mark.parametrize("method, path", [("GET", "/api/v1/me"), ("GET", "/api/v1/submissions"),
                                          ("GET", "/api/v1/submissions/1"),
                                          ("POST", "/api/v1/submissions")])
def test_anonymous_calls_get_a_json_401(client, method, path):
    response = client.open(path, method=method, json={"challenge": "iou", "code": CODE})
    assert response.status_code == 401
    assert "Authorization: Bearer" in response.get_json()["error"]


# Personal API tokens


def test_a_token_is_shown_once_and_only_its_hash_is_stored(app, login):
    alice = login("alice")
    token = new_token(alice, "laptop")
    assert token.startswith("cvj_") and len(token) > 40
    with session(app) as s:
        row = s.scalar(select(ApiToken))
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert row.name == "laptop" and token.startswith(row.prefix) and len(row.prefix) < len(token)
    later = html(alice.client.get("/account"))
    assert token not in later and "laptop" in later and row.prefix in later


def test_a_token_needs_a_name(login):
    response = create_token(login("alice"), "")
    assert response.status_code == 400
    assert 'id="new-token"' not in html(response)


def test_a_token_submits_without_csrf_or_cookies(app, login, grade_pending):
    token = new_token(login("alice"))
    script = app.test_client()
    response = script.post("/api/v1/submissions", headers=bearer(token),
                           json={"challenge": "iou", "code": CODE})
    assert response.status_code == 202
    assert "Set-Cookie" not in response.headers
    grade_pending()
    location = response.headers["Location"]
    polled = script.get(location, headers=bearer(token))
    assert polled.get_json()["verdict"] == "accepted"
    assert "Set-Cookie" not in polled.headers
    assert script.get("/api/v1/me", headers=bearer(token)).get_json()["user"] == "alice"
    # HTML pages ignore tokens (tests/web/api/test_token_scopes.py): it is a visitor there
    assert script.get("/account", headers=bearer(token)).status_code == 302


def last_used(app):
    with session(app) as s:
        return s.scalar(select(ApiToken.last_used_at))


def test_a_token_records_when_it_was_last_used(app, login):
    token = new_token(login("alice"))
    assert last_used(app) is None
    app.test_client().get("/api/v1/me", headers=bearer(token))
    assert last_used(app) is not None


def test_a_bogus_token_is_a_401(app):
    response = app.test_client().post("/api/v1/submissions", headers=bearer("cvj_not-a-token"),
                                      json={"challenge": "iou", "code": CODE})
    assert response.status_code == 401
    assert app.test_client().get("/api/v1/me", headers=bearer("cvj_x")).status_code == 401


@pytest.mark.parametrize("header", ["Bearer ", "Basic YWxpY2U6eA==", "cvj_no-scheme"])
def test_only_a_bearer_token_skips_the_csrf_check(login, header):
    alice = login("alice")
    response = alice.client.post("/api/v1/submissions", headers={"Authorization": header},
                                 json={"challenge": "iou", "code": CODE})
    assert response.status_code == 400
    assert alice.client.get("/api/v1/submissions").get_json()["submissions"] == []


def test_a_revoked_token_is_a_401(app, login):
    alice = login("alice")
    token = new_token(alice)
    with session(app) as s:
        token_id = s.scalar(select(ApiToken.id))
    revoked = alice.post_form(f"/account/tokens/{token_id}/revoke", {}, page="/account")
    assert revoked.status_code == 302
    response = app.test_client().post("/api/v1/submissions", headers=bearer(token),
                                      json={"challenge": "iou", "code": CODE})
    assert response.status_code == 401


def test_a_disabled_users_token_is_a_401(app, login):
    alice = login("alice")
    token = new_token(alice)
    update_user(app, alice.user_id, active=False)
    assert app.test_client().get("/api/v1/me", headers=bearer(token)).status_code == 401


def test_a_token_does_not_open_the_cookie_session(app, login):
    """A request with a token ignores the browser session, so it cannot ride on one."""
    alice = login("alice")
    response = alice.client.get("/api/v1/me", headers=bearer("cvj_bogus"))
    assert response.status_code == 401


# OpenAPI


def flask_path(rule: str) -> str:
    """`/api/v1/submissions/<int:submission_id>` -> `/submissions/{submission_id}`."""
    return re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule).removeprefix("/api/v1")


def test_openapi_describes_exactly_the_api_routes(app, client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    assert document["servers"] == [{"url": "http://localhost/api/v1"}]
    routes: dict[str, set] = {}
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1/"):
            methods = {m.lower() for m in rule.methods} & HTTP_METHODS
            routes.setdefault(flask_path(rule.rule), set()).update(methods)
    documented = {path: set(item) & HTTP_METHODS for path, item in document["paths"].items()}
    assert documented == routes


def test_openapi_path_parameters_have_the_routes_types(app, client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1/") or not rule.arguments:
            continue
        for method in {m.lower() for m in rule.methods} & HTTP_METHODS:
            parameters = paths[flask_path(rule.rule)][method]["parameters"]
            types = {p["name"]: p["schema"]["type"] for p in parameters if p["in"] == "path"}
            expected = {name: "integer" if converter == "int" else "string"
                        for converter, name in re.findall(r"<(?:(\w+):)?(\w+)>", rule.rule)}
            assert types == expected, rule.rule


def test_every_openapi_operation_has_responses_and_declares_its_path_parameters(client):
    document = client.get("/api/v1/openapi.json").get_json()
    operation_ids = []
    for path, item in document["paths"].items():
        for method, operation in item.items():
            assert operation["responses"], f"{method} {path} has no responses"
            declared = {p["name"] for p in operation.get("parameters", ()) if p["in"] == "path"}
            assert declared == set(re.findall(r"{(\w+)}", path)), f"{method} {path}"
            operation_ids.append(operation["operationId"])
    assert len(operation_ids) == len(set(operation_ids))


def references(node) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"]} if isinstance(node.get("$ref"), str) else set()
        return found.union(*(references(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(references(value) for value in node))
    return set()


def test_openapi_references_resolve(client):
    document = client.get("/api/v1/openapi.json").get_json()
    schemas = document["components"]["schemas"]
    found = references(document)
    assert found and found <= {f"#/components/schemas/{name}" for name in schemas}
