"""Web tests: the Flask test client against a fresh, migrated SQLite database per test.

Grading is done synchronously by `grade_pending`, with a stand-in grader that decides from
the code's text; the real judge in Docker is exercised by the sandbox and browser layers.
"""
import functools
import re
import shutil
from datetime import datetime, timedelta

import pytest
from argon2 import PasswordHasher

from judge.catalogue import load_catalogue
from judge.result import Counterexample, GradeResult, PropertyResult
from judge.verdicts import Verdict
import web.clock
from web import catalogue, create_app, security
from web.grading import claim_next, grade_submission
from web.migrate import upgrade

PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory):
    """Run the migrations once; each test copies the resulting file."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    upgrade(f"sqlite:///{path}")
    return path


def web_config(database, **overrides) -> dict:
    """The configuration every web test starts from (CSRF on, generous rate limits)."""
    return {
        "SKIP_ENV": True, "TESTING": True, "SECRET_KEY": "test-secret",
        "DATABASE_URL": f"sqlite:///{database}", "CHALLENGES_DIR": None, "QUESTIONS_DIR": None,
        "WORKERS": 0, "HTTPS": False, "MAX_CODE_BYTES": 64 * 1024,
        "MAX_CONTENT_LENGTH": 256 * 1024, "SUBMIT_RATE_LIMIT": "1000 per minute",
        "LOGIN_RATE_LIMIT": "1000 per minute", "REGISTER_RATE_LIMIT": "1000 per minute",
        "RATELIMIT_STORAGE_URI": "memory://", "MAX_PENDING_PER_USER": 3,
        "WTF_CSRF_CHECK_DEFAULT": False, "WTF_CSRF_TIME_LIMIT": None,
        "SESSION_COOKIE_SAMESITE": "Lax", "SESSION_COOKIE_HTTPONLY": True,
        "REVIEW_FUZZ": False,  # fsrs spreads due dates at random unless told not to
        **overrides,
    }


@pytest.fixture(autouse=True)
def fast_passwords(monkeypatch):
    """Still argon2id, with tiny costs: the real parameters take ~0.4 s per hash or check."""
    monkeypatch.setattr(security, "passwords",
                        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


_load_catalogue_once = functools.cache(load_catalogue)


@pytest.fixture(autouse=True)
def cached_catalogue(monkeypatch):
    """Each app loads the same challenge folders; importing their properties once is enough."""
    monkeypatch.setattr(catalogue, "load_catalogue", _load_catalogue_once)


@pytest.fixture
def app_config() -> dict:
    """Overrides for one test's app: `@pytest.mark.parametrize("app_config", [{...}])`."""
    return {}


@pytest.fixture
def app(tmp_path, migrated_template, app_config):
    database = tmp_path / "cvjudge.sqlite3"
    shutil.copy(migrated_template, database)
    app = create_app(web_config(database, **app_config))
    yield app
    app.extensions["cvjudge.db"].engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


def csrf_from(html: str) -> str:
    match = re.search(r'name="csrf-token" content="([^"]+)"', html) or \
        re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


class Browser:
    """A test client that behaves like a person with a browser: reads CSRF tokens from pages."""

    def __init__(self, client):
        self.client = client
        self.user_id: int | None = None  # set by the `login` fixture

    def csrf(self, path: str = "/") -> str:
        return csrf_from(self.client.get(path).get_data(as_text=True))

    def register(self, username: str, password: str = PASSWORD):
        token = self.csrf("/register")
        return self.client.post("/register", data={"username": username, "password": password,
                                                   "confirm": password, "csrf_token": token})

    def login(self, username: str, password: str = PASSWORD):
        token = self.csrf("/login")
        return self.client.post("/login", data={"username": username, "password": password,
                                                "csrf_token": token})

    def logout(self):
        return self.client.post("/logout", data={"csrf_token": self.csrf()})

    def post_form(self, path: str, data: dict, page: str = "/"):
        return self.client.post(path, data={**data, "csrf_token": self.csrf(page)})

    def submit(self, challenge: str, code: str, kind: str = "submit"):
        return self.client.post("/api/v1/submissions", json={"challenge": challenge, "code": code,
                                                             "kind": kind},
                                headers={"X-CSRFToken": self.csrf()})


@pytest.fixture
def browser(client):
    return Browser(client)


@pytest.fixture
def make_user(app):
    """Create a user directly (fast); returns its id."""
    from web.accounts import create_user

    def make(username: str, role: str = "member", password: str = PASSWORD) -> int:
        with app.app_context():
            return create_user(username, password, role).id
    return make


@pytest.fixture
def login(app, make_user):
    """A new user, logged in on a client of their own: `login("bob", "admin")` -> Browser."""
    def log_in(username: str, role: str = "member") -> Browser:
        user_id = make_user(username, role)
        browser = Browser(app.test_client())
        assert browser.login(username).status_code == 302
        browser.user_id = user_id
        return browser
    return log_in


def fake_grader(challenge, code, kind):
    """Decide from markers in the code: '# score=N' (default 100), '# verdict=...'."""
    score = int(re.search(r"# score=(\d+)", code).group(1)) if "# score=" in code else 100
    verdict = re.search(r"# verdict=(\w+)", code)
    verdict = Verdict(verdict.group(1)) if verdict else \
        (Verdict.ACCEPTED if score == 100 else Verdict.WRONG_ANSWER)
    counterexample = None if verdict is Verdict.ACCEPTED else Counterexample(
        property="first", inputs={"box_a": [0, 0, 4, 4], "box_b": [2, 2, 6, 6]},
        expected=0.14285714285714285, got="<script>alert('got')</script>", message="expected 1/7")
    properties = (PropertyResult("first", "a checked thing", 1, verdict is Verdict.ACCEPTED,
                                 "passed" if verdict is Verdict.ACCEPTED else "expected 1/7",
                                 None if verdict is Verdict.ACCEPTED else verdict, 10, 0.1),)
    return GradeResult(challenge=challenge.id, verdict=verdict, score=score, properties=properties,
                       counterexample=counterexample, seed=1, duration_s=0.2, message="graded",
                       time_limit_s=1.0, slowest_timed_call_s=0.1, calls=10)


@pytest.fixture
def grade_pending(app):
    """Grade everything queued, synchronously, with the stand-in grader."""
    def run(grader=fake_grader) -> int:
        database = app.extensions["cvjudge.db"]
        challenges = app.extensions["cvjudge.catalogue"].challenges
        count = 0
        while (submission_id := claim_next(database)) is not None:
            grade_submission(database, submission_id, challenges, grader)
            count += 1
        return count
    return run


class Clock:
    """The time the app sees, moved by the test: `clock.advance(minutes=5)`."""

    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    """Freeze `web.clock.now` (interview deadlines, links) at a known moment."""
    controlled = Clock(datetime(2026, 11, 20, 9, 0, 0))
    monkeypatch.setattr(web.clock, "now", controlled)
    return controlled
