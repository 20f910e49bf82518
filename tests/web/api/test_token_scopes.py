"""API tokens work on /api/v1 only, and only for what their scopes allow (issue 19, finding 5)."""
import pytest

from tests.web.helpers import create_token, html, new_token, shows


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.parametrize("path", ["/account", "/progress", "/review", "/teams", "/admin/users"])
def test_html_pages_ignore_a_bearer_token(app, login, client, path):
    admin = login("root", "admin")
    token = new_token(admin, scopes=("read", "submit", "admin"))
    response = client.get(path, headers=bearer(token))
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_bearer_token_does_not_skip_csrf_on_html_forms(app, login, client):
    alice = login("alice")
    token = new_token(alice)
    response = client.post("/account/tokens", data={"token-name": "x", "token-read": "y"},
                           headers=bearer(token))
    assert response.status_code == 400  # CSRF refused: the token is not a session


def test_the_api_still_takes_the_token(login, client):
    token = new_token(login("alice"))
    assert client.get("/api/v1/me", headers=bearer(token)).get_json()["user"] == "alice"


def test_a_read_token_cannot_submit(login, client):
    token = new_token(login("alice"), scopes=("read",))
    assert client.get("/api/v1/submissions", headers=bearer(token)).status_code == 200
    response = client.post("/api/v1/submissions", headers=bearer(token),
                           json={"challenge": "iou", "code": "def iou(a, b): return 0.0"})
    assert response.status_code == 403
    assert "needs the 'submit' scope" in response.get_json()["error"]


def test_a_submit_token_cannot_read(login, client):
    token = new_token(login("alice"), scopes=("submit",))
    assert client.get("/api/v1/me", headers=bearer(token)).status_code == 403


def test_an_admins_token_acts_as_a_member_without_the_admin_scope(login, client):
    bob = login("bob")
    submission = bob.submit("iou", "def iou(a, b): return 0.0").get_json()["id"]
    admin = login("root", "admin")
    plain = new_token(admin, "plain")
    powerful = new_token(admin, "powerful", scopes=("read", "admin"))
    assert client.get(f"/api/v1/submissions/{submission}", headers=bearer(plain)).status_code == 403
    assert client.get(f"/api/v1/submissions/{submission}",
                      headers=bearer(powerful)).status_code == 200


def test_only_admins_get_the_admin_scope(login):
    alice = login("alice")
    assert 'name="token-admin"' not in html(alice.client.get("/account"))
    response = create_token(alice, scopes=("read", "admin"))
    assert response.status_code == 403
    assert shows(response, "Only administrators can create a token with the admin scope.")


def test_a_token_needs_at_least_one_scope(login):
    response = create_token(login("alice"), scopes=())
    assert response.status_code == 400


def test_the_new_token_page_is_not_cached(login):
    response = create_token(login("alice"))
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"


def test_the_account_page_lists_what_each_token_may_do(login):
    alice = login("alice")
    new_token(alice, "reader", scopes=("read",))
    assert "<td>read</td>" in html(alice.client.get("/account"))
