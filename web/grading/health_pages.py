"""`/healthz`: is this web process able to work? For load balancers, compose and monitoring.

No login needed, nothing secret in the answer (no URLs, no error messages: only the type of
the failure), and quick: every check has a short timeout. 200 when all checks pass, else 503.
"""
import time

from flask import Blueprint, current_app, jsonify
from sqlalchemy import text

from web.db import database
from web.grading.dispatch import broker_queue

bp = Blueprint("health", __name__)


def timed(check) -> dict:
    """Run one check; its outcome and how long it took, never an exception."""
    started = time.monotonic()
    try:
        details = check() or {}
        outcome = {"ok": True, **details}
    except Exception as exc:
        outcome = {"ok": False, "error": type(exc).__name__}
    return {**outcome, "ms": round((time.monotonic() - started) * 1000, 1)}


def check_database() -> dict:
    with database().engine.connect() as connection:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return {"revision": revision}


@bp.get("/healthz")
def healthz():
    queue = broker_queue(current_app)
    checks = {"database": timed(check_database)}
    if queue is not None:
        checks["broker"] = timed(queue.ping)
    healthy = all(check["ok"] for check in checks.values())
    response = jsonify(status="ok" if healthy else "failing",
                       queue="celery" if queue is not None else "in-process", checks=checks)
    response.status_code = 200 if healthy else 503
    response.headers["Cache-Control"] = "no-store"
    return response
