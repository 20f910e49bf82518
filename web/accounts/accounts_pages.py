"""Signing up, logging in and out (the forms and their rate limits)."""
import re

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import login_user, logout_user
from flask_wtf import FlaskForm
from sqlalchemy.exc import IntegrityError
from wtforms import PasswordField, StringField
from wtforms.validators import EqualTo, InputRequired, Length, Regexp

from web.accounts.users import USERNAME, create_user, find_user
from web.db import db
from web.rate_limits import login_limit, register_limit
from web.security import check_password, limiter, user_or_ip

bp = Blueprint("accounts", __name__)


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
@limiter.limit(register_limit, methods=["POST"], key_func=user_or_ip)
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
            back = request.args.get("next")  # the page they came from keeps their draft
            flash(f"Welcome, {user.username}! " + ("Your draft is here, under your account."
                                                   if back else "Pick a challenge to start."))
            return redirect(_safe_next(back))
    status = 400 if request.method == "POST" else 200
    return render_template("accounts/register.html", form=form), status


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(login_limit, methods=["POST"])
@limiter.limit(login_limit, methods=["POST"],
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
