"""Settings from the environment, with defaults that are safe on a single machine."""
import os
import secrets
from pathlib import Path

from web.rate_limits import DEFAULTS as RATE_LIMITS

DATA_DIR = Path(os.environ.get("CVJUDGE_DATA_DIR", Path(__file__).resolve().parent.parent / "instance"))


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return default if value in (None, "") else int(value)


def _flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    return default if value in (None, "") else value.lower() in ("1", "true", "yes", "on")


def _secret_key() -> str:
    """CVJUDGE_SECRET_KEY, else a random key kept in the data folder so sessions survive restarts."""
    if os.environ.get("CVJUDGE_SECRET_KEY"):
        return os.environ["CVJUDGE_SECRET_KEY"]
    path = DATA_DIR / "secret_key"
    if not path.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def _float(name: str, default: float) -> float:
    value = os.environ.get(name)
    return default if value in (None, "") else float(value)


def database_url(url: str | None) -> str:
    """DATABASE_URL, else the SQLite file; plain `postgresql://` URLs get the psycopg 3 driver."""
    if not url:
        path = Path(os.environ.get("CVJUDGE_DATABASE", DATA_DIR / "cvjudge.sqlite3")).resolve()
        return f"sqlite:///{path}"
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def from_environment() -> dict:
    """The app's configuration; every key can be overridden by `create_app(test_config)`."""
    return {
        "SECRET_KEY": _secret_key(),
        "DATABASE_URL": database_url(os.environ.get("DATABASE_URL")),
        # connections each web process keeps (PostgreSQL); SQLite ignores these
        "DB_POOL_SIZE": _int("CVJUDGE_DB_POOL_SIZE", 10),
        "DB_MAX_OVERFLOW": _int("CVJUDGE_DB_MAX_OVERFLOW", 20),
        "DB_POOL_TIMEOUT_S": _float("CVJUDGE_DB_POOL_TIMEOUT", 10.0),
        # the same for each grading process of `cvjudge worker` (one task at a time)
        "WORKER_DB_POOL_SIZE": _int("CVJUDGE_WORKER_DB_POOL_SIZE", 2),
        "WORKER_DB_MAX_OVERFLOW": _int("CVJUDGE_WORKER_DB_MAX_OVERFLOW", 2),
        # Celery on Redis when set; otherwise grading threads in the web process
        "BROKER_URL": os.environ.get("CVJUDGE_BROKER_URL") or None,
        "WORKER_CONCURRENCY": _int("CVJUDGE_WORKER_CONCURRENCY", os.cpu_count() or 1),
        # graders that take only Run examples and interview work (threads, or per worker)
        "INTERACTIVE_WORKERS": _int("CVJUDGE_INTERACTIVE_WORKERS", 1),
        "LEASE_S": _float("CVJUDGE_LEASE_S", 120.0),  # a running grading unheard of this long is re-queued
        "SWEEP_S": _float("CVJUDGE_SWEEP_S", 30.0),  # how often each worker looks for stuck work
        "MAX_ATTEMPTS": _int("CVJUDGE_MAX_ATTEMPTS", 3),  # gradings started before giving up
        "REPUBLISH_S": _float("CVJUDGE_REPUBLISH_S", 900.0),  # trust a sent message this long
        "BROKER_VISIBILITY_S": _float("CVJUDGE_BROKER_VISIBILITY_S", 1800.0),
        "CHALLENGES_DIR": os.environ.get("CVJUDGE_CHALLENGES"),  # None: the bundled catalogue
        "QUESTIONS_DIR": os.environ.get("CVJUDGE_QUESTIONS"),
        "WORKERS": _int("CVJUDGE_WORKERS", 2),  # in-process grading threads
        "HTTPS": _flag("CVJUDGE_HTTPS"),  # behind a TLS proxy: secure cookies, HSTS
        "MAX_CODE_BYTES": 64 * 1024,
        "MAX_CONTENT_LENGTH": 256 * 1024,  # whole request body; larger is refused with 413
        **{name: os.environ.get(f"CVJUDGE_{name}", default) for name, default in RATE_LIMITS.items()},
        "RATELIMIT_STORAGE_URI": os.environ.get("CVJUDGE_RATELIMIT_STORAGE", "memory://"),
        "MAX_PENDING_PER_USER": _int("CVJUDGE_MAX_PENDING", 3),
        # queued work from one address, whatever the accounts (a sign-up makes a fresh one)
        "MAX_PENDING_PER_ADDRESS": _int("CVJUDGE_MAX_PENDING_PER_ADDRESS", 10),
        # absolute links shown once (invitations, candidate links): never the request's Host
        "BASE_URL": (os.environ.get("CVJUDGE_BASE_URL") or "").rstrip("/") or None,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "PERMANENT_SESSION_LIFETIME": 14 * 24 * 3600,
        "WTF_CSRF_CHECK_DEFAULT": False,  # checked in web.security, which knows about API tokens
        "WTF_CSRF_TIME_LIMIT": None,  # the token lives as long as the session
    }
