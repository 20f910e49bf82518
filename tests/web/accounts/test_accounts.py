"""Register, log in and out, disabled accounts, safe redirects, password storage, CSRF."""
from urllib.parse import quote

import pytest
from sqlalchemy import func, select

from tests.web.conftest import PASSWORD, Browser
from tests.web.helpers import html, session, shows, update_user
from web.models import User


def register_form(browser, username="alice", password=PASSWORD, confirm=None):
    return browser.post_form("/register", {"username": username, "password": password,
                                           "confirm": password if confirm is None else confirm},
                             page="/register")


def user_count(app) -> int:
    with session(app) as s:
        return s.scalar(select(func.count()).select_from(User))


def who_am_i(client) -> str | None:
    response = client.get("/api/v1/me")
    return response.get_json()["user"] if response.status_code == 200 else None


def test_register_logs_the_new_user_in(app, browser, client):
    response = browser.register("alice")
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert who_am_i(client) == "alice"
    assert "Welcome, alice!" in html(client.get("/"))


def test_passwords_are_stored_as_argon2_hashes(app, browser):
    browser.register("alice")
    with session(app) as s:
        stored = s.scalar(select(User.password_hash).where(User.username == "alice"))
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored


@pytest.mark.parametrize("fields, message", [
    ({"username": "al"}, "3–32 letters, digits, '-' or '_'."),
    ({"username": "a" * 33}, "3–32 letters, digits, '-' or '_'."),
    ({"username": "bad name"}, "3–32 letters, digits, '-' or '_'."),
    ({"password": "short"}, "At least 8 characters."),
    ({"confirm": "something else"}, "The passwords differ."),
], ids=["too-short-name", "too-long-name", "space-in-name", "short-password", "mismatch"])
def test_register_refuses_bad_input(app, browser, fields, message):
    response = register_form(browser, **fields)
    assert response.status_code == 400
    assert shows(response, message)
    assert user_count(app) == 0


def test_register_refuses_a_taken_name_whatever_its_case(app, browser, make_user):
    make_user("Alice")
    response = register_form(browser, username="aLICE")
    assert response.status_code == 400
    assert "That username is taken." in html(response)
    assert user_count(app) == 1


def test_login_and_logout(browser, client, make_user):
    make_user("alice")
    response = browser.login("alice")
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert who_am_i(client) == "alice"
    assert browser.logout().status_code == 302
    assert who_am_i(client) is None


def test_login_ignores_the_case_of_the_username(browser, client, make_user):
    make_user("Alice")
    assert browser.login("ALICE").status_code == 302
    assert who_am_i(client) == "Alice"


@pytest.mark.parametrize("username, password", [("alice", "wrong password"),
                                                ("nobody", PASSWORD)],
                         ids=["wrong-password", "unknown-user"])
def test_login_refuses_bad_credentials_with_one_message(browser, client, make_user,
                                                        username, password):
    make_user("alice")
    response = browser.login(username, password)
    assert response.status_code == 400
    assert "Wrong username or password." in html(response)
    assert who_am_i(client) is None


def test_a_disabled_account_cannot_log_in(app, browser, client, make_user):
    update_user(app, make_user("alice"), active=False)
    response = browser.login("alice")
    assert response.status_code == 400
    assert "This account is disabled." in html(response)
    assert who_am_i(client) is None


def test_disabling_ends_a_running_session(app, login):
    alice = login("alice")
    update_user(app, alice.user_id, active=False)
    assert who_am_i(alice.client) is None
    assert alice.client.get("/account").status_code == 302


def login_with_next(browser, target: str):
    token = browser.csrf("/login")
    return browser.client.post(f"/login?next={quote(target)}", data={
        "username": "alice", "password": PASSWORD, "csrf_token": token})


@pytest.mark.parametrize("target", ["/leaderboard", "/challenges/iou?tab=1"])
def test_login_follows_a_same_site_next(browser, make_user, target):
    make_user("alice")
    assert login_with_next(browser, target).headers["Location"] == target


@pytest.mark.parametrize("target", ["//evil.com", "https://evil.com", "/\\evil.com",
                                    "/\t/evil.com", "/\n/evil.com", "javascript:alert(1)"])
