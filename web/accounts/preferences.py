"""A user's display preferences: the site's theme and the code editor's theme, font size and
key bindings. Stored as JSON on the user; visitors keep the same shape in localStorage."""
import json

from web.db import db
from web.models import User

CHOICES = {
    "theme": ("system", "light", "dark"),          # system: follow prefers-color-scheme
    "editor_theme": ("site", "light", "dark"),     # site: whatever the site shows
    "keymap": ("default", "vim"),
}
FONT_SIZES = range(11, 25)  # pixels
DEFAULTS = {"theme": "system", "editor_theme": "site", "font_size": 14, "keymap": "default"}


class PreferenceError(ValueError):
    """A preference that is unknown or has a value outside its choices."""


def validate(changes) -> dict:
    """The changes if every key and value is allowed; PreferenceError names the first that is not."""
    if not isinstance(changes, dict):
        raise PreferenceError("preferences must be a JSON object")
    clean = {}
    for key, value in changes.items():
        if key == "font_size":
            if isinstance(value, str) and value.isdigit():
                value = int(value)
            if isinstance(value, bool) or not isinstance(value, int) or value not in FONT_SIZES:
                raise PreferenceError(f"font_size must be a whole number from {FONT_SIZES.start} "
                                      f"to {FONT_SIZES.stop - 1}")
        elif key in CHOICES:
            if value not in CHOICES[key]:
                raise PreferenceError(f"{key} must be one of {', '.join(CHOICES[key])}")
        else:
            raise PreferenceError(f"unknown preference {key!r}; known: {', '.join(DEFAULTS)}")
        clean[key] = value
    return clean


def of(user: User) -> dict:
    """The user's preferences, defaults filled in (a stored value no longer allowed is dropped)."""
    try:
        stored = json.loads(user.preferences or "{}")
    except ValueError:
        stored = {}
    prefs = dict(DEFAULTS)
    for key, value in (stored.items() if isinstance(stored, dict) else ()):
        try:
            prefs.update(validate({key: value}))
        except PreferenceError:
            continue
    return prefs


def update(user: User, changes) -> dict:
    """Apply valid `changes` (all or nothing) and return the whole set."""
    prefs = {**of(user), **validate(changes)}
    user.preferences = json.dumps({k: v for k, v in prefs.items() if DEFAULTS[k] != v},
                                  sort_keys=True)
    db().commit()
    return prefs
