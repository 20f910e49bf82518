"""Leaderboard order, best-per-challenge totals, the 7-day board, pages; progress and rates."""
import pytest

from tests.web.helpers import (
    add_submission,
    add_users,
    attribute_values,
    html,
    queries_for,
    script_json,
    update_user,
)
from web.practice import score_pages as scores
from web.practice import standings


def board(client, **params) -> list[tuple]:
    """(user, total, solved) in leaderboard order, from the JSON API."""
    rows = client.get("/api/v1/leaderboard", query_string=params).get_json()["rows"]
    return [(r["user"], r["total_score"], r["solved"]) for r in rows]


def test_order_is_total_then_solved_then_who_got_there_first(app, client):
    top, solver, spreader, early, late = add_users(app, "top", "solver", "spreader", "early",
                                                   "late")
    add_submission(app, top, "iou", 100, days_ago=1)
    add_submission(app, top, "nms", 100, days_ago=1)
    add_submission(app, solver, "iou", 100, days_ago=5)  # 150 with one solved
    add_submission(app, solver, "nms", 50, days_ago=5)
    add_submission(app, spreader, "iou", 75, days_ago=9)  # 150, none solved, earliest
    add_submission(app, spreader, "nms", 75, days_ago=9)
    add_submission(app, late, "iou", 100, days_ago=2)  # 100 each: earlier total wins, even
    add_submission(app, early, "iou", 100, days_ago=3)  # though `late` registered first
    assert board(client) == [("top", 200, 2), ("solver", 150, 1), ("spreader", 150, 0),
                             ("early", 100, 1), ("late", 100, 1)]


def test_the_tie_break_uses_when_the_best_was_first_reached(app, client):
    repeat, once = add_users(app, "repeat", "once")
    add_submission(app, repeat, "iou", 100, days_ago=3)
    add_submission(app, repeat, "iou", 100, days_ago=1)  # solving it again changes nothing
    add_submission(app, once, "iou", 100, days_ago=2)
    assert [user for user, *_ in board(client)] == ["repeat", "once"]


def test_the_total_counts_the_best_score_per_challenge_not_every_attempt(app, client):
    (alice,) = add_users(app, "alice")
    for score in (40, 60, 50):
        add_submission(app, alice, "iou", score)
    add_submission(app, alice, "nms", 30)
    assert board(client) == [("alice", 90, 0)]


def test_users_with_nothing_scored_are_not_ranked(app, client):
    zero, pending = add_users(app, "zero", "pending")
    add_submission(app, zero, "iou", 0)
    add_submission(app, pending, "iou", status="queued")
    assert board(client) == []


def test_the_week_board_ignores_older_submissions(app, client):
    old_timer, mixed, newcomer = add_users(app, "old_timer", "mixed", "newcomer")
    add_submission(app, old_timer, "iou", 100, days_ago=30)
    add_submission(app, mixed, "iou", 100, days_ago=8)
    add_submission(app, mixed, "nms", 50, days_ago=6)
    add_submission(app, newcomer, "iou", 70, days_ago=1)
    assert board(client, period="week") == [("newcomer", 70, 0), ("mixed", 50, 0)]
    assert board(client) == [("mixed", 150, 1), ("old_timer", 100, 1), ("newcomer", 70, 0)]
    week_page = html(client.get("/leaderboard?period=week"))
    assert attribute_values(week_page, "data-user") == ["newcomer", "mixed"]


def test_disabled_users_are_left_out(app, client):
    kept, disabled = add_users(app, "kept", "disabled")
    add_submission(app, kept, "iou", 50)
    add_submission(app, disabled, "iou", 100)
    update_user(app, disabled, active=False)
    assert board(client) == [("kept", 50, 0)]
    assert "disabled" not in attribute_values(html(client.get("/leaderboard")), "data-user")


def test_challenges_gone_from_the_catalogue_no_longer_count(app, client):
    (alice,) = add_users(app, "alice")
    add_submission(app, alice, "iou", 100)
    add_submission(app, alice, "retired", 100)
    assert board(client) == [("alice", 100, 1)]


@pytest.fixture
def five_ranked(app):
    users = add_users(app, *(f"user{n}" for n in range(5)))
    for rank, user in enumerate(users):
        add_submission(app, user, "iou", 90 - rank)
    return [f"user{n}" for n in range(5)]


def test_the_leaderboard_page_is_paginated(client, five_ranked, monkeypatch):
    monkeypatch.setattr(scores, "PAGE_SIZE", 2)
    pages = [html(client.get(f"/leaderboard?page={n}")) for n in (1, 2, 3)]
    assert [attribute_values(page, "data-user") for page in pages] == \
        [five_ranked[:2], five_ranked[2:4], five_ranked[4:]]
    assert "Page 2 of 3" in pages[1]
    assert 'href="/leaderboard?period=all&amp;page=3"' in pages[1]
    assert '<td>5</td>' in pages[2]  # ranks continue across pages


@pytest.mark.parametrize("page", ["0", "-1", "abc"])
def test_a_bad_page_number_shows_the_first_page(client, five_ranked, page):
    response = client.get(f"/leaderboard?page={page}")
    assert response.status_code == 200
    assert attribute_values(html(response), "data-user")[0] == "user0"


