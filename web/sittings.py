"""What every timed sitting (a quiz, a mock interview) shares: its items in order, its clock.

Both keep their deadline on the server and read the time from `web.clock.now()`, so a test
that moves the clock moves every sitting at once.
"""
from datetime import datetime

from web import clock


def item_at(sitting, position: int):
    """The sitting's item at `position` (0-based), or None."""
    return next((item for item in sitting.items if item.position == position), None)


def time_is_up(deadline: datetime | None, now: datetime | None = None) -> bool:
    return deadline is not None and (now or clock.now()) > deadline
