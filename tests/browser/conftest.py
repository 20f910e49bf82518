"""Browser tests: Playwright drives Debian's Chromium against a live `cvjudge serve`.

The server is the real thing: its own SQLite file, in-process graders, real Docker sandboxes.
Without Chromium, Docker or the built front-end bundle these tests fail under CI (never skip).
"""
import os
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.request import urlopen

import pytest

from judge.sandbox import owner

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CVJUDGE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = REPO / "docs" / "screenshots"


def _missing(what: str):
    if os.environ.get("CI"):
        pytest.fail(f"{what} is required under CI")
    pytest.skip(f"{what} is not available")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_server(data: Path, workers: int = 1, extra_env: dict | None = None):
    """`cvjudge serve` on a free port with its database in `data` (and `extra_env` added to
    its environment); yields its base URL."""
    port = _free_port()
    env = {**os.environ, "CVJUDGE_DATA_DIR": str(data), "CVJUDGE_SECRET_KEY": "browser-tests",
           "CVJUDGE_WORKERS": str(workers), "CVJUDGE_SUBMIT_RATE_LIMIT": "100 per minute",
           "CVJUDGE_LOGIN_RATE_LIMIT": "100 per minute",
           "CVJUDGE_REGISTER_RATE_LIMIT": "100 per minute",
           "CVJUDGE_REGISTER_GLOBAL_RATE_LIMIT": "1000 per hour",
           "CVJUDGE_MAX_PENDING_PER_ADDRESS": "100",  # every browser comes from 127.0.0.1
           # its own owner: the session-long server's pool replaces idle containers while the
           # sandbox tests run, and those must not look like their leftovers
           "CVJUDGE_SANDBOX_OWNER": f"{owner()}-server-{port}", **(extra_env or {})}
    env.pop("DATABASE_URL", None)
    log_path = data / f"server-{port}.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen([sys.executable, "-m", "web.cli", "serve", "--port", str(port)],
                                  cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    urlopen(base + "/", timeout=2).read()
                    break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError("server did not start:\n" + log_path.read_text())
                    time.sleep(0.3)
            yield base
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()


def database_url(data: Path) -> str:
    return f"sqlite:///{data / 'cvjudge.sqlite3'}"


@pytest.fixture(scope="session")
def live_server(docker_client, tmp_path_factory):
    """One server for the browser tests; yields its base URL and database URL."""
    if not (REPO / "web" / "static" / "dist" / "app.js").exists():
        _missing("the front-end bundle (run `make assets`)")
    data = tmp_path_factory.mktemp("server")
    with running_server(data) as base:
        yield {"url": base, "data": data, "database": database_url(data)}


@pytest.fixture(scope="session")
def chromium():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package")
    if not Path(CHROMIUM).exists():
        _missing(f"Chromium at {CHROMIUM}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextmanager
def browser_page(chromium, base_url: str, width: int = 1400, height: int = 950, **options):
    """A fresh browser context on `base_url` (options as Playwright's new_context takes them,
    e.g. color_scheme="dark"); fails if the page logged a console error."""
    context = chromium.new_context(base_url=base_url, viewport={"width": width, "height": height},
                                   **options)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield page
    context.close()
    assert not errors, f"errors in the browser console: {errors}"


@pytest.fixture
def page(chromium, live_server):
    with browser_page(chromium, live_server["url"]) as page:
        yield page


def register(page, username: str, password: str = "a long enough password") -> None:
    """Sign up through the form, as a new visitor would."""
    page.goto("/register")
    page.fill("#username", username)
    page.fill("#password", password)
    page.fill("#confirm", password)
    page.click("button[type=submit]")


def log_in(page, username: str, password: str = "a long enough password") -> None:
    page.goto("/login")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("main button[type=submit]")
