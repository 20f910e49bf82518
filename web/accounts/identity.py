"""What a new account's name and password must be: one rule each, shared by the sign-up form,
the password pages and the CLI.

Usernames are ASCII letters, digits, '-' and '_', matched whole (`\\Z`, so `admin\\n` is not
`admin`). A name that *looks like* an existing one is refused too: both are reduced to a
skeleton (NFKC, the confusable prototypes of UTS #39 that fall inside the username alphabet,
case folding) and compared. Passwords are scored by zxcvbn, whose dictionaries hold the
common passwords and keyboard walks people pick.
"""
import re
import unicodedata

from zxcvbn import zxcvbn

USERNAME = re.compile(r"\A[A-Za-z0-9_-]{3,32}\Z")
USERNAME_RULE = "3–32 letters, digits, '-' or '_'."
MIN_PASSWORD, MAX_PASSWORD = 8, 256
MIN_PASSWORD_SCORE = 2  # zxcvbn's 0..4: 0-1 fall to an online guessing attack in hours

# UTS #39 confusables.txt entries whose source and prototype are both in the username alphabet
# (the prototype of '1', 'I' and '|' is 'l'; of '0' is 'O'; 'm' reads as "rn")
PROTOTYPES = str.maketrans({"1": "l", "I": "l", "|": "l", "0": "O", "m": "rn"})


def username_problem(name: str) -> str | None:
    """Why `name` cannot be a username, or None."""
    return None if USERNAME.match(name or "") else f"A username has {USERNAME_RULE}"


def name_key(name: str) -> str:
    """The skeleton two names share when a reader could take one for the other."""
    text = unicodedata.normalize("NFKC", name).translate(PROTOTYPES).casefold()
    return unicodedata.normalize("NFKC", text.translate(PROTOTYPES))[:64]  # 'M' -> 'm' -> "rn"


def password_problem(password: str, username: str = "") -> str | None:
    """Why `password` is not good enough, or None."""
    if not MIN_PASSWORD <= len(password or "") <= MAX_PASSWORD:
        return f"A password has {MIN_PASSWORD} to {MAX_PASSWORD} characters."
    verdict = zxcvbn(password, user_inputs=[username] if username else [])
    if verdict["score"] < MIN_PASSWORD_SCORE:
        why = verdict["feedback"]["warning"] or "It is too easy to guess."
        return f"Choose a harder password: {why.rstrip('.')}. A few unrelated words work well."
    return None
