"""Review mode's rules: spaced repetition with fsrs, and streaks.

Each (user, question) pair has an fsrs Card stored as JSON. Ratings are the usual four
(again, hard, good, easy). A new card rated again or hard, and a known card rated again (a
lapse), goes through a short learning step and comes back in the same session, as in Anki;
the others move on by whole days. Days are UTC days.
"""
import json
from datetime import date, datetime, time, timedelta, timezone

from flask import current_app
from fsrs import Card, Rating, Scheduler
from sqlalchemy import func, select

from web.db import db
from web.models import ReviewCard, ReviewEntry, utcnow

RATINGS = {1: "again", 2: "hard", 3: "good", 4: "easy"}
NEW_PER_DAY = 10
STEP = timedelta(minutes=10)  # the learning and relearning step: back later in the session


def scheduler() -> Scheduler:
    return Scheduler(learning_steps=(STEP,), relearning_steps=(STEP,),
                     enable_fuzzing=current_app.config.get("REVIEW_FUZZ", True))


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc)


def _naive(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc).replace(tzinfo=None)


def end_of_day(now: datetime) -> datetime:
    return datetime.combine(now.date() + timedelta(days=1), time.min)


def cards_of(user_id: int) -> dict[str, ReviewCard]:
    return {card.question_id: card for card in
            db().scalars(select(ReviewCard).where(ReviewCard.user_id == user_id))}


def new_today(user_id: int, now: datetime) -> int:
    start = datetime.combine(now.date(), time.min)
    return db().scalar(select(func.count()).select_from(ReviewCard).where(
        ReviewCard.user_id == user_id, ReviewCard.created_at >= start))


def due_queue(user_id: int, question_ids: list[str], now: datetime | None = None) -> list[str]:
    """What to review today: cards due now, then a few unseen questions, then the cards whose
    learning step ends later today (shown early when nothing else is left)."""
    now = now or utcnow()
    cards = cards_of(user_id)
    due = sorted((card.due, qid) for qid, card in cards.items()
                 if qid in question_ids and card.due < end_of_day(now))
    fresh_allowed = max(0, NEW_PER_DAY - new_today(user_id, now))
    fresh = [qid for qid in question_ids if qid not in cards][:fresh_allowed]
    return ([qid for when, qid in due if when <= now] + fresh
            + [qid for when, qid in due if when > now])


def preview(user_id: int, question_id: str, now: datetime | None = None) -> dict[int, timedelta]:
    """How far each rating would push the next review (shown on the buttons)."""
    now = now or utcnow()
    card = _load_card(_card_row(user_id, question_id))
    plan = scheduler()
    return {value: plan.review_card(card, Rating(value), _aware(now))[0].due - _aware(now)
            for value in RATINGS}


def rate(user_id: int, question_id: str, rating: int, now: datetime | None = None) -> ReviewCard:
    """Record a rating and move the card's next review accordingly."""
    now = now or utcnow()
    row = _card_row(user_id, question_id)
    card, _log = scheduler().review_card(_load_card(row), Rating(rating), _aware(now))
    if row is None:
        row = ReviewCard(user_id=user_id, question_id=question_id, created_at=now)
        db().add(row)
    row.card_json, row.due = json.dumps(card.to_dict()), _naive(card.due)
    row.reviews = (row.reviews or 0) + 1
    db().add(ReviewEntry(user_id=user_id, question_id=question_id, rating=rating,
                         reviewed_at=now, due_after=row.due))
    db().commit()
    return row


def _card_row(user_id: int, question_id: str) -> ReviewCard | None:
    return db().scalar(select(ReviewCard).where(ReviewCard.user_id == user_id,
                                                ReviewCard.question_id == question_id))


def _load_card(row: ReviewCard | None) -> Card:
    return Card.from_dict(json.loads(row.card_json)) if row else Card()


def streak(user_id: int, today: date | None = None) -> int:
    """Consecutive days with at least one review, ending today (or yesterday, if none yet today)."""
    today = today or utcnow().date()
    days = {moment.date() for moment in db().scalars(
        select(ReviewEntry.reviewed_at).where(ReviewEntry.user_id == user_id,
                                              ReviewEntry.reviewed_at >= datetime.combine(
                                                  today - timedelta(days=400), time.min)))}
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def describe(interval: timedelta) -> str:
    """How long until the next review, as the rating buttons say it: `10 min`, `5 h`, `3 days`."""
    seconds = interval.total_seconds()
    if seconds < 3600:
        return f"{max(1, round(seconds / 60))} min"
    if seconds < 86400 - 1800:
        return f"{round(seconds / 3600)} h"
    days = round(seconds / 86400)
    if days < 31:
        return f"{days} day{'s' if days != 1 else ''}"
    if days < 365:
        return f"{round(days / 30)} mo"
    return f"{days / 365:.1f} y"
