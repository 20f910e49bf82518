"""Timestamps as the pages, the API and the scripts read them: ISO 8601 in UTC, to the second.

Every timestamp in the database is naive UTC (see web.clock); this is the one place that
says so to the outside world, with the trailing `Z`.
"""
from datetime import datetime


def iso(moment: datetime | None) -> str | None:
    """`2026-11-20T09:00:00Z`, or None for no moment."""
    return moment.isoformat(timespec="seconds") + "Z" if moment else None
