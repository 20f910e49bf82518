"""Security headers, cookie flags, and user-provided text that must never become markup."""
import re

import pytest

from tests.web.helpers import assert_no_inline_script, get_submission, html, new_token, shows


@pytest.mark.parametrize("path", ["/", "/challenges/iou", "/api/v1/challenges",
                                  "/api/v1/openapi.json", "/challenges/nope", "/api/v1/me",
                                  "/progress"],
                         ids=["html", "challenge", "json", "openapi", "html-404", "json-401",
                              "redirect"])
def test_security_headers_are_on_every_response(client, path):
    headers = client.get(path).headers
    directives = headers["Content-Security-Policy"].split(";")
    policy = dict(directive.strip().split(" ", 1) for directive in directives)
    assert policy["script-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert "Strict-Transport-Security" not in headers  # plain HTTP: no HSTS


@pytest.mark.parametrize("path", ["/", "/challenges/iou", "/leaderboard", "/progress", "/account",
                                  "/users/alice", "/login", "/register"])
def test_pages_need_no_inline_script(app, login, path):
    """With script-src 'self', inline code would not run: only external files and JSON data."""
    assert_no_inline_script(html(login("alice").client.get(path)))


@pytest.mark.parametrize("page", ['<script>alert(1)</script>', '<button onclick="go()">',
                                  '<script src="https://cdn.example/x.js"></script>'])
def test_the_inline_script_check_catches_inline_code(page):
    with pytest.raises(AssertionError):
        assert_no_inline_script(page)


def test_every_post_route_refuses_a_request_without_a_csrf_token(app, login, grade_pending):
    """Routes without a form of their own (logout, revoke, admin actions) rely on this check."""
    admin = login("root", "admin")
    submission_id = admin.submit("iou", "def iou(a, b): return 1.0").get_json()["id"]
    grade_pending()
    new_token(admin)
    posted = []
    for rule in app.url_map.iter_rules():
        if "POST" in rule.methods:
            url = re.sub(r"<[^>]+>", "1", rule.rule)
            response = admin.client.post(url, data={"role": "admin", "bio": "x", "name": "x"})
            assert response.status_code == 400, url
            posted.append(url)
    assert {"/logout", "/account/tokens/1/revoke", "/admin/submissions/1/rejudge"} <= set(posted)
    assert admin.client.get("/api/v1/me").status_code == 200  # still logged in
    assert "No tokens." not in html(admin.client.get("/account"))  # token not revoked
    assert get_submission(app, submission_id).status == "done"  # not re-queued


def session_cookie(response) -> str:
    cookies = [c for c in response.headers.getlist("Set-Cookie") if c.startswith("session=")]
    assert cookies, "no session cookie set"
    return cookies[0]


def test_the_session_cookie_is_httponly_and_samesite_lax(browser, make_user):
    make_user("alice")
    cookie = session_cookie(browser.login("alice"))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie


@pytest.mark.parametrize("app_config", [{"HTTPS": True}])
def test_behind_https_the_cookie_is_secure_and_hsts_is_sent(client):
    response = client.get("/login")
    assert "Secure" in session_cookie(response)
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000"


def test_an_https_request_gets_a_secure_cookie(client):
    response = client.get("/login", base_url="https://localhost")
    assert "Secure" in session_cookie(response)
    assert "Strict-Transport-Security" in response.headers


HOSTILE_BIO = """*emphasis* and **strong**

<script>alert('bio')</script>
<img src=x onerror=alert('img')>
[click me](javascript:alert('link'))
![pic](javascript:alert('image'))
<a href="javascript:alert('raw')">raw link</a>
[fine](https://example.com)
"""


def test_the_bio_is_sanitised_markdown(login, client):
    alice = login("alice")
    saved = alice.post_form("/account", {"bio": HOSTILE_BIO}, page="/account")
    assert saved.status_code == 302
    page = html(client.get("/users/alice"))
    assert "<em>emphasis</em>" in page and "<strong>strong</strong>" in page
    assert '<a href="https://example.com" rel="noopener noreferrer nofollow">fine</a>' in page
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page  # raw HTML in a bio is shown as text
    assert not re.search(r"<[a-z]+[^>]*\sonerror", page)  # as text, '&lt;img ... onerror' is fine
    assert not re.search(r"""<[a-z]+[^>]*\s(href|src)\s*=\s*["']?\s*javascript:""", page, re.I)


def test_the_bio_is_escaped_in_its_own_form(login):
    alice = login("alice")
    alice.post_form("/account", {"bio": HOSTILE_BIO}, page="/account")
    page = html(alice.client.get("/account"))
    assert "<script>alert" not in page and "&lt;script&gt;" in page


@pytest.mark.parametrize("username", ["<script>", "<b>bob</b>", 'a"onmouseover="x', "bob&amp",
                                      "bob's"])
def test_usernames_with_markup_are_refused(browser, username):
    response = browser.register(username)
    assert response.status_code == 400
    assert shows(response, "3–32 letters, digits, '-' or '_'.")
    assert "<script>" not in html(response) and "<b>bob</b>" not in html(response)


def test_a_token_name_is_escaped(login):
    alice = login("alice")
    new_token(alice, "<script>alert('token')</script>")
    page = html(alice.client.get("/account"))
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#39;token&#39;)&lt;/script&gt;" in page
