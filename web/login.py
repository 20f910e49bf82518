"""Who is asking: the cookie session or a personal API token (Flask-Login), and the
`admin_required` guard. Every area's pages rely on it, so it sits in the kernel.

A session cookie names the user and their session version; the version moves on at logout
and at a password change or reset, so every cookie issued before stops working. A token
works on /api/ only, and only for what its scopes allow: `read` (GET), `submit` (anything
else), and `admin` (an administrator's powers; without it an admin's token acts as a member).
"""
from functools import wraps

from flask import Flask, abort, flash, g, redirect, request, session, url_for
from flask_login import LoginManager, current_user, login_required, login_user
from sqlalchemy import select

from web.db import db
from web.models import ApiToken, User, utcnow
from web.security import bearer_token, token_hash

login_manager = LoginManager()
login_manager.login_view = "accounts.login"
login_manager.login_message = "Please log in to see that page."
login_manager.session_protection = "strong"

# pieces of pages fetched by the page's script: a redirect would paste the login page inside
FRAGMENTS = {"submissions.panel", "challenges.history_fragment", "interview_pages.live",
             "interview_pages.replay"}


def init_app(app: Flask) -> None:
    login_manager.init_app(app)


@login_manager.user_loader
def _load_user(session_id: str) -> User | None:
    user_id, _, version = session_id.partition(".")
    if not (user_id.isdigit() and version.isdigit()):
        return None  # a cookie from before session versions, or forged: log in again
    user = db().get(User, int(user_id))
    return user if user is not None and (user.session_version or 0) == int(version) else None


@login_manager.request_loader
def _load_user_from_token(_request) -> User | None:
    token = bearer_token()
    if not token:
        return None
    row = db().scalar(select(ApiToken).where(ApiToken.token_hash == token_hash(token)))
    if row is None or not row.user.active:
        return None
    scopes = set(row.scopes.split())
    needed = "read" if request.method in ("GET", "HEAD", "OPTIONS") else "submit"
    if needed not in scopes:
        abort(403, description=f"This token may not do that: it needs the '{needed}' scope "
                               f"and has {', '.join(sorted(scopes)) or 'none'}.")
    g.token_scopes = scopes
    row.last_used_at = utcnow()
    db().commit()
    return row.user


def start_session(user) -> bool:
    """Log `user` in with a fresh CSRF token: one read before the login stops working.
    False for a disabled account."""
    session.pop("csrf_token", None)
    return login_user(user)


@login_manager.unauthorized_handler
def _unauthorized():
    if request.path.startswith("/api/") or request.endpoint in FRAGMENTS \
            or request.accept_mimetypes.best == "application/json":
        abort(401, description="Authentication required: log in, or send 'Authorization: Bearer <token>'.")
    flash(login_manager.login_message)
    return redirect(url_for("accounts.login", next=request.full_path))


def admin_required(view):
    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not current_user.is_admin:
            abort(403, description="Only administrators can see this page.")
        return view(*args, **kwargs)
    return wrapped
