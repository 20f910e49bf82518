"""Accounts as data: finding and creating users, and their personal API tokens."""
import re
import secrets

from sqlalchemy import func, select

from web.db import db
from web.enums import ROLES
from web.errors import Refused
from web.models import ApiToken, User
from web.security import hash_password, token_hash

USERNAME = re.compile(r"^[A-Za-z0-9_-]{3,32}$")
TOKEN_PREFIX = "cvj_"


def find_user(username: str) -> User | None:
    """Usernames are unique whatever their case."""
    return db().scalar(select(User).where(func.lower(User.username) == username.lower()))


def create_user(username: str, password: str, role: str = "member") -> User:
    user = User(username=username, password_hash=hash_password(password), role=role)
    db().add(user)
    db().commit()
    return user


def new_api_token(user: User, name: str) -> str:
    """Create a token for `user`; the plain token is returned once and never stored."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    db().add(ApiToken(user=user, name=name, token_hash=token_hash(token), prefix=token[:10]))
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
