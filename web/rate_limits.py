"""The rate limits, each read from the configuration when a request is counted.

The defaults live here (config.py reads the environment over them), so a test app that
leaves a limit out gets the same one as production.
"""
from flask import current_app, request

DEFAULTS = {
    "SUBMIT_RATE_LIMIT": "20 per minute;200 per hour",  # runs and submissions, per user
    "LOGIN_RATE_LIMIT": "10 per minute",  # per address and per account name
    "REGISTER_RATE_LIMIT": "10 per hour",  # sign-up attempts per address, signed in or not
    "REGISTER_GLOBAL_RATE_LIMIT": "200 per hour",  # new accounts, whoever makes them
    "LINK_RATE_LIMIT": "30 per minute",  # lookups of unknown invitation or interview links
    "SAVE_RATE_LIMIT": "120 per minute",  # a candidate's autosaves, per interview
}


def configured(name: str):
    """A callable for Flask-Limiter: the limit `name` as the app is configured now."""
    def limit() -> str:
        return current_app.config.get(name) or DEFAULTS[name]
    limit.__name__ = name.lower()
    return limit


submit_limit = configured("SUBMIT_RATE_LIMIT")
login_limit = configured("LOGIN_RATE_LIMIT")
register_limit = configured("REGISTER_RATE_LIMIT")
register_global_limit = configured("REGISTER_GLOBAL_RATE_LIMIT")
link_limit = configured("LINK_RATE_LIMIT")
save_limit = configured("SAVE_RATE_LIMIT")


def account_created(response) -> bool:
    """`deduct_when` for the global sign-up limit: only sign-ups that made an account count,
    so failed attempts from one address cannot lock everyone else out."""
    return response.status_code == 302


def unknown_link(response) -> bool:
    """`deduct_when` for link lookups: only links that do not exist count (guessing)."""
    return response.status_code == 404


def known_link(exists):
    """`exempt_when` for link lookups: a link that exists is never held back by the guessing
    limit, even from an address that has used it up on wrong links."""
    def exempt() -> bool:
        token = (request.view_args or {}).get("token")
        return isinstance(token, str) and exists(token)
    return exempt
