"""The time as the interview rules see it, from one place, so tests can move it at will.

Call `clock.now()` through the module (not `from web.clock import now`), so a test that
swaps `web.clock.now` changes it everywhere at once.
"""
from datetime import datetime

from web.models import utcnow


def now() -> datetime:
    """Naive UTC, like every timestamp in the database."""
    return utcnow()
