"""Integrity signals: what the candidate's page records while they work, and how the team
reads it.

    paste  text pasted into the editor or the answer (amount: characters)
    left   the page lost focus for a second or more: another tab, window or application
           (the page's own dialogs and closing the tab are not counted); amount: seconds
           since it happened, as the page reports it once that second has passed
    back   the page has focus again (amount: seconds away)
    idle   no typing or pointer activity for IDLE_S or more, page in focus (amount: seconds;
           `at` is when the pause began; reported when activity resumes, so a pause that
           lasts to the end of the interview is not reported)

Times are the server's, at receipt, moved back by the length of what is reported. Words are
neutral on purpose: people paste their own notes, read documentation, or think away from the
keyboard. These are signals to talk about, never a verdict.
"""
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import func, select

from web import clock
from web.db import db
from web.errors import Refused
from web.models import IntegrityEvent, Interview

KINDS = ("paste", "left", "back", "idle")
IDLE_S = 60  # the page reports pauses at least this long (kept in step with signals.js)
MAX_AMOUNT = 10_000_000
MAX_EVENTS = 2000  # per interview; past it new events are dropped


def record(interview: Interview, kind, position: int, amount) -> IntegrityEvent | None:
    """Store one event from the candidate's page; None once the interview holds MAX_EVENTS."""
    if kind not in KINDS:
        raise Refused(f"The kind must be one of {', '.join(KINDS)}.")
    if isinstance(amount, bool) or not isinstance(amount, int) or not 0 <= amount <= MAX_AMOUNT:
        raise Refused(f"The amount must be a whole number from 0 to {MAX_AMOUNT}.")
    count = db().scalar(select(func.count()).select_from(IntegrityEvent)
                        .where(IntegrityEvent.interview_id == interview.id))
    if count >= MAX_EVENTS:
        return None
    at = clock.now()
    if kind in ("left", "idle"):  # reported after the fact: date it from when it began
        at -= timedelta(seconds=amount)
    event = IntegrityEvent(interview_id=interview.id, position=position, kind=kind,
                           at=max(at, interview.started_at or at), amount=amount)
    db().add(event)
    db().commit()
    return event


def events_of(interview: Interview, position: int | None = None) -> list[IntegrityEvent]:
    query = select(IntegrityEvent).where(IntegrityEvent.interview_id == interview.id)
    if position is not None:
        query = query.where(IntegrityEvent.position == position)
    return list(db().scalars(query.order_by(IntegrityEvent.at, IntegrityEvent.id)))


def clock_text(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def describe(event: IntegrityEvent) -> str:
    """One event in neutral words."""
    where = f"item {event.position + 1}"
    if event.kind == "paste":
        return f"pasted {event.amount:,} characters into {where}"
    if event.kind == "left":
        return f"the page lost focus ({where})"
    if event.kind == "back":
        return f"the page had focus again after {clock_text(event.amount)} ({where})"
    return f"no typing for {clock_text(event.amount)} ({where})"


@dataclass
class Summary:
    """Counts per kind, for an item or the whole interview."""
    pastes: int = 0
    pasted_chars: int = 0
    largest_paste: int = 0
    focus_losses: int = 0
    seconds_away: int = 0
    idle_gaps: int = 0
    longest_idle: int = 0
    lines: list = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.pastes or self.focus_losses or self.idle_gaps)

    def words(self) -> list[str]:
        said = []
        if self.pastes:
            said.append(f"{self.pastes} paste{'s' if self.pastes > 1 else ''}, "
                        f"{self.pasted_chars:,} characters in all (largest {self.largest_paste:,})")
        if self.focus_losses:
            said.append(f"the page lost focus {self.focus_losses} time"
                        f"{'s' if self.focus_losses > 1 else ''}, "
                        f"{clock_text(self.seconds_away)} away in all")
        if self.idle_gaps:
            said.append(f"{self.idle_gaps} pause{'s' if self.idle_gaps > 1 else ''} in typing "
                        f"of a minute or more (longest {clock_text(self.longest_idle)})")
        return said


def summarise(events: list[IntegrityEvent]) -> Summary:
    summary = Summary()
    for event in events:
        if event.kind == "paste":
            summary.pastes += 1
            summary.pasted_chars += event.amount
            summary.largest_paste = max(summary.largest_paste, event.amount)
        elif event.kind == "left":
            summary.focus_losses += 1
        elif event.kind == "back":
            summary.seconds_away += event.amount
        else:
            summary.idle_gaps += 1
            summary.longest_idle = max(summary.longest_idle, event.amount)
    return summary


def as_json(event: IntegrityEvent, started_at) -> dict:
    return {"id": event.id, "kind": event.kind, "position": event.position,
            "amount": event.amount, "text": describe(event),
            "t": int((event.at - started_at).total_seconds()) if started_at else 0,
            "ts": (event.at - started_at).total_seconds() if started_at else 0.0}
