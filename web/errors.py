"""One refusal error for every rule, and the one error page (HTML, or JSON for scripts).

Rules raise `Refused(message, status)` when they will not do what was asked; they know nothing
of requests. The app answers it like any HTTP error: the status code, and the message on the
error page or in `{"error": ..., "status": ...}` for the API and the page's own scripts.
"""
import json

from flask import jsonify, make_response, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException
from werkzeug.http import HTTP_STATUS_CODES

PREVIEW_CHARS = 4000


class Refused(Exception):
    """A request the rules will not carry out; `status` is the HTTP status it deserves."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message, self.status = message, status


def json_preview(value) -> str:
    """A value as JSON text for a page, cut short when huge (a submission may return anything)."""
    text = json.dumps(value, default=str)
    if len(text) <= PREVIEW_CHARS:
        return text
    return f"{text[:PREVIEW_CHARS]} … ({len(text):,} characters in all)"


def wants_json() -> bool:
    """Scripts get JSON errors: the API, a JSON request body, or asking for JSON."""
    return request.path.startswith("/api/") or request.is_json \
        or request.accept_mimetypes.best == "application/json"


def error_response(status: int, message: str, title: str, headers=()):
    if wants_json():
        response = make_response(jsonify(error=message, status=status))
    else:
        response = make_response(render_template("error.html", status=status, title=title,
                                                 message=message))
    response.status_code = status
    for key, value in headers:  # e.g. Retry-After on 429
        if key.lower() not in ("content-type", "content-length"):
            response.headers[key] = value
    return response


def http_error(error: HTTPException):
    """Flask's errors (404, 413, 429, CSRF...) with a message a person can act on."""
    message = error.description or error.name
    if error.code == 413:
        message = "The request is too large."
    elif error.code == 429 and "per" in message:  # Flask-Limiter's description is the limit
        message = f"Too many requests (limit: {message}); wait a little and try again."
    elif isinstance(error, CSRFError):
        message = ("Your session has expired or this page is stale: reload the page and try "
                   "again (your code is kept in this browser).")
    return error_response(error.code or 500, message, error.name, error.get_headers())


def refused(error: Refused):
    from web.db import db
    db().rollback()  # nothing half-done by the refused request is kept
    return error_response(error.status, error.message, HTTP_STATUS_CODES.get(error.status, "Refused"))


def init_app(app) -> None:
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(Refused, refused)
    app.jinja_env.filters["json_preview"] = json_preview
