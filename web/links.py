"""Absolute links that leave the site (invitations, candidates' links, API listings).

They are built on the configured base URL (`CVJUDGE_BASE_URL`; `cvjudge serve` sets it to the
address it listens on), never on the Host header a request claims: a forged Host would put
someone else's domain into a link a team sends to a candidate. Only an app without one (the
test client) falls back to the request's host.
"""
from flask import current_app, request, url_for


def site_url() -> str:
    """Where the site is published, without a trailing slash."""
    return current_app.config.get("BASE_URL") or request.host_url.rstrip("/")


def absolute_url(endpoint: str, **values) -> str:
    return site_url() + url_for(endpoint, **values)


def listening_url(host: str, port: int) -> str:
    """The base URL for a server bound to `host`: an any-address bind is reached on localhost
    unless CVJUDGE_BASE_URL says where it is published."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    return f"http://[{shown}]:{port}" if ":" in shown else f"http://{shown}:{port}"
