"""A team's pages: the list of my teams, the team's home (its interviews), members and
invitations, and joining through an invitation link. Rules: web.hiring.teams."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from web.db import db
from web.enums import OWNER, TEAM_ROLES
from web.hiring import interview_templates, interviews, teams
from web.links import absolute_url
from web.models import Interview
from web.rate_limits import known_link, link_limit, unknown_link
from web.security import limiter, shows_secret

bp = Blueprint("teams", __name__)
PAGE_SIZE = 100  # interviews on the team's home page, newest first


@bp.route("/teams", methods=["GET", "POST"])
@login_required
def index():
    if request.method == "POST":
        team = teams.create_team(request.form.get("name"), current_user.id)
        flash(f"Team “{team.name}” created. Next: a template, then an interview.")
        return redirect(url_for("teams.team", team_id=team.id))
    return render_template("hiring/teams/index.html", teams=teams.teams_of(current_user.id))


@bp.route("/teams/<int:team_id>")
@login_required
def team(team_id: int):
    """The team's home: its interviews, newest first, and the form for a new one."""
    me = teams.member(team_id, current_user.id)
    rows = db().scalars(select(Interview).where(Interview.team_id == team_id)
                        .order_by(Interview.id.desc()).limit(PAGE_SIZE)).all()
    for row in rows:
        interviews.settle(row)
    return render_template("hiring/teams/interviews.html", team=me.team, me=me, interviews=rows,
                           templates=interview_templates.of_team(team_id),
                           link_days=interviews.LINK_DAYS, status_of=interviews.status,
                           labels=interviews.STATUS_LABELS,
                           chosen=request.args.get("template", type=int))


@bp.route("/teams/<int:team_id>/members")
@login_required
def members(team_id: int):
    return members_page(teams.member(team_id, current_user.id))


def members_page(me, new_invite: str | None = None):
    """The members tab; owners also see the open invitations (and a new link, once)."""
    invites = teams.open_invites(me.team_id) if me.role == OWNER else []
    return render_template("hiring/teams/members.html", team=me.team, me=me,
                           members=teams.members_of(me.team_id), invites=invites,
                           roles=TEAM_ROLES, invite_days=teams.INVITE_DAYS, new_invite=new_invite)


@bp.route("/teams/<int:team_id>/members", methods=["POST"])
@login_required
def add_member(team_id: int):
    teams.owner(team_id, current_user.id)
    flash(teams.add_member(team_id, (request.form.get("username") or "").strip()))
    return redirect(url_for("teams.members", team_id=team_id))


@bp.route("/teams/<int:team_id>/members/<int:user_id>", methods=["POST"])
@login_required
def update_member(team_id: int, user_id: int):
    """Change a member's role or remove them; a team always keeps at least one owner."""
    teams.owner(team_id, current_user.id)
    action = request.form.get("action")
    flash(teams.change_member(team_id, user_id, action))
    if user_id == current_user.id and action == "remove":
        return redirect(url_for("teams.index"))
    return redirect(url_for("teams.members", team_id=team_id))


@bp.route("/teams/<int:team_id>/leave", methods=["POST"])
@login_required
def leave(team_id: int):
    me = teams.member(team_id, current_user.id)
    name = me.team.name
    teams.leave(me)
    flash(f"You left “{name}”.")
    return redirect(url_for("teams.index"))


@bp.route("/teams/<int:team_id>/invites", methods=["POST"])
@login_required
def create_invite(team_id: int):
    """A join link, shown once; whoever opens it signed in may join with the chosen role."""
    me = teams.owner(team_id, current_user.id)
    token = teams.create_invite(team_id, request.form.get("role", "interviewer"),
                                request.form.get("days", 7, type=int), current_user.id)
    shows_secret()
    return members_page(me, new_invite=absolute_url("teams.join", token=token))


@bp.route("/teams/<int:team_id>/invites/<int:invite_id>/revoke", methods=["POST"])
@login_required
def revoke_invite(team_id: int, invite_id: int):
    teams.owner(team_id, current_user.id)
    teams.revoke_invite(team_id, invite_id)
    flash("The invitation link no longer works.")
    return redirect(url_for("teams.members", team_id=team_id))


@bp.route("/teams/join/<token>", methods=["GET", "POST"])
@limiter.limit(link_limit, deduct_when=unknown_link, exempt_when=known_link(teams.invite_exists))
@login_required
def join(token: str):
    invite = teams.usable_invite(token)
    already = teams.membership_of(invite.team_id, current_user.id)
    if request.method == "GET":
        return render_template("hiring/teams/join.html", invite=invite, already=already)
    if already is None:
        teams.accept_invite(invite, current_user.id)
        flash(f"Welcome to “{invite.team.name}”.")
    return redirect(url_for("teams.team", team_id=invite.team_id))
