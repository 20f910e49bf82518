"""Issue 19 end to end, against a live `cvjudge serve` with real Docker grading: a huge answer
is stored cut short, sleeping code is stopped as waiting, `admin\\n` cannot sign up, a token
does not open HTML pages, and a copied cookie dies at logout (findings 1, 2, 4, 5 and 6)."""
import json
import re
import time
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import REPO, browser_page, register, running_server

PASSWORD = "a long enough password"


@pytest.fixture(scope="module")
def server(docker_client, tmp_path_factory):
    with running_server(tmp_path_factory.mktemp("abuse-server")) as base:
        yield base


def call(base: str, path: str, *, token=None, cookie=None, body=None, method=None,
         accept="application/json", user_agent=None):
    """(status, headers, body bytes) of one plain HTTP request, as a script would send it."""
    headers = {"Accept": accept}
    if user_agent:
        headers["User-Agent"] = user_agent
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if cookie:
        headers["Cookie"] = cookie
    data = None
    if body is not None:
        data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
    request = urllib.request.Request(base + path, data=data, headers=headers, method=method)

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def new_token(page, scopes=("read", "submit")) -> str:
    page.goto("/account")
    page.fill("#token-name", "live script")
    for scope in ("read", "submit"):
        box = page.locator(f"#token-{scope}")
        box.check() if scope in scopes else box.uncheck()
    page.click("text=Create token")
    return page.locator("#new-token").inner_text()


def graded(base: str, token: str, code: str, limit_s: float = 120) -> tuple[dict, int, float]:
    started = time.monotonic()
    status, _, raw = call(base, "/api/v1/submissions", token=token,
                          body={"challenge": "iou", "code": code})
    assert status == 202, raw
    submission_id = json.loads(raw)["id"]
    while time.monotonic() - started < limit_s:
        status, _, raw = call(base, f"/api/v1/submissions/{submission_id}", token=token)
        found = json.loads(raw)
        if found["status"] == "done":
            return found, len(raw), time.monotonic() - started
        time.sleep(0.2)
    raise AssertionError("no verdict in time")


def test_results_are_bounded_and_sleepers_are_stopped(chromium, server):
    with browser_page(chromium, server) as page:
        register(page, "bounded", PASSWORD)
        token = new_token(page)
    # finding 1: a 10 MB string answer (under the 16 MB reply cap) comes back a few KB long
    found, size, _ = graded(server, token, "def iou(box_a, box_b):\n    return 'x' * 10_000_000\n")
    assert found["result"]["verdict"] == "wrong_answer"
    assert size < 16_000, size
    assert "more characters)" in json.dumps(found["result"])
    # ... and a 25 MB one is refused by the reply cap, with nothing of it stored
    found, size, _ = graded(server, token, "def iou(box_a, box_b):\n    return 'x' * 25_000_000\n")
    assert size < 16_000 and "16 MB" in found["result"]["message"]
    # finding 2: sleeping through the CPU limit is stopped on the wall clock, as waiting
    sleeper = (REPO / "tests" / "sandbox" / "attacks" / "sleep_each_call.py").read_text()
    found, _, seconds = graded(server, token, sleeper)
    assert found["result"]["verdict"] == "time_limit_exceeded"
    assert "waiting" in found["result"]["message"]
    assert seconds < 60, seconds


def test_identities_tokens_and_sessions(chromium, server):
    with browser_page(chromium, server) as page:
        # finding 4: a username ending in a newline is refused (the form's own field cannot
        # hold one, so it is posted as a script would)
        page.goto("/register")
        csrf = page.locator("input[name=csrf_token]").input_value()
        response = page.request.post(server + "/register", form={
            "username": "admin\n", "password": PASSWORD, "confirm": PASSWORD, "csrf_token": csrf})
        assert response.status == 400
        register(page, "sessions", PASSWORD)
        expect(page.locator("header")).to_contain_text("sessions")
        token = new_token(page)
        # finding 5: the token works on the API, not on HTML pages
        assert call(server, "/api/v1/me", token=token)[0] == 200
        status, headers, _ = call(server, "/account", token=token, accept="text/html")
        assert status == 302 and "/login" in headers["Location"]
        # finding 6: a copied session cookie (sent with the browser's user agent, as a thief
        # would, since sessions are bound to it) stops working when its owner logs out
        cookie = "; ".join(f"{c['name']}={c['value']}" for c in page.context.cookies())
        agent = page.evaluate("navigator.userAgent")
        stolen = call(server, "/api/v1/me", cookie=cookie, user_agent=agent)
        assert json.loads(stolen[2])["user"] == "sessions"
        page.goto("/")
        page.click("header button:has-text('Log out')")
        expect(page.locator("header")).to_contain_text("Log in")
        assert call(server, "/api/v1/me", cookie=cookie, user_agent=agent)[0] == 401
        assert re.search(r"logged out", page.content())
