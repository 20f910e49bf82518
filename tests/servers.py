"""Real PostgreSQL and Redis servers for tests and benchmarks, private to the caller.

Each server is started from Debian's binaries on a free port with its data in a fresh
temporary folder, and stopped (folder removed) afterwards, so parallel test runs never meet.
PostgreSQL refuses to run as root: as root we run it as the `postgres` user.
Set CVJUDGE_TEST_POSTGRES_URL to use an existing server instead (its user must be allowed to
create databases).
"""
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def missing(what: str):
    """Fail under CI (a missing server there is a broken set-up), skip elsewhere."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} is required under CI and is not available")
    pytest.skip(f"{what} is not available")


def wait_for(ready, what: str, process: subprocess.Popen | None = None, limit_s: float = 30.0):
    deadline = time.monotonic() + limit_s
    while not ready():
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited with status {process.returncode}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start within {limit_s:.0f} s")
        time.sleep(0.1)


def _accepts(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def postgres_bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"),
                   key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("postgres")
    return Path(on_path).parent if on_path else None


class PostgresServer:
    """A throw-away cluster: trust auth on 127.0.0.1, durability off (tests only)."""

    def __init__(self):
        self.bindir = postgres_bindir()
        self.port = free_port()
        self.folder = None
        self.process = None
        self.as_postgres = os.geteuid() == 0

    @property
    def available(self) -> bool:
        return self.bindir is not None and (not self.as_postgres or _user_exists("postgres"))

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def _command(self, *args) -> list[str]:
        return (["runuser", "-u", "postgres", "--"] if self.as_postgres else []) + list(args)

    def start(self) -> "PostgresServer":
        self.folder = Path(tempfile.mkdtemp(prefix="cvjudge-pg-"))
        data = self.folder / "data"
        if self.as_postgres:
            shutil.chown(self.folder, "postgres", "postgres")
        subprocess.run(self._command(str(self.bindir / "initdb"), "-D", str(data), "-U", "postgres",
                                     "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"),
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.log = open(self.folder / "server.log", "wb")
        self.process = subprocess.Popen(
            self._command(str(self.bindir / "postgres"), "-D", str(data), "-p", str(self.port),
                          "-k", str(self.folder), "-c", "listen_addresses=127.0.0.1",
                          "-c", "fsync=off", "-c", "synchronous_commit=off",
                          "-c", "full_page_writes=off", "-c", "max_connections=300",
                          "-c", "timezone=UTC"),
            stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        wait_for(self._ready, "PostgreSQL", self.process)
        return self

    def _ready(self) -> bool:
        import psycopg
        try:
            psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                            connect_timeout=1).close()
            return True
        except psycopg.OperationalError:
            return False

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)  # "fast" shutdown
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if self.folder is not None:
            self.log.close()
            shutil.rmtree(self.folder, ignore_errors=True)


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


class ExistingPostgres:
    """CVJUDGE_TEST_POSTGRES_URL: a server someone else runs."""

    def __init__(self, url: str):
        from sqlalchemy.engine import make_url
        self.base = make_url(url).set(drivername="postgresql+psycopg")

    def url(self, database: str = "postgres") -> str:
        return self.base.set(database=database).render_as_string(hide_password=False)

    def stop(self) -> None:
        pass


def start_postgres():
    """A running PostgreSQL (private, or the one CVJUDGE_TEST_POSTGRES_URL names), or fail/skip."""
    if os.environ.get("CVJUDGE_TEST_POSTGRES_URL"):
        return ExistingPostgres(os.environ["CVJUDGE_TEST_POSTGRES_URL"])
    server = PostgresServer()
    if not server.available:
        missing("PostgreSQL (Debian package postgresql)")
    try:
        return server.start()
    except (OSError, RuntimeError, subprocess.CalledProcessError) as exc:
        server.stop()
        missing(f"a PostgreSQL server that starts ({exc})")


def run_sql(url: str, *statements: str) -> None:
    """Statements outside a transaction (CREATE/DROP DATABASE need that)."""
    from sqlalchemy import create_engine, text
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        for statement in statements:
            connection.execute(text(statement))
    engine.dispose()


class RedisServer:
    """redis-server on a free port; `persistent` keeps an append-only file across restarts."""

    def __init__(self, persistent: bool = False):
        self.binary = shutil.which("redis-server")
        self.port = free_port()
        self.persistent = persistent
        self.folder = Path(tempfile.mkdtemp(prefix="cvjudge-redis-"))
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "RedisServer":
        durability = ["--appendonly", "yes", "--appendfsync", "always"] if self.persistent \
            else ["--appendonly", "no"]
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder),
             "--save", "", "--protected-mode", "no", *durability],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        wait_for(lambda: _accepts(self.port), "redis-server", self.process)
        return self

    def stop(self, *, hard: bool = False) -> None:
        """SIGKILL with `hard` (nothing saved on the way out), else a normal shutdown."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL if hard else signal.SIGTERM)
            self.process.wait(20)

    def close(self) -> None:
        self.stop(hard=True)
        shutil.rmtree(self.folder, ignore_errors=True)


def start_redis(persistent: bool = False) -> RedisServer:
    if shutil.which("redis-server") is None:
        missing("redis-server (Debian package redis-server)")
    return RedisServer(persistent).start()
