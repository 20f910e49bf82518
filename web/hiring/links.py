"""The candidate's link, shown again to the team without being stored.

A link's token is an HMAC of a random nonce under the app's secret key. The database keeps the
nonce and the token's hash, never the token: a copy of the database alone opens no interview,
while the server can rebuild the link for the team's *Copy link* button until the candidate
has opened it. When the secret key changes the rebuilt token no longer matches the stored hash,
and the page asks for a new link instead of showing a dead one.
"""
import base64
import hashlib
import hmac
import secrets

from flask import current_app

from web.security import token_hash

PURPOSE = b"cvjudge interview link\x00"


def _token(nonce: str) -> str:
    key = str(current_app.config["SECRET_KEY"]).encode()
    mac = hmac.new(key, PURPOSE + nonce.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).rstrip(b"=").decode()  # 43 characters, like new_secret


def issue() -> tuple[str, str, str]:
    """A fresh link: (nonce to store, token to hand out, hash to store)."""
    nonce = secrets.token_urlsafe(24)
    token = _token(nonce)
    return nonce, token, token_hash(token)


def recover(nonce: str | None, digest: str) -> str | None:
    """The token behind `digest`, or None when it cannot be rebuilt (no nonce, other key)."""
    if not nonce:
        return None
    token = _token(nonce)
    return token if hmac.compare_digest(token_hash(token), digest) else None
