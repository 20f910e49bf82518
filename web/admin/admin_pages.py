"""Administration: users (role, disable, password reset) and submissions (browse, rejudge)."""
import secrets

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from web.accounts.users import change_user, set_password
from web.db import db
from web.enums import ROLES
from web.grading.dispatch import dispatch
from web.grading.lifecycle import rejudge as queue_again
from web.login import admin_required, start_session
from web.models import Submission, User
from web.paging import page_window
from web.security import no_store

bp = Blueprint("admin", __name__, url_prefix="/admin")
PAGE_SIZE = 50


@bp.route("/")
@admin_required
def index():
    return redirect(url_for("admin.users"))


@bp.route("/users")
@admin_required
def users():
    counts = dict(db().execute(select(Submission.user_id, func.count())
                               .where(Submission.user_id.is_not(None))
                               .group_by(Submission.user_id)).all())
    rows = db().scalars(select(User).order_by(User.id)).all()
    return render_template("admin/users.html", users=rows, counts=counts, roles=ROLES)


@bp.route("/users/<int:user_id>", methods=["POST"])
@admin_required
def update_user(user_id: int):
    active = {"0": False, "1": True}.get(request.form.get("active"))
    user = change_user(user_id, current_user.id, request.form.get("role"), active)
    flash(f"Updated {user.username}.")
    return redirect(url_for("admin.users"))


@bp.route("/users/<int:user_id>/reset-password", methods=["POST"])
@admin_required
def reset_password(user_id: int):
    """A new random password, shown once to the admin; every session of the user ends."""
    user = db().get(User, user_id)
    if user is None:
        abort(404, description=f"no user {user_id}")
    password = secrets.token_urlsafe(12)
    set_password(user, password)
    if user.id == current_user.id:
        start_session(user)  # an admin resetting their own password stays in, here only
    return no_store(render_template("admin/password_reset.html", user=user, password=password))


@bp.route("/submissions")
@admin_required
def submissions():
    window = page_window(request.args, PAGE_SIZE)
    # practice submissions only: a candidate's work is the hiring team's, shown in its reports
    query = (select(Submission).where(Submission.user_id.is_not(None))
             .options(joinedload(Submission.user)).order_by(Submission.id.desc()))
    if request.args.get("challenge"):
        query = query.where(Submission.challenge_id == request.args["challenge"])
    if request.args.get("user"):
        query = query.join(User).where(User.username == request.args["user"])
    rows = db().scalars(query.limit(window.limit).offset(window.offset)).all()
    return render_template("admin/submissions.html", submissions=rows, page=window.page,
                           page_size=PAGE_SIZE, filters=request.args)


@bp.route("/submissions/<int:submission_id>/rejudge", methods=["POST"])
@admin_required
def rejudge(submission_id: int):
    """Queue a finished submission again; it leaves the standings until it is graded anew."""
    moved = queue_again(db(), submission_id, Submission.user_id.is_not(None))
    db().commit()
    if not moved:
        if db().scalar(select(Submission.id).where(Submission.id == submission_id,
                                                   Submission.user_id.is_not(None))) is None:
            abort(404, description=f"no submission {submission_id}")
        flash(f"Submission {submission_id} is already waiting to be graded.")
    else:
        dispatch(submission_id)
        flash(f"Submission {submission_id} queued for rejudging.")
    return redirect(request.referrer if request.referrer and request.referrer.startswith(request.host_url)
                    else url_for("admin.submissions"))
