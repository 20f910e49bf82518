"""Two web processes count rate limits together in Redis (CVJUDGE_RATELIMIT_STORAGE)."""
import re
import sys
from http.cookiejar import CookieJar
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, build_opener

from tests.scale.conftest import Process
from tests.servers import free_port, wait_for


def answers(url: str) -> bool:
    try:
        return build_opener().open(url, timeout=2).status == 200
    except OSError:
        return False


def post_login(opener, base: str) -> int:
    page = opener.open(base + "/login", timeout=10).read().decode()
    token = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
    body = urlencode({"username": "nobody", "password": "wrong guess", "csrf_token": token})
    try:
        return opener.open(base + "/login", data=body.encode(), timeout=10).status
    except HTTPError as error:
        return error.code


def test_login_guesses_are_counted_across_web_processes(stack_factory):
    stack = stack_factory()
    stack.env.update(CVJUDGE_RATELIMIT_STORAGE=stack.redis.url.rsplit("/", 1)[0] + "/1",
                     CVJUDGE_LOGIN_RATE_LIMIT="3 per minute")
    first = stack.start_web()
    port = free_port()
    other = Process("web-2", [sys.executable, "-m", "web.cli", "serve", "--port", str(port)],
                    stack.env, stack.folder / "web-2.log")
    stack.workers.append(other)  # stopped with the stack
    second = f"http://127.0.0.1:{port}"
    opener = build_opener(HTTPCookieProcessor(CookieJar()))  # one visitor, both servers
    wait_for(lambda: answers(second + "/healthz"), "the second server", other.popen, limit_s=60)

    statuses = [post_login(opener, base) for base in (first, second, first, second)]
    assert statuses == [400, 400, 400, 429]  # in memory, each process would allow 3 of its own
