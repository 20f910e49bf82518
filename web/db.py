"""The database: one engine per app, a session per request, sessions on demand for workers."""
import os
from contextlib import contextmanager
from pathlib import Path

from flask import Flask, current_app, g
from sqlalchemy import create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

CONNECT_TIMEOUT_S = 3  # a server that does not answer fails fast instead of hanging a request


class Database:
    def __init__(self, url: str, *, pool_size: int = 10, max_overflow: int = 20,
                 pool_timeout: float = 10.0):
        self.url = url
        options = {"future": True}
        if url.startswith("sqlite"):
            # threads share the engine (web requests and grading workers)
            options["connect_args"] = {"check_same_thread": False, "timeout": 30}
        else:
            options.update(pool_pre_ping=True, pool_size=pool_size, max_overflow=max_overflow,
                           pool_timeout=pool_timeout, pool_recycle=1800)
            if url.startswith("postgresql"):
                options["connect_args"] = {"connect_timeout": CONNECT_TIMEOUT_S,
                                           "application_name": "cvjudge"}
        if url.startswith("sqlite"):
            private_sqlite_file(url)
        self.engine = create_engine(url, **options)
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self):
        """A session for work outside a request (workers, commands); commits on success."""
        session = self.sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()


def private_sqlite_file(url: str) -> None:
    """A SQLite database (password hashes, candidates' data) readable by its owner only:
    created 0600, or narrowed to it. SQLite gives its -wal and -shm files the same mode."""
    path = make_url(url).database
    if not path or path == ":memory:" or path.startswith("file:"):
        return
    database = Path(path)
    database.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(database, os.O_CREAT | os.O_RDWR, 0o600))
    for file in (database, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if file.exists():
            os.chmod(file, 0o600)


def _sqlite_pragmas(connection, _record):
    """WAL lets readers go on while a worker writes; foreign keys are off by default in SQLite."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def shown_url(url: str) -> str:
    """The URL with its password hidden, for banners and status output."""
    return make_url(url).render_as_string(hide_password=True)


def init_app(app: Flask) -> None:
    config = app.config
    app.extensions["cvjudge.db"] = Database(
        config["DATABASE_URL"], pool_size=config.get("DB_POOL_SIZE", 10),
        max_overflow=config.get("DB_MAX_OVERFLOW", 20),
        pool_timeout=config.get("DB_POOL_TIMEOUT_S", 10.0))
    app.teardown_appcontext(_close_request_session)


def database() -> Database:
    return current_app.extensions["cvjudge.db"]


def db() -> Session:
    """The current request's session."""
    if "db_session" not in g:
        g.db_session = database().sessions()
    return g.db_session


def _close_request_session(_exc) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()
