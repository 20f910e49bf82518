"""Hiring teams: who belongs, who manages, and how colleagues join.

A team's data (members, templates, interviews, candidates' work) is visible to its members
only; to anyone else a team page does not exist (404), so its existence is not revealed.
Owners manage the members; every member (owner or interviewer) runs interviews.
Colleagues join through a single-use invite link (only its hash is stored) or are added by
username by an owner.
"""
from datetime import timedelta

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from web import clock
from web.accounts.accounts_pages import find_user
from web.db import db
from web.models import TEAM_ROLES, Team, TeamInvite, TeamMember
from web.security import limiter, new_secret, token_hash

bp = Blueprint("teams", __name__)
MAX_TEAM_NAME = 80
INVITE_DAYS = (1, 7, 30)
LINK_RATE_LIMIT = "30 per minute"  # unknown links per address; see `link_limit`


def link_limit() -> str:
    return current_app.config.get("LINK_RATE_LIMIT", LINK_RATE_LIMIT)


def unknown_link(response) -> bool:
    """Only lookups of links that do not exist count against the limit (guessing)."""
    return response.status_code == 404


def membership_of(team_id: int, user_id: int) -> TeamMember | None:
    return db().scalar(select(TeamMember).where(TeamMember.team_id == team_id,
                                                TeamMember.user_id == user_id))


def membership(team_id: int) -> TeamMember | None:
    """The signed-in visitor's membership of the team, if any."""
    return membership_of(team_id, current_user.id) if current_user.is_authenticated else None


def member_or_404(team_id: int) -> TeamMember:
    """The current user's membership of the team; 404 for everyone else (no existence leak)."""
    member = membership(team_id)
    if member is None:
        abort(404, description="There is no such team, or you are not one of its members.")
    return member


def owner_or_403(team_id: int) -> TeamMember:
    member = member_or_404(team_id)
    if member.role != "owner":
        abort(403, description="Only the team's owners can do that.")
    return member


def team_row_or_404(model, team_id: int, row_id: int, what: str):
    """A template or interview of this team, for its members; 404 for anyone else."""
    member_or_404(team_id)
    row = db().get(model, row_id)
    if row is None or row.team_id != team_id:
        abort(404, description=f"No such {what} in this team.")
    return row


def my_teams() -> list[tuple[Team, str]]:
    rows = db().execute(select(Team, TeamMember.role).join(TeamMember)
                        .where(TeamMember.user_id == current_user.id).order_by(Team.name)).all()
    return [(team, role) for team, role in rows]


def owners_count(team_id: int) -> int:
    return db().scalar(select(func.count()).select_from(TeamMember)
                       .where(TeamMember.team_id == team_id, TeamMember.role == "owner"))


def clean_name(value: str | None, what: str, limit: int) -> str:
    """A name typed in a form, runs of whitespace made one space; 400 unless 1 to `limit` long."""
    name = " ".join((value or "").split())
    if not name or len(name) > limit:
        abort(400, description=f"{what} needs 1 to {limit} characters.")
    return name


@bp.route("/teams", methods=["GET", "POST"])
@login_required
def index():
    if request.method == "POST":
        team = Team(name=clean_name(request.form.get("name"), "A team name", MAX_TEAM_NAME),
                    created_at=clock.now())
        team.members = [TeamMember(user_id=current_user.id, role="owner", joined_at=clock.now())]
        db().add(team)
        db().commit()
        flash(f"Team “{team.name}” created. Next: a template, then an interview.")
        return redirect(url_for("interview_pages.team", team_id=team.id))
    return render_template("hiring/teams/index.html", teams=my_teams())


@bp.route("/teams/<int:team_id>/members")
@login_required
def members(team_id: int):
    return members_page(member_or_404(team_id))


def members_page(me: TeamMember, new_invite: str | None = None):
    """The members tab; owners also see the open invitations (and a new link, once)."""
    rows = db().scalars(select(TeamMember).where(TeamMember.team_id == me.team_id)
                        .order_by(TeamMember.role.desc(), TeamMember.joined_at)).all()
    invites = []
    if me.role == "owner":
        invites = db().scalars(select(TeamInvite).where(
            TeamInvite.team_id == me.team_id, TeamInvite.accepted_at.is_(None),
            TeamInvite.revoked_at.is_(None), TeamInvite.expires_at > clock.now())
            .order_by(TeamInvite.id)).all()
    return render_template("hiring/teams/members.html", team=me.team, me=me, members=rows,
                           invites=invites, roles=TEAM_ROLES, invite_days=INVITE_DAYS,
                           new_invite=new_invite)


