"""Hiring teams: who belongs, who manages, and how colleagues join.

A team's data (members, templates, interviews, candidates' work) is visible to its members
only; to anyone else it does not exist (404), so its existence is not revealed. Owners manage
the members and a team always keeps one owner; every member runs interviews. Colleagues join
through a single-use invitation (only its hash is stored) or are added by username.
"""
from datetime import timedelta

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from web import clock
from web.accounts.users import find_user
from web.db import db
from web.enums import OWNER, TEAM_ROLES
from web.errors import Refused
from web.models import Team, TeamInvite, TeamMember
from web.security import new_secret, token_hash
from web.text import clean_name

MAX_TEAM_NAME = 80
INVITE_DAYS = (1, 7, 30)
INTERVIEWER = "interviewer"
NOT_A_MEMBER = "There is no such team, or you are not one of its members."


def membership_of(team_id: int, user_id: int | None) -> TeamMember | None:
    if user_id is None:
        return None
    return db().scalar(select(TeamMember).where(TeamMember.team_id == team_id,
                                                TeamMember.user_id == user_id)
                       .execution_options(populate_existing=True))  # fresh after a lock


def member(team_id: int, user_id: int) -> TeamMember:
    """The user's membership of the team; 404 for everyone else (no existence leak)."""
    found = membership_of(team_id, user_id)
    if found is None:
        raise Refused(NOT_A_MEMBER, 404)
    return found


def owner(team_id: int, user_id: int) -> TeamMember:
    found = member(team_id, user_id)
    if found.role != OWNER:
        raise Refused("Only the team's owners can do that.", 403)
    return found


def team_row(model, team_id: int, row_id: int, what: str, user_id: int):
    """A template or interview of this team, for its members; 404 for anyone else."""
    member(team_id, user_id)
    row = db().get(model, row_id)
    if row is None or row.team_id != team_id:
        raise Refused(f"No such {what} in this team.", 404)
    return row


def teams_of(user_id: int) -> list[tuple[Team, str]]:
    rows = db().execute(select(Team, TeamMember.role).join(TeamMember)
                        .where(TeamMember.user_id == user_id).order_by(Team.name)).all()
    return [(team, role) for team, role in rows]


def create_team(name: str | None, user_id: int) -> Team:
    """A new team with its creator as the owner."""
    team = Team(name=clean_name(name, "A team name", MAX_TEAM_NAME), created_at=clock.now())
    team.members = [TeamMember(user_id=user_id, role=OWNER, joined_at=clock.now())]
    db().add(team)
    db().commit()
    return team


def members_of(team_id: int) -> list[TeamMember]:
    """Owners first, then by joining date, with their accounts loaded (one query)."""
    return list(db().scalars(select(TeamMember).where(TeamMember.team_id == team_id)
                             .options(joinedload(TeamMember.user))
                             .order_by(TeamMember.role.desc(), TeamMember.joined_at)))


def open_invites(team_id: int) -> list[TeamInvite]:
    return list(db().scalars(select(TeamInvite).where(
        TeamInvite.team_id == team_id, TeamInvite.accepted_at.is_(None),
        TeamInvite.revoked_at.is_(None), TeamInvite.expires_at > clock.now())
        .order_by(TeamInvite.id)))


def owners_count(team_id: int) -> int:
    return db().scalar(select(func.count()).select_from(TeamMember)
                       .where(TeamMember.team_id == team_id, TeamMember.role == OWNER))


def add_member(team_id: int, username: str) -> str:
    """Add an active user as an interviewer; returns what happened, for the owner."""
    user = find_user(username) if username else None
    if user is None or not user.active:
        return f"No active user called “{username}”."
    if membership_of(team_id, user.id) is not None:
        return f"{user.username} is already a member."
    db().add(TeamMember(team_id=team_id, user_id=user.id, role=INTERVIEWER, joined_at=clock.now()))
    try:
        db().commit()
    except IntegrityError:  # added by another owner a moment ago
        db().rollback()
        return f"{user.username} is already a member."
    return f"{user.username} joined the team as an interviewer."