def test_login_never_redirects_off_site(browser, make_user, target):
    make_user("alice")
    response = login_with_next(browser, target)
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_a_protected_page_sends_you_to_login_and_back(browser, client, make_user):
    make_user("alice")
    response = client.get("/progress")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=/progress")
    assert login_with_next(browser, "/progress").headers["Location"] == "/progress"


def test_logout_needs_post(client):
    assert client.get("/logout").status_code == 405


@pytest.mark.parametrize("path, data", [
    ("/login", {"username": "alice", "password": PASSWORD}),
    ("/register", {"username": "bob", "password": PASSWORD, "confirm": PASSWORD}),
    ("/logout", {}),
    ("/account", {"bio": "changed"}),
    ("/account/tokens", {"token-name": "script"}),
])
@pytest.mark.parametrize("token", [None, "forged"])
def test_forms_without_a_valid_csrf_token_are_refused(app, login, path, data, token):
    alice = login("alice")
    if token:
        data = {**data, "csrf_token": token}
    response = alice.client.post(path, data=data)
    assert response.status_code == 400
    assert who_am_i(alice.client) == "alice"  # not logged out
    assert user_count(app) == 1  # nobody registered
    account = html(alice.client.get("/account"))
    assert "changed" not in account and "No tokens." in account


@pytest.mark.parametrize("headers", [{}, {"X-CSRFToken": "forged"}])
def test_json_calls_without_a_valid_csrf_token_are_refused(login, headers):
    alice = login("alice")
    response = alice.client.post("/api/v1/submissions", headers=headers,
                                 json={"challenge": "iou", "code": "def iou(a, b): return 0"})
    assert response.status_code == 400
    assert response.get_json()["error"]
    assert alice.client.get("/api/v1/submissions").get_json()["submissions"] == []


@pytest.mark.parametrize("app_config, path", [
    ({"LOGIN_RATE_LIMIT": "2 per minute"}, "/login"),
    ({"REGISTER_RATE_LIMIT": "2 per minute"}, "/register"),
])
def test_login_and_register_are_rate_limited(browser, path):
    statuses = [browser.post_form(path, {"username": "x", "password": "y"}, page=path).status_code
                for _ in range(3)]
    assert statuses == [400, 400, 429]


@pytest.mark.parametrize("app_config", [{"LOGIN_RATE_LIMIT": "2 per minute"}])
def test_guessing_one_account_from_many_addresses_is_limited_too(app, make_user):
    make_user("target")
    statuses = []
    for address in ("10.0.0.1", "10.0.0.2", "10.0.0.3"):
        browser = Browser(app.test_client())
        token = browser.csrf("/login")
        statuses.append(browser.client.post(
            "/login", data={"username": "TARGET", "password": "guess", "csrf_token": token},
            environ_base={"REMOTE_ADDR": address}).status_code)
    assert statuses == [400, 400, 429]


@pytest.mark.parametrize("app_config", [{"LOGIN_RATE_LIMIT": "2 per minute",
                                         "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:9/0"}])
def test_an_unreachable_rate_limit_store_still_limits_in_memory(browser, make_user):
    """Redis for the shared counters is down: logins neither fail with 500 nor go unlimited."""
    make_user("carol")
    assert browser.login("carol").status_code == 302
    statuses = [browser.post_form("/login", {"username": "x", "password": "y"}, page="/login")
                .status_code for _ in range(2)]
    assert statuses == [400, 429]


def test_registering_from_a_page_returns_to_it(browser):
    """The challenge page's register link carries `next`, so the visitor's draft is there."""
    response = browser.post_form("/register?next=/challenges/iou", {
        "username": "returning", "password": PASSWORD, "confirm": PASSWORD}, page="/register")
    assert response.status_code == 302 and response.headers["Location"] == "/challenges/iou"


def test_registering_with_an_unsafe_next_goes_to_the_challenges(browser):
    response = browser.post_form("/register?next=//evil.example", {
        "username": "careful", "password": PASSWORD, "confirm": PASSWORD}, page="/register")
    assert response.status_code == 302 and response.headers["Location"] == "/"
