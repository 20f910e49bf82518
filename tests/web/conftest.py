"""Web tests: the Flask test client against a fresh, migrated database per test.

The database is SQLite by default (a copy of a migrated file per test); with
CVJUDGE_TEST_DATABASE=postgresql every test gets a migrated PostgreSQL database emptied just
for it instead (`make test` runs this layer both ways). Use the `app`
fixture, or `fresh_database_url` for a database of your own, and the suite runs on both.
Grading is done synchronously by `grade_pending`, with a stand-in grader that decides from
the code's text; the real judge in Docker is exercised by the sandbox and browser layers.
"""
import functools
import os
import re
import shutil
from datetime import datetime, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import text
from sqlalchemy.pool import NullPool

import web.clock
from judge.catalogue import load_catalogue
from judge.result import Counterexample, GradeResult, PropertyResult
from judge.verdicts import Verdict
from web import create_app, security
from web.grading.lifecycle import claim_next, grade_submission
from web.migrate import upgrade
from web.practice import catalogue
from web.study import questions

PASSWORD = "correct horse battery"


BACKEND = os.environ.get("CVJUDGE_TEST_DATABASE", "sqlite")
if BACKEND not in ("sqlite", "postgresql"):
    raise pytest.UsageError(f"CVJUDGE_TEST_DATABASE must be sqlite or postgresql, not {BACKEND!r}")


class SqliteDatabases:
    """Migrate one file per session; each test gets a copy."""

    def __init__(self, folder):
        self.template = folder / "template.sqlite3"
        upgrade(f"sqlite:///{self.template}")
        self.template_url = f"sqlite:///{self.template}"

    def create(self, tmp_path) -> str:
        path = tmp_path / "cvjudge.sqlite3"
        shutil.copy(self.template, path)
        return f"sqlite:///{path}"

    def drop(self, url: str) -> None:
        pass


class PostgresDatabases:
    """One migrated database per session, emptied before each test (TRUNCATE … RESTART IDENTITY).

    Emptying is ~30 ms where `CREATE DATABASE … TEMPLATE` costs ~300 ms. Connections a test
    left open are cut first, so nothing it leaked can block the next test.
    """

    def __init__(self):
        from sqlalchemy import create_engine

        from tests.servers import run_sql, start_postgres
        self.server = start_postgres()
        name = f"cvjudge_test_{os.getpid()}"
        run_sql(self.server.url(), f"DROP DATABASE IF EXISTS {name} WITH (FORCE)",
                f"CREATE DATABASE {name}")
        self.name, self.template_url = name, self.server.url(name)
        upgrade(self.template_url)
        self.admin = create_engine(self.template_url, isolation_level="AUTOCOMMIT",
                                   poolclass=NullPool)
        with self.admin.connect() as connection:
            self.tables = connection.execute(text(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                "AND tablename <> 'alembic_version'")).scalars().all()

    def create(self, _tmp_path) -> str:
        with self.admin.connect() as connection:
            connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                    "WHERE datname = :name AND pid <> pg_backend_pid()"),
                               {"name": self.name})
            connection.execute(text(f"TRUNCATE {', '.join(self.tables)} RESTART IDENTITY CASCADE"))
        return self.template_url

    def drop(self, url: str) -> None:
        pass  # emptied by the next test's create()

    def close(self) -> None:
        self.admin.dispose()
        self.server.stop()


@pytest.fixture(scope="session")
def databases(tmp_path_factory):
    """The session's database factory: SQLite copies or PostgreSQL databases from a template."""
    if BACKEND == "sqlite":
        yield SqliteDatabases(tmp_path_factory.mktemp("template"))
        return
    backend = PostgresDatabases()
    yield backend
    backend.close()


@pytest.fixture(scope="session")
def migrated_template(databases) -> str:
    """The URL of a migrated database, for checks of the schema itself (never write to it)."""
    return databases.template_url


@pytest.fixture
def fresh_database_url(databases, tmp_path):
    """A migrated database of this test's own, on the session's backend."""
    url = databases.create(tmp_path)
    yield url
    databases.drop(url)


def web_config(database, **overrides) -> dict:
    """The configuration every web test starts from (CSRF on, generous rate limits).

    `database` is a URL, or the path of a SQLite file.
    """
    url = database if "://" in str(database) else f"sqlite:///{database}"
    return {
        "SKIP_ENV": True, "TESTING": True, "SECRET_KEY": "test-secret",
        "DATABASE_URL": url, "CHALLENGES_DIR": None, "QUESTIONS_DIR": None,
        "WORKERS": 0, "HTTPS": False, "MAX_CODE_BYTES": 64 * 1024,
        "MAX_CONTENT_LENGTH": 256 * 1024, "SUBMIT_RATE_LIMIT": "1000 per minute",
        "LOGIN_RATE_LIMIT": "1000 per minute", "REGISTER_RATE_LIMIT": "1000 per minute",
        "RATELIMIT_STORAGE_URI": "memory://", "MAX_PENDING_PER_USER": 3,
        "MAX_PENDING_PER_ADDRESS": 100,  # every test client comes from 127.0.0.1
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


_load_questions = questions.load_questions
_load_bundled_questions_once = functools.cache(
    lambda challenge_ids: _load_questions(questions.QUESTIONS_DIR, challenge_ids))


def _load_questions_cached(root, challenge_ids=None):
    """The bundled bank is read once per session; any other folder every time (tests edit them)."""
    if root == questions.QUESTIONS_DIR:
        return _load_bundled_questions_once(frozenset(challenge_ids or ()))
    return _load_questions(root, challenge_ids)


@pytest.fixture(autouse=True)
def cached_catalogue(monkeypatch):
    """Each app loads the same challenge folders and question bank; reading them once is enough."""
    monkeypatch.setattr(catalogue, "load_catalogue", _load_catalogue_once)
    monkeypatch.setattr(questions, "load_questions", _load_questions_cached)


@pytest.fixture
def app_config() -> dict:
    """Overrides for one test's app: `@pytest.mark.parametrize("app_config", [{...}])`."""
    return {}


@pytest.fixture
def app(fresh_database_url, app_config):
    app = create_app(web_config(fresh_database_url, **app_config))
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
    from web.accounts.users import create_user

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


def fake_grader(challenge, code, kind, progress=None):
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
