"""Accounts: register, log in and out, who is asking (session or API token), roles."""
import re
import secrets
from functools import wraps

from flask import Blueprint, Flask, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import LoginManager, current_user, login_required, login_user, logout_user
from flask_wtf import FlaskForm
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from wtforms import PasswordField, StringField
from wtforms.validators import EqualTo, InputRequired, Length, Regexp

from web.db import db
from web.models import ApiToken, User, utcnow
from web.security import bearer_token, check_password, hash_password, limiter, token_hash, user_or_ip

bp = Blueprint("accounts", __name__)
login_manager = LoginManager()
login_manager.login_view = "accounts.login"
login_manager.login_message = "Please log in to see that page."
login_manager.session_protection = "strong"

USERNAME = re.compile(r"^[A-Za-z0-9_-]{3,32}$")
TOKEN_PREFIX = "cvj_"
# pieces of pages fetched by the page's script: a redirect would paste the login page inside
FRAGMENTS = {"submissions.panel", "challenges.history_fragment", "interview_pages.live",
             "interview_pages.replay"}


def init_app(app: Flask) -> None:
    login_manager.init_app(app)


@login_manager.user_loader
def _load_user(user_id: str) -> User | None:
    return db().get(User, int(user_id)) if user_id.isdigit() else None


@login_manager.request_loader
def _load_user_from_token(_request) -> User | None:
    token = bearer_token()
    if not token:
        return None
    row = db().scalar(select(ApiToken).where(ApiToken.token_hash == token_hash(token)))
    if row is None or not row.user.active:
        return None
    row.last_used_at = utcnow()
    db().commit()
    return row.user


@login_manager.unauthorized_handler
def _unauthorized():
    if request.path.startswith("/api/") or request.endpoint in FRAGMENTS \
            or request.accept_mimetypes.best == "application/json":
        abort(401, description="Authentication required: log in, or send 'Authorization: Bearer <token>'.")
    flash(login_manager.login_message)
    return redirect(url_for("accounts.login", next=request.full_path))


def new_api_token(user: User, name: str) -> str:
    """Create a token for `user`; the plain token is returned once and never stored."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    db().add(ApiToken(user=user, name=name, token_hash=token_hash(token), prefix=token[:10]))
    db().commit()
    return token


def admin_required(view):
    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not current_user.is_admin:
            abort(403, description="Only administrators can see this page.")
        return view(*args, **kwargs)
    return wrapped


def find_user(username: str) -> User | None:
    return db().scalar(select(User).where(func.lower(User.username) == username.lower()))


def create_user(username: str, password: str, role: str = "member") -> User:
    user = User(username=username, password_hash=hash_password(password), role=role)
    db().add(user)
    db().commit()
    return user


class RegisterForm(FlaskForm):
    username = StringField("Username", validators=[
        InputRequired(), Regexp(USERNAME, message="3–32 letters, digits, '-' or '_'.")])
    password = PasswordField("Password", validators=[
        InputRequired(), Length(min=8, max=256, message="At least 8 characters.")])
    confirm = PasswordField("Repeat password", validators=[
        InputRequired(), EqualTo("password", message="The passwords differ.")])


class LoginForm(FlaskForm):
    username = StringField("Username", validators=[InputRequired(), Length(max=64)])
    password = PasswordField("Password", validators=[InputRequired(), Length(max=256)])


SAFE_NEXT = re.compile(r"/(?![/\\])[^\x00-\x20\x7f\\]*")


def _safe_next(target: str | None) -> str:
    """Only same-site relative paths, so a crafted link cannot bounce users elsewhere.

    Browsers drop tabs and newlines inside a URL, so `/<tab>/evil.com` would become the
    protocol-relative `//evil.com`: control characters and spaces are refused outright.
    """
    if target and SAFE_NEXT.fullmatch(target):
        return target
    return url_for("challenges.index")


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["REGISTER_RATE_LIMIT"],
               methods=["POST"], key_func=user_or_ip)
def register():
    form = RegisterForm()
    if form.validate_on_submit():
        user = None
        if not find_user(form.username.data):
            try:
                user = create_user(form.username.data, form.password.data)
            except IntegrityError:  # someone took it a moment ago
                db().rollback()
        if user is None:
            form.username.errors.append("That username is taken.")
        else:
            login_user(user)
            flash(f"Welcome, {user.username}! Pick a challenge to start.")
            return redirect(url_for("challenges.index"))
    status = 400 if request.method == "POST" else 200
    return render_template("accounts/register.html", form=form), status


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"],
               key_func=lambda: "account:" + request.form.get("username", "").strip().lower())
def login():
    form = LoginForm()
    if form.validate_on_submit():
        user = find_user(form.username.data)
        if user and check_password(user.password_hash, form.password.data):
            if login_user(user):  # False for a disabled account
                return redirect(_safe_next(request.args.get("next")))
            form.password.errors.append("This account is disabled.")
        else:
            form.password.errors.append("Wrong username or password.")
    status = 400 if request.method == "POST" else 200
    return render_template("accounts/login.html", form=form), status


@bp.route("/logout", methods=["POST"])
def logout():
    logout_user()
    flash("You are logged out.")
    return redirect(url_for("challenges.index"))