@bp.route("/teams/<int:team_id>/members", methods=["POST"])
@login_required
def add_member(team_id: int):
    owner_or_403(team_id)
    username = (request.form.get("username") or "").strip()
    user = find_user(username) if username else None
    if user is None or not user.active:
        flash(f"No active user called “{username}”.")
    elif membership_of(team_id, user.id) is not None:
        flash(f"{user.username} is already a member.")
    else:
        db().add(TeamMember(team_id=team_id, user_id=user.id, role="interviewer",
                            joined_at=clock.now()))
        try:
            db().commit()
            flash(f"{user.username} joined the team as an interviewer.")
        except IntegrityError:  # added by another owner a moment ago
            db().rollback()
    return redirect(url_for("teams.members", team_id=team_id))


@bp.route("/teams/<int:team_id>/members/<int:user_id>", methods=["POST"])
@login_required
def update_member(team_id: int, user_id: int):
    """Change a member's role or remove them; a team always keeps at least one owner."""
    owner_or_403(team_id)
    member = membership_of(team_id, user_id)
    if member is None:
        abort(404, description="That person is not a member of this team.")
    action = request.form.get("action")
    if action not in ("remove", *TEAM_ROLES):
        abort(400, description="Choose a role, or remove the member.")
    if member.role == "owner" and action != "owner" and owners_count(team_id) <= 1:
        abort(400, description="A team needs at least one owner: make someone else an owner first.")
    name = member.user.username
    if action == "remove":
        db().delete(member)
        flash(f"{name} was removed from the team.")
    else:
        member.role = action
        flash(f"{name} is now {'an owner' if action == 'owner' else 'an interviewer'}.")
    db().commit()
    if user_id == current_user.id and action != "owner":
        return redirect(url_for("teams.index") if action == "remove"
                        else url_for("teams.members", team_id=team_id))
    return redirect(url_for("teams.members", team_id=team_id))


@bp.route("/teams/<int:team_id>/leave", methods=["POST"])
@login_required
def leave(team_id: int):
    me = member_or_404(team_id)
    if me.role == "owner" and owners_count(team_id) <= 1:
        abort(400, description="You are the only owner: make someone else an owner before leaving.")
    db().delete(me)
    db().commit()
    flash(f"You left “{me.team.name}”.")
    return redirect(url_for("teams.index"))


@bp.route("/teams/<int:team_id>/invites", methods=["POST"])
@login_required
def create_invite(team_id: int):
    """A join link, shown once; whoever opens it signed in may join with the chosen role."""
    me = owner_or_403(team_id)
    role = request.form.get("role", "interviewer")
    days = request.form.get("days", 7, type=int)
    if role not in TEAM_ROLES or days not in INVITE_DAYS:
        abort(400, description="Choose a role and how long the link stays valid.")
    token, digest = new_secret()
    db().add(TeamInvite(team_id=team_id, token_hash=digest, role=role, created_by=current_user.id,
                        created_at=clock.now(), expires_at=clock.now() + timedelta(days=days)))
    db().commit()
    return members_page(me, new_invite=url_for("teams.join", token=token, _external=True))


@bp.route("/teams/<int:team_id>/invites/<int:invite_id>/revoke", methods=["POST"])
@login_required
def revoke_invite(team_id: int, invite_id: int):
    owner_or_403(team_id)
    invite = db().get(TeamInvite, invite_id)
    if invite is None or invite.team_id != team_id:
        abort(404, description="No such invitation.")
    if invite.accepted_at is None and invite.revoked_at is None:
        invite.revoked_at = clock.now()
        db().commit()
    flash("The invitation link no longer works.")
    return redirect(url_for("teams.members", team_id=team_id))


def usable_invite_or_abort(token: str) -> TeamInvite:
    invite = db().scalar(select(TeamInvite).where(TeamInvite.token_hash == token_hash(token)))
    if invite is None:
        abort(404, description="This invitation link is not valid. Check that you copied all of it.")
    if invite.revoked_at is not None:
        abort(410, description="This invitation was withdrawn. Ask the team for a new one.")
    if invite.accepted_at is not None:
        abort(410, description="This invitation has already been used. Ask the team for a new one.")
    if invite.expires_at <= clock.now():
        abort(410, description="This invitation has expired. Ask the team for a new one.")
    return invite


@bp.route("/teams/join/<token>", methods=["GET", "POST"])
@limiter.limit(link_limit, deduct_when=unknown_link)
@login_required
def join(token: str):
    invite = usable_invite_or_abort(token)
    already = membership(invite.team_id)
    if request.method == "GET":
        return render_template("hiring/teams/join.html", invite=invite, already=already)
    if already is None:
        consumed = db().execute(  # single use, even when two people accept at once
            update(TeamInvite).where(TeamInvite.id == invite.id, TeamInvite.accepted_at.is_(None))
            .values(accepted_at=clock.now(), accepted_by=current_user.id))
        if consumed.rowcount != 1:
            db().rollback()
            abort(410, description="This invitation has already been used. Ask the team for a new one.")
        db().add(TeamMember(team_id=invite.team_id, user_id=current_user.id, role=invite.role,
                            joined_at=clock.now()))
        db().commit()
        flash(f"Welcome to “{invite.team.name}”.")
    return redirect(url_for("interview_pages.team", team_id=invite.team_id))
