"""Accounts as data: finding and creating users, their passwords and personal API tokens."""
import secrets

from sqlalchemy import func, select

from web.accounts.identity import name_key, password_problem, username_problem
from web.db import db
from web.enums import ROLES
from web.errors import Refused
from web.models import ApiToken, User
from web.security import hash_password, token_hash
from web.text import clean_name

TOKEN_PREFIX = "cvj_"
SCOPES = ("read", "submit", "admin")  # what a token may do; `admin` only for administrators
DEFAULT_SCOPES = ("read", "submit")


def find_user(username: str) -> User | None:
    """Usernames are unique whatever their case."""
    return db().scalar(select(User).where(func.lower(User.username) == username.lower()))


def lookalike_of(username: str) -> User | None:
    """An existing user whose name could be mistaken for `username` (the same one included)."""
    return find_user(username) or db().scalar(
        select(User).where(User.name_key == name_key(username)).limit(1))


def create_user(username: str, password: str, role: str = "member") -> User:
    """Store a user as given: callers that take a name from a person use `register_user`."""
    user = User(username=username, name_key=name_key(username),
                password_hash=hash_password(password), role=role)
    db().add(user)
    db().commit()
    return user


def register_user(username: str, password: str, role: str = "member") -> User:
    """A new account from a sign-up or the CLI: a valid name no existing name looks like, and
    a password that is not among the common ones. Raises Refused with what to change."""
    problem = username_problem(username) or password_problem(password, username)
    if problem:
        raise Refused(problem)
    taken = lookalike_of(username)
    if taken is not None:
        raise Refused("That username is taken." if taken.username.lower() == username.lower()
                      else f"That username is too easy to mistake for “{taken.username}”; "
                           "choose another.")
    return create_user(username, password, role)


def set_password(user: User, password: str) -> None:
    """A new password ends every session of the account (the session version moves on)."""
    problem = password_problem(password, user.username)
    if problem:
        raise Refused(problem)
    user.password_hash = hash_password(password)
    end_sessions(user)


def end_sessions(user: User) -> None:
    """Every cookie issued so far stops loading this user: logout, log out everywhere, a
    password change or reset."""
    user.session_version = (user.session_version or 0) + 1
    db().commit()


def new_api_token(user: User, name: str, scopes=DEFAULT_SCOPES) -> str:
    """Create a token for `user`; the plain token is returned once and never stored."""
    scopes = tuple(scope for scope in SCOPES if scope in set(scopes))
    if not scopes:
        raise Refused(f"Choose what the token may do: {', '.join(SCOPES)}.")
    if "admin" in scopes and not user.is_admin:
        raise Refused("Only administrators can create a token with the admin scope.", 403)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    db().add(ApiToken(user=user, name=clean_name(name, "A token name", 64),
                      token_hash=token_hash(token), prefix=token[:10], scopes=" ".join(scopes)))
    db().commit()
    return token


def change_user(user_id: int, actor_id: int, role: str | None, active: bool | None) -> User:
    """An administrator's change of someone's role or standing; nobody demotes or disables
    themselves (a site always keeps the administrator who is acting)."""
    user = db().get(User, user_id)
    if user is None:
        raise Refused(f"no user {user_id}", 404)
    if user.id == actor_id and (role not in (None, "admin") or active is False):
        raise Refused("You cannot demote or disable yourself.")
    if role is not None:
        if role not in ROLES:
            raise Refused(f"role must be one of {', '.join(ROLES)}")
        user.role = role
    if active is not None:
        user.active = active
    db().commit()
    return user
