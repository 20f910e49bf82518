"""Abuse limits a single address could otherwise exhaust, and odd bodies (issue 19, findings
3, 8, 9, 10 and 12)."""
import os
import stat

import pytest
from sqlalchemy import func, select

from tests.web.conftest import PASSWORD, Browser
from tests.web.helpers import session
from web import security
from web.models import User


def register(browser, username):
    return browser.post_form("/register", {"username": username, "password": PASSWORD,
                                           "confirm": PASSWORD}, page="/register")


def user_count(app) -> int:
    with session(app) as s:
        return s.scalar(select(func.count()).select_from(User))


@pytest.mark.parametrize("app_config", [{"REGISTER_RATE_LIMIT": "2 per hour"}])
def test_signing_up_again_from_a_fresh_account_does_not_reset_the_limit(app):
    """Each sign-up logs into the new account; the limit is the address's, whoever is in."""
    browser = Browser(app.test_client())
    statuses = [register(browser, name).status_code for name in ("one1", "two2", "three3")]
    assert statuses == [302, 302, 429]
    assert user_count(app) == 2


@pytest.mark.parametrize("app_config", [{"REGISTER_RATE_LIMIT": "100 per hour",
                                         "REGISTER_GLOBAL_RATE_LIMIT": "3 per hour"}])
def test_account_creation_has_a_global_limit_too(app):
    statuses = []
    for number, name in enumerate(("anna", "bert", "cleo", "dora")):
        browser = Browser(app.test_client())
        token = browser.csrf("/register")
        statuses.append(browser.client.post(
            "/register", data={"username": name, "password": PASSWORD, "confirm": PASSWORD,
                               "csrf_token": token},
            environ_base={"REMOTE_ADDR": f"10.1.0.{number}"}).status_code)
    assert statuses == [302, 302, 302, 429]


@pytest.mark.parametrize("app_config", [{"REGISTER_RATE_LIMIT": "100 per hour",
                                         "REGISTER_GLOBAL_RATE_LIMIT": "1 per hour"}])
def test_failed_sign_ups_do_not_use_up_the_global_limit(app, make_user):
    make_user("taken")
    browser = Browser(app.test_client())
    assert [register(browser, "taken").status_code for _ in range(3)] == [400, 400, 400]
    assert register(browser, "fresh").status_code == 302


@pytest.mark.parametrize("app_config", [{"MAX_PENDING_PER_USER": 10,
                                         "MAX_PENDING_PER_ADDRESS": 2}])
def test_queued_work_is_capped_per_address_across_accounts(app, login):
    first, second = login("first"), login("second")
    assert first.submit("iou", "def iou(a, b): return 0.0").status_code == 202
    assert second.submit("iou", "def iou(a, b): return 0.0").status_code == 202
    response = second.submit("iou", "def iou(a, b): return 0.0")
    assert response.status_code == 429
    assert "from your network" in response.get_json()["error"]
    elsewhere = Browser(app.test_client())
    elsewhere.client.environ_base["REMOTE_ADDR"] = "10.9.9.9"  # the same account, elsewhere
    assert elsewhere.login("second").status_code == 302
    assert elsewhere.submit("iou", "def iou(a, b): return 0.0").status_code == 202


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("depth", [40, 5000, 200_000])
def test_deeply_nested_json_is_a_400_with_a_message(login, depth):
    alice = login("alice")
    response = alice.client.post("/api/v1/submissions", data=nested(depth),
                                 content_type="application/json",
                                 headers={"X-CSRFToken": alice.csrf()})
    assert response.status_code in (400, 413)
    body = response.get_json()
    assert "nested more than 32 levels" in body["error"] or response.status_code == 413


def test_deep_json_is_refused_before_login_too(client):
    response = client.post("/api/v1/submissions", data=nested(50_000),
                           content_type="application/json")
    assert response.status_code == 400
    assert "nested" in response.get_json()["error"]


def test_ordinary_nesting_still_works(login):
    alice = login("alice")
    response = alice.client.post("/api/v1/submissions", json={
        "challenge": "iou", "code": "def iou(a, b): return 0.0", "extra": [[[[1]]]]},
        headers={"X-CSRFToken": alice.csrf()})
    assert response.status_code == 202


