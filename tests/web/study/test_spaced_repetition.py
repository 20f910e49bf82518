"""Spaced repetition (fsrs) and streaks: ratings move due dates the right way, and persist."""
from datetime import datetime, timedelta

import pytest

from tests.web.conftest import web_config
from web import create_app
from web.models import ReviewCard
from web.study import spaced_repetition

NOW = datetime(2026, 11, 20, 9, 0)
BANK = [f"q{i}" for i in range(15)]


@pytest.fixture
def ctx(app, make_user):
    user = make_user("learner")
    with app.test_request_context():
        yield user


def test_harder_ratings_come_back_sooner(ctx):
    due = {}
    for rating in (1, 2, 3, 4):
        question = f"q{rating}"
        first = spaced_repetition.rate(ctx, question, rating, NOW).due  # a new card
        due[rating] = spaced_repetition.rate(ctx, question, 3, first).due - first  # then recalled well
    assert due[1] < due[2] < due[3] < due[4]
    assert all(interval >= timedelta(days=1) for interval in due.values())


def test_a_lapse_shortens_the_interval_a_success_lengthens_it(ctx):
    first = spaced_repetition.rate(ctx, "q0", 3, NOW).due  # rate() returns the stored row: keep its dates
    second = spaced_repetition.rate(ctx, "q0", 3, first).due
    after_lapse = spaced_repetition.rate(ctx, "q0", 1, second).due
    assert after_lapse - second < second - first
    assert spaced_repetition.rate(ctx, "q0", 4, after_lapse).due - after_lapse > after_lapse - second


def test_preview_matches_what_rating_does(ctx):
    spaced_repetition.rate(ctx, "q0", 3, NOW)
    later = NOW + timedelta(days=3)
    intervals = spaced_repetition.preview(ctx, "q0", later)
    assert intervals[1] <= intervals[2] < intervals[3] < intervals[4]
    assert spaced_repetition.rate(ctx, "q0", 3, later).due - later == intervals[3]


def test_the_queue_shrinks_as_cards_are_rated_and_new_cards_are_capped(ctx):
    queue = spaced_repetition.due_queue(ctx, BANK, NOW)
    assert queue == BANK[:spaced_repetition.NEW_PER_DAY]  # unseen questions, in bank order, capped per day
    for question in queue[:3]:
        spaced_repetition.rate(ctx, question, 3, NOW)
    assert spaced_repetition.due_queue(ctx, BANK, NOW) == BANK[3:spaced_repetition.NEW_PER_DAY]
    next_day = spaced_repetition.due_queue(ctx, BANK, NOW + timedelta(days=1))
    assert next_day == BANK[3:13]  # the rated three are not due yet; ten unseen ones are
    due_again = spaced_repetition.due_queue(ctx, BANK, NOW + timedelta(days=30))
    assert set(BANK[:3]) <= set(due_again)  # rated cards come back once due


def test_state_persists_across_sessions_and_app_restarts(app, ctx, tmp_path):
    spaced_repetition.rate(ctx, "q5", 4, NOW)
    url = app.config["DATABASE_URL"]
    restarted = create_app(web_config(tmp_path / "unused.sqlite3", DATABASE_URL=url))
    with restarted.test_request_context():
        cards = spaced_repetition.cards_of(ctx)
        assert list(cards) == ["q5"] and cards["q5"].reviews == 1
        assert spaced_repetition.due_queue(ctx, ["q5"], NOW) == []
    restarted.extensions["cvjudge.db"].engine.dispose()


def test_streak_counts_consecutive_days_ending_today_or_yesterday(ctx):
    for days_ago in (0, 1, 2, 4):
        spaced_repetition.rate(ctx, f"q{days_ago}", 3, NOW - timedelta(days=days_ago))
    assert spaced_repetition.streak(ctx, NOW.date()) == 3
    # not broken until tomorrow ends
    assert spaced_repetition.streak(ctx, (NOW + timedelta(days=1)).date()) == 3
    assert spaced_repetition.streak(ctx, (NOW + timedelta(days=2)).date()) == 0


def test_describe_intervals():
    assert [spaced_repetition.describe(timedelta(days=d)) for d in (0.2, 1, 2, 45, 800)] == \
        ["today", "1 day", "2 days", "2 mo", "2.2 y"]


def test_review_cards_are_stored_per_user(app, ctx, make_user):
    other = make_user("other")
    spaced_repetition.rate(ctx, "q0", 3, NOW)
    assert spaced_repetition.cards_of(other) == {}
    with app.app_context():
        from web.db import db
        assert db().query(ReviewCard).count() == 1
