"""cvjudge's web app: `create_app()` wires configuration, database, accounts and blueprints."""
import json

from flask import Flask, jsonify, make_response, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException
from werkzeug.routing import IntegerConverter

from web import db, security
from web.accounts import accounts_pages as accounts
from web.grading import dispatch as queue
from web.grading import health_pages as health
from web.logs import configure as configure_logging
from web.markdown import render_markdown
from web.practice import catalogue
from web.study import questions


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__)
    from web.config import from_environment
    app.config.update(from_environment() if not (test_config or {}).get("SKIP_ENV") else {})
    app.config.update(test_config or {})
    configure_logging()

    db.init_app(app)
    security.init_app(app)
    accounts.init_app(app)
    catalogue.init_app(app)
    questions.init_app(app)
    queue.init_app(app)

    app.url_map.converters["int"] = DatabaseId  # before any route is added
    from web.accounts import profile_pages as user_pages
    from web.admin import admin_pages as admin
    from web.api import api_pages as api
    from web.hiring import candidate_pages as candidate
    from web.hiring import interview_pages
    from web.hiring import team_pages as teams
    from web.hiring import template_pages as interview_templates
    from web.practice import challenge_pages, submission_pages
    from web.practice import score_pages as scores
    from web.study import concept_pages as concepts
    from web.study import quiz_pages as quiz
    from web.study import review_pages
    for module in (accounts, challenge_pages, submission_pages, scores, concepts, review_pages,
                   quiz, user_pages, admin, api, teams, interview_templates, interview_pages,
                   candidate, health):
        app.register_blueprint(module.bp)

    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["json_preview"] = json_preview
    app.register_error_handler(HTTPException, _error_page)
    return app


PREVIEW_CHARS = 4000


def json_preview(value) -> str:
    """A value as JSON text for a page, cut short when huge (a submission may return anything)."""
    text = json.dumps(value, default=str)
    if len(text) <= PREVIEW_CHARS:
        return text
    return f"{text[:PREVIEW_CHARS]} … ({len(text):,} characters in all)"


class DatabaseId(IntegerConverter):
    """`<int:...>` in every route: ids past SQL's 64-bit range are unknown (404), not a crash."""

    def __init__(self, url_map, fixed_digits=0, min=None, max=2**63 - 1, signed=False):
        super().__init__(url_map, fixed_digits, min, max, signed)


def _error_page(error: HTTPException):
    """JSON errors under /api and for scripts that ask for JSON, a friendly page elsewhere;
    always the right status code."""
    message = error.description or error.name
    if error.code == 413:
        message = "The request is too large."
    elif error.code == 429 and "per" in message:  # Flask-Limiter's description is the limit
        message = f"Too many requests (limit: {message}); wait a little and try again."
    elif isinstance(error, CSRFError):
        message = ("Your session has expired or this page is stale: reload the page and try "
                   "again (your code is kept in this browser).")
    if request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json":
        response = make_response(jsonify(error=message, status=error.code))
    else:
        response = make_response(render_template("error.html", error=error, message=message))
    response.status_code = error.code or 500
    for key, value in error.get_headers():  # e.g. Retry-After on 429
        if key.lower() not in ("content-type", "content-length"):
            response.headers[key] = value
    return response
