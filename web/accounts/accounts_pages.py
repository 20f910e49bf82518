"""Signing up, logging in and out, changing a password (the forms and their rate limits)."""
import re

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, logout_user
from flask_wtf import FlaskForm
from sqlalchemy.exc import IntegrityError
from wtforms import PasswordField, StringField
from wtforms.validators import EqualTo, InputRequired, Length, Regexp

from web.accounts.identity import MAX_PASSWORD, MIN_PASSWORD, USERNAME, USERNAME_RULE
from web.accounts.users import end_sessions, find_user, register_user, set_password
from web.db import db
from web.errors import Refused
from web.login import start_session
from web.rate_limits import account_created, login_limit, register_global_limit, register_limit
from web.security import check_password, limiter, no_store

bp = Blueprint("accounts", __name__)
PASSWORD_RULE = f"At least {MIN_PASSWORD} characters."


class RegisterForm(FlaskForm):
    username = StringField("Username", validators=[
        InputRequired(), Regexp(USERNAME, message=USERNAME_RULE)])
    password = PasswordField("Password", validators=[
        InputRequired(), Length(min=MIN_PASSWORD, max=MAX_PASSWORD, message=PASSWORD_RULE)])
    confirm = PasswordField("Repeat password", validators=[
        InputRequired(), EqualTo("password", message="The passwords differ.")])


class LoginForm(FlaskForm):
    username = StringField("Username", validators=[InputRequired(), Length(max=64)])
    password = PasswordField("Password", validators=[InputRequired(), Length(max=256)])


class PasswordForm(FlaskForm):
    current = PasswordField("Current password", validators=[InputRequired(), Length(max=256)])
    password = PasswordField("New password", validators=[
        InputRequired(), Length(min=MIN_PASSWORD, max=MAX_PASSWORD, message=PASSWORD_RULE)])
    confirm = PasswordField("Repeat the new password", validators=[
        InputRequired(), EqualTo("password", message="The passwords differ.")])


SAFE_NEXT = re.compile(r"/(?![/\\])[^\x00-\x20\x7f\\]*")


def _safe_next(target: str | None) -> str:
    """Only same-site relative paths, so a crafted link cannot bounce users elsewhere.

    Browsers drop tabs and newlines inside a URL, so `/<tab>/evil.com` would become the
    protocol-relative `//evil.com`: control characters and spaces are refused outright.
    """
    if target and SAFE_NEXT.fullmatch(target):
        return target
    return url_for("challenges.index")


def login_name() -> str:
    """Rate-limit key: the account a login attempt names, from a form or a JSON body (the
    form accepts both, so both must count)."""
    body = request.get_json(silent=True) if request.is_json else None
    name = body.get("username") if isinstance(body, dict) else request.form.get("username")
    return "account:" + (name.strip().lower() if isinstance(name, str) else "")


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(register_limit, methods=["POST"])  # per address, signed in or not
@limiter.limit(register_global_limit, methods=["POST"], key_func=lambda: "register:everyone",
               deduct_when=account_created)
def register():
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = register_user(form.username.data, form.password.data)
        except IntegrityError:  # someone took it a moment ago
            db().rollback()
            form.username.errors.append("That username is taken.")
        except Refused as refusal:
            field = form.password if "password" in refusal.message else form.username
            field.errors.append(refusal.message)
        else:
            start_session(user)
            back = request.args.get("next")  # the page they came from keeps their draft
            flash(f"Welcome, {user.username}! " + ("Your draft is here, under your account."
                                                   if back else "Pick a challenge to start."))
            return redirect(_safe_next(back))
    status = 400 if request.method == "POST" else 200
    return render_template("accounts/register.html", form=form), status


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(login_limit, methods=["POST"])
@limiter.limit(login_limit, methods=["POST"], key_func=login_name)
def login():
    form = LoginForm()
    if form.validate_on_submit():
        user = find_user(form.username.data)
        # an unknown name costs a password check too, so timing does not tell who exists
        if check_password(user.password_hash if user else None, form.password.data) and user:
            if start_session(user):  # False for a disabled account
                return redirect(_safe_next(request.args.get("next")))
            form.password.errors.append("This account is disabled.")
        else:
            form.password.errors.append("Wrong username or password.")
    status = 400 if request.method == "POST" else 200
    return render_template("accounts/login.html", form=form), status


@bp.route("/logout", methods=["POST"])
def logout():
    """Ends every session of the account, here and on every other device: a copied cookie
    is worth nothing after it."""
    if current_user.is_authenticated:
        end_sessions(current_user._get_current_object())
    logout_user()
    session.clear()
    flash("You are logged out, on every device.")
    return redirect(url_for("challenges.index"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
@limiter.limit(login_limit, methods=["POST"])
def change_password():
    form = PasswordForm()
    if form.validate_on_submit():
        if not check_password(current_user.password_hash, form.current.data):
            form.current.errors.append("That is not your current password.")
        else:
            user = current_user._get_current_object()
            try:
                set_password(user, form.password.data)
            except Refused as refusal:
                form.password.errors.append(refusal.message)
            else:
                start_session(user)  # this browser stays in, with the new version
                flash("Password changed. Every other session of your account has ended.")
                return redirect(url_for("users.account"))
    status = 400 if request.method == "POST" else 200
    return no_store(render_template("accounts/password.html", form=form)), status
