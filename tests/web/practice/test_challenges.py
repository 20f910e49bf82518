"""The challenge list (difficulty, tags, acceptance, your status), the challenge page, history."""
import shutil

import pytest
from markupsafe import escape

from tests.conftest import FIXTURE_CHALLENGES
from tests.web.helpers import add_submission, add_users, attribute_values, html, script_json, table_row


def challenges(app) -> dict:
    return app.extensions["cvjudge.catalogue"].challenges


def test_the_list_shows_every_challenge_with_difficulty_and_tags(app, client):
    page = html(client.get("/"))
    assert sorted(attribute_values(page, "data-challenge")) == sorted(challenges(app))
    for challenge in challenges(app).values():
        row = table_row(page, "data-challenge", challenge.id)
        assert str(escape(challenge.title)) in row
        assert f'd-{challenge.difficulty}">{challenge.difficulty}<' in row
        for tag in challenge.tags:
            assert f'<span class="tag">{tag}</span>' in row


def test_the_list_shows_the_acceptance_rate_of_graded_submissions(app, client):
    ann, ben, cat = add_users(app, "ann", "ben", "cat")
    add_submission(app, ann, "iou", 100)
    add_submission(app, ben, "iou", 40)
    add_submission(app, ben, "iou", 100)
    add_submission(app, cat, "iou", 100, kind="run")  # runs are not graded attempts
    add_submission(app, cat, "iou", status="queued")  # nor is anything still waiting
    page = html(client.get("/"))
    assert "67% <small>of 3</small>" in table_row(page, "data-challenge", "iou")
    assert "—" in table_row(page, "data-challenge", "nms")


def test_the_list_shows_your_own_status(app, login):
    alice = login("alice")
    add_submission(app, alice.user_id, "iou", 30)
    add_submission(app, alice.user_id, "iou", 100)
    add_submission(app, alice.user_id, "nms", 40)
    add_submission(app, alice.user_id, "nms", 25)
    add_submission(app, add_users(app, "bob")[0], "conv2d", 100)  # someone else's
    page = html(alice.client.get("/"))
    assert "solved" in table_row(page, "data-challenge", "iou")
    assert "40/100" in table_row(page, "data-challenge", "nms")
    assert "not tried" in table_row(page, "data-challenge", "conv2d")
    assert "not tried" in table_row(page, "data-challenge", "map")


def test_the_tag_filter_keeps_only_tagged_challenges(app, client):
    expected = sorted(c.id for c in challenges(app).values() if "boxes" in c.tags)
    assert len(expected) >= 2
    page = html(client.get("/?tag=boxes"))
    assert sorted(attribute_values(page, "data-challenge")) == expected
    assert 'href="/?tag=boxes" aria-current="page"' in page


def test_the_challenge_page_renders_statement_maths_starter_and_examples(app, client):
    iou = challenges(app)["iou"]
    response = client.get("/challenges/iou")
    page = html(response)
    assert response.status_code == 200
    assert f"<h1>{iou.title}</h1>" in page
    assert 'class="math' in page
    assert "<h2>Contract</h2>" in page  # Markdown headings, not the raw '## Contract'
    assert script_json(page, "starter-code") == iou.starter
    assert page.count('<div class="example">') == len(iou.examples) > 0


def test_the_challenge_page_asks_anonymous_visitors_to_log_in(client):
    page = html(client.get("/challenges/iou"))
    assert 'href="/login?next=/challenges/iou"' in page
    assert 'id="submit-code"' not in page


def test_the_challenge_page_offers_run_and_submit_and_your_best(app, login):
    alice = login("alice")
    add_submission(app, alice.user_id, "iou", 60)
    page = html(alice.client.get("/challenges/iou"))
    assert 'id="run-examples"' in page and 'id="submit-code"' in page
    assert "your best: 60/100" in page


def test_a_pending_submission_is_resumed_after_a_reload(app, login):
    alice = login("alice")
    pending = add_submission(app, alice.user_id, "iou", status="queued")
    assert f'data-pending-id="{pending}"' in html(alice.client.get("/challenges/iou"))


def test_an_unknown_challenge_is_a_404_page(client):
    response = client.get("/challenges/no-such-thing")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert "no challenge called &#39;no-such-thing&#39;" in html(response)


def test_history_lists_only_your_own_graded_submissions(app, login):
    alice = login("alice")
    mine = add_submission(app, alice.user_id, "iou", 50)
    queued = add_submission(app, alice.user_id, "iou", status="queued")
    add_submission(app, alice.user_id, "iou", 100, kind="run")
    add_submission(app, alice.user_id, "nms", 100)
    add_submission(app, add_users(app, "bob")[0], "iou", 100)
    response = alice.client.get("/challenges/iou/history")
    assert response.status_code == 200
    assert attribute_values(html(response), "data-submission-id") == [str(queued), str(mine)]


def test_history_of_an_unknown_challenge_is_a_404(login):
    assert login("alice").client.get("/challenges/nope/history").status_code == 404


HOSTILE_STARTER = 'def add(a, b):\n    return "</script><script>alert(1)</script><!--"\n'


class TestHostileStarter:
    """A starter holding `</script>` must not end the JSON island it travels in."""

    @pytest.fixture
    def app_config(self, tmp_path):
        root = tmp_path / "challenges"
        shutil.copytree(FIXTURE_CHALLENGES / "add", root / "add")
        (root / "add" / "starter.py").write_text(HOSTILE_STARTER)
        return {"CHALLENGES_DIR": str(root), "QUESTIONS_DIR": str(tmp_path / "no-questions")}

    def test_the_starter_is_escaped_inside_its_script_tag(self, client):
        page = html(client.get("/challenges/add"))
        assert script_json(page, "starter-code") == HOSTILE_STARTER
        assert "<script>alert(1)" not in page
        assert "\\u003c/script\\u003e" in page or "<\\/script>" in page
