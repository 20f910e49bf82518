"""Passwords, CSRF, rate limits, security headers and the cookie session.

Requests to /api/ that carry `Authorization: Bearer <token>` are API calls from scripts: they
get no cookie session at all, so they need no CSRF token. Everywhere else a Bearer header is
ignored (an HTML page is only ever reached with the cookie session), and everything that
changes state must carry a CSRF token (a form field, or the `X-CSRFToken` header for JSON
calls from the page).
"""
import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import Flask, abort, current_app, g, has_request_context, make_response, request
from flask.sessions import SecureCookieSessionInterface
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import current_user
from flask_wtf.csrf import CSRFProtect

passwords = PasswordHasher()
csrf = CSRFProtect()
limiter = Limiter(get_remote_address)  # storage: RATELIMIT_STORAGE_URI in the config

CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",  # KaTeX positions glyphs with style attributes
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))


def hash_password(password: str) -> str:
    return passwords.hash(password)


_dummy_hashes: dict[int, str] = {}  # per hasher (the tests use a cheap one)


def check_password(password_hash: str | None, password: str) -> bool:
    """Whether `password` matches `password_hash`. With no hash (no such user) a dummy hash is
    checked all the same, so a login for a name that does not exist takes as long as one for
    a name that does."""
    if password_hash is None:
        dummy = _dummy_hashes.get(id(passwords)) or \
            _dummy_hashes.setdefault(id(passwords), passwords.hash(secrets.token_hex(16)))
        _verify(dummy, password)
        return False
    return _verify(password_hash, password)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return passwords.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def token_hash(token: str) -> str:
    """Secrets handed out as links or tokens are stored only as this SHA-256."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_secret() -> tuple[str, str]:
    """An unguessable URL-safe secret (256 bits) and the hash to store in its place."""
    secret = secrets.token_urlsafe(32)
    return secret, token_hash(secret)


def bearer_token() -> str | None:
    """The API token of a call to /api/ (None anywhere else: HTML routes ignore tokens)."""
    if not request.path.startswith("/api/"):
        return None
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


def no_store(body):
    """A response no cache keeps: for pages that show a secret once (a new token, a link,
    a reset password)."""
    response = make_response(body)
    response.headers["Cache-Control"] = "no-store"
    return response


def shows_secret() -> None:
    """Mark this request's response as showing a secret (`no_store` it when it is sent)."""
    g.shows_secret = True


MAX_JSON_DEPTH = 32  # no request body of this app nests deeper


def json_problem(value) -> str | None:
    """What is wrong with a parsed JSON body: nested too deeply, or a NUL anywhere (in a key,
    a string, nested). Iterative, so no body can exhaust the stack."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return ("The request contains a NUL character (\\0), which no field accepts. "
                        "Remove it and try again.")
        elif isinstance(item, (dict, list)):
            if depth > MAX_JSON_DEPTH:
                return f"The JSON body is nested more than {MAX_JSON_DEPTH} levels deep."
            children = [*item.keys(), *item.values()] if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return None


def parsed_json():
    """The request's JSON body (None when it has none); a body that cannot be parsed at all,
    however deep its nesting, is a 400 with a message, never a 500."""
    if not request.is_json:
        return request.get_json(silent=True)
    try:
        return request.get_json(silent=True)
    except RecursionError:
        abort(400, description=f"The JSON body is nested more than {MAX_JSON_DEPTH} levels deep.")


def address_key() -> str | None:
    """The requesting address as a keyed hash, to count work per address without storing
    the address itself; None outside a request."""
    if not has_request_context() or not request.remote_addr:
        return None
    key = current_app.config["SECRET_KEY"]
    key = key.encode() if isinstance(key, str) else key
    return hmac.new(key, request.remote_addr.encode(), hashlib.sha256).hexdigest()[:32]


def user_or_ip() -> str:
    """Rate-limit key: the signed-in user, else the client address."""
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return f"ip:{get_remote_address()}"


class SessionInterface(SecureCookieSessionInterface):
    """Cookie sessions, but none for token-authenticated API calls, and Secure over HTTPS."""

    def open_session(self, app, request):
        if bearer_token():
            return self.session_class()
        return super().open_session(app, request)

    def save_session(self, app, session, response):
        if bearer_token():
            return None
        return super().save_session(app, session, response)

    def get_cookie_secure(self, app) -> bool:
        return bool(app.config.get("HTTPS") or request.is_secure)


def init_app(app: Flask) -> None:
    app.session_interface = SessionInterface()
    csrf.init_app(app)
    app.config.setdefault("RATELIMIT_STORAGE_URI", "memory://")
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    # with a shared store (Redis, CVJUDGE_RATELIMIT_STORAGE) that cannot be reached, each
    # process counts in memory for the while, rather than failing logins and submissions
    app.config.setdefault("RATELIMIT_IN_MEMORY_FALLBACK_ENABLED", True)
    app.config.setdefault("RATELIMIT_SWALLOW_ERRORS", True)
    limiter.init_app(app)

    @app.before_request
    def _check_csrf():
        if request.method not in ("POST", "PUT", "PATCH", "DELETE") or bearer_token() \
                or not app.config.get("WTF_CSRF_ENABLED", True):
            return
        if request.path.startswith("/api/") and not current_user.is_authenticated:
            return  # nothing to forge: the endpoint answers 401 itself
        csrf.protect()

    @app.before_request
    def _refuse_nul_characters():
        """No field takes a NUL character, and PostgreSQL cannot store one: refuse it here,
        with a clear message, rather than fail deep inside a query."""
        if "\x00" in request.path:
            abort(404, description="There is no such page.")
        fields = [value for values in (request.args, request.form)
                  for _, items in values.lists() for value in items]
        if any("\x00" in value for value in fields):
            abort(400, description="The request contains a NUL character (\\0), which no "
                                   "field accepts. Remove it and try again.")
        problem = json_problem(parsed_json())
        if problem:
            abort(400, description=problem)

    @app.after_request
    def _security_headers(response):
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "same-origin")
        headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if g.get("shows_secret"):
            headers["Cache-Control"] = "no-store"
        if app.config.get("HTTPS") or request.is_secure:
            headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response
