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
    first, then = {}, {}
    for rating in (1, 2, 3, 4):
        question = f"q{rating}"
        due = spaced_repetition.rate(ctx, question, rating, NOW).due  # a new card
        first[rating] = due - NOW
        then[rating] = spaced_repetition.rate(ctx, question, 3, due).due - due  # then recalled well
    assert first[1] < first[2] < first[3] < first[4]
    assert first[2] < timedelta(hours=1) and first[3] >= timedelta(days=1)  # again, hard: this session
    assert then[1] <= then[2] <= then[3] <= then[4]
    assert all(interval >= timedelta(days=1) for interval in then.values())


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
        ["5 h", "1 day", "2 days", "2 mo", "2.2 y"]
    assert spaced_repetition.describe(timedelta(minutes=10)) == "10 min"
    assert spaced_repetition.describe(timedelta(seconds=5)) == "1 min"


def test_again_on_a_known_card_brings_it_back_in_the_same_session(ctx):
    first = spaced_repetition.rate(ctx, "q0", 3, NOW).due  # learnt: back in days
    assert first - NOW >= timedelta(days=1)
    intervals = spaced_repetition.preview(ctx, "q0", first)
    assert intervals[1] == spaced_repetition.STEP  # a lapse: relearn in ten minutes
    assert intervals[2] >= timedelta(days=1)  # hard is no longer the same as again
    assert spaced_repetition.describe(intervals[1]) == "10 min"
    lapsed = spaced_repetition.rate(ctx, "q0", 1, first).due
    assert lapsed == first + spaced_repetition.STEP
    soon = first + timedelta(minutes=1)
    queue = spaced_repetition.due_queue(ctx, BANK, soon)
    assert queue[-1] == "q0" and queue[0] != "q0"  # unseen cards first, the lapse at the end
    assert spaced_repetition.due_queue(ctx, BANK, lapsed)[0] == "q0"  # first once its step is over
    assert spaced_repetition.rate(ctx, "q0", 3, lapsed).due - lapsed >= timedelta(days=1)


def test_a_new_card_rated_again_is_seen_again_today(ctx):
    again = spaced_repetition.rate(ctx, "q1", 1, NOW).due
    assert again - NOW == spaced_repetition.STEP
    assert "q1" in spaced_repetition.due_queue(ctx, BANK, NOW + timedelta(minutes=1))


def test_review_cards_are_stored_per_user(app, ctx, make_user):
    other = make_user("other")
    spaced_repetition.rate(ctx, "q0", 3, NOW)
    assert spaced_repetition.cards_of(other) == {}
    with app.app_context():
        from web.db import db
        assert db().query(ReviewCard).count() == 1
