"""Passwords, CSRF, rate limits, security headers and the cookie session.

Requests that carry `Authorization: Bearer <token>` are API calls from scripts: they get no
cookie session at all, so they need no CSRF token; everything else that changes state must
carry one (a form field, or the `X-CSRFToken` header for JSON calls from the page).
"""
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import Flask, abort, request
from flask.sessions import SecureCookieSessionInterface
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import current_user
from flask_wtf.csrf import CSRFProtect

passwords = PasswordHasher()
csrf = CSRFProtect()
limiter = Limiter(get_remote_address, storage_uri="memory://")

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


def check_password(password_hash: str, password: str) -> bool:
    try:
        return passwords.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


def _has_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(item) for item in value)
    return False


def request_has_nul() -> bool:
    """NUL in the query, form or JSON body: PostgreSQL text cannot hold it, so every database
    gets the same clear refusal up front."""
    if _has_nul(request.args.to_dict(flat=False)):
        return True
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return False
    if request.is_json:
        return _has_nul(request.get_json(silent=True))
    return _has_nul(request.form.to_dict(flat=False))


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
    limiter.init_app(app)

    @app.before_request
    def _refuse_nul_characters():
        if "\x00" in request.path:  # no user, challenge or page has such a name
            abort(404, description="There is nothing at an address with a NUL character in it.")
        if request_has_nul():
            abort(400, description="The request contains a NUL character (\\0), which no "
                                   "field, name or piece of code may hold. Remove it and retry.")

    @app.before_request
    def _check_csrf():
        if request.method not in ("POST", "PUT", "PATCH", "DELETE") or bearer_token() \
                or not app.config.get("WTF_CSRF_ENABLED", True):
            return
        if request.path.startswith("/api/") and not current_user.is_authenticated:
            return  # nothing to forge: the endpoint answers 401 itself
        csrf.protect()

    @app.after_request
    def _security_headers(response):
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "same-origin")
        headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if app.config.get("HTTPS") or request.is_secure:
            headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response
