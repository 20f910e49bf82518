"""Sessions that end: logout and password changes end every session of the account, admins
reset passwords, the CSRF token changes at login (issue 19, findings 6 and 12)."""
from sqlalchemy import select

from tests.web.conftest import PASSWORD, Browser
from tests.web.helpers import html, session
from web.models import User

NEW_PASSWORD = "violet submarine lantern"


def copy_of(app, browser: Browser) -> Browser:
    """Another client holding the same cookies: a stolen or copied session cookie."""
    thief = Browser(app.test_client())
    for cookie in browser.client._cookies.values():
        thief.client.set_cookie(cookie.key, cookie.value, domain=cookie.domain, path=cookie.path)
    return thief


def signed_in(browser: Browser) -> bool:
    return browser.client.get("/api/v1/me").status_code == 200


def test_a_copied_cookie_stops_working_at_logout(app, login):
    alice = login("alice")
    thief = copy_of(app, alice)
    assert signed_in(thief)
    alice.logout()
    assert not signed_in(alice)
    assert not signed_in(thief)


def test_logout_ends_the_sessions_on_other_devices_too(app, login):
    laptop = login("alice")
    phone = Browser(app.test_client())
    assert phone.login("alice").status_code == 302
    phone.logout()
    assert not signed_in(laptop)
    assert laptop.login("alice").status_code == 302 and signed_in(laptop)


def change_password(browser, current=PASSWORD, new=NEW_PASSWORD, confirm=None):
    return browser.post_form("/account/password", {
        "current": current, "password": new, "confirm": new if confirm is None else confirm},
        page="/account/password")


def test_changing_the_password_keeps_this_session_and_ends_the_others(app, login):
    alice = login("alice")
    elsewhere = copy_of(app, alice)
    response = change_password(alice)
    assert response.status_code == 302
    assert signed_in(alice)
    assert not signed_in(elsewhere)
    fresh = Browser(app.test_client())
    assert fresh.login("alice").status_code == 400
    assert fresh.login("alice", NEW_PASSWORD).status_code == 302


def test_a_password_change_needs_the_current_password_and_a_good_new_one(app, login):
    alice = login("alice")
    assert change_password(alice, current="wrong guess").status_code == 400
    weak = change_password(alice, new="password123")
    assert weak.status_code == 400 and "Choose a harder password" in html(weak)
    assert change_password(alice, confirm="something else").status_code == 400
    assert signed_in(alice)


def test_the_password_page_needs_a_login(client):
    assert client.get("/account/password").status_code == 302


def test_an_admin_reset_shows_a_new_password_once_and_ends_the_users_sessions(app, login):
    admin, bob = login("root", "admin"), login("bob")
    response = admin.post_form(f"/admin/users/{bob.user_id}/reset-password", {}, page="/admin/users")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    page = html(response)
    new_password = page.split('<code id="new-password">')[1].split("</code>")[0]
    assert not signed_in(bob)
    assert Browser(app.test_client()).login("bob", new_password).status_code == 302
    with session(app) as s:
        assert new_password not in s.scalar(select(User.password_hash).where(User.id == bob.user_id))


def test_only_admins_reset_passwords(app, login):
    bob, carol = login("bob"), login("carol")
    response = bob.post_form(f"/admin/users/{carol.user_id}/reset-password", {}, page="/")
    assert response.status_code == 403
    assert signed_in(carol)


def test_the_csrf_token_changes_at_login(app, make_user):
    make_user("alice")
    browser = Browser(app.test_client())
    before = browser.csrf("/login")
    assert browser.login("alice").status_code == 302
    after = browser.csrf("/")
    assert before != after
    # the token read before logging in no longer works for the signed-in session
    stale = browser.client.post("/logout", data={"csrf_token": before})
    assert stale.status_code == 400
    assert signed_in(browser)


def test_a_cookie_without_a_session_version_loads_nobody(app, login):
    """Cookies issued before session versions named only the user id: they log in again."""
    alice = login("alice")
    with alice.client.session_transaction() as cookie:
        cookie["_user_id"] = str(alice.user_id)
    assert not signed_in(alice)