def lock_team(team_id: int) -> None:
    """Serialise changes to one team's members until the next commit, so two owners demoting
    themselves at once cannot both see the other still an owner. The team row is written
    first thing in a new transaction: PostgreSQL holds its row lock, SQLite its write lock."""
    db().commit()  # end the read transaction: the lock must come before anything is read
    db().execute(update(Team).where(Team.id == team_id).values(id=Team.id)
                 .execution_options(synchronize_session=False))


def keep_an_owner(found: TeamMember, new_role: str | None) -> None:
    """A team always keeps at least one owner."""
    if found.role == OWNER and new_role != OWNER and owners_count(found.team_id) <= 1:
        raise Refused("A team needs at least one owner: make someone else an owner first.")


def change_member(team_id: int, user_id: int, action: str | None) -> str:
    """Give a member another role, or remove them (`action`: a role or "remove")."""
    lock_team(team_id)
    found = membership_of(team_id, user_id)
    if found is None:
        raise Refused("That person is not a member of this team.", 404)
    if action not in ("remove", *TEAM_ROLES):
        raise Refused("Choose a role, or remove the member.")
    keep_an_owner(found, None if action == "remove" else action)
    name = found.user.username
    if action == "remove":
        db().delete(found)
        message = f"{name} was removed from the team."
    else:
        found.role = action
        message = f"{name} is now {'an owner' if action == OWNER else 'an interviewer'}."
    db().commit()
    return message


def leave(found: TeamMember) -> None:
    lock_team(found.team_id)
    db().refresh(found)
    if found.role == OWNER and owners_count(found.team_id) <= 1:
        raise Refused("You are the only owner: make someone else an owner before leaving.")
    db().delete(found)
    db().commit()


def create_invite(team_id: int, role: str, days, created_by: int) -> str:
    """A join link's token (shown once); whoever opens it signed in may join with `role`."""
    if role not in TEAM_ROLES or days not in INVITE_DAYS:
        raise Refused("Choose a role and how long the link stays valid.")
    token, digest = new_secret()
    db().add(TeamInvite(team_id=team_id, token_hash=digest, role=role, created_by=created_by,
                        created_at=clock.now(), expires_at=clock.now() + timedelta(days=days)))
    db().commit()
    return token


def revoke_invite(team_id: int, invite_id: int) -> None:
    invite = db().get(TeamInvite, invite_id)
    if invite is None or invite.team_id != team_id:
        raise Refused("No such invitation.", 404)
    if invite.accepted_at is None and invite.revoked_at is None:
        invite.revoked_at = clock.now()
        db().commit()


USED = "This invitation has already been used. Ask the team for a new one."


def invite_exists(token: str) -> bool:
    return db().scalar(select(TeamInvite.id).where(TeamInvite.token_hash == token_hash(token))) \
        is not None


def usable_invite(token: str) -> TeamInvite:
    invite = db().scalar(select(TeamInvite).where(TeamInvite.token_hash == token_hash(token)))
    if invite is None:
        raise Refused("This invitation link is not valid. Check that you copied all of it.", 404)
    if invite.revoked_at is not None:
        raise Refused("This invitation was withdrawn. Ask the team for a new one.", 410)
    if invite.accepted_at is not None:
        raise Refused(USED, 410)
    if invite.expires_at <= clock.now():
        raise Refused("This invitation has expired. Ask the team for a new one.", 410)
    return invite


def accept_invite(invite: TeamInvite, user_id: int) -> None:
    """Join with the invitation's role; single use, even when two people accept at once."""
    consumed = db().execute(
        update(TeamInvite).where(TeamInvite.id == invite.id, TeamInvite.accepted_at.is_(None))
        .values(accepted_at=clock.now(), accepted_by=user_id))
    if consumed.rowcount != 1:
        raise Refused(USED, 410)
    db().add(TeamMember(team_id=invite.team_id, user_id=user_id, role=invite.role,
                        joined_at=clock.now()))
    db().commit()
