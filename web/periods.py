"""The two periods the standings are shown for: all time, or the last seven days."""
from datetime import datetime, timedelta

PERIODS = ("all", "week")
WEEK = timedelta(days=7)


def period_from(args) -> str:
    """`?period=week`, else all time."""
    return "week" if args.get("period") == "week" else "all"


def since(period: str, now: datetime) -> datetime | None:
    """When the period starts; None for all time."""
    return now - WEEK if period == "week" else None
