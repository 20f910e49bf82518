"""Public profiles and the account page (bio, API tokens)."""
from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length

from web.accounts.users import find_user, new_api_token
from web.db import db
from web.errors import Refused
from web.models import ApiToken
from web.practice import standings
from web.practice.catalogue import catalogue
from web.security import no_store

bp = Blueprint("users", __name__)


class ProfileForm(FlaskForm):
    bio = TextAreaField("About you (Markdown)", validators=[Length(max=2000)])


class TokenForm(FlaskForm):
    name = StringField("Token name", validators=[InputRequired(), Length(max=64)])
    read = BooleanField("read (GET: challenges, your submissions)", default=True)
    submit = BooleanField("submit (send code)", default=True)
    admin = BooleanField("admin (your administrator powers through the API)", default=False)

    def scopes(self) -> list[str]:
        return [name for name in ("read", "submit", "admin") if self[name].data]


@bp.route("/users/<username>")
def profile(username: str):
    user = find_user(username)
    if user is None or not user.active:
        abort(404, description=f"no user called {username!r}")
    best = standings.best_scores(user.id)
    return render_template("accounts/users/profile.html", user=user, best=best,
                           challenges=catalogue().ordered(),
                           standing=standings.standing_of(user.id, "all", catalogue().challenges.keys()))


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account():
    form, token_form = ProfileForm(obj=current_user), TokenForm(prefix="token")
    if form.validate_on_submit():
        current_user.bio = form.bio.data or ""
        db().commit()
        flash("Profile saved.")
        return redirect(url_for("users.account"))
    return _account_page(form, token_form, status=400 if form.errors else 200)


def _account_page(form, token_form, new_token: str | None = None, status: int = 200):
    tokens = db().scalars(select(ApiToken).where(ApiToken.user_id == current_user.id)
                          .order_by(ApiToken.id)).all()
    page = render_template("accounts/users/account.html", form=form, token_form=token_form,
                           tokens=tokens, new_token=new_token)
    return (no_store(page) if new_token else page), status


@bp.route("/account/tokens", methods=["POST"])
@login_required
def create_token():
    token_form = TokenForm(prefix="token")
    if not token_form.validate_on_submit():
        return _account_page(ProfileForm(obj=current_user), token_form, status=400)
    try:
        token = new_api_token(current_user, token_form.name.data, token_form.scopes())
    except Refused as refusal:
        token_form.name.errors.append(refusal.message)
        return _account_page(ProfileForm(obj=current_user), token_form, status=refusal.status)
    return _account_page(ProfileForm(obj=current_user), TokenForm(prefix="token", formdata=None),
                         new_token=token)


@bp.route("/account/tokens/<int:token_id>/revoke", methods=["POST"])
@login_required
def revoke_token(token_id: int):
    token = db().get(ApiToken, token_id)
    if token is None or token.user_id != current_user.id:
        abort(404, description="no such token")
    db().delete(token)
    db().commit()
    flash(f"Token “{token.name}” revoked.")
    return redirect(url_for("users.account"))