def test_the_api_leaderboard_pages_with_limit_and_offset(client, five_ranked):
    body = client.get("/api/v1/leaderboard?limit=2&offset=3").get_json()
    assert body["count"] == 5 and body["period"] == "all"
    assert [(r["rank"], r["user"]) for r in body["rows"]] == [(4, "user3"), (5, "user4")]


def test_the_leaderboard_shows_your_rank(app, login, five_ranked):
    alice = login("alice")
    add_submission(app, alice.user_id, "iou", 88)  # between user1 (89) and user2 (88, earlier)
    page = html(alice.client.get("/leaderboard"))
    assert "You are <strong>#4</strong> of 6 with 88 points." in page


def test_your_rank_shows_on_every_page_and_past_the_end(app, login, five_ranked, monkeypatch):
    monkeypatch.setattr(scores, "PAGE_SIZE", 2)
    alice = login("alice")
    add_submission(app, alice.user_id, "iou", 10)  # last: rank 6, on page 3
    for page in (1, 3, 99):
        assert "You are <strong>#6</strong> of 6 with 10 points." in html(
            alice.client.get(f"/leaderboard?page={page}"))
    assert attribute_values(html(alice.client.get("/leaderboard?page=99")), "data-user") == []
    assert client_count(alice, "/api/v1/leaderboard?offset=50") == 6


def client_count(browser, path: str) -> int:
    return browser.client.get(path).get_json()["count"]


def test_ranks_take_the_same_queries_for_5_or_60_ranked_users(app, login):
    """The ranking is computed by the database: a page, the count and your rank never load
    every ranked user, so the number of queries does not grow with them."""
    me = login("me")
    add_submission(app, me.user_id, "iou", 50)
    paths = ["/leaderboard", "/leaderboard?period=week", "/api/v1/leaderboard", "/users/me",
             "/progress"]
    few = [queries_for(app, me.client, path) for path in paths]
    for user in add_users(app, *(f"more{n}" for n in range(55))):
        add_submission(app, user, "nms", 70)
    assert [queries_for(app, me.client, path) for path in paths] == few
    assert "You are <strong>#56</strong> of 56" in html(me.client.get("/leaderboard"))


def test_a_page_and_your_rank_read_only_their_own_rows(app, login, monkeypatch):
    """Only the page's rows and yours leave the database, not one per ranked user."""
    me = login("me")
    add_submission(app, me.user_id, "iou", 50)
    for user in add_users(app, *(f"more{n}" for n in range(55))):
        add_submission(app, user, "nms", 70)
    built = []
    real = standings.Standing
    monkeypatch.setattr(standings, "Standing", lambda *args: built.append(args) or real(*args))
    monkeypatch.setattr(scores, "PAGE_SIZE", 10)
    for path, most in (("/leaderboard", 11), ("/api/v1/leaderboard?limit=5", 5),
                       ("/users/me", 1), ("/progress", 1)):
        built.clear()
        assert me.client.get(path).status_code == 200
        assert 1 <= len(built) <= most, (path, len(built))


def test_progress_charts_score_over_time_and_solved_by_tag(app, login):
    alice = login("alice")
    add_submission(app, alice.user_id, "iou", 40, days_ago=4)
    add_submission(app, alice.user_id, "iou", 30, days_ago=3)  # lower: no new point
    add_submission(app, alice.user_id, "nms", 100, days_ago=2)
    add_submission(app, alice.user_id, "iou", 100, days_ago=1)
    add_submission(app, alice.user_id, "conv2d", 100, kind="run")  # runs never count
    page = html(alice.client.get("/progress"))
    totals = [point["total"] for point in script_json(page, "score-data")["points"]]
    assert totals == [40, 140, 200]
    tags = {t["tag"]: (t["solved"], t["total"]) for t in script_json(page, "tag-data")["tags"]}
    catalogue = app.extensions["cvjudge.catalogue"].challenges
    for tag, (solved, total) in tags.items():
        assert total == sum(tag in c.tags for c in catalogue.values()), tag
        assert solved == sum(tag in catalogue[cid].tags for cid in ("iou", "nms")), tag
    assert tags["object-detection"][0] == 2 and tags["convolution"][0] == 0
    assert "<strong>200</strong> points" in page
    assert f"<strong>2</strong> of {len(catalogue)} solved" in page


def test_progress_with_nothing_graded_yet(login):
    page = html(login("alice").client.get("/progress"))
    assert script_json(page, "score-data") == {"points": []}
    assert "not ranked yet" in page


def test_acceptance_rates_count_graded_submits_only(app, client):
    ann, ben = add_users(app, "ann", "ben")
    add_submission(app, ann, "nms", 100)
    add_submission(app, ben, "nms", 20)
    add_submission(app, ben, "nms", 100, kind="run")
    add_submission(app, ben, "nms", status="queued")
    rates = {c["id"]: c["acceptance_rate"]
             for c in client.get("/api/v1/challenges").get_json()["challenges"]}
    assert rates["nms"] == 0.5
    assert rates["iou"] is None


def test_judge_failures_never_count_against_anyone(app, client):
    ann, ben = add_users(app, "ann", "ben")
    add_submission(app, ann, "nms", 100)
    add_submission(app, ben, "nms", 0, verdict="internal_error")
    challenges = {c["id"]: c for c in client.get("/api/v1/challenges").get_json()["challenges"]}
    assert challenges["nms"]["acceptance_rate"] == 1.0
    rows = client.get("/api/v1/leaderboard").get_json()["rows"]
    assert [row["user"] for row in rows] == ["ann"]
