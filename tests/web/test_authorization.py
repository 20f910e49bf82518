"""Who may do what: every route that touches user data, for each kind of visitor.

The owner is a member with a graded submission and an API token; `other` is another member.
Anonymous visitors are sent to the login page (HTML pages) or get 401 (JSON API and the page
fragments that scripts fetch).
"""
from dataclasses import dataclass

import pytest

from tests.web.conftest import Browser
from tests.web.helpers import html, new_token

SECRET = "OWNER_SECRET_SOLUTION"
LOGIN = "login"  # a redirect to the login page
ACTORS = ("anonymous", "owner", "other", "admin")

#                    method, path, then the status for: anonymous, owner, other, admin
ROUTES = {
    "submission page": ("GET", "/submissions/{submission}", LOGIN, 200, 403, 200),
    "result panel": ("GET", "/submissions/{submission}/panel", 401, 200, 403, 200),  # a fragment
    "api submission": ("GET", "/api/v1/submissions/{submission}", 401, 200, 403, 200),
    "api submission list": ("GET", "/api/v1/submissions", 401, 200, 200, 200),
    "api me": ("GET", "/api/v1/me", 401, 200, 200, 200),
    "api submit": ("POST", "/api/v1/submissions", 401, 202, 202, 202),
    "history fragment": ("GET", "/challenges/iou/history", 401, 200, 200, 200),
    "progress": ("GET", "/progress", LOGIN, 200, 200, 200),
    "account": ("GET", "/account", LOGIN, 200, 200, 200),
    "save bio": ("POST", "/account", LOGIN, 302, 302, 302),
    "create token": ("POST", "/account/tokens", LOGIN, 200, 200, 200),
    "revoke token": ("POST", "/account/tokens/{token}/revoke", LOGIN, 302, 404, 404),
    "admin index": ("GET", "/admin/", LOGIN, 403, 403, 302),
    "admin users": ("GET", "/admin/users", LOGIN, 403, 403, 200),
    "admin update user": ("POST", "/admin/users/{owner}", LOGIN, 403, 403, 302),
    "admin submissions": ("GET", "/admin/submissions", LOGIN, 403, 403, 200),
    "rejudge": ("POST", "/admin/submissions/{submission}/rejudge", LOGIN, 403, 403, 302),
}
FORM_DATA = {"bio": "hello", "token-name": "script", "token-read": "y", "role": "member"}


@dataclass
class World:
    browsers: dict[str, Browser]
    ids: dict[str, int]


@pytest.fixture
def world(app, login, grade_pending) -> World:
    owner, other, admin = login("owner"), login("other"), login("admin", "admin")
    submission = owner.submit("iou", f"def iou(a, b):\n    return 0.0  # {SECRET} score=40\n")
    grade_pending()
    token = new_token(owner)
    browsers = {"anonymous": Browser(app.test_client()), "owner": owner, "other": other,
                "admin": admin}
    ids = {"submission": submission.get_json()["id"], "owner": owner.user_id, "token": 1}
    assert token  # token id 1: the only one
    return World(browsers, ids)


def call(browser: Browser, method: str, path: str):
    if path == "/api/v1/submissions" and method == "POST":
        return browser.client.post(path, json={"challenge": "iou", "code": "def iou(a, b): pass"},
                                   headers={"X-CSRFToken": browser.csrf()})
    if method == "POST":
        token = browser.csrf()
        return browser.client.post(path, data={**FORM_DATA, "csrf_token": token,
                                               "token-csrf_token": token})
    return browser.client.get(path)


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("route", ROUTES)
def test_route_answers_each_visitor_as_expected(world, route, actor):
    method, path, *expected = ROUTES[route]
    expected = dict(zip(ACTORS, expected))[actor]
    response = call(world.browsers[actor], method, path.format(**world.ids))
    if expected == LOGIN:
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/login?next=")
    else:
        assert response.status_code == expected


@pytest.mark.parametrize("actor, sees", [("anonymous", False), ("owner", True), ("other", False),
                                         ("admin", True)])
def test_only_the_owner_and_admins_see_the_code(world, actor, sees):
    client = world.browsers[actor].client
    submission = world.ids["submission"]
    page = client.get(f"/submissions/{submission}")
    assert (SECRET in html(page)) is sees
    api = client.get(f"/api/v1/submissions/{submission}")
    assert (api.status_code == 200 and api.get_json()["code"].find(SECRET) >= 0) is sees


@pytest.mark.parametrize("path", ["/challenges/iou/history", "/progress", "/account",
                                  "/api/v1/submissions", "/api/v1/me", "/leaderboard",
                                  "/users/owner", "/challenges/iou", "/"])
def test_pages_others_can_open_do_not_leak_the_owners_work(world, path):
    page = html(world.browsers["other"].client.get(path))
    assert SECRET not in page
    assert f'data-submission-id="{world.ids["submission"]}"' not in page
    assert "score=40" not in page


def test_the_owners_own_pages_show_their_work(world):
    owner = world.browsers["owner"].client
    history = html(owner.get("/challenges/iou/history"))
    assert f'data-submission-id="{world.ids["submission"]}"' in history
    assert [s["id"] for s in owner.get("/api/v1/submissions").get_json()["submissions"]] == \
        [world.ids["submission"]]
