"""Public profiles and the account page (bio, API tokens)."""
from sqlalchemy import select

from tests.web.helpers import add_submission, add_users, html, new_token, session
from web.models import ApiToken


def test_a_profile_shows_rank_points_and_best_scores(app, client):
    ann, ben = add_users(app, "ann", "ben")
    add_submission(app, ann, "iou", 100)
    add_submission(app, ben, "iou", 100, days_ago=1)
    add_submission(app, ben, "nms", 30)
    add_submission(app, ben, "nms", 60)
    page = html(client.get("/users/ben"))
    assert "<h1>ben</h1>" in page
    assert "rank <strong>#1</strong>" in page and "<strong>160</strong> points" in page
    assert "<strong>1</strong> solved" in page
    assert "<td>Greedy non-maximum suppression</td><td>60</td>" in page


def test_a_profile_is_found_whatever_the_case(app, client):
    add_users(app, "Ann")
    assert "<h1>Ann</h1>" in html(client.get("/users/aNN"))


def test_an_unranked_profile_says_so(app, client):
    add_users(app, "ann")
    assert "Not ranked yet." in html(client.get("/users/ann"))


def test_unknown_and_disabled_users_have_no_profile(app, client):
    add_users(app, "gone", active=False)
    assert client.get("/users/nobody").status_code == 404
    assert client.get("/users/gone").status_code == 404


def test_the_bio_is_saved_and_shown_on_the_profile(login, client):
    alice = login("alice")
    response = alice.post_form("/account", {"bio": "I like *boxes*."}, page="/account")
    assert response.status_code == 302 and response.headers["Location"] == "/account"
    assert "Profile saved." in html(alice.client.get("/account"))
    assert "I like <em>boxes</em>." in html(client.get("/users/alice"))


def test_a_bio_over_2000_characters_is_not_saved(login, client):
    alice = login("alice")
    response = alice.post_form("/account", {"bio": "x" * 2001}, page="/account")
    assert "Field cannot be longer than 2000 characters." in html(response)
    assert "xxxx" not in html(client.get("/users/alice"))


def token_ids(app) -> list[int]:
    with session(app) as s:
        return list(s.scalars(select(ApiToken.id).order_by(ApiToken.id)))


def test_tokens_are_listed_by_name_and_prefix_and_can_be_revoked(app, login):
    alice = login("alice")
    new_token(alice, "laptop")
    new_token(alice, "ci")
    page = html(alice.client.get("/account"))
    assert "<td>laptop</td>" in page and "<td>ci</td>" in page
    laptop, ci = token_ids(app)
    response = alice.post_form(f"/account/tokens/{laptop}/revoke", {}, page="/account")
    assert response.headers["Location"] == "/account"
    page = html(alice.client.get("/account"))
    assert "Token “laptop” revoked." in page
    assert "<td>laptop</td>" not in page and "<td>ci</td>" in page
    assert token_ids(app) == [ci]


def test_nobody_revokes_someone_elses_token(app, login):
    new_token(login("alice"))
    (token_id,) = token_ids(app)
    bob = login("bob")
    assert bob.post_form(f"/account/tokens/{token_id}/revoke", {}).status_code == 404
    assert bob.post_form("/account/tokens/999/revoke", {}).status_code == 404
    assert token_ids(app) == [token_id]
