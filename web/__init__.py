"""cvjudge's web app: `create_app()` wires the kernel (configuration, database, security,
error pages, display rules), then each product area: its start-up (`init_app`) and its
blueprints, in AREAS order."""
from flask import Flask
from werkzeug.routing import IntegerConverter

from web import db, display, errors, login, security, url_patterns
from web.logs import configure as configure_logging
from web.markdown import render_markdown


def areas() -> list:
    """The product areas, in start-up order: the catalogue before the question bank that
    names its challenges, grading's queue before anything submits."""
    from web import accounts, admin, api, grading, hiring, practice, study
    return [accounts, practice, study, grading, hiring, admin, api]


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__)
    from web.config import from_environment
    app.config.update(from_environment() if not (test_config or {}).get("SKIP_ENV") else {})
    app.config.update(test_config or {})
    configure_logging()

    db.init_app(app)
    security.init_app(app)
    login.init_app(app)
    errors.init_app(app)
    display.init_app(app)
    url_patterns.init_app(app)
    app.jinja_env.filters["markdown"] = render_markdown
    app.url_map.converters["int"] = DatabaseId  # before any route is added
    for area in areas():
        area.init_app(app)
        for blueprint in area.blueprints:
            app.register_blueprint(blueprint)
    return app


class DatabaseId(IntegerConverter):
    """`<int:...>` in every route: ids past SQL's 64-bit range are unknown (404), not a crash."""

    def __init__(self, url_map, fixed_digits=0, min=None, max=2**63 - 1, signed=False):
        super().__init__(url_map, fixed_digits, min, max, signed)