class CountingHasher:
    """The test suite's cheap argon2 hasher, counting the checks made."""

    def __init__(self, hasher):
        self.hasher, self.verified = hasher, 0

    def hash(self, password):
        return self.hasher.hash(password)

    def verify(self, password_hash, password):
        self.verified += 1
        return self.hasher.verify(password_hash, password)


def test_a_login_for_an_unknown_name_costs_a_password_check_too(app, browser, make_user,
                                                              monkeypatch):
    """Timing must not tell which names exist: the dummy hash is checked like a real one."""
    make_user("alice")
    counting = CountingHasher(security.passwords)
    monkeypatch.setattr(security, "passwords", counting)
    assert browser.login("alice", "wrong password").status_code == 400
    assert counting.verified == 1
    assert browser.login("nobody-here", "wrong password").status_code == 400
    assert counting.verified == 2


@pytest.mark.parametrize("app_config", [{"LOGIN_RATE_LIMIT": "2 per minute"}])
def test_json_logins_count_against_the_account_they_name(app, make_user):
    """The per-account limit read only form fields: every JSON login shared one empty key,
    so guesses at one account from many addresses went uncounted against that account."""
    make_user("target")
    make_user("other")
    statuses = []
    for number, name in enumerate(("TARGET", "target", "other", "Target")):
        browser = Browser(app.test_client())
        browser.client.environ_base["REMOTE_ADDR"] = f"10.0.0.{number}"
        token = browser.csrf("/login")
        statuses.append(browser.client.post(
            "/login", json={"username": name, "password": "guess"},
            headers={"X-CSRFToken": token}).status_code)
    assert statuses == [400, 400, 400, 429]


def test_the_sqlite_database_is_readable_by_its_owner_only(app, tmp_path):
    from web.db import Database
    path = tmp_path / "private" / "cvjudge.sqlite3"
    Database(f"sqlite:///{path}").engine.dispose()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    os.chmod(path, 0o644)
    Database(f"sqlite:///{path}").engine.dispose()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


@pytest.mark.parametrize("app_config", [{"BASE_URL": "https://judge.example.org"}])
def test_shown_once_links_use_the_configured_base_url_not_the_host_header(app, login):
    from tests.web.hiring.interview_helpers import create_team
    from web.links import absolute_url
    with app.test_request_context("/", headers={"Host": "evil.example.com"}):
        assert absolute_url("teams.join", token="abc") == "https://judge.example.org/teams/join/abc"
    owner = login("owner")
    team_id = create_team(owner)
    page = f"/teams/{team_id}/members"
    response = owner.post_form(f"/teams/{team_id}/invites", {"role": "interviewer", "days": 7},
                               page=page)
    assert "https://judge.example.org/teams/join/" in response.get_data(as_text=True)
    assert response.headers["Cache-Control"] == "no-store"


def test_cvjudge_serve_sets_its_base_url():
    from web.links import listening_url
    assert listening_url("127.0.0.1", 5000) == "http://127.0.0.1:5000"
    assert listening_url("0.0.0.0", 8000) == "http://127.0.0.1:8000"


def test_the_candidate_link_page_is_not_cached(login):
    from tests.web.hiring.interview_helpers import create_team, create_template
    owner = login("owner")
    team_id = create_team(owner)
    template_id = create_template(owner, team_id)
    response = owner.post_form(f"/teams/{team_id}/interviews",
                               {"template_id": template_id, "candidate_name": "Ada",
                                "candidate_email": "ada@example.com", "link_days": 7},
                               page=f"/teams/{team_id}")
    assert response.status_code == 200 and "/i/" in response.get_data(as_text=True)
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("email", ["ada\u202e@example.com",
                                   "ada@exa\u200bmple.com"])
def test_candidate_emails_with_invisible_characters_are_refused(login, email):
    from tests.web.hiring.interview_helpers import create_team, create_template
    owner = login("owner")
    team_id = create_team(owner)
    template_id = create_template(owner, team_id)
    response = owner.post_form(f"/teams/{team_id}/interviews",
                               {"template_id": template_id, "candidate_name": "Ada",
                                "candidate_email": email, "link_days": 7},
                               page=f"/teams/{team_id}")
    assert response.status_code == 400
