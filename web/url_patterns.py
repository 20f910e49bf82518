"""URLs with an `{id}` hole for the page's scripts, made by Flask's router from the endpoint,
so no path is written by hand in a template or in the browser code."""
from flask import url_for

HOLE = "{id}"
_STAND_IN = 987654321987  # a number no real id takes, replaced by the hole


def url_pattern(endpoint: str, **values) -> str:
    """`url_for(endpoint, **values)` where the one value given as "{id}" stays a hole."""
    key = next(name for name, value in values.items() if value == HOLE)
    return url_for(endpoint, **{**values, key: _STAND_IN}).replace(str(_STAND_IN), HOLE)


def init_app(app) -> None:
    app.jinja_env.globals["url_pattern"] = url_pattern
